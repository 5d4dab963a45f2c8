package io.industryts.runners;

import java.util.ArrayList;
import java.util.List;
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
 */
public final class RunnerSetup {
  private static final String FLINK_RUNNER = "org.apache.beam.runners.flink.FlinkRunner";
  private static final String SPARK_RUNNER = "org.apache.beam.runners.spark.SparkRunner";

  private RunnerSetup() {}

  /**
   * The Beam arguments for {@code runner}: the launcher's defaults for it, then {@code userArgs}.
   * A default is left out when the user sets the same option.
   */
  public static List<String> beamArgs(String runner, int parallelism, String jobName,
      List<String> userArgs) {
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
  public static PipelineOptions options(String runner, int parallelism, String jobName,
      List<String> userArgs) throws UsageException {
    checkAvailable(runner);
    List<String> args = beamArgs(runner, parallelism, jobName, userArgs);
    try {
      return PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation()
          .create();
    } catch (IllegalArgumentException e) {
      throw new UsageException("Beam rejected the pipeline options " + userArgs + ": "
          + e.getMessage());
    }
  }

  /** The number of cores, the default parallelism. */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** @throws UsageException if {@code runner}'s classes are not on the class path */
  static void checkAvailable(String runner) throws UsageException {
    String cls = runner.equals("FlinkRunner") ? FLINK_RUNNER
        : runner.equals("SparkRunner") ? SPARK_RUNNER : null;
    if (cls == null) {
      return;
    }
    try {
      Class.forName(cls, false, RunnerSetup.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      String profile = runner.equals("FlinkRunner") ? "flink" : "spark";
      throw new UsageException(runner + " is not in this jar (the default jar carries only the "
          + "DirectRunner). Build one with it: mvn -B -DskipTests -P" + profile
          + " -pl runners -am package, or use --runner=DirectRunner.");
    }
  }

  private static void addUnlessSet(List<String> args, List<String> userArgs, String name,
      String value) {
    String prefix = "--" + name;
    for (String a : userArgs) {
      if (a.equals(prefix) || a.startsWith(prefix + "=")) {
        return;
      }
    }
    args.add(prefix + "=" + value);
  }

  /** Beam job names are lower-case letters, digits and dashes on some runners. */
  private static String safeJobName(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "industryts" : "industryts-" + s;
  }
}
