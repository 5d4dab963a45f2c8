package io.industryts.runners;

import io.industryts.config.ConfigException;
import io.industryts.config.JobConfig;
import io.industryts.config.OperationRegistry;
import io.industryts.engine.Engine;
import io.industryts.runners.CommandLine.Command;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The {@code industryts} command: {@code run}, {@code validate}, {@code explain}, {@code ops} and
 * the benchmark's {@code bench}. See {@link Help} for the usage text and docs/cli.md.
 *
 * <p>Exit status: {@value #OK} success; {@value #FAILED} the job failed while running (bad input
 * row without a dead-letter file, unreadable file, runner error); {@value #INVALID} invalid job file
 * or command line. Failures print one paragraph on stderr, with the stack trace only under {@code
 * --verbose}.
 */
public final class Main {
  /** Exit status: success. */
  public static final int OK = 0;
  /** Exit status: the job failed while running. */
  public static final int FAILED = 1;
  /** Exit status: invalid job file or command line. */
  public static final int INVALID = 2;

  private final PrintStream out;
  private final PrintStream err;

  private Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    configureLogging(args);
    preloadBeam(args);
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.err.flush();
    // Runner thread pools may still hold non-daemon threads; the launcher's work is done.
    System.exit(status);
  }

  /** Runs one invocation, printing to {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new Main(out, err).dispatch(args);
  }

  /**
   * For {@code run} and {@code bench}: initializes Beam's options factory (it loads and checks
   * every registered options interface, about a quarter of a second) on another thread while this
   * one reads the job and the input's header.
   */
  private static void preloadBeam(String[] args) {
    if (!launcherArgsContain(args, "run", "bench")) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        Class.forName("org.apache.beam.sdk.options.PipelineOptionsFactory", true,
            Main.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // the main thread meets the same problem and reports it
      }
    }, "industryts-beam-preload");
    t.setDaemon(true);
    t.start();
  }

  /** Whether one of {@code words} is among the launcher's arguments (those before {@code --}). */
  private static boolean launcherArgsContain(String[] args, String... words) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      for (String w : words) {
        if (a.equals(w)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Warnings only, unless verbose: Beam and Hadoop log at info level by default. */
  private static void configureLogging(String[] args) {
    if (launcherArgsContain(args, "--verbose", "-v")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
  }

  private int dispatch(String[] args) {
    CommandLine cl;
    try {
      cl = CommandLine.parse(args);
    } catch (UsageException e) {
      err.println("industryts: " + e.getMessage());
      err.println("Run industryts --help for usage.");
      return INVALID;
    }
    if (cl.isHelp()) {
      out.print(Help.of(cl.command()));
      return OK;
    }
    try {
      switch (cl.command()) {
        case HELP:
          return help(cl);
        case VERSION:
          out.println(version());
          return OK;
        case VALIDATE:
          return validate(cl);
        case EXPLAIN:
          return Explain.print(loadJob(cl), cl, out);
        case OPS:
          return Ops.print(OperationRegistry.load(), cl.opsType().orElse(null), out, err);
        case BENCH:
          return Bench.run(cl, out, err);
        case RUN:
          return runJob(cl);
        default:
          throw new IllegalStateException(cl.command().word());
      }
    } catch (UsageException e) {
      err.println("industryts: " + e.getMessage());
      return INVALID;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      err.println("industryts: " + cl.jobFile() + ": " + count(e.problems().size(), "problem")
          + "; nothing was run.");
      return INVALID;
    } catch (IllegalArgumentException e) {
      // construction errors: the job does not fit its input (SEMANTICS §1.13)
      report(cl, e, "invalid job");
      return INVALID;
    } catch (RuntimeException | Error e) {
      report(cl, e, "failed");
      return FAILED;
    }
  }

  private int help(CommandLine cl) {
    if (cl.helpTopic().isEmpty()) {
      out.print(Help.MAIN);
      return OK;
    }
    String topic = cl.helpTopic().get();
    for (Command c : Command.values()) {
      if (c.word().equals(topic)) {
        out.print(Help.of(c));
        return OK;
      }
    }
    err.println("industryts: no help for \"" + topic + "\". Commands: run, validate, explain, ops.");
    return INVALID;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return "industryts " + (v == null ? "(development build)" : v) + " (Apache Beam "
        + org.apache.beam.sdk.util.ReleaseInfo.getReleaseInfo().getVersion() + ", Java "
        + Runtime.version() + ")";
  }

  /**
   * Loads the job file with the operations on the class path.
   *
   * @throws UsageException if the file does not exist
   * @throws ConfigException with every problem of the file
   */
  static JobConfig loadJob(CommandLine cl) throws UsageException {
    Path file = Path.of(cl.jobFile());
    if (!Files.isRegularFile(file)) {
      throw new UsageException("job file not found: " + cl.jobFile() + " (working directory "
          + Path.of("").toAbsolutePath() + "). Expected a TOML job, e.g. "
          + "examples/configs/quickstart.toml.");
    }
    return JobConfig.load(file, OperationRegistry.load(), cl.namedInputs().keySet());
  }

  private int validate(CommandLine cl) throws UsageException {
    JobConfig job = loadJob(cl);
    out.println(cl.jobFile() + ": valid (pipeline \"" + job.pipelineName() + "\", "
        + count(job.steps().size(), "operation") + ")");
    return OK;
  }

  private int runJob(CommandLine cl) throws UsageException {
    long start = System.nanoTime();
    RunnerSetup.checkAvailable(cl.runner());
    JobConfig job = loadJob(cl);
    int parallelism = cl.parallelism().orElse(RunnerSetup.cores());
    PipelineOptions options = RunnerSetup.options(cl.runner(), parallelism, job.pipelineName(),
        cl.beamArgs());
    JobPipeline jp = JobPipeline.build(job, JobPipeline.Overrides.from(cl), options);
    err.println("industryts: running \"" + jp.name() + "\" on " + cl.runner() + " ("
        + parallelism + (cl.runner().equals("DirectRunner") ? " threads" : " parallelism")
        + "): " + jp.input() + " -> " + String.join(", ", jp.outputs()));
    PipelineResult result;
    try (Progress progress = Progress.start(err, start)) {
      result = jp.pipeline().run();
      progress.watch(result);
      result.waitUntilFinish();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    RunSummary summary = RunSummary.of(result.metrics(), jp.stepNames());
    err.print(summary.format(jp.outputs(), jp.errorsPath().orElse(null), seconds));
    if (jp.report().isPresent()) {
      long reportStart = System.nanoTime();
      try {
        jp.report().get().write(jp, cl.jobFile(), summary.counters(), cl.runner(), seconds);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot write the job report "
            + jp.report().get().path() + ": " + e.getMessage(), e);
      }
      err.printf(java.util.Locale.ROOT, "industryts: report %s (%.1f s)%n",
          jp.report().get().path(), (System.nanoTime() - reportStart) / 1e9);
    }
    return OK;
  }

  /** One paragraph: what failed and why; the stack trace only when verbose. */
  private void report(CommandLine cl, Throwable e, String what) {
    Throwable cause = rootMessage(e);
    String job = cl.jobFile() == null ? "" : " " + cl.jobFile();
    err.println("industryts:" + job + " " + what + ": " + message(cause));
    if (cause instanceof Engine.BadRowException) {
      err.println("To keep bad rows and continue, add --errors bad_rows.csv (or [output] errors"
          + " = \"...\" in the job file).");
    }
    if (cl.isVerbose()) {
      e.printStackTrace(err);
    } else if (!(cause instanceof IllegalArgumentException)
        && !(cause instanceof Engine.BadRowException)) {
      err.println("(run with --verbose for the stack trace)");
    }
  }

  /** The innermost exception that carries a message: Beam wraps DoFn failures several times. */
  static Throwable rootMessage(Throwable e) {
    Throwable best = e;
    Throwable t = e;
    while (t != null) {
      if (t instanceof Engine.BadRowException) {
        return t;
      }
      if (t.getMessage() != null) {
        best = t;
      }
      if (t.getCause() == t) {
        break;
      }
      t = t.getCause();
    }
    return best;
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getName();
    }
    m = withoutRepeatedLocation(m);
    return t instanceof RuntimeException && !(t instanceof IllegalArgumentException)
        && !(t instanceof Engine.BadRowException)
        && !(t instanceof IllegalStateException) && !(t instanceof UnsupportedOperationException)
        ? t.getClass().getSimpleName() + ": " + m : m;
  }

  /**
   * {@code "a.csv:3: a.csv:3: msg"} becomes {@code "a.csv:3: msg"}: an error record's message may
   * already start with the location its description prefixes.
   */
  static String withoutRepeatedLocation(String m) {
    int i = m.indexOf(": ");
    if (i > 0) {
      String location = m.substring(0, i + 2);
      if (m.startsWith(location + location)) {
        return m.substring(location.length());
      }
    }
    return m;
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
