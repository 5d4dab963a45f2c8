package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One long series and many series both keep the two workers of a FlinkRunner run (parallelism 2)
 * busy: benchmarks/WorkerCpu.java records the job and counts CPU samples per Flink worker thread;
 * the engine's stages (segmenting and the passes) must give each worker a fair share. The record at
 * 10M rows and 1,000 series comes from benchmarks/run-runners.sh.
 */
class RunnerSplitIT {
  private static final Pattern ENGINE =
      Pattern.compile("ENGINE 2 samples (\\d+) (\\d+) min_share ([0-9.]+)");

  /** Smallest part of the engine's samples one of the two workers may have. */
  private static final double FAIR_SHARE = 0.3;

  /**
   * Runs WorkerCpu around a FlinkRunner job, with {@code beamArgs} after the launcher's bare {@code
   * --}; returns its stdout (the table).
   */
  private static String workerCpu(String job, Path input, String name, String... beamArgs)
      throws IOException, InterruptedException {
    Path dir = Path.of("target", "runner-split").toAbsolutePath();
    Files.createDirectories(dir);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    String java = Launcher.javas().get(0).toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                Launcher.projectDir().resolve("benchmarks/WorkerCpu.java").toString(),
                "--",
                java));
    cmd.addAll(
        List.of(
            "-jar",
            RunnerJars.flinkSparkJar().toString(),
            "run",
            job,
            "--input",
            input.toString(),
            "--output",
            dir.resolve(name + ".csv").toString(),
            "--runner=FlinkRunner",
            "--parallelism",
            "2"));
    if (beamArgs.length > 0) {
      cmd.add("--");
      cmd.addAll(List.of(beamArgs));
    }
    Process p =
        new ProcessBuilder(cmd)
            .directory(Launcher.projectDir().toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + cmd);
    }
    String table = Files.readString(out, StandardCharsets.UTF_8);
    String log = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(log + table, p.exitValue(), is(0));
    assertThat(log, containsString("industryts: wrote "));
    return table;
  }

  private static void assertBothWorkersBusy(String table) {
    Matcher m = ENGINE.matcher(table);
    assertThat(table, m.find(), is(true));
    long w1 = Long.parseLong(m.group(1));
    long w2 = Long.parseLong(m.group(2));
    assertThat(table, w1 + w2, greaterThanOrEqualTo(20L));
    assertThat(table, Math.min(w1, w2) / (double) (w1 + w2), greaterThanOrEqualTo(FAIR_SHARE));
  }

  @Test
  void oneLongSeriesKeepsBothFlinkWorkersBusy() throws Exception {
    // 400,000 rows in segments of 16,384 (--segmentRows): 25 segments of one series,
    // as 10M rows make 153 segments of the default 65,536
    Path in = RunnerJars.generated("wide_400000.csv", "wide", "400000");
    assertBothWorkersBusy(
        workerCpu(
            "examples/configs/standard_pipeline.toml", in, "one-series", "--segmentRows=16384"));
  }

  @Test
  void manySeriesKeepBothFlinkWorkersBusy() throws Exception {
    Path in = RunnerJars.generated("long_200x2000.csv", "long", "200", "2000");
    assertBothWorkersBusy(workerCpu("benchmarks/keyed_pipeline.toml", in, "many-series"));
  }

  @Test
  void workerTableCountsEachWorkersSamples() {
    String table = "ENGINE 2 samples 30 10 min_share 0.25\n";
    AssertionError e =
        org.junit.jupiter.api.Assertions.assertThrows(
            AssertionError.class, () -> assertBothWorkersBusy(table));
    assertThat(e.getMessage(), containsString("ENGINE 2 samples 30 10"));
  }
}
