package io.industryts.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jar with the Flink and Spark runners (the runners module built with {@code -Pflink,spark})
 * and the generated inputs of the runner tests (benchmarks/GenerateRunnerData.java).
 */
final class RunnerJars {
  private RunnerJars() {}

  /** runners/target/industryts-flink-spark.jar; the runner-equality profile builds it. */
  static Path flinkSparkJar() {
    Path jar = Launcher.projectDir().resolve("runners/target/industryts-flink-spark.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing. The runner tests need the jar with both "
              + "runners: mvn -B -Pflink,spark,runner-equality -pl runners,integration-tests -am verify");
    }
    return jar;
  }

  /**
   * A jar with the Flink runner: runners/target/industryts-flink-spark.jar (the runner-equality
   * profile builds it) or, when only the Flink profile was built,
   * runners/target/industryts-flink.jar.
   */
  static Path flinkJar() {
    Path both = Launcher.projectDir().resolve("runners/target/industryts-flink-spark.jar");
    Path flink = Launcher.projectDir().resolve("runners/target/industryts-flink.jar");
    if (Files.isRegularFile(both)) {
      return both;
    }
    if (Files.isRegularFile(flink)) {
      return flink;
    }
    throw new IllegalStateException(
        both
            + " and "
            + flink
            + " are missing. The Flink tests need a jar with the Flink runner: "
            + "mvn -B -Pflink,spark,runner-equality -pl runners,integration-tests -am verify, or "
            + "mvn -B -Pflink,runner-equality -pl runners,integration-tests -am verify");
  }

  /**
   * A generated input in target/runner-data, made once per test run: {@code args} are those of
   * GenerateRunnerData ("wide ROWS" or "long SERIES ROWS_PER_SERIES").
   */
  static synchronized Path generated(String name, String... args) {
    Path dir = Path.of("target", "runner-data").toAbsolutePath();
    Path file = dir.resolve(name);
    if (Files.isRegularFile(file)) {
      return file;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(name + ".part");
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of(
                  Launcher.javas().get(0).toString(),
                  Launcher.projectDir().resolve("benchmarks/GenerateRunnerData.java").toString()));
      cmd.addAll(List.of(args));
      cmd.add(tmp.toString());
      // never inheritIO: output on the test JVM's own stdout corrupts failsafe's channel
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(name + ".log").toFile())
              .start();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("GenerateRunnerData failed: " + cmd);
      }
      Files.move(tmp, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
