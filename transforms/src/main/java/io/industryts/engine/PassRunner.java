package io.industryts.engine;

import io.industryts.ErrorRecords;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Runs one {@link Pass}: its side input (if any), then its kernels on every segment. */
final class PassRunner {
  private PassRunner() {}

  static final TupleTag<KV<KV<Row, Long>, Chunk>> MAIN = new TupleTag<KV<KV<Row, Long>, Chunk>>() {};
  static final TupleTag<Row> ERRORS = new TupleTag<Row>() {};

  /** Output segments and error rows of a pass. */
  static PCollectionTuple run(String name, Segments in, Pass pass, List<String> operations) {
    PCollection<KV<KV<Row, Long>, Chunk>> segs = in.collection();
    PCollectionView<PassContext> context = null;
    if (pass.needsSummary()) {
      Combine.Globally<KV<Row, SegmentSummary>, PassContext> combine =
          Combine.globally(new ContextFn(pass));
      if (!(segs.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
        combine = combine.withoutDefaults();
      }
      context = segs.apply(name + "/Summarize", ParDo.of(new SummarizeFn(pass)))
          .setCoder(KvCoder.of(RowCoder.of(in.layout().keySchema()),
              SerializableCoder.of(SegmentSummary.class)))
          .apply(name + "/Context", combine)
          .setCoder(SerializableCoder.of(PassContext.class))
          .apply(name + "/ContextView", View.asSingleton());
    }
    List<PCollectionView<?>> sides = new ArrayList<>();
    sides.add(in.plans());
    if (context != null) {
      sides.add(context);
    }
    ChunkLayout outLayout = pass.kernels.get(pass.kernels.size() - 1).outputLayout();
    PCollectionTuple out = segs.apply(name,
        ParDo.of(new PassFn(pass, operations, in.plans(), context))
            .withSideInputs(sides)
            .withOutputTags(MAIN, TupleTagList.of(ERRORS)));
    out.get(MAIN).setCoder(KvCoder.of(
        KvCoder.of(RowCoder.of(outLayout.keySchema()), VarLongCoder.of()), ChunkCoder.of(outLayout)));
    out.get(ERRORS).setRowSchema(ErrorRecords.SCHEMA);
    return out;
  }

  /** All series contexts of one pass. */
  static final class PassContext implements Serializable {
    private static final long serialVersionUID = 1L;
    final HashMap<Row, SeriesContext> series = new HashMap<>();

    @Override
    public boolean equals(Object o) {
      return o instanceof PassContext && ((PassContext) o).series.equals(series);
    }

    @Override
    public int hashCode() {
      return series.hashCode();
    }
  }

  /** Summarizes each segment of the pass input. */
  static final class SummarizeFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<Row, SegmentSummary>> {
    private final Pass pass;

    SummarizeFn(Pass pass) {
      this.pass = pass;
    }

    @ProcessElement
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void process(@Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<Row, SegmentSummary>> out) {
      Chunk c = e.getValue();
      SegmentSummary s = new SegmentSummary();
      s.segment = e.getKey().getValue();
      s.count = c.size();
      long[] t = c.times();
      if (s.count > 0) {
        s.first = t[0];
        s.last = t[s.count - 1];
      }
      if (pass.rowsBefore > 0 || pass.millisBefore > 0) {
        int from = pass.millisBefore > 0 ? firstAtOrAfter(t, s.last - pass.millisBefore) : s.count;
        s.tail = c.slice(Math.max(0, from - pass.rowsBefore), s.count);
      }
      if (pass.rowsAfter > 0 || pass.millisAfter > 0) {
        int to = pass.millisAfter > 0 ? firstAfter(t, s.first + pass.millisAfter) : 0;
        s.head = c.slice(0, Math.min(s.count, to + pass.rowsAfter));
      }
      Kernel k = pass.first();
      if (k instanceof CarryKernel) {
        s.carry = ((CarryKernel) k).summarize(c);
      }
      if (k instanceof StatsKernel) {
        StatsKernel sk = (StatsKernel) k;
        s.stats = sk.addSegment(sk.createAccumulator(), c);
      }
      out.output(KV.of(e.getKey().getKey(), s));
    }
  }

  static int firstAtOrAfter(long[] t, long bound) {
    int lo = 0;
    int hi = t.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static int firstAfter(long[] t, long bound) {
    int lo = 0;
    int hi = t.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] <= bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Collects summaries; builds per-series carries and merged statistics. */
  static final class ContextFn
      extends Combine.CombineFn<KV<Row, SegmentSummary>, ArrayList<KV<Row, SegmentSummary>>, PassContext> {
    private final Pass pass;

    ContextFn(Pass pass) {
      this.pass = pass;
    }

    @Override
    public ArrayList<KV<Row, SegmentSummary>> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<KV<Row, SegmentSummary>> addInput(ArrayList<KV<Row, SegmentSummary>> acc,
        KV<Row, SegmentSummary> in) {
      acc.add(in);
      return acc;
    }

    @Override
    public ArrayList<KV<Row, SegmentSummary>> mergeAccumulators(
        Iterable<ArrayList<KV<Row, SegmentSummary>>> accs) {
      ArrayList<KV<Row, SegmentSummary>> out = new ArrayList<>();
      for (ArrayList<KV<Row, SegmentSummary>> a : accs) {
        out.addAll(a);
      }
      return out;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PassContext extractOutput(ArrayList<KV<Row, SegmentSummary>> acc) {
      Map<Row, List<SegmentSummary>> bySeries = new HashMap<>();
      for (KV<Row, SegmentSummary> kv : acc) {
        bySeries.computeIfAbsent(kv.getKey(), k -> new ArrayList<>()).add(kv.getValue());
      }
      PassContext ctx = new PassContext();
      Kernel k = pass.first();
      Serializable global = null;
      for (Map.Entry<Row, List<SegmentSummary>> e : bySeries.entrySet()) {
        List<SegmentSummary> list = e.getValue();
        list.sort((a, b) -> Long.compare(a.segment, b.segment));
        SegmentSummary[] sorted = list.toArray(new SegmentSummary[0]);
        Serializable[] carryIn = null;
        if (k instanceof CarryKernel) {
          CarryKernel ck = (CarryKernel) k;
          carryIn = new Serializable[sorted.length];
          if (ck.forward()) {
            for (int i = 1; i < sorted.length; i++) {
              carryIn[i] = ck.combine(carryIn[i - 1], sorted[i - 1].carry);
            }
          } else {
            for (int i = sorted.length - 2; i >= 0; i--) {
              carryIn[i] = ck.combine(sorted[i + 1].carry, carryIn[i + 1]);
            }
          }
        }
        Serializable stats = null;
        if (k instanceof StatsKernel) {
          StatsKernel sk = (StatsKernel) k;
          stats = sk.createAccumulator();
          for (SegmentSummary s : sorted) {
            stats = sk.merge(stats, s.stats);
          }
          if (sk.globalFit()) {
            global = global == null ? stats : sk.merge(global, stats);
          }
        }
        ctx.series.put(e.getKey(), new SeriesContext(sorted, carryIn, stats));
      }
      if (global != null) {
        for (SeriesContext sc : ctx.series.values()) {
          sc.stats = global;
        }
      }
      return ctx;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<PassContext> getDefaultOutputCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<KV<Row, SegmentSummary>> inputCoder) {
      return SerializableCoder.of(PassContext.class);
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<ArrayList<KV<Row, SegmentSummary>>> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<KV<Row, SegmentSummary>> inputCoder) {
      @SuppressWarnings("unchecked")
      Class<ArrayList<KV<Row, SegmentSummary>>> c =
          (Class<ArrayList<KV<Row, SegmentSummary>>>) (Class<?>) ArrayList.class;
      return SerializableCoder.of(c);
    }
  }

  /** Applies the pass's kernels to each segment, with halo, carry and statistics. */
  static final class PassFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<KV<Row, Long>, Chunk>> {
    private final Pass pass;
    private final List<String> operations;
    private final PCollectionView<HashMap<Row, SeriesPlan>> plans;
    private final PCollectionView<PassContext> context;
    private transient Map<String, Counter> counters;

    PassFn(Pass pass, List<String> operations, PCollectionView<HashMap<Row, SeriesPlan>> plans,
        PCollectionView<PassContext> context) {
      this.pass = pass;
      this.operations = operations;
      this.plans = plans;
      this.context = context;
    }

    Counter counter(String step, String name) {
      if (counters == null) {
        counters = new HashMap<>();
      }
      return counters.computeIfAbsent(step + "." + name, n -> Metrics.counter("industryts", n));
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<Row, Long> key = c.element().getKey();
      Chunk segment = c.element().getValue();
      SeriesPlan plan = c.sideInput(plans).get(key.getKey());
      SeriesContext series = null;
      int position = -1;
      if (context != null) {
        series = c.sideInput(context).series.get(key.getKey());
        position = series == null ? -1 : series.position(key.getValue());
      }
      Ctx ctx = new Ctx(c, key.getValue(), plan, series, position);
      Chunk data = segment;
      if (pass.hasHalo() && series != null && position >= 0) {
        data = withHalo(segment, series, position, ctx);
      }
      for (int i = 0; i < pass.kernels.size(); i++) {
        Kernel k = pass.kernels.get(i);
        ctx.kernel = k;
        ctx.operation = operations.get(i);
        counter(k.stepName(), "rows_in").inc(data.size() - ctx.haloBefore - ctx.haloAfter);
        data = k.apply(data, ctx);
        if (!k.context().rowPreserving()) {
          ctx.haloBefore = 0;
          ctx.haloAfter = 0;
        }
        counter(k.stepName(), "rows_out").inc(data.size() - ctx.haloBefore - ctx.haloAfter);
      }
      if (ctx.haloBefore > 0 || ctx.haloAfter > 0) {
        data = data.slice(ctx.haloBefore, data.size() - ctx.haloAfter);
      }
      c.output(KV.of(key, data));
    }

    private Chunk withHalo(Chunk segment, SeriesContext s, int position, Ctx ctx) {
      List<Chunk> parts = new ArrayList<>();
      if (pass.rowsBefore > 0 || pass.millisBefore > 0) {
        long threshold = segment.size() > 0 ? segment.times()[0] - pass.millisBefore : Long.MIN_VALUE;
        int below = 0;
        int total = 0;
        for (int q = position - 1; q >= 0; q--) {
          Chunk tail = s.summaries[q].tail;
          parts.add(tail);
          total += tail.size();
          for (int i = 0; i < tail.size(); i++) {
            if (tail.times()[i] < threshold) {
              below++;
            }
          }
          boolean whole = tail.size() == s.summaries[q].count;
          boolean enough = pass.millisBefore > 0 ? below >= Math.max(1, pass.rowsBefore)
              : total >= pass.rowsBefore;
          if (!whole || enough) {
            break;
          }
        }
        Collections.reverse(parts);
        ctx.haloBefore = total;
      }
      parts.add(segment);
      if (pass.rowsAfter > 0 || pass.millisAfter > 0) {
        long threshold = segment.size() > 0
            ? segment.times()[segment.size() - 1] + pass.millisAfter : Long.MAX_VALUE;
        int above = 0;
        int total = 0;
        for (int q = position + 1; q < s.summaries.length; q++) {
          Chunk head = s.summaries[q].head;
          parts.add(head);
          total += head.size();
          for (int i = 0; i < head.size(); i++) {
            if (head.times()[i] > threshold) {
              above++;
            }
          }
          boolean whole = head.size() == s.summaries[q].count;
          boolean enough = pass.millisAfter > 0 ? above >= Math.max(1, pass.rowsAfter)
              : total >= pass.rowsAfter;
          if (!whole || enough) {
            break;
          }
        }
        ctx.haloAfter = total;
      }
      return parts.size() == 1 ? segment : Chunk.concat(parts);
    }

    /** The context handed to kernels for one segment. */
    private final class Ctx implements KernelContext {
      private final ProcessContext c;
      private final long segment;
      private final SeriesPlan plan;
      private final SeriesContext series;
      private final int position;
      Kernel kernel;
      String operation;
      int haloBefore;
      int haloAfter;

      Ctx(ProcessContext c, long segment, SeriesPlan plan, SeriesContext series, int position) {
        this.c = c;
        this.segment = segment;
        this.plan = plan;
        this.series = series;
        this.position = position;
      }

      @Override
      public int haloBefore() {
        return haloBefore;
      }

      @Override
      public int haloAfter() {
        return haloAfter;
      }

      @Override
      public Object carry() {
        return series == null || series.carryIn == null || position < 0 ? null : series.carryIn[position];
      }

      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public Object stats() {
        if (series != null && series.stats != null) {
          return series.stats;
        }
        return kernel instanceof StatsKernel ? ((StatsKernel) kernel).createAccumulator() : null;
      }

      @Override
      public long seriesFirstTime() {
        return series != null ? series.first : plan.first;
      }

      @Override
      public long seriesLastTime() {
        return series != null ? series.last : plan.last;
      }

      @Override
      public long seriesRowCount() {
        return series != null ? series.count : plan.count;
      }

      @Override
      public boolean firstSegment() {
        return series != null ? position == 0 : segment == plan.segmentOf(plan.first);
      }

      @Override
      public boolean lastSegment() {
        return series != null
            ? position == series.segments.length - 1
            : segment == plan.segmentOf(plan.last);
      }

      @Override
      public long segmentStart() {
        return plan.segmentStart(segment);
      }

      @Override
      public long segmentEnd() {
        if (series != null && position >= 0 && position + 1 < series.segments.length) {
          return plan.segmentStart(series.segments[position + 1]);
        }
        return series != null ? Long.MAX_VALUE : plan.segmentStart(segment + 1);
      }

      @Override
      public long gridAnchor() {
        return plan.anchor;
      }

      @Override
      public void count(String name, long n) {
        counter(kernel.stepName(), name).inc(n);
      }

      @Override
      public void rowError(Chunk chunk, int row, String reason, String field, String message) {
        c.output(ERRORS, ErrorRecords.of(null, null, kernel.stepName(), operation, reason, field,
            message, RowJson.of(chunk, row)));
        counter(kernel.stepName(), "errors").inc();
      }
    }
  }
}
