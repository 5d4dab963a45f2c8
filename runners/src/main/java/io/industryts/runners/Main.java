package io.industryts.runners;

import io.industryts.config.ConfigException;
import io.industryts.config.InputConfig;
import io.industryts.config.JobConfig;
import io.industryts.config.OperationRegistry;
import io.industryts.errors.BadRowException;
import io.industryts.io.FileReadException;
import io.industryts.io.StagedFiles;
import io.industryts.runners.CommandLine.Command;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

// Over 500 lines: the launcher's entry — logging setup, subcommand dispatch, the run of a job and
// the failure reporting that maps every failure to one exit status and one stderr paragraph. They
// share the output streams and the exit codes; the argument parsing is in CommandLine.

/**
 * The {@code industryts} command: {@code run}, {@code validate}, {@code explain}, {@code ops} and
 * the benchmark's {@code bench}. See {@link Help} for the usage text and docs/cli.md.
 *
 * <p>Exit status: {@value #OK} success; {@value #FAILED} the job failed while running (bad input
 * row without a dead-letter file, unreadable file, runner error); {@value #INVALID} invalid job
 * file or command line. Failures print one paragraph on stderr, with the stack trace only under
 * {@code --verbose}.
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

  /**
   * Heap set aside at start and released when the heap runs out, so that the launcher can still
   * report the failure and remove its temporary files.
   */
  private static volatile byte[] reserve = new byte[4 << 20];

  private Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    configureLogging(args);
    preloadBeam(args);
    int status;
    try {
      status = run(args, System.out, System.err);
    } catch (Throwable e) {
      // the report itself failed (e.g. the heap ran out again): still a failure, never a hang
      reserve = null;
      System.err.println("industryts: failed: " + e);
      status = FAILED;
    }
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
    Thread t =
        new Thread(
            () -> {
              try {
                Class.forName(
                    "org.apache.beam.sdk.options.PipelineOptionsFactory",
                    true,
                    Main.class.getClassLoader());
              } catch (ClassNotFoundException | LinkageError e) {
                // the main thread meets the same problem and reports it
              }
            },
            "industryts-beam-preload");
    if (OptionRegistrars.launcherOptionsOnly(args)) {
      // Beam reads its options registrars through this thread's context class loader
      t.setContextClassLoader(OptionRegistrars.loader(Main.class.getClassLoader()));
    }
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

  /**
   * Warnings only, unless verbose: Beam and Hadoop log at info level by default. Without verbose,
   * the loggers that print a failed task's stack trace are off (see {@link #QUIET_LOGGERS}).
   */
  static void configureLogging(String[] args) {
    if (launcherArgsContain(args, "--verbose", "-v")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    } else {
      for (String logger : QUIET_LOGGERS) {
        System.setProperty("org.slf4j.simpleLogger.log." + logger, "off");
      }
    }
  }

  /**
   * Loggers that are off without {@code --verbose}: each logs a failed task with its stack trace,
   * and the launcher reports the failed job in one paragraph instead. The DirectRunner logs an
   * Error of a worker thread (e.g. OutOfMemoryError); Flink logs the failing task ({@code
   * BatchTask} "Error in task code", {@code Task} "switched from RUNNING to FAILED") and Beam's
   * Flink runner the failed job ("Pipeline execution failed"), each with the whole trace. Flink's
   * other messages are operational (slots, memory, shutdown) and go with them: with {@code
   * --verbose} all of them are logged, at info level.
   */
  static final List<String> QUIET_LOGGERS =
      List.of(
          "org.apache.beam.runners.direct.DirectTransformExecutor",
          "org.apache.flink",
          "org.apache.beam.runners.flink");

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
      err.println(
          "industryts: "
              + cl.jobFile()
              + ": "
              + count(e.problems().size(), "problem")
              + "; nothing was run.");
      return INVALID;
    } catch (FileReadException e) {
      // an input file found unreadable while the job was built: nothing ran
      report(cl, e, "failed");
      return INVALID;
    } catch (IllegalArgumentException e) {
      // construction errors: the job does not fit its input (SEMANTICS §1.13)
      report(cl, e, "invalid job");
      return INVALID;
    } catch (RuntimeException | Error e) {
      Throwable failure = e;
      if (e instanceof OutOfMemoryError) {
        reserve = null;
        failure = new OutOfHeapException(e);
      }
      report(cl, failure, "failed");
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
    err.println(
        "industryts: no help for \"" + topic + "\". Commands: run, validate, explain, ops.");
    return INVALID;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return "industryts "
        + (v == null ? "(development build)" : v)
        + " (Apache Beam "
        + org.apache.beam.sdk.util.ReleaseInfo.getReleaseInfo().getVersion()
        + ", Java "
        + Runtime.version()
        + ")";
  }

  /**
   * Loads the job file with the operations on the class path.
   *
   * @throws UsageException if the file does not exist
   * @throws ConfigException with every problem of the file
   */
  static JobConfig loadJob(CommandLine cl) throws UsageException {
    Path file = Path.of(cl.jobFile());
    if (Files.isDirectory(file)) {
      throw new UsageException(
          "job file "
              + cl.jobFile()
              + " is a directory. Expected a TOML job"
              + " file, e.g. "
              + file.resolve("job.toml")
              + " or examples/configs/quickstart.toml.");
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException(
          "job file not found: "
              + cl.jobFile()
              + " (working directory "
              + Path.of("").toAbsolutePath()
              + "). Expected a TOML job, e.g. "
              + "examples/configs/quickstart.toml.");
    }
    return JobConfig.load(file, OperationRegistry.load(), cl.namedInputs().keySet());
  }

  private int validate(CommandLine cl) throws UsageException {
    JobConfig job = loadJob(cl);
    out.println(
        cl.jobFile()
            + ": valid (pipeline \""
            + job.pipelineName()
            + "\", "
            + count(job.steps().size(), "operation")
            + ")");
    return OK;
  }

  private int runJob(CommandLine cl) throws UsageException {
    long start = System.nanoTime();
    StartupTimings timings = StartupTimings.start(cl.isVerbose());
    RunnerSetup.checkAvailable(cl.runner());
    JobConfig job = loadJob(cl);
    timings.mark("job");
    int parallelism = cl.parallelism().orElse(RunnerSetup.cores());
    JobPipeline.Overrides overrides = JobPipeline.Overrides.from(cl);
    List<String> outputPaths = JobPipeline.outputs(job, overrides);
    Optional<String> errorsPath = JobPipeline.errorsPath(job, overrides);
    String inputPath = JobPipeline.mainInputPath(job, overrides);
    OutputPaths.checkDistinct(
        outputPaths,
        errorsPath.orElse(null),
        JobPipeline.reportPath(job, overrides).orElse(null),
        inputPath);
    String delimiter = job.input().map(InputConfig::delimiter).orElse(null);
    ColumnLimit.check(
        inputPath, delimiter == null ? 0 : Inputs.delimiter(delimiter), cl.maxColumns());
    List<Path> targets = new ArrayList<>();
    outputPaths.forEach(o -> targets.add(Path.of(o)));
    errorsPath.ifPresent(e -> targets.add(Path.of(e)));
    List<Path> leftInPlace = new ArrayList<>();
    List<Path> removed = new ArrayList<>();
    for (Path t : targets) {
      StagedFiles.Stale stale = StagedFiles.removeStale(t);
      removed.addAll(stale.removed());
      leftInPlace.addAll(stale.kept());
    }
    if (!removed.isEmpty()) {
      err.println(
          "industryts: removed "
              + count(removed.size(), "temporary file")
              + " left by an"
              + " earlier run that was stopped: "
              + removed.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
    // With the workers in this JVM the launcher puts every output in place once all are complete;
    // on a cluster each writer renames its own file when it is complete.
    String token =
        RunnerSetup.runsInThisJvm(cl.runner(), cl.beamArgs()) ? StagedFiles.newToken() : null;
    if (token != null) {
      overrides = overrides.withStagingToken(token);
    }
    PipelineOptions options =
        RunnerSetup.options(cl.runner(), parallelism, job.pipelineName(), cl.beamArgs());
    timings.mark("options");
    JobPipeline jp = JobPipeline.build(job, overrides, options);
    if (cl.runner().equals("DirectRunner")) {
      parallelism =
          RunnerSetup.directThreads(
              options,
              parallelism,
              cl.parallelism().isPresent(),
              cl.beamArgs(),
              jp.runsOnOneWorker());
    }
    timings.mark("pipeline");
    err.println(
        "industryts: running \""
            + jp.name()
            + "\" on "
            + cl.runner()
            + " ("
            + parallelism
            + (cl.runner().equals("DirectRunner")
                ? (parallelism == 1 ? " thread" : " threads")
                : " parallelism")
            + "): "
            + jp.input()
            + " -> "
            + String.join(", ", jp.outputs()));
    Thread cleanup =
        token == null
            ? null
            : new Thread(
                () -> StagedFiles.discard(targets, token), "industryts-remove-temporaries");
    if (cleanup != null) {
      // SIGTERM or Ctrl-C: the JVM runs this hook; the half-written temporaries go with it
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
    MemoryWatch.arm();
    PipelineResult result;
    try {
      try (Progress progress = Progress.start(err, start)) {
        result = jp.pipeline().run();
        progress.watch(result);
        PipelineResult.State state = result.waitUntilFinish();
        if (state != PipelineResult.State.DONE) {
          throw new JobNotDoneException(
              "the pipeline ended in state " + state + ", not DONE; " + "no output was replaced.");
        }
      }
      if (token != null) {
        try {
          StagedFiles.commit(targets, token);
        } catch (IOException e) {
          throw new JobNotDoneException(e.getMessage(), e);
        }
      }
    } catch (RuntimeException | Error e) {
      if (token != null) {
        StagedFiles.discard(targets, token);
      }
      if (isOutOfMemory(e)) {
        reserve = null; // room to report
        throw new OutOfHeapException(e);
      }
      throw e;
    } finally {
      if (cleanup != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
          // shutting down: the hook runs
        }
      }
    }
    timings.mark("run");
    double seconds = (System.nanoTime() - start) / 1e9;
    RunSummary summary =
        RunSummary.of(result.metrics(), jp.stepNames()).withInputTypes(jp.inputTypes());
    err.print(summary.format(jp.outputs(), jp.errorsPath().orElse(null), seconds));
    err.print(timings.format());
    if (!leftInPlace.isEmpty()) {
      err.println(
          "industryts: temporary files of a process that may still be writing were left in"
              + " place (remove them if no other industryts job writes there): "
              + leftInPlace.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
    if (jp.report().isPresent()) {
      long reportStart = System.nanoTime();
      try {
        jp.report()
            .get()
            .write(jp.reportJob(), cl.jobFile(), summary.counters(), cl.runner(), seconds);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot write the job report " + jp.report().get().path() + ": " + e.getMessage(), e);
      }
      err.printf(
          java.util.Locale.ROOT,
          "industryts: report %s (%.1f s)%n",
          jp.report().get().path(),
          (System.nanoTime() - reportStart) / 1e9);
    }
    return OK;
  }

  /**
   * Whether {@code e} is or was caused by an {@link OutOfMemoryError}, or the job did not finish
   * and the heap was exhausted during the run (the DirectRunner may swallow the error).
   */
  private static boolean isOutOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return e instanceof JobNotDoneException && MemoryWatch.heapWasExhausted();
  }

  /** A pipeline that ended without finishing its work: not DONE, or an output never written. */
  static final class JobNotDoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobNotDoneException(String message) {
      super(message);
    }

    JobNotDoneException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The Java heap ran out while the job ran; the message says what to do. */
  static final class OutOfHeapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfHeapException(Throwable cause) {
      super(
          "the Java heap ("
              + MemoryWatch.maxHeap()
              + ") ran out of memory while the job ran;"
              + " no output was replaced. The DirectRunner holds the whole input in memory (README,"
              + " \"Memory limits\": about 0.8 GB plus 0.23 GB per million rows of 8 values). Give"
              + " it a larger heap, e.g. INDUSTRYTS_JAVA_OPTS=\"-Xmx8g\" ./industryts run ... (or"
              + " java -Xmx8g -jar industryts.jar run ...), or run on the Flink runner, whose local"
              + " mode spills to disk (industryts-flink.jar run ... --runner=FlinkRunner,"
              + " docs/cluster.md).",
          cause);
    }
  }

  /** One paragraph: what failed and why; the stack trace only when verbose. */
  private void report(CommandLine cl, Throwable e, String what) {
    Throwable cause = rootMessage(e);
    String job = cl.jobFile() == null ? "" : " " + cl.jobFile();
    err.println("industryts:" + job + " " + what + ": " + message(cause));
    if (cause instanceof BadRowException) {
      err.println(
          "To keep bad rows and continue, add --errors bad_rows.csv (or [output] errors"
              + " = \"...\" in the job file).");
    }
    if (cl.isVerbose()) {
      e.printStackTrace(err);
    } else if (!(cause instanceof IllegalArgumentException) && !explainsItself(cause)) {
      err.println("(run with --verbose for the stack trace)");
    }
  }

  /** The innermost exception that carries a message: Beam wraps DoFn failures several times. */
  static Throwable rootMessage(Throwable e) {
    Throwable best = e;
    Throwable t = e;
    while (t != null) {
      if (explainsItself(t) || t instanceof JobNotDoneException) {
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

  /**
   * Whether {@code t} is one of the failures whose message alone tells the user what happened and
   * what to do (a bad row, the heap, an output that could not be put in place, an unreadable file):
   * it is printed without its class name or stack trace, and Beam's wrappers around it are skipped.
   */
  private static boolean explainsItself(Throwable t) {
    return t instanceof BadRowException
        || t instanceof OutOfHeapException
        || t instanceof StagedFiles.OutputException
        || t instanceof FileReadException;
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getName();
    }
    m = withoutRepeatedLocation(m);
    if (m.startsWith("industryts: ")) {
      m = m.substring("industryts: ".length()); // the launcher's own prefix is already printed
    }
    return t instanceof RuntimeException
            && !(t instanceof IllegalArgumentException)
            && !(t instanceof IllegalStateException)
            && !(t instanceof UnsupportedOperationException)
            && !(t instanceof JobNotDoneException)
            && !explainsItself(t)
        ? t.getClass().getSimpleName() + ": " + m
        : m;
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
