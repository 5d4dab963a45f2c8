package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job larger than the Java heap completes on the FlinkRunner's local mode (README, "Memory
 * limits"): Flink groups in managed memory and spills to disk, and the writer never holds the whole
 * output in one place (each segment goes to a part file, the output is written from the parts in
 * order). Also: a job that fails inside a Flink task reports it in one paragraph, without Flink's
 * stack traces unless --verbose. Runs the Flink jar (runner-equality profile).
 */
class RunnerMemoryIT {
  /**
   * The heap of both runs: the DirectRunner, which keeps the job's data on the heap (about 1.5 GB
   * for these 3M rows, README "Memory limits"), runs out of it; Flink completes. (With 256 MB the
   * engine's segment grouping on Flink runs out too: Beam's Flink GroupByKey holds a key's values
   * in memory.)
   */
  private static final String SMALL_HEAP = "-Xmx512m";

  @TempDir Path tmp;

  @Test
  void benchmarkJobLargerThanTheHeapCompletesOnFlinkWithTheDirectRunnersOutput()
      throws IOException {
    Path in = RunnerJars.generated("wide_3000000.csv", "wide", "3000000");
    Path tooSmall = tmp.resolve("direct-small/out.csv");
    Launcher.Result small = runStandardJob(SMALL_HEAP, in, tooSmall);
    assertThat(small.toString(), small.exitCode, is(1));
    assertThat(small.err, containsString("ran out of memory while the job ran"));
    Path flinkOut = tmp.resolve("flink/out.csv");
    Path directOut = tmp.resolve("direct/out.csv");
    Launcher.Result flink =
        runStandardJob(SMALL_HEAP, in, flinkOut, "--runner=FlinkRunner", "--parallelism", "2");
    assertThat(flink.toString(), flink.exitCode, is(0));
    assertThat(flink.err, not(containsString("\tat ")));
    // the DirectRunner (whole input on the heap) with Flink's segment size, so that the
    // whole-series sums are added in the same order: the same bytes
    Launcher.Result direct = runStandardJob("-Xmx3g", in, directOut, "--", "--segmentRows=65536");
    assertThat(direct.toString(), direct.exitCode, is(0));
    List<String> lines = Files.readAllLines(directOut, StandardCharsets.UTF_8);
    // 3,000,000 rows at 1 s cadence with ~0.5 % of seconds missing, resampled to 1 min
    assertEquals(1 + 50_202, lines.size());
    assertThat(
        flink.err,
        containsString(String.format("industryts: wrote %,d rows to %s", 50_202, flinkOut)));
    assertArrayEquals(Files.readAllBytes(directOut), Files.readAllBytes(flinkOut));
    // no part files or temporaries left behind
    assertThat(leftovers(flinkOut.getParent()), empty());
  }

  @Test
  void aJobFailingInAFlinkTaskPrintsOneParagraphAndNoStackTraceWithoutVerbose() throws IOException {
    Path input = tmp.resolve("in.csv");
    Files.writeString(
        input,
        "time,v\n2024-01-01T00:00:00,1\nnot a time,2\n2024-01-01T00:00:02,3\n",
        StandardCharsets.UTF_8);
    Path job = tmp.resolve("job.toml");
    Files.writeString(
        job,
        "[pipeline]\nname = \"bad_row\"\n\n[[operations]]\ntype = \"fill_null\"\n"
            + "method = \"forward\"\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("out/r.csv");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "old");
    String[] args = {
      "run",
      job.toString(),
      "--input",
      input.toString(),
      "--output",
      out.toString(),
      "--runner=FlinkRunner",
      "--parallelism",
      "2"
    };
    Launcher.Result quiet = runFlinkJar(List.of(), args);
    assertThat(quiet.toString(), quiet.exitCode, is(1));
    assertThat(quiet.err, containsString(input + ":3: time column \"time\""));
    assertThat(
        quiet.err,
        containsString(
            "To keep bad rows and continue, add --errors bad_rows.csv (or [output] errors ="));
    assertThat(quiet.err, not(containsString("ERROR BatchTask")));
    assertThat(quiet.err, not(containsString("WARN Task")));
    assertThat(quiet.err, not(containsString("Pipeline execution failed")));
    assertThat(quiet.err, not(containsString("\tat ")));
    assertThat(quiet.err, not(containsString("Exception:")));
    assertEquals("old", Files.readString(out));
    String[] verboseArgs =
        Stream.concat(Stream.of("--verbose"), Stream.of(args)).toArray(String[]::new);
    Launcher.Result verbose = runFlinkJar(List.of(), verboseArgs);
    assertThat(verbose.toString(), verbose.exitCode, is(1));
    assertThat(verbose.err, containsString("\tat "));
    assertEquals("old", Files.readString(out));
  }

  /**
   * Runs the standard benchmark job from {@code in} to {@code out} with the Flink jar on a heap of
   * {@code heap}, the launcher's other arguments ({@code --runner=...}, {@code -- ...}) last.
   */
  private static Launcher.Result runStandardJob(String heap, Path in, Path out, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "run",
            "examples/configs/standard_pipeline.toml",
            "--input",
            in.toString(),
            "--output",
            out.toString()));
    args.addAll(List.of(more));
    return runFlinkJar(List.of("-XX:+UseParallelGC", heap), args.toArray(String[]::new));
  }

  /** The Flink jar with the first Java found and these JVM flags and launcher arguments. */
  private static Launcher.Result runFlinkJar(List<String> jvmFlags, String... args) {
    return Launcher.runJar(RunnerJars.flinkJar(), Launcher.javas().get(0), jvmFlags, args);
  }

  /** Files in {@code dir} other than the outputs: temporaries, part directories. */
  private static List<String> leftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("."))
          .collect(Collectors.toList());
    }
  }
}
