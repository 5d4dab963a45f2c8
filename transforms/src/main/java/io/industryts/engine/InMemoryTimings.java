package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.SeriesOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Benchmark-only ({@link PlanResult#timeInMemory}): joins each output series' segments into one
 * sorted series in memory and times named steps on it alone, one thread, no pipeline stage inside
 * the timings; the times and row counts go to counters (namespace {@code industryts}).
 */
final class InMemoryTimings {
  static final String NAMESPACE = "industryts";

  private InMemoryTimings() {}

  /** Plans every timed step for {@code segments}' layout, then adds the timing stages. */
  static void apply(
      Segments segments, Map<String, Engine.Step> steps, SeriesOptions options, int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException(
          "industryts: timeInMemory needs at least one repeat. Got "
              + repeats
              + "; pass repeats >= 1.");
    }
    ChunkLayout layout = segments.layout();
    Map<String, Kernel> kernels = new LinkedHashMap<>();
    steps.forEach(
        (label, step) -> kernels.put(label, Engine.plan(layout, options, List.of(step)).get(0)));
    PCollection<KV<Row, KV<Long, Chunk>>> bySeries =
        segments
            .collection()
            .apply("BySeries", ParDo.of(new BySeriesFn()))
            .setCoder(
                KvCoder.of(
                    RowCoder.of(layout.keySchema()),
                    KvCoder.of(VarLongCoder.of(), ChunkCoder.of(layout))));
    bySeries
        .apply("GroupSeries", GroupByKey.create())
        .apply("TimeKernels", ParDo.of(new TimeFn(kernels, repeats)));
  }

  /** Keys each segment by its series, keeping its index for the order. */
  static final class BySeriesFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<Row, KV<Long, Chunk>>> {
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<Row, KV<Long, Chunk>>> out) {
      out.output(KV.of(e.getKey().getKey(), KV.of(e.getKey().getValue(), e.getValue())));
    }
  }

  /**
   * Joins a series' segments and times each kernel on it: counters {@code micro.rows_in}, {@code
   * micro.<label>_rows} and {@code micro.<label>_ns.<i>} for repeat {@code i}.
   */
  static final class TimeFn extends DoFn<KV<Row, Iterable<KV<Long, Chunk>>>, Void> {
    private final Map<String, Kernel> kernels;
    private final int repeats;

    TimeFn(Map<String, Kernel> kernels, int repeats) {
      this.kernels = new LinkedHashMap<>(kernels);
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
      Map<String, Integer> rows = new LinkedHashMap<>();
      for (int i = 0; i < repeats; i++) {
        for (Map.Entry<String, Kernel> k : kernels.entrySet()) {
          long t0 = System.nanoTime();
          int n = Engine.runInMemory(series, List.of(k.getValue())).size();
          long t1 = System.nanoTime();
          rows.put(k.getKey(), n);
          Metrics.counter(NAMESPACE, "micro." + k.getKey() + "_ns." + i).inc(t1 - t0);
        }
      }
      Metrics.counter(NAMESPACE, "micro.rows_in").inc(series.size());
      rows.forEach((label, n) -> Metrics.counter(NAMESPACE, "micro." + label + "_rows").inc(n));
    }
  }
}
