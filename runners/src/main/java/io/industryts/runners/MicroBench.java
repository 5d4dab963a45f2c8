package io.industryts.runners;

import io.industryts.config.JobConfig;
import io.industryts.engine.ChunkCoder;
import io.industryts.engine.Engine;
import io.industryts.engine.Segments;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.io.FileInput;
import io.industryts.io.ReadResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * {@code industryts bench --mode micro}: times the resample step alone and the rolling step alone
 * on the deduplicated and filled series (steps b+c of the standard pipeline), as the peer
 * benchmark's micro contract asks. A pipeline reads and cleans the input; then, per series, the two
 * kernels run {@code repeats} times each on the whole cleaned series in memory (one segment, one
 * thread, no pipeline stages in the timings), and the times come back as counters.
 */
final class MicroBench {
  private static final String NAMESPACE = "industryts";
  private static final Set<String> CLEANING = Set.of("drop_duplicates", "fill_null");

  private MicroBench() {}

  /** The micro timings of one run. */
  static final class Timings {
    final long rowsIn;
    final long resampleRows;
    final long rollingRows;
    final double[] resampleSeconds;
    final double[] rollingSeconds;

    Timings(
        long rowsIn,
        long resampleRows,
        long rollingRows,
        double[] resampleSeconds,
        double[] rollingSeconds) {
      this.rowsIn = rowsIn;
      this.resampleRows = resampleRows;
      this.rollingRows = rollingRows;
      this.resampleSeconds = resampleSeconds.clone();
      this.rollingSeconds = rollingSeconds.clone();
    }

    /** The {@code RESULT} json of the micro contract (../shared/bench/README.md). */
    String json(int threads) {
      return String.format(
          Locale.ROOT,
          "{\"tool\": \"industryts\", \"mode\": \"micro\", "
              + "\"rows_in\": %d, \"resample_rows\": %d, \"rolling_rows\": %d, "
              + "\"resample_s_median\": %.6f, \"resample_s_min\": %.6f, "
              + "\"rolling_s_median\": %.6f, \"rolling_s_min\": %.6f, \"repeats\": %d, "
              + "\"threads\": %d, \"scope\": \"kernel on the whole cleaned series in memory, one "
              + "thread\"}",
          rowsIn,
          resampleRows,
          rollingRows,
          median(resampleSeconds),
          min(resampleSeconds),
          median(rollingSeconds),
          min(rollingSeconds),
          resampleSeconds.length,
          threads);
    }
  }

  /**
   * Runs the micro benchmark of {@code job} on {@code csv}.
   *
   * @throws IllegalArgumentException when the job has no resample or no rolling step
   */
  static Timings run(JobConfig job, String csv, int repeats, PipelineOptions options) {
    List<Engine.Step> steps = job.engineSteps();
    List<Engine.Step> cleaning = new ArrayList<>();
    Engine.Step resample = null;
    Engine.Step rolling = null;
    for (Engine.Step s : steps) {
      String type = s.operation().typeName();
      if (CLEANING.contains(type) && resample == null && rolling == null) {
        cleaning.add(s);
      } else if (type.equals("resample") && resample == null) {
        resample = s;
      } else if (type.equals("rolling") && rolling == null) {
        rolling = s;
      }
    }
    if (resample == null || rolling == null) {
      throw new IllegalArgumentException(
          "industryts: bench --mode micro times the job's resample "
              + "and rolling steps, but job \""
              + job.pipelineName()
              + "\" lacks "
              + (resample == null ? "a resample" : "a rolling")
              + " step. Use the standard pipeline "
              + "(drop --job) or a job with both.");
    }
    FileInput input = Inputs.reader(csv, job.input().orElse(null), job);
    ChunkLayout layout = input.layout();
    io.industryts.engine.spi.SeriesOptions resolved =
        job.seriesOptions().withTimeColumn(input.timeColumn().name());
    List<Kernel> clean = Engine.plan(layout, resolved, cleaning);
    ChunkLayout cleanLayout = clean.isEmpty() ? layout : clean.get(clean.size() - 1).outputLayout();
    Kernel resampleKernel = Engine.plan(cleanLayout, resolved, List.of(resample)).get(0);
    Kernel rollingKernel = Engine.plan(cleanLayout, resolved, List.of(rolling)).get(0);

    Pipeline p = Pipeline.create(options);
    ReadResult read = input.read(p);
    Engine.failOnErrors("FailOnBadRows", read.errors());
    Segments segments = Engine.run(Engine.segment(read.chunks(), layout, clean), clean).segments();
    RowCoder keyCoder = RowCoder.of(cleanLayout.keySchema());
    PCollection<KV<Row, KV<Long, Chunk>>> bySeries =
        segments
            .collection()
            .apply("BySeries", ParDo.of(new BySeriesFn()))
            .setCoder(
                KvCoder.of(keyCoder, KvCoder.of(VarLongCoder.of(), ChunkCoder.of(cleanLayout))));
    bySeries
        .apply("GroupSeries", GroupByKey.create())
        .apply("TimeKernels", ParDo.of(new TimeKernelsFn(resampleKernel, rollingKernel, repeats)));
    PipelineResult result = p.run();
    result.waitUntilFinish();

    RunSummary counters = RunSummary.of(result.metrics(), List.of());
    double[] resampleSeconds = new double[repeats];
    double[] rollingSeconds = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      resampleSeconds[i] = counters.counter("micro.resample_ns." + i) / 1e9;
      rollingSeconds[i] = counters.counter("micro.rolling_ns." + i) / 1e9;
    }
    return new Timings(
        counters.counter("micro.rows_in"),
        counters.counter("micro.resample_rows"),
        counters.counter("micro.rolling_rows"),
        resampleSeconds,
        rollingSeconds);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  /** Keys each segment by its series, keeping its index for the order. */
  static final class BySeriesFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<Row, KV<Long, Chunk>>> {
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<Row, KV<Long, Chunk>>> out) {
      out.output(KV.of(e.getKey().getKey(), KV.of(e.getKey().getValue(), e.getValue())));
    }
  }

  /** Joins a series' segments and times both kernels on it; reports through counters. */
  static final class TimeKernelsFn extends DoFn<KV<Row, Iterable<KV<Long, Chunk>>>, Void> {
    private final Kernel resample;
    private final Kernel rolling;
    private final int repeats;

    TimeKernelsFn(Kernel resample, Kernel rolling, int repeats) {
      this.resample = resample;
      this.rolling = rolling;
      this.repeats = repeats;
    }

    @ProcessElement
    public void process(@Element KV<Row, Iterable<KV<Long, Chunk>>> e) {
      List<KV<Long, Chunk>> parts = new ArrayList<>();
      e.getValue().forEach(parts::add);
      parts.sort((a, b) -> Long.compare(a.getKey(), b.getKey()));
      List<Chunk> chunks = new ArrayList<>();
      for (KV<Long, Chunk> part : parts) {
        chunks.add(part.getValue());
      }
      Chunk series = Chunk.concat(chunks);
      int resampled = 0;
      int rolled = 0;
      for (int i = 0; i < repeats; i++) {
        long t0 = System.nanoTime();
        resampled = Engine.runInMemory(series, List.of(resample)).size();
        long t1 = System.nanoTime();
        rolled = Engine.runInMemory(series, List.of(rolling)).size();
        long t2 = System.nanoTime();
        Metrics.counter(NAMESPACE, "micro.resample_ns." + i).inc(t1 - t0);
        Metrics.counter(NAMESPACE, "micro.rolling_ns." + i).inc(t2 - t1);
      }
      Metrics.counter(NAMESPACE, "micro.rows_in").inc(series.size());
      Metrics.counter(NAMESPACE, "micro.resample_rows").inc(resampled);
      Metrics.counter(NAMESPACE, "micro.rolling_rows").inc(rolled);
    }
  }
}
