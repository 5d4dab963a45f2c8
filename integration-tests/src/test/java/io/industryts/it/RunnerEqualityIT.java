package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example job and the benchmark pipeline give the same output file on the DirectRunner, the
 * FlinkRunner (embedded, parallelism 2) and the SparkRunner ({@code local[2]}): same header, same
 * rows in the same order, numbers equal to 1e-12 (relative above 1), other cells equal as text.
 * Runs the jar built with both runners (runner-equality profile; docs/cluster.md).
 */
class RunnerEqualityIT {
  /** Absolute tolerance for |x| <= 1, relative above. */
  private static final double TOLERANCE = 1e-12;

  /** DirectRunner output per job, computed once for both other runners. */
  private static final Map<String, List<String>> DIRECT = new ConcurrentHashMap<>();

  private static Path out() throws IOException {
    Path dir = Path.of("target", "runner-equality").toAbsolutePath();
    Files.createDirectories(dir);
    return dir;
  }

  /** The job files of examples/configs with the input each reads. */
  static Stream<Arguments> jobsOnFlinkAndSpark() {
    return Stream.of("FlinkRunner", "SparkRunner")
        .flatMap(
            runner ->
                Stream.of(
                    Arguments.of("quickstart.toml", "sensors.csv", runner),
                    Arguments.of("basic_pipeline.toml", "sensors.csv", runner),
                    Arguments.of("feature_engineering.toml", "sensors.csv", runner),
                    Arguments.of("production_pipeline.toml", "tags_long.csv", runner),
                    Arguments.of("tags_long.toml", "tags_long.csv", runner),
                    // the benchmark pipeline on the sample data in the benchmark's shape
                    Arguments.of("standard_pipeline.toml", "sensors_wide.csv", runner)));
  }

  private static Path sampleInput(String name) {
    return Launcher.sampleData().resolve(name);
  }

  /** Runs {@code job} on {@code runner} (parallelism 2) and returns the output file's lines. */
  private static List<String> run(String job, Path input, String runner, String... javaArgs)
      throws IOException {
    String tag =
        job.replace(".toml", "")
            + "-"
            + input.getFileName().toString().replace(".csv", "")
            + "-"
            + runner;
    Path output = out().resolve(tag + ".csv");
    Path errors = out().resolve(tag + "-bad.csv");
    Files.deleteIfExists(output);
    Launcher.Result r =
        Launcher.runJar(
            RunnerJars.flinkSparkJar(),
            Launcher.javas().get(0),
            "run",
            "examples/configs/" + job,
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--errors",
            errors.toString(),
            "--runner=" + runner,
            "--parallelism",
            "2");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.err, containsString("on " + runner + " (2 "));
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(
        r.err,
        containsString(
            String.format("industryts: wrote %,d rows to %s", lines.size() - 1, output)));
    assertThat(r.err.contains("counts do not add up"), is(false));
    return lines;
  }

  private static List<String> direct(String job, Path input) {
    return DIRECT.computeIfAbsent(
        job + " " + input,
        k -> {
          try {
            return run(job, input, "DirectRunner");
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("jobsOnFlinkAndSpark")
  void exampleJobWritesTheSameFileAsOnTheDirectRunner(String job, String input, String runner)
      throws IOException {
    Path in = sampleInput(input);
    List<String> expected = direct(job, in);
    assertThat(job + " wrote rows", expected.size(), greaterThan(1));
    assertSameTable(run(job, in, runner), expected);
  }

  @ParameterizedTest(name = "standard pipeline, 200,000 rows, on {0}")
  @MethodSource("flinkAndSpark")
  void benchmarkPipelineOnGeneratedDataIsTheSameAsOnTheDirectRunner(String runner)
      throws IOException {
    // 200,000 rows of the benchmark's shape: four segments of the default 65,536 rows, so the
    // runners really split the series and join the halos across workers
    Path in = RunnerJars.generated("wide_200000.csv", "wide", "200000");
    List<String> expected = direct("standard_pipeline.toml", in);
    assertThat(expected.size(), greaterThan(3000));
    assertSameTable(run("standard_pipeline.toml", in, runner), expected);
  }

  static Stream<String> flinkAndSpark() {
    return Stream.of("FlinkRunner", "SparkRunner");
  }

  @Test
  void flinkAndSparkRunOnEveryInstalledJdkWithoutExtraFlags() throws IOException {
    Path in = sampleInput("sensors.csv");
    List<String> expected = direct("basic_pipeline.toml", in);
    for (Path java : Launcher.javas()) {
      for (String runner : List.of("FlinkRunner", "SparkRunner")) {
        Path output = out().resolve("jdk-" + runner + ".csv");
        Files.deleteIfExists(output);
        Launcher.Result r =
            Launcher.runJar(
                RunnerJars.flinkSparkJar(),
                java,
                "run",
                "examples/configs/basic_pipeline.toml",
                "--input",
                in.toString(),
                "--output",
                output.toString(),
                "--errors",
                out().resolve("jdk-bad.csv").toString(),
                "--runner=" + runner,
                "--parallelism",
                "2");
        assertThat(java + " " + runner + ": " + r, r.exitCode, is(0));
        assertSameTable(Files.readAllLines(output, StandardCharsets.UTF_8), expected);
      }
    }
  }

  /** Same header, same number of rows, every cell equal (numbers to {@link #TOLERANCE}). */
  static void assertSameTable(List<String> actual, List<String> expected) {
    assertThat("header", actual.get(0), equalTo(expected.get(0)));
    assertThat("rows", actual.size(), is(expected.size()));
    for (int i = 1; i < expected.size(); i++) {
      if (actual.get(i).equals(expected.get(i))) {
        continue;
      }
      String[] a = actual.get(i).split(",", -1);
      String[] e = expected.get(i).split(",", -1);
      assertThat("cells of line " + (i + 1) + ": " + actual.get(i), a.length, is(e.length));
      for (int c = 0; c < e.length; c++) {
        if (!a[c].equals(e[c])) {
          String where =
              "line "
                  + (i + 1)
                  + " column "
                  + expected.get(0).split(",")[c]
                  + ": expected "
                  + e[c]
                  + " got "
                  + a[c];
          assertThat(where, closeEnough(a[c], e[c]), is(true));
        }
      }
    }
  }

  private static boolean closeEnough(String a, String e) {
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(e);
      return Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.abs(y));
    } catch (NumberFormatException notNumbers) {
      return false;
    }
  }

  @Test
  void comparisonCatchesADifferenceAboveTheTolerance() {
    List<String> expected = List.of("t,v", "1,0.5", "2,1000.0");
    assertSameTable(List.of("t,v", "1,0.5000000000001", "2,1000.0000000001"), expected);
    AssertionError e =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class,
            () -> assertSameTable(List.of("t,v", "1,0.500000000002", "2,1000.0"), expected));
    assertThat(e.getMessage(), containsString("line 2 column v: expected 0.5 got 0.500000000002"));
  }
}
