package io.industryts.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.config.JobConfig;
import io.industryts.config.OperationRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named inputs of a job after command-line overrides (SEMANTICS §2.7). */
class NamedInputsTest {
  private static final JobConfig JOB =
      JobConfig.parse(
          "[inputs.weather]\npath = \"weather.csv\"\n[inputs.prices]\npath = \"prices.csv\"\n",
          "job.toml",
          OperationRegistry.load());

  @Test
  void fileInputsAreReadAsDeclared() {
    assertEquals(
        Map.of("weather", "weather.csv", "prices", "prices.csv"),
        JobPipeline.namedInputPaths(JOB, JobPipeline.Overrides.none()));
  }

  @Test
  void theCommandLineReplacesAPathAndAddsNewNames() {
    assertEquals(
        Map.of("weather", "/data/w2.csv", "prices", "prices.csv", "extra", "x.csv"),
        JobPipeline.namedInputPaths(
            JOB,
            JobPipeline.Overrides.none()
                .withInput("weather", "/data/w2.csv")
                .withInput("extra", "x.csv")));
  }
}
