package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around a run, through the jar (ARCHITECTURE §5: outputs appear atomically or not at all,
 * nothing is lost silently, no stack trace without --verbose): the heap running out, clashing
 * output paths, an output directory that is read-only or full, SIGTERM and kill -9 during a write.
 *
 * <p>Read-only and full destinations need a file system the test can make so: as root (a root
 * process ignores directory permissions) the test mounts a small tmpfs, read-only or of 64 KiB, and
 * unmounts it afterwards; otherwise the read-only case uses a directory without write permission
 * and the full-disk case is skipped, as there is no other way to fill a file system on purpose.
 */
class FaultsIT {
  private static final String JOB =
      String.join(
          "\n",
          "[pipeline]",
          "name = \"faults\"",
          "",
          "[[operations]]",
          "type = \"fill_null\"",
          "method = \"forward\"",
          "");

  @TempDir Path tmp;

  private Path mounted;

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      exec("umount", mounted.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Out of memory (item: any end state other than DONE fails)

  @Test
  void heapExhaustedWhileReadingFailsInOneParagraphAndReplacesNoOutput() throws IOException {
    Path input = csv("big.csv", 400_000);
    Path out = old("out/result.csv");
    Path job = job("job.toml");
    Launcher.Result r =
        Launcher.runJar(
            Launcher.jar(),
            Launcher.javas().get(0),
            List.of("-XX:+UseParallelGC", "-Xmx32m"),
            "run",
            job.toString(),
            "--input",
            input.toString(),
            "--output",
            out.toString());
    assertThat(r.toString(), r.exitCode, is(1));
    assertThat(r.err, containsString("failed: the Java heap ("));
    assertThat(
        r.err, containsString("ran out of memory while the job ran; no output was" + " replaced."));
    assertThat(r.err, containsString("INDUSTRYTS_JAVA_OPTS=\"-Xmx8g\""));
    assertThat(r.err, containsString("Flink runner, whose local mode spills to disk"));
    assertThat(r.err, containsString("README, \"Memory limits\""));
    assertThat(r.err, not(containsString("\tat ")));
    assertThat(r.err, not(containsString("done in")));
    assertThat(r.err, not(containsString("wrote ")));
    assertEquals("old", Files.readString(out));
    assertThat(temporaries(out.getParent()), empty());
  }

  // ---------------------------------------------------------------------------------------------
  // Clashing paths

  @Test
  void errorsEqualToOutputIsRefusedBeforeRunning() throws IOException {
    Path input = csv("in.csv", 10);
    Path job = job("job.toml");
    String out = tmp.resolve("out/r.csv").toString();
    String same = tmp.resolve("out/../out/r.csv").toString();
    Launcher.Result r =
        Launcher.run(
            "run", job.toString(), "--input", input.toString(), "--output", out, "--errors", same);
    assertThat(r.toString(), r.exitCode, is(2));
    assertThat(
        r.err,
        containsString(
            "industryts: output "
                + out
                + " and errors file "
                + same
                + " are the same file ("
                + tmp.toRealPath().resolve("out/r.csv")
                + "): the dead-letter"
                + " records would overwrite the results. Give each its own path (--output, --errors, or"
                + " [output] path / errors in the job file), e.g. --errors "));
    assertThat(r.err, containsString("; nothing was run."));
    assertThat(r.err, not(containsString("running")));
    assertTrue(Files.notExists(tmp.resolve("out")));
  }

  @Test
  void oneOutputPathTwiceInTheJobFileIsRefusedBeforeRunning() throws IOException {
    Path input = csv("in.csv", 10);
    Path job =
        write(
            "job.toml",
            JOB
                + "[input]\npath = \"in.csv\"\n\n[output]\n"
                + "path = [\"out/r.csv\", \"out/r.parquet\", \"./out/r.csv\"]\n");
    Launcher.Result r = Launcher.run("run", job.toString());
    assertThat(r.toString(), r.exitCode, is(2));
    Path real = tmp.toRealPath().resolve("out/r.csv");
    assertThat(
        r.err,
        containsString(
            "industryts: output "
                + tmp.resolve("out/r.csv")
                + " and output "
                + tmp.resolve("out/r.csv")
                + " are the same file ("
                + real
                + "): one"
                + " output would overwrite the other."));
    assertTrue(Files.notExists(tmp.resolve("out")));
    assertTrue(Files.exists(input));
  }

  // ---------------------------------------------------------------------------------------------
  // Several outputs, one not writable; a full disk

  @Test
  void oneOutputNotWritableReplacesNoneOfTheOutputsNorTheErrorsFile() throws Exception {
    Path input = csv("in.csv", 2_000);
    Path good = old("w/good.csv");
    Path errors = old("w/errors.csv");
    Path readOnly = tmp.resolve("ro");
    Files.createDirectories(readOnly);
    if (isRoot()) {
      exec("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", readOnly.toString());
      mounted = readOnly;
    } else {
      assertTrue(readOnly.toFile().setWritable(false, false));
    }
    Path bad = readOnly.resolve("bad.parquet");
    Launcher.Result r =
        Launcher.run(
            "run",
            job("job.toml").toString(),
            "--input",
            input.toString(),
            "--output",
            good.toString(),
            "--output",
            bad.toString(),
            "--errors",
            errors.toString());
    assertThat(r.toString(), r.exitCode, is(1));
    assertThat(
        r.err,
        containsString(
            "failed: cannot write output "
                + bad
                + ": "
                + readOnly
                + " is not writable ("
                + (isRoot() ? "read-only file system" : "permission denied")
                + "). No output was replaced. Write to a writable directory (--output, [output] path,"
                + " --errors) or make "
                + readOnly
                + " writable."));
    assertThat(r.err, not(containsString("\tat ")));
    assertEquals("old", Files.readString(good));
    assertEquals("old", Files.readString(errors));
    assertThat(temporaries(good.getParent()), empty());
  }

  @Test
  void fullDiskNamesTheOutputAndReplacesNothing() throws Exception {
    Assumptions.assumeTrue(isRoot(), "filling a file system on purpose needs a tmpfs mount (root)");
    Path input = csv("in.csv", 20_000); // about 1 MB of CSV out, more than the 64 KiB file system
    Path full = tmp.resolve("full");
    Files.createDirectories(full);
    exec("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full.toString());
    mounted = full;
    Path out = full.resolve("result.csv");
    Files.writeString(out, "old");
    Launcher.Result r =
        Launcher.run(
            "run",
            job("job.toml").toString(),
            "--input",
            input.toString(),
            "--output",
            out.toString());
    assertThat(r.toString(), r.exitCode, is(1));
    assertThat(
        r.err,
        containsString(
            "failed: cannot write output "
                + out
                + ": the file system of "
                + full
                + " is full (No space left on device). No output was replaced. Free space there or"
                + " write elsewhere (--output, [output] path)."));
    assertThat(r.err, not(containsString("\tat ")));
    assertEquals("old", Files.readString(out));
    assertThat(temporaries(full), empty());
  }

  // ---------------------------------------------------------------------------------------------
  // SIGTERM and kill -9 during a write

  @Test
  void sigtermDuringAWriteRemovesTheTemporariesAndKeepsTheOldOutput() throws Exception {
    Path input = csv("big.csv", 300_000);
    Path out = old("out/result.csv");
    Process p =
        Launcher.start(
            List.of(),
            tmp.resolve("run.log"),
            "run",
            job("job.toml").toString(),
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--output",
            tmp.resolve("out/result.parquet").toString());
    awaitTemporary(p, out.getParent());
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher did not stop on SIGTERM");
    assertThat(Files.readString(tmp.resolve("run.log")), p.exitValue(), is(143));
    assertThat(temporaries(out.getParent()), empty());
    assertEquals("old", Files.readString(out));
    assertTrue(Files.notExists(tmp.resolve("out/result.parquet")));
  }

  @Test
  void killDashNineLeavesTemporariesThatTheNextRunRemoves() throws Exception {
    Path input = csv("big.csv", 300_000);
    Path out = old("out/result.csv");
    Path job = job("job.toml");
    Process p =
        Launcher.start(
            List.of(),
            tmp.resolve("run.log"),
            "run",
            job.toString(),
            "--input",
            input.toString(),
            "--output",
            out.toString());
    awaitTemporary(p, out.getParent());
    p.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    List<Path> left = temporaries(out.getParent());
    assertEquals(1, left.size(), "the killed run leaves its temporary file");
    assertEquals("old", Files.readString(out));

    Launcher.Result r =
        Launcher.run(
            "run",
            job.toString(),
            "--input",
            csv("small.csv", 100).toString(),
            "--output",
            out.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(
        r.err,
        containsString(
            "industryts: removed 1 temporary file left by an earlier run"
                + " that was stopped: "
                + left.get(0)));
    assertThat(temporaries(out.getParent()), empty());
    assertEquals(101, Files.readAllLines(out).size());
  }

  // ---------------------------------------------------------------------------------------------
  // Reproducible Parquet; unreadable input files

  @Test
  void parquetOutputIsByteIdenticalAcrossRunsAndRunsPrintNoCoderWarning() throws IOException {
    Path input = csv("in.csv", 3_000);
    Path job = job("job.toml");
    for (String run : List.of("one", "two")) {
      Launcher.Result r =
          Launcher.run(
              "run",
              job.toString(),
              "--input",
              input.toString(),
              "--output",
              tmp.resolve(run + "/r.parquet").toString(),
              "--output",
              tmp.resolve(run + "/r.arrow").toString());
      assertThat(r.toString(), r.exitCode, is(0));
      assertThat(r.err, not(containsString("SerializableCoder")));
      assertThat(r.err, not(containsString("WARN")));
    }
    assertTrue(
        java.util.Arrays.equals(
            Files.readAllBytes(tmp.resolve("one/r.parquet")),
            Files.readAllBytes(tmp.resolve("two/r.parquet"))),
        "Parquet bytes differ between runs");
    assertTrue(
        java.util.Arrays.equals(
            Files.readAllBytes(tmp.resolve("one/r.arrow")),
            Files.readAllBytes(tmp.resolve("two/r.arrow"))),
        "Arrow bytes differ between runs");
  }

  @Test
  void unreadableParquetAndArrowFilesAreNamedWithWhatToDo() throws IOException {
    Path input = csv("in.csv", 3_000);
    Path job = job("job.toml");
    Path good = tmp.resolve("good/r.parquet");
    Path goodArrow = tmp.resolve("good/r.arrow");
    Launcher.Result made =
        Launcher.run(
            "run",
            job.toString(),
            "--input",
            input.toString(),
            "--output",
            good.toString(),
            "--output",
            goodArrow.toString());
    assertThat(made.toString(), made.exitCode, is(0));
    byte[] parquet = Files.readAllBytes(good);
    byte[] arrow = Files.readAllBytes(goodArrow);
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    Files.write(
        bad.resolve("truncated.parquet"), java.util.Arrays.copyOf(parquet, parquet.length / 2));
    byte[] damaged = parquet.clone();
    for (int i = 100; i < Math.min(2_000, damaged.length / 2); i++) {
      damaged[i] ^= 0x5a; // inside the first column's pages
    }
    Files.write(bad.resolve("damaged.parquet"), damaged);
    Files.copy(input, bad.resolve("text.parquet"));
    Files.write(bad.resolve("truncated.arrow"), java.util.Arrays.copyOf(arrow, arrow.length / 2));
    Files.writeString(bad.resolve("text.arrow"), "not arrow at all\n");

    assertUnreadable(
        job,
        bad.resolve("truncated.parquet"),
        "Parquet file "
            + bad.resolve("truncated.parquet")
            + ": it is truncated: the Parquet footer at its end is missing (a"
            + " copy or a write that did not finish). Copy or write it again.");
    assertUnreadable(
        job,
        bad.resolve("damaged.parquet"),
        "Parquet file " + bad.resolve("damaged.parquet") + ": it is damaged (");
    assertUnreadable(
        job,
        bad.resolve("text.parquet"),
        "Parquet file "
            + bad.resolve("text.parquet")
            + ": it is not a Parquet file (it starts with \"DateTime,a,b,c\\n2024-01-0\","
            + " which looks like CSV text). Rename it to .csv, or set [input] format = \"csv\".");
    assertUnreadable(
        job,
        bad.resolve("truncated.arrow"),
        "Arrow IPC file "
            + bad.resolve("truncated.arrow")
            + ": it is truncated: the Arrow IPC footer at its end is missing");
    assertUnreadable(
        job,
        bad.resolve("text.arrow"),
        "Arrow IPC file "
            + bad.resolve("text.arrow")
            + ": it is not an Arrow IPC file (it starts with \"not arrow at all\\n\"");

    // in a glob, the message says which file
    Path glob = tmp.resolve("glob");
    Files.createDirectories(glob);
    Files.write(glob.resolve("a.parquet"), parquet);
    Files.write(glob.resolve("b.parquet"), java.util.Arrays.copyOf(parquet, 100));
    Files.write(glob.resolve("c.parquet"), parquet);
    Launcher.Result r =
        Launcher.run(
            "run",
            job.toString(),
            "--input",
            glob.resolve("*.parquet").toString(),
            "--output",
            tmp.resolve("o.csv").toString());
    assertThat(r.toString(), r.exitCode, is(2));
    assertThat(
        r.err,
        containsString(
            "cannot read Parquet file "
                + glob.resolve("b.parquet")
                + " (file 2 of 3 matched): it is truncated"));
    assertThat(
        r.err, containsString("Copy or write it again, or leave it out of the input" + " glob."));
  }

  private void assertUnreadable(Path job, Path file, String message) {
    Launcher.Result r =
        Launcher.run(
            "run",
            job.toString(),
            "--input",
            file.toString(),
            "--output",
            tmp.resolve("never.csv").toString());
    assertThat(r.toString(), r.exitCode, is(2));
    assertThat(r.err, containsString("failed: FileInput: cannot read " + message));
    assertThat(r.err, not(containsString("\tat ")));
    assertThat(r.err, not(containsString("LocalInputFile@")));
    assertTrue(Files.notExists(tmp.resolve("never.csv")));
  }

  // ---------------------------------------------------------------------------------------------

  /** Waits until {@code p} has begun writing a temporary file in {@code dir}. */
  private static void awaitTemporary(Process p, Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (temporaries(dir).isEmpty()) {
      if (!p.isAlive()) {
        throw new AssertionError("the run ended (exit " + p.exitValue() + ") before writing");
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new AssertionError("no temporary file appeared in " + dir);
      }
      Thread.sleep(20);
    }
  }

  /** The launcher's hidden temporary files ({@code .NAME.<hex>.tmp}) in {@code dir}. */
  private static List<Path> temporaries(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().matches("\\..*\\.[0-9a-f]{16}\\.tmp"))
          .collect(Collectors.toList());
    }
  }

  /** A CSV of {@code rows} one-second readings of three values, some empty. */
  private Path csv(String name, int rows) throws IOException {
    Path p = tmp.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("DateTime,a,b,c\n");
      long t0 = 1_704_067_200L;
      for (int i = 0; i < rows; i++) {
        w.write(java.time.Instant.ofEpochSecond(t0 + i).toString());
        w.write(
            String.format(
                Locale.ROOT,
                ",%.4f,%s,%d\n",
                Math.sin(i * 0.01),
                i % 7 == 0 ? "" : Double.toString(i * 0.5),
                i));
      }
    }
    return p;
  }

  private Path job(String name) throws IOException {
    return write(name, JOB);
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** An existing output holding {@code old}, which a failed run must leave as it is. */
  private Path old(String name) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "old");
    return p;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
  }
}
