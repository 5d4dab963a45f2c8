package io.industryts.runners;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Builds the Beam pipeline options of a launcher run: the runner chosen with {@code --runner}, its
 * parallelism, and the DirectRunner tuning of ARCHITECTURE §2.
 *
 * <p>On the DirectRunner, {@code enforceImmutability} and {@code enforceEncodability} re-encode
 * every element to catch mutation bugs; with chunks of tens of thousands of rows that costs more
 * than the work itself (measured: 31 s instead of 1.1 s for 1M rows through one ParDo), so the
 * launcher turns both off. Tests keep them on. Options the user passes after {@code --} win over
 * the launcher's defaults.
 *
 * <p>Flink and Spark are only in the jars built with the {@code flink} / {@code spark} Maven
 * profiles (runners/target/industryts-flink.jar, -spark.jar, -flink-spark.jar; docs/cluster.md).
 * Both ask Hadoop's {@code UserGroupInformation} for the current user, which calls {@code
 * Subject.getSubject}, unsupported from Java 23 on; the launcher steers both around that call on a
 * local run (see {@link #flinkLocalConfDir()} and {@link #sparkUserWithoutHadoop()}).
 */
public final class RunnerSetup {
  private static final String FLINK_RUNNER = "org.apache.beam.runners.flink.FlinkRunner";
  private static final String SPARK_RUNNER = "org.apache.beam.runners.spark.SparkRunner";

  /** Flink managed memory of a local run (see {@link #flinkLocalConfDir()}). */
  static final String FLINK_LOCAL_MANAGED_MEMORY = "1g";

  private RunnerSetup() {}

  /**
   * The Beam arguments for {@code runner}: the launcher's defaults for it, then {@code userArgs}. A
   * default is left out when the user sets the same option.
   */
  public static List<String> beamArgs(
      String runner, int parallelism, String jobName, List<String> userArgs) {
    List<String> args = new ArrayList<>();
    addUnlessSet(args, userArgs, "runner", runner);
    addUnlessSet(args, userArgs, "jobName", safeJobName(jobName));
    switch (runner) {
      case "DirectRunner":
        addUnlessSet(args, userArgs, "targetParallelism", Integer.toString(parallelism));
        addUnlessSet(args, userArgs, "enforceImmutability", "false");
        addUnlessSet(args, userArgs, "enforceEncodability", "false");
        // run() returns at once so the launcher can print progress while it waits
        addUnlessSet(args, userArgs, "blockOnRun", "false");
        break;
      case "FlinkRunner":
        addUnlessSet(args, userArgs, "parallelism", Integer.toString(parallelism));
        // chunks are never mutated downstream (tests run with immutability enforcement), so
        // Flink need not deep-copy every chunk between chained operators
        addUnlessSet(args, userArgs, "fasterCopy", "true");
        if (isFlinkLocal(userArgs) && System.getenv("FLINK_CONF_DIR") == null) {
          addUnlessSet(args, userArgs, "flinkConfDir", flinkLocalConfDir().toString());
        }
        break;
      case "SparkRunner":
        addUnlessSet(args, userArgs, "sparkMaster", "local[" + parallelism + "]");
        break;
      default:
        throw new IllegalArgumentException("unknown runner " + runner);
    }
    args.addAll(userArgs);
    return args;
  }

  /**
   * Pipeline options for a run.
   *
   * @throws UsageException if the runner is not in this jar, or Beam rejects an option
   */
  public static PipelineOptions options(
      String runner, int parallelism, String jobName, List<String> userArgs) throws UsageException {
    checkAvailable(runner);
    if (runner.equals("SparkRunner")) {
      sparkUserWithoutHadoop();
    }
    List<String> args = beamArgs(runner, parallelism, jobName, userArgs);
    try {
      return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation().create();
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "Beam rejected the pipeline options " + userArgs + ": " + e.getMessage());
    }
  }

  /**
   * The DirectRunner's threads for a job built in {@code options}: the {@code --targetParallelism}
   * of {@code userArgs} if set, else {@code parallelism}, or 1 when nobody chose a number ({@code
   * chosen} false and no {@code --targetParallelism} among {@code userArgs}) and the job runs on
   * one worker as fast as on several ({@link JobPipeline#runsOnOneWorker()}). The DirectRunner's
   * scheduler runs on one of its threads and resubmits itself without waiting, so with two threads
   * and one bundle at a time it polls on the other core for as long as the job runs (measured at
   * 100,000 rows of one series: about 10 % of the CPU and a fifth of the wall under load, same
   * output). Sets the option when it differs.
   *
   * @return the threads the DirectRunner will run with
   */
  static int directThreads(
      PipelineOptions options,
      int parallelism,
      boolean chosen,
      List<String> userArgs,
      boolean runsOnOneWorker) {
    if (isSet(userArgs, "targetParallelism")) {
      return options.as(DirectOptions.class).getTargetParallelism();
    }
    if (chosen || !runsOnOneWorker || parallelism == 1) {
      return parallelism;
    }
    options.as(DirectOptions.class).setTargetParallelism(1);
    return 1;
  }

  /** The number of cores, the default parallelism. */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * @throws UsageException if {@code runner}'s classes are not on the class path
   */
  static void checkAvailable(String runner) throws UsageException {
    checkAvailable(runner, RunnerSetup.class.getClassLoader());
  }

  /**
   * @throws UsageException if {@code runner}'s classes are not visible to {@code loader}
   */
  static void checkAvailable(String runner, ClassLoader loader) throws UsageException {
    String cls =
        runner.equals("FlinkRunner")
            ? FLINK_RUNNER
            : runner.equals("SparkRunner") ? SPARK_RUNNER : null;
    if (cls == null) {
      return;
    }
    try {
      Class.forName(cls, false, loader);
    } catch (ClassNotFoundException e) {
      String profile = runner.equals("FlinkRunner") ? "flink" : "spark";
      throw new UsageException(
          runner
              + " is not in this jar (industryts.jar carries only the "
              + "DirectRunner). Build the jar with it: mvn -B -DskipTests -P"
              + profile
              + " -pl runners -am package, then run java -jar runners/target/industryts-"
              + profile
              + ".jar run ... --runner="
              + runner
              + " (docs/cluster.md); or use --runner=DirectRunner.");
    }
  }

  /**
   * Whether the job's workers run in this JVM (the DirectRunner, Flink's embedded cluster, Spark
   * {@code local[...]}), so that the files they write are on this machine and the launcher can put
   * them in place once the whole job has succeeded.
   */
  static boolean runsInThisJvm(String runner, List<String> userArgs) {
    switch (runner) {
      case "FlinkRunner":
        return isFlinkLocal(userArgs);
      case "SparkRunner":
        for (String a : userArgs) {
          if (a.startsWith("--sparkMaster=")) {
            return a.substring("--sparkMaster=".length()).startsWith("local");
          }
        }
        return true;
      default:
        return true;
    }
  }

  /** True unless {@code --flinkMaster} names a cluster: the embedded mini cluster runs the job. */
  private static boolean isFlinkLocal(List<String> userArgs) {
    for (String a : userArgs) {
      if (a.startsWith("--flinkMaster=")) {
        String master = a.substring("--flinkMaster=".length());
        return master.equals("[local]") || master.equals("[auto]");
      }
    }
    return true;
  }

  /**
   * A Flink configuration directory for the embedded mini cluster. Hadoop delegation tokens off: a
   * local run needs none, and fetching them asks {@code UserGroupInformation} for the user, which
   * fails from Java 23 on ("getSubject is not supported"). Managed memory {@value
   * #FLINK_LOCAL_MANAGED_MEMORY} instead of the local default 128m: Flink's batch grouping sorts
   * whole records in a share of it, and a chunk of 65,536 rows is several megabytes ("Cannot write
   * record to fresh sort buffer. Record too large." at 128m; measured). Written once per run into a
   * temporary directory; {@code --flinkConfDir} or {@code FLINK_CONF_DIR} replace it.
   */
  static Path flinkLocalConfDir() {
    try {
      Path dir = Files.createTempDirectory("industryts-flink-conf");
      Path conf = dir.resolve("flink-conf.yaml");
      Files.writeString(
          conf,
          "# written by industryts for an embedded Flink run\n"
              + "security.delegation.tokens.enabled: false\n"
              + "taskmanager.memory.managed.size: "
              + FLINK_LOCAL_MANAGED_MEMORY
              + "\n",
          StandardCharsets.UTF_8);
      conf.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Flink configuration for a local run", e);
    }
  }

  /**
   * Sets {@code SPARK_USER} to {@code user.name} in this process's environment when it is unset and
   * the JVM does not support {@code Subject.getSubject} (Java 23+): Spark takes the user from that
   * variable and asks Hadoop's {@code UserGroupInformation} only without it, and that call fails
   * there. The environment map is read-only by API; the jar's manifest opens {@code java.util} so
   * the launcher can add the one entry before Spark starts. Returns whether it set the variable.
   */
  @SuppressWarnings({"removal", "unchecked"})
  static boolean sparkUserWithoutHadoop() {
    if (System.getenv("SPARK_USER") != null) {
      return false;
    }
    try {
      javax.security.auth.Subject.getSubject(java.security.AccessController.getContext());
      return false; // Hadoop can find the user itself
    } catch (UnsupportedOperationException expected) {
      // Java 23+: fall through
    }
    try {
      Map<String, String> env = System.getenv();
      Field inner = env.getClass().getDeclaredField("m");
      inner.setAccessible(true);
      ((Map<String, String>) inner.get(env)).put("SPARK_USER", System.getProperty("user.name"));
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not opened (run without the manifest's Add-Opens): Spark's own error follows
      return false;
    }
  }

  private static void addUnlessSet(
      List<String> args, List<String> userArgs, String name, String value) {
    if (!isSet(userArgs, name)) {
      args.add("--" + name + "=" + value);
    }
  }

  /** Whether {@code userArgs} set the Beam option {@code name}. */
  private static boolean isSet(List<String> userArgs, String name) {
    String prefix = "--" + name;
    for (String a : userArgs) {
      if (a.equals(prefix) || a.startsWith(prefix + "=")) {
        return true;
      }
    }
    return false;
  }

  /** Beam job names are lower-case letters, digits and dashes on some runners. */
  private static String safeJobName(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "industryts" : "industryts-" + s;
  }
}
