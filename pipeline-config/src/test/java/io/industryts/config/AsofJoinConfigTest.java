package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.ops.AsofJoin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code asof_join} in TOML (SEMANTICS §2.2.4, §2.7): named inputs, the step's keys built into the
 * Java operation, and the configuration errors, with the real providers.
 */
class AsofJoinConfigTest {
  private static final Path DIR = Path.of("src/test/resources/configs/asof");
  private static final OperationRegistry REGISTRY = OperationRegistry.load();

  @Test
  void everyKeyBuildsTheJavaOperation() {
    JobConfig job = JobConfig.load(DIR.resolve("weather_join.toml"), REGISTRY);
    AsofJoin java =
        AsofJoin.withInput("weather")
            .withRightTimeColumn("obs_time")
            .columns("air_temp")
            .nearest()
            .withTolerance(Duration.standardMinutes(30))
            .disallowExactMatches()
            .withSuffix("_w");
    assertEquals(java.toString(), job.steps().get(0).operation().toString());
    assertEquals("obs_time", ((AsofJoin) job.steps().get(0).operation()).rightTimeColumn().get());
  }

  @Test
  void namedInputTablesHaveTheKeysOfInput() {
    JobConfig job = JobConfig.load(DIR.resolve("weather_join.toml"), REGISTRY);
    InputConfig weather = job.extraInputs().get("weather");
    assertEquals("weather", weather.name());
    assertEquals("weather.csv", weather.path());
    assertEquals(";", weather.delimiter());
    assertEquals(List.of("weather"), List.copyOf(job.extraInputs().keySet()));
  }

  @Test
  void anInputGivenOnTheCommandLineCountsAsRegistered() {
    JobConfig job =
        JobConfig.load(DIR.resolve("invalid/unregistered_input.toml"), REGISTRY, Set.of("weather"));
    assertEquals("weather", ((AsofJoin) job.steps().get(0).operation()).rightInput());
  }

  @Test
  void defaultsAreBackwardExactNoToleranceAndRightSuffix() {
    JobConfig job =
        JobConfig.parse(
            "[inputs.w]\npath = \"w.csv\"\n[[operations]]\n"
                + "type = \"asof_join\"\nright = \"w\"\n",
            "job.toml",
            REGISTRY);
    assertEquals(AsofJoin.withInput("w").toString(), job.steps().get(0).operation().toString());
    assertEquals(
        "{name=\"<index>_<type>\", right=\"w\", right_time_column=auto (time column rules on "
            + "the right schema), by=pipeline key_columns, columns=right fields except its time "
            + "column and by, direction=\"backward\", allow_exact_matches=true, "
            + "suffix=\"_right\"}",
        job.steps().get(0).params().resolved().toString());
  }

  static Stream<Path> invalidFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR.resolve("invalid"))) {
      return files.filter(f -> f.toString().endsWith(".toml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void reportsExactlyThePinnedProblems(Path file) throws IOException {
    List<String> expected =
        Files.readAllLines(file).stream()
            .filter(l -> l.startsWith("# expect: "))
            .map(l -> file + ":" + l.substring("# expect: ".length()))
            .collect(Collectors.toList());
    ConfigException e = assertThrows(ConfigException.class, () -> JobConfig.load(file, REGISTRY));
    assertEquals(
        expected, e.problems().stream().map(ConfigProblem::toString).collect(Collectors.toList()));
  }
}
