package io.industryts.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The launcher's logging (slf4j-simple): without --verbose no runner logger that prints a failed
 * task's stack trace is on (Flink's BatchTask and Task, Beam's FlinkRunner, the DirectRunner's
 * executor); with --verbose they log at info level. The loggers are looked up by name after the
 * configuration, as the runners create them.
 */
class LoggingTest {
  private static final String PREFIX = "org.slf4j.simpleLogger.log.";
  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void save() {
    for (String k : keys()) {
      saved.put(k, System.getProperty(k));
      System.clearProperty(k);
    }
  }

  @AfterEach
  void restore() {
    for (String k : keys()) {
      if (saved.get(k) == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, saved.get(k));
      }
    }
  }

  private static List<String> keys() {
    List<String> keys = new java.util.ArrayList<>();
    for (String logger : Main.QUIET_LOGGERS) {
      keys.add(PREFIX + logger);
    }
    keys.add("org.slf4j.simpleLogger.defaultLogLevel");
    return keys;
  }

  @Test
  void withoutVerboseTheLoggersOfFailedTasksAreOff() {
    Main.configureLogging(new String[] {"run", "job.toml", "--runner=FlinkRunner"});
    for (String name :
        List.of(
            "org.apache.flink.runtime.operators.BatchTask",
            "org.apache.flink.runtime.taskmanager.Task",
            "org.apache.beam.runners.flink.FlinkRunner")) {
      assertFalse(LoggerFactory.getLogger(name).isErrorEnabled(), name + " logs errors");
    }
    // an existing logger keeps its level (other tests of this JVM may have made this one): the
    // launcher configures logging before any runner makes it
    assertEquals(
        "off",
        System.getProperty(PREFIX + "org.apache.beam.runners.direct.DirectTransformExecutor"));
    assertEquals("off", System.getProperty(PREFIX + "org.apache.flink"));
    // the launcher's and Beam's other warnings stay (default level warn)
    assertTrue(LoggerFactory.getLogger("org.apache.beam.sdk.Pipeline").isWarnEnabled());
    assertFalse(LoggerFactory.getLogger("org.apache.beam.sdk.Pipeline").isInfoEnabled());
  }

  @Test
  void verboseLogsEverythingAtInfo() {
    // "--" ends the launcher's arguments: a Beam "-v" after it is not the launcher's
    Main.configureLogging(new String[] {"run", "job.toml", "--", "-v"});
    assertEquals("off", System.getProperty(PREFIX + "org.apache.flink"));
    System.clearProperty(PREFIX + "org.apache.flink");
    System.clearProperty(PREFIX + "org.apache.beam.runners.flink");
    Main.configureLogging(new String[] {"--verbose", "run", "job.toml"});
    assertNull(System.getProperty(PREFIX + "org.apache.flink"));
    assertNull(System.getProperty(PREFIX + "org.apache.beam.runners.flink"));
    // read by slf4j-simple once, when the first logger is made (in the launcher: after this)
    assertEquals("info", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
    assertTrue(
        LoggerFactory.getLogger("org.apache.flink.runtime.taskmanager.TaskVerbose")
            .isWarnEnabled());
  }
}
