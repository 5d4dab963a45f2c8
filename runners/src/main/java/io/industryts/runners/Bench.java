package io.industryts.runners;

import io.industryts.config.JobConfig;
import io.industryts.config.OperationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * {@code industryts bench}: the command the peer benchmark ({@code ../shared/bench}) runs. {@code
 * --mode full} runs the standard pipeline on {@code --input CSV}, writes {@code PREFIX.parquet} and
 * {@code PREFIX.csv}, and prints one {@code RESULT {json}} line on stdout. Reading, computing and
 * writing are fused in one Beam pipeline, so {@code read_s}, {@code compute_s} and the two write
 * times are {@code null} and {@code inproc_total_s} is the pipeline's run time. {@code --mode
 * micro} times the resample and rolling steps alone ({@link MicroBench}). {@code --shape keyed}
 * runs the keyed variant instead (one series per {@code tag}, long format), for example {@code
 * industryts bench --mode full --shape keyed --input sensors_keyed_1000000_1000.csv --output
 * out/industryts_keyed}.
 */
final class Bench {
  /** The standard pipeline, copied into the jar from examples/configs/standard_pipeline.toml. */
  static final String STANDARD_JOB = "standard_pipeline.toml";

  /**
   * The keyed variant ({@code --shape keyed}: the standard pipeline per tag on long-format input),
   * copied into the jar from benchmarks/standard_keyed_pipeline.toml.
   */
  static final String KEYED_JOB = "standard_keyed_pipeline.toml";

  /** Timed repetitions of each step in micro mode, as the peers' default. */
  static final int DEFAULT_REPEATS = 5;

  private Bench() {}

  static int run(CommandLine cl, PrintStream out, PrintStream err) throws UsageException {
    long start = System.nanoTime();
    String mode = cl.benchOption("mode").orElse("full");
    String csv =
        cl.benchOption("input").orElseThrow(() -> new UsageException("bench needs --input CSV."));
    if (mode.equals("micro")) {
      return micro(cl, csv, out);
    }
    String prefix =
        cl.benchOption("output")
            .orElseThrow(
                () ->
                    new UsageException(
                        "bench needs --output PREFIX (PREFIX.parquet and PREFIX.csv are written)."));
    int threads = cl.benchOption("threads").map(Integer::parseInt).orElse(RunnerSetup.cores());
    String parquet = prefix + ".parquet";
    String csvOut = prefix + ".csv";
    deleteIfExists(parquet);
    deleteIfExists(csvOut);

    Path jobFile = cl.benchOption("job").map(Path::of).orElseGet(() -> builtInJob(cl));
    JobConfig job = JobConfig.load(jobFile, OperationRegistry.load(), Set.of());
    PipelineOptions options =
        RunnerSetup.options("DirectRunner", threads, job.pipelineName(), cl.beamArgs());
    JobPipeline jp =
        JobPipeline.build(
            job,
            JobPipeline.Overrides.none().withInput(csv).withOutputs(List.of(parquet, csvOut)),
            options);
    // --threads is the harness's budget for every tool: the job uses fewer where more would idle,
    // by the launcher's rule (a one-series input read in one piece runs on one thread)
    threads =
        RunnerSetup.directThreads(options, threads, false, cl.beamArgs(), jp.runsOnOneWorker());
    double init = seconds(start);

    long runStart = System.nanoTime();
    PipelineResult result = jp.pipeline().run();
    result.waitUntilFinish();
    double total = seconds(runStart);
    RunSummary summary = RunSummary.of(result.metrics(), jp.stepNames());
    err.print(summary.format(jp.outputs(), null, seconds(start)));
    out.println(
        "RESULT "
            + json(
                summary.rowsRead() + summary.readErrors(),
                summary.rowsWritten(),
                jp.outputSchema().getFieldCount(),
                init,
                total,
                threads));
    return Main.OK;
  }

  /** {@code --mode micro}: resample alone and rolling alone on the cleaned series. */
  private static int micro(CommandLine cl, String csv, PrintStream out) throws UsageException {
    int threads = cl.benchOption("threads").map(Integer::parseInt).orElse(RunnerSetup.cores());
    int repeats = cl.benchOption("repeats").map(Integer::parseInt).orElse(DEFAULT_REPEATS);
    Path jobFile = cl.benchOption("job").map(Path::of).orElseGet(() -> builtInJob(cl));
    JobConfig job = JobConfig.load(jobFile, OperationRegistry.load(), Set.of());
    PipelineOptions options =
        RunnerSetup.options("DirectRunner", threads, job.pipelineName(), cl.beamArgs());
    MicroBench.Timings t = MicroBench.run(job, csv, repeats, options);
    out.println("RESULT " + t.json(threads));
    return Main.OK;
  }

  static String json(
      long rowsIn, long rowsOut, int colsOut, double init, double total, int threads) {
    return String.format(
        Locale.ROOT,
        "{\"tool\": \"industryts\", \"mode\": \"full\", "
            + "\"rows_in\": %d, \"rows_out\": %d, \"cols_out\": %d, \"init_s\": %.3f, "
            + "\"read_s\": null, \"compute_s\": null, \"write_parquet_s\": null, "
            + "\"write_csv_s\": null, \"inproc_total_s\": %.3f, \"threads\": %d, "
            + "\"runner\": \"DirectRunner\", \"versions\": {\"industryts\": \"%s\", "
            + "\"beam\": \"%s\", \"java\": \"%s\"}}",
        rowsIn,
        rowsOut,
        colsOut,
        init,
        total,
        threads,
        implementationVersion(),
        org.apache.beam.sdk.util.ReleaseInfo.getReleaseInfo().getVersion(),
        Runtime.version());
  }

  private static String implementationVersion() {
    String v = Bench.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The embedded job of {@code --shape}, extracted to a temporary file for the loader. */
  private static Path builtInJob(CommandLine cl) {
    String name =
        cl.benchOption("shape").orElse("single").equals("keyed") ? KEYED_JOB : STANDARD_JOB;
    try (InputStream in = Bench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "industryts: "
                + name
                + " is missing from the "
                + "jar. Rebuild it: mvn -B -DskipTests -pl runners -am package.");
      }
      Path tmp = Files.createTempFile("industryts-standard-", ".toml");
      tmp.toFile().deleteOnExit();
      Files.write(tmp, in.readAllBytes());
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteIfExists(String path) {
    try {
      Files.deleteIfExists(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the previous output " + path, e);
    }
  }

  private static double seconds(long fromNanos) {
    return (System.nanoTime() - fromNanos) / 1e9;
  }
}
