package io.industryts.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs {@code runners/target/industryts.jar} with {@code java -jar}, as a user would. */
final class Launcher {
  /** The JDKs the jar must run on without extra flags, when installed. */
  private static final List<String> KNOWN_JDKS =
      List.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64");

  private Launcher() {}

  /** The project root (the failsafe configuration passes it). */
  static Path projectDir() {
    String dir = System.getProperty("industryts.project.dir");
    return dir != null ? Path.of(dir) : Path.of("..").toAbsolutePath().normalize();
  }

  static Path jar() {
    Path jar = projectDir().resolve("runners/target/industryts.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; the runners module packages it.");
    }
    return jar;
  }

  /**
   * The sample data of examples/scripts/GenerateSampleData.java, generated once per test run into
   * target/sample-data (the tests do not depend on, or write into, examples/data).
   */
  static synchronized Path sampleData() {
    Path dir = Path.of("target", "sample-data").toAbsolutePath();
    Path generator = projectDir().resolve("examples/scripts/GenerateSampleData.java");
    try {
      Path last = dir.resolve("weather.csv"); // the generator's last file
      if (Files.isRegularFile(last)
          && Files.getLastModifiedTime(last).compareTo(Files.getLastModifiedTime(generator)) >= 0) {
        return dir; // made by this version of the generator
      }
      Process p =
          new ProcessBuilder(javas().get(0).toString(), generator.toString(), dir.toString())
              .redirectErrorStream(true)
              // not inheritIO: output on the test JVM's own stdout corrupts failsafe's channel
              .redirectOutput(Path.of("target", "sample-data.log").toAbsolutePath().toFile())
              .start();
      if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("GenerateSampleData failed");
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code java} of the JDK running the tests plus every known JDK present, without repeats. */
  static List<Path> javas() {
    Set<Path> out = new LinkedHashSet<>();
    out.add(realJava(Path.of(System.getProperty("java.home"))));
    for (String home : KNOWN_JDKS) {
      if (Files.isExecutable(Path.of(home, "bin", "java"))) {
        out.add(realJava(Path.of(home)));
      }
    }
    return new ArrayList<>(out);
  }

  private static Path realJava(Path home) {
    try {
      return home.resolve("bin/java").toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of one invocation. */
  static final class Result {
    final int exitCode;
    final String out;
    final String err;

    Result(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** Runs the jar with the default JDK in the project directory. */
  static Result run(String... args) {
    return run(javas().get(0), args);
  }

  /** Runs the jar with {@code java} in the project directory. */
  static Result run(Path java, String... args) {
    return runJar(jar(), java, args);
  }

  /** Runs {@code jar} (e.g. a runner profile's jar) with {@code java} in the project directory. */
  static Result runJar(Path jar, Path java, String... args) {
    return runJar(jar, java, List.of(), args);
  }

  /**
   * Starts the jar with the default JDK and {@code jvmFlags} in the project directory, its stdout
   * and stderr going to {@code log}; the caller waits for, signals or kills the process.
   */
  static Process start(List<String> jvmFlags, Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javas().get(0).toString());
    cmd.addAll(jvmFlags);
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(projectDir().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Runs {@code jar} with {@code java} and {@code jvmFlags} in the project directory. */
  static Result runJar(Path jar, Path java, List<String> jvmFlags, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(jvmFlags);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    try {
      Path outFile = Files.createTempFile("industryts-it", ".out");
      Path errFile = Files.createTempFile("industryts-it", ".err");
      Process p =
          new ProcessBuilder(cmd)
              .directory(projectDir().toFile())
              .redirectOutput(outFile.toFile())
              .redirectError(errFile.toFile())
              .start();
      // a guard against a hung run, not a speed check: the largest (RunnerMemoryIT: 3M rows on
      // Flink with a 512 MB heap) takes minutes on 2 busy cores
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + cmd);
      }
      Result r =
          new Result(
              p.exitValue(),
              Files.readString(outFile, StandardCharsets.UTF_8),
              Files.readString(errFile, StandardCharsets.UTF_8));
      Files.delete(outFile);
      Files.delete(errFile);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
