package io.industryts.config.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.config.ConfigException;
import io.industryts.config.JobConfig;
import io.industryts.config.OperationRegistry;
import io.industryts.engine.spi.Operation;

/**
 * One-step TOML jobs parsed through the registry found by {@code ServiceLoader}, for the tests
 * comparing TOML steps with the Java factories.
 */
final class TomlSteps {
  /** The registry of every provider on the class path. */
  static final OperationRegistry REGISTRY = OperationRegistry.load();

  private TomlSteps() {}

  /** The operation of the single step {@code body} (the lines after {@code [[operations]]}). */
  static Operation step(String body) {
    return JobConfig.parse("[[operations]]\n" + body, "job.toml", REGISTRY)
        .steps()
        .get(0)
        .operation();
  }

  /** Same class and same rendering, which reads like the TOML step. */
  static void assertSame(Operation java, Operation toml) {
    assertEquals(java.getClass(), toml.getClass());
    assertEquals(java.toString(), toml.toString());
  }

  /** The message of the configuration error {@code body} is reported with. */
  static String problems(String body) {
    return assertThrows(
            ConfigException.class,
            () -> JobConfig.parse("[[operations]]\n" + body, "job.toml", REGISTRY))
        .getMessage();
  }
}
