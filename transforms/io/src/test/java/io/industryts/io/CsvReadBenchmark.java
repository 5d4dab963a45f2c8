package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * Reads the peer benchmark's CSV (1M lines, {@code DateTime} + 8 doubles) into chunks on the
 * DirectRunner with the launcher's settings (enforcement off, parallelism = cores) and prints the
 * wall time of each run. Not a unit test:
 *
 * <pre>{@code
 * mvn -pl transforms test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.industryts.io.CsvReadBenchmark [-Dexec.args="path runs"] \
 *     [-Dbench.warmBeam=true]
 * }</pre>
 *
 * <p>With {@code bench.warmBeam} a trivial pipeline runs first, so that the first timed run shows
 * the reader's own cold cost (JIT of the parser) apart from Beam's start-up.
 */
public final class CsvReadBenchmark {
  private CsvReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path csv =
        Paths.get(
            args.length > 0
                ? args[0]
                : System.getProperty("user.home")
                    + "/.cache/industryts-peers/data/sensors_1000000.csv");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    if (!Files.exists(csv)) {
      System.err.println(
          csv
              + " not found; generate it with "
              + "SETUP_ONLY=1 bash ../shared/bench/run_peers.sh 1000000");
      return;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (Boolean.getBoolean("bench.warmBeam")) {
      // a trivial pipeline first, so that run 1 shows the reader's own cold cost
      long w0 = System.nanoTime();
      Pipeline warm = Pipeline.create(options(cores));
      warm.apply(org.apache.beam.sdk.transforms.Create.of(1, 2, 3))
          .apply(org.apache.beam.sdk.transforms.Filter.greaterThan(1));
      warm.run().waitUntilFinish();
      System.out.printf("trivial pipeline first: %.3f s%n", (System.nanoTime() - w0) / 1e9);
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = 1; r <= runs; r++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      Pipeline p = Pipeline.create(options(cores));
      FileInput input = FileInput.of(csv);
      long t1 = System.nanoTime();
      input.schema();
      long t2 = System.nanoTime();
      ReadResult read = input.read(p);
      read.chunks().apply("Count", ParDo.of(new CountFn()));
      PipelineResult result = p.run();
      result.waitUntilFinish();
      long t3 = System.nanoTime();
      long cpu = os.getProcessCpuTime() - cpu0;
      MetricQueryResults m =
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.inNamespace("industryts"))
                      .build());
      long rows = 0;
      long chunks = 0;
      long errors = 0;
      for (MetricResult<Long> c : m.getCounters()) {
        String name = c.getName().getName();
        if (name.equals("bench.rows")) {
          rows = c.getAttempted();
        } else if (name.equals("bench.chunks")) {
          chunks = c.getAttempted();
        } else if (name.equals("read.errors")) {
          errors = c.getAttempted();
        }
      }
      System.out.printf(
          "run %d: %,d rows in %d chunks, %d errors; inspect %.3f s, pipeline %.3f s, total %.3f s"
              + " wall, %.3f s process CPU (%d cores, load %.1f)%n",
          r,
          rows,
          chunks,
          errors,
          (t2 - t1) / 1e9,
          (t3 - t2) / 1e9,
          (t3 - t0) / 1e9,
          cpu / 1e9,
          cores,
          os.getSystemLoadAverage());
    }
  }

  /** The launcher's DirectRunner settings: enforcement off, parallelism = cores. */
  private static DirectOptions options(int cores) {
    DirectOptions opts = PipelineOptionsFactory.as(DirectOptions.class);
    opts.setRunner(DirectRunner.class);
    opts.setEnforceImmutability(false);
    opts.setEnforceEncodability(false);
    opts.setTargetParallelism(cores);
    opts.setBlockOnRun(true);
    return opts;
  }

  static final class CountFn extends DoFn<Chunk, Void> {
    private final Counter rows = Metrics.counter("industryts", "bench.rows");
    private final Counter chunks = Metrics.counter("industryts", "bench.chunks");

    @ProcessElement
    public void process(@Element Chunk c) {
      rows.inc(c.size());
      chunks.inc();
    }
  }
}
