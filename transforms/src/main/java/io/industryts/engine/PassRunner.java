package io.industryts.engine;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Runs one {@link Pass}. A pass that needs context first summarizes every input segment, groups the
 * summaries of each series with the series' plan (all series together for a global fit), builds
 * each segment's {@link SegmentContext} (halo rows, carry, statistics, series facts, bounds), joins
 * it to the segment by (series, segment), and runs the kernels there. A pass without context is a
 * single ParDo.
 *
 * <p>Somewhat over 500 lines on purpose: the summaries, the context builder (also used by the
 * {@link InMemoryExecutor}) and the pass DoFns are one protocol over the same tags and parts, and
 * read best in one place.
 */
final class PassRunner {
  private PassRunner() {}

  static final TupleTag<KV<KV<Row, Long>, Chunk>> MAIN =
      new TupleTag<KV<KV<Row, Long>, Chunk>>() {};
  static final TupleTag<Row> ERRORS = new TupleTag<Row>() {};
  private static final Schema NO_FIELDS = Schema.builder().build();

  /**
   * Segments of a pass input made ready for its context join by the pass before (which emits them
   * with its output instead of a separate traversal): each segment as a join part, and each
   * segment's summary keyed by its group.
   */
  static final class Prepared {
    final Pass pass;
    final PCollection<KV<KV<Row, Long>, Part>> parts;
    final PCollection<KV<Row, Part>> summaries;

    Prepared(
        Pass pass,
        PCollection<KV<KV<Row, Long>, Part>> parts,
        PCollection<KV<Row, Part>> summaries) {
      this.pass = pass;
      this.parts = parts;
      this.summaries = summaries;
    }
  }

  static final TupleTag<KV<KV<Row, Long>, Part>> NEXT_PARTS =
      new TupleTag<KV<KV<Row, Long>, Part>>() {};
  static final TupleTag<KV<Row, Part>> NEXT_SUMMARIES = new TupleTag<KV<Row, Part>>() {};

  /** Every series' plan keyed by its group (per series, or one group for a global fit). */
  static PCollection<KV<Row, Part>> planGroups(String name, Segments in, boolean global) {
    RowCoder groupCoder = global ? RowCoder.of(NO_FIELDS) : RowCoder.of(in.layout().keySchema());
    return in.plans()
        .apply(name, ParDo.of(new RegroupFn(global)))
        .setCoder(KvCoder.of(groupCoder, new Part.PartCoder(in.layout())));
  }

  /**
   * Output segments and error rows of a pass. {@code planGroups} are the series' plans keyed as
   * {@link #planGroups} keys them for this pass (null when the pass needs no context); {@code
   * prepared} is this pass's input as the previous pass emitted it (or null); when {@code next} is
   * set, the output is not {@link #MAIN} but {@link #NEXT_PARTS} and {@link #NEXT_SUMMARIES}, ready
   * for pass {@code next}.
   */
  static PCollectionTuple run(
      String name,
      Segments in,
      Pass pass,
      PCollection<KV<Row, Part>> planGroups,
      Prepared prepared,
      Pass next) {
    PCollection<KV<KV<Row, Long>, Chunk>> segs = in.collection();
    ChunkLayout outLayout = pass.outputLayout();
    TupleTagList extra =
        next == null
            ? TupleTagList.of(ERRORS)
            : TupleTagList.of(ERRORS).and(NEXT_PARTS).and(NEXT_SUMMARIES);
    PCollectionTuple out;
    if (!pass.needsSummary()) {
      out = segs.apply(name, ParDo.of(new PlainPassFn(pass, next)).withOutputTags(MAIN, extra));
    } else {
      RowCoder keyCoder = RowCoder.of(in.layout().keySchema());
      boolean global = pass.globalGroup();
      RowCoder groupCoder = global ? RowCoder.of(NO_FIELDS) : keyCoder;
      Part.PartCoder parts = new Part.PartCoder(in.layout());
      KvCoder<KV<Row, Long>, Part> segmentParts =
          KvCoder.of(KvCoder.of(keyCoder, VarLongCoder.of()), parts);
      PCollection<KV<Row, Part>> summaries =
          prepared != null
              ? prepared.summaries
              : segs.apply(name + "/Summarize", ParDo.of(new SummarizeFn(pass, global)))
                  .setCoder(KvCoder.of(groupCoder, parts));
      PCollection<KV<KV<Row, Long>, Part>> contexts =
          PCollectionList.of(summaries)
              .and(planGroups)
              .apply(name + "/SummariesAndPlans", Flatten.pCollections())
              .setCoder(KvCoder.of(groupCoder, parts))
              .apply(name + "/GroupSummaries", KeyGroups.byKey())
              .apply(name + "/Contexts", ParDo.of(new ContextFn(pass)))
              .setCoder(segmentParts);
      PCollection<KV<KV<Row, Long>, Part>> segments =
          prepared != null
              ? prepared.parts
              : segs.apply(name + "/AsParts", ParDo.of(new AsPartFn())).setCoder(segmentParts);
      out =
          PCollectionList.of(segments)
              .and(contexts)
              .apply(name + "/SegmentsAndContexts", Flatten.pCollections())
              .setCoder(segmentParts)
              .apply(name + "/JoinContexts", KeyGroups.byKey())
              .apply(name, ParDo.of(new JoinedPassFn(pass, next)).withOutputTags(MAIN, extra));
    }
    RowCoder outKeys = RowCoder.of(outLayout.keySchema());
    out.get(MAIN)
        .setCoder(KvCoder.of(KvCoder.of(outKeys, VarLongCoder.of()), ChunkCoder.of(outLayout)));
    out.get(ERRORS).setRowSchema(ErrorRecords.SCHEMA);
    if (next != null) {
      Part.PartCoder nextParts = new Part.PartCoder(outLayout);
      out.get(NEXT_PARTS).setCoder(KvCoder.of(KvCoder.of(outKeys, VarLongCoder.of()), nextParts));
      out.get(NEXT_SUMMARIES)
          .setCoder(KvCoder.of(next.globalGroup() ? RowCoder.of(NO_FIELDS) : outKeys, nextParts));
    }
    return out;
  }

  /** Keys each series' plan by its group: the series itself, or one group for a global fit. */
  static final class RegroupFn extends DoFn<KV<Row, SeriesPlan>, KV<Row, Part>> {
    private final boolean global;

    RegroupFn(boolean global) {
      this.global = global;
    }

    @ProcessElement
    public void process(@Element KV<Row, SeriesPlan> e, OutputReceiver<KV<Row, Part>> out) {
      Row group = global ? Row.withSchema(NO_FIELDS).build() : e.getKey();
      out.output(KV.of(group, Part.ofFact(e.getKey(), e.getValue())));
    }
  }

  /** A segment as a join part. */
  static final class AsPartFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<KV<Row, Long>, Part>> {
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<KV<Row, Long>, Part>> out) {
      out.output(KV.of(e.getKey(), Part.ofChunk(e.getValue())));
    }
  }

  /** Summarizes each segment of the pass input. */
  static final class SummarizeFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<Row, Part>> {
    private final Pass pass;
    private final boolean global;

    SummarizeFn(Pass pass, boolean global) {
      this.pass = pass;
      this.global = global;
    }

    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<Row, Part>> out) {
      out.output(summarize(pass, global, e.getKey(), e.getValue()));
    }
  }

  /** The summary of one input segment of {@code pass}, keyed by its group. */
  static KV<Row, Part> summarize(Pass pass, boolean global, KV<Row, Long> key, Chunk c) {
    return summarize(pass, global, key, c, true);
  }

  /**
   * The summary of one input segment of {@code pass}, keyed by its group; {@code forNeighbours}
   * false leaves out what only other segments of the series read (its halo rows and its carry), for
   * a series that is one segment: for 10,000 series of 100 rows the carry summaries alone took more
   * CPU samples than the lag or the rolling kernel (JFR, benchmarks/RESULTS.md "Keyed, per-series
   * overhead").
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static KV<Row, Part> summarize(
      Pass pass, boolean global, KV<Row, Long> key, Chunk c, boolean forNeighbours) {
    SegmentSummary s = new SegmentSummary();
    s.segment = key.getValue();
    s.count = c.size();
    long[] t = c.times();
    if (s.count > 0) {
      s.first = t[0];
      s.last = t[s.count - 1];
    }
    if (forNeighbours && (pass.rowsBefore > 0 || pass.millisBefore > 0)) {
      int from = pass.millisBefore > 0 ? firstAtOrAfter(t, s.last - pass.millisBefore) : s.count;
      s.tail = c.slice(Math.max(0, from - pass.rowsBefore), s.count);
    }
    if (forNeighbours && (pass.rowsAfter > 0 || pass.millisAfter > 0)) {
      int to = pass.millisAfter > 0 ? firstAfter(t, s.first + pass.millisAfter) : 0;
      s.head = c.slice(0, Math.min(s.count, to + pass.rowsAfter));
    }
    Kernel k = pass.first();
    if (forNeighbours && pass.recipe.carries()) {
      s.carry = ((CarryKernel) k).summarize(c);
    }
    if (pass.recipe.fitsStatistics()) {
      StatsKernel sk = (StatsKernel) k;
      s.stats = sk.addSegment(sk.createAccumulator(), c);
    }
    Row series = key.getKey();
    Row group = global ? Row.withSchema(NO_FIELDS).build() : series;
    return KV.of(group, Part.ofFact(series, s));
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

  /** Builds every segment's context from the summaries of its series (or of all series). */
  static final class ContextFn extends DoFn<KV<Row, Iterable<Part>>, KV<KV<Row, Long>, Part>> {
    private final Pass pass;

    ContextFn(Pass pass) {
      this.pass = pass;
    }

    @ProcessElement
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void process(
        @Element KV<Row, Iterable<Part>> e, OutputReceiver<KV<KV<Row, Long>, Part>> out) {
      Map<Row, List<SegmentSummary>> bySeries = new HashMap<>();
      Map<Row, SeriesPlan> plans = new HashMap<>();
      for (Part p : e.getValue()) {
        if (p.fact instanceof SeriesPlan) {
          plans.put(p.series, (SeriesPlan) p.fact);
        } else {
          bySeries.computeIfAbsent(p.series, k -> new ArrayList<>()).add((SegmentSummary) p.fact);
        }
      }
      // segment order, not shuffle order: statistics merged in a fixed order give the same
      // floating-point result on every run
      for (List<SegmentSummary> list : bySeries.values()) {
        list.sort((a, b) -> Long.compare(a.segment, b.segment));
      }
      Kernel k = pass.first();
      Map<Row, Serializable> statsBySeries = new HashMap<>();
      if (pass.recipe.fitsStatistics()) {
        StatsKernel sk = (StatsKernel) k;
        Serializable global = null;
        for (Map.Entry<Row, List<SegmentSummary>> s : bySeries.entrySet()) {
          Serializable acc = seriesStats(sk, s.getValue());
          statsBySeries.put(s.getKey(), acc);
          if (pass.globalGroup()) {
            global =
                global == null
                    ? acc
                    : (Serializable) sk.merge(sk.merge(sk.createAccumulator(), global), acc);
          }
        }
        if (pass.globalGroup() && global != null) {
          for (Row series : bySeries.keySet()) {
            statsBySeries.put(series, global);
          }
        }
      }
      for (Map.Entry<Row, List<SegmentSummary>> s : bySeries.entrySet()) {
        emitSeries(
            s.getKey(), s.getValue(), plans.get(s.getKey()), statsBySeries.get(s.getKey()), out);
      }
    }

    private void emitSeries(
        Row series,
        List<SegmentSummary> list,
        SeriesPlan plan,
        Serializable stats,
        OutputReceiver<KV<KV<Row, Long>, Part>> out) {
      list.sort((a, b) -> Long.compare(a.segment, b.segment));
      SegmentSummary[] seg = list.toArray(new SegmentSummary[0]);
      SegmentContext[] contexts = contexts(pass, seg, plan, stats);
      for (int p = 0; p < seg.length; p++) {
        out.output(KV.of(KV.of(series, seg[p].segment), Part.ofFact(null, contexts[p])));
      }
    }
  }

  /** A series' statistics: its segments' summaries merged in segment order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Serializable seriesStats(StatsKernel sk, List<SegmentSummary> segments) {
    Serializable acc = (Serializable) sk.createAccumulator();
    for (SegmentSummary seg : segments) {
      acc = (Serializable) sk.merge(acc, seg.stats);
    }
    return acc;
  }

  /**
   * The context of each segment of one series for {@code pass}, from the summaries of all its
   * segments in segment order, its plan and its statistics (or null).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static SegmentContext[] contexts(
      Pass pass, SegmentSummary[] seg, SeriesPlan plan, Serializable stats) {
    int n = seg.length;
    SegmentContext[] contexts = new SegmentContext[n];
    Serializable[] carry = new Serializable[n];
    Serializable[] carryAfter = new Serializable[n];
    Kernel k = pass.first();
    if (pass.recipe.carry() == ContextRecipe.Carry.BOTH) {
      // prefix and suffix combinations of the same summaries
      CarryKernel ck = (CarryKernel) k;
      for (int i = 1; i < n; i++) {
        carry[i] = (Serializable) ck.combine(carry[i - 1], seg[i - 1].carry);
      }
      for (int i = n - 2; i >= 0; i--) {
        carryAfter[i] = (Serializable) ck.combine(seg[i + 1].carry, carryAfter[i + 1]);
      }
    } else if (pass.recipe.carries()) {
      CarryKernel ck = (CarryKernel) k;
      if (pass.recipe.carry() == ContextRecipe.Carry.FORWARD) {
        for (int i = 1; i < n; i++) {
          carry[i] = (Serializable) ck.combine(carry[i - 1], seg[i - 1].carry);
        }
      } else {
        for (int i = n - 2; i >= 0; i--) {
          carry[i] = (Serializable) ck.combine(seg[i + 1].carry, carry[i + 1]);
        }
      }
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long count = 0;
    for (SegmentSummary s : seg) {
      if (s.count > 0) {
        first = Math.min(first, s.first);
        last = Math.max(last, s.last);
        count += s.count;
      }
    }
    for (int p = 0; p < n; p++) {
      SegmentContext c = new SegmentContext();
      c.carry = carry[p];
      c.carryAfter = carryAfter[p];
      c.stats = stats;
      c.seriesFirst = first;
      c.seriesLast = last;
      c.seriesCount = count;
      c.firstSegment = p == 0;
      c.lastSegment = p == n - 1;
      c.anchor = plan.anchor;
      c.segmentStart = plan.segmentStart(seg[p].segment);
      c.segmentEnd = p + 1 < n ? plan.segmentStart(seg[p + 1].segment) : Long.MAX_VALUE;
      if (pass.rowsBefore > 0 || pass.millisBefore > 0) {
        c.haloBefore = haloBefore(pass, seg, p);
      }
      if (pass.rowsAfter > 0 || pass.millisAfter > 0) {
        c.haloAfter = haloAfter(pass, seg, p);
      }
      contexts[p] = c;
    }
    return contexts;
  }

  /** Tails of earlier segments, back far enough for the pass's rows and duration. */
  private static Chunk haloBefore(Pass pass, SegmentSummary[] seg, int p) {
    long threshold = seg[p].count > 0 ? seg[p].first - pass.millisBefore : Long.MIN_VALUE;
    List<Chunk> parts = new ArrayList<>();
    int below = 0;
    int total = 0;
    for (int q = p - 1; q >= 0; q--) {
      Chunk tail = seg[q].tail;
      parts.add(tail);
      total += tail.size();
      for (int i = 0; i < tail.size(); i++) {
        if (tail.times()[i] < threshold) {
          below++;
        }
      }
      boolean whole = tail.size() == seg[q].count;
      boolean enough =
          pass.millisBefore > 0 ? below >= Math.max(1, pass.rowsBefore) : total >= pass.rowsBefore;
      if (!whole || enough) {
        break;
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    Collections.reverse(parts);
    return Chunk.concat(parts);
  }

  /** Heads of later segments, forward far enough for the pass's rows and duration. */
  private static Chunk haloAfter(Pass pass, SegmentSummary[] seg, int p) {
    long threshold = seg[p].count > 0 ? seg[p].last + pass.millisAfter : Long.MAX_VALUE;
    List<Chunk> parts = new ArrayList<>();
    int above = 0;
    int total = 0;
    for (int q = p + 1; q < seg.length; q++) {
      Chunk head = seg[q].head;
      parts.add(head);
      total += head.size();
      for (int i = 0; i < head.size(); i++) {
        if (head.times()[i] > threshold) {
          above++;
        }
      }
      boolean whole = head.size() == seg[q].count;
      boolean enough =
          pass.millisAfter > 0 ? above >= Math.max(1, pass.rowsAfter) : total >= pass.rowsAfter;
      if (!whole || enough) {
        break;
      }
    }
    return parts.isEmpty() ? null : Chunk.concat(parts);
  }

  /** Runs the kernels of a pass on one segment; shared by both pass shapes. */
  abstract static class PassDoFn<InT> extends DoFn<InT, KV<KV<Row, Long>, Chunk>> {
    final Pass pass;

    /** The pass after this one, whose input this one emits ready for its join (or null). */
    final Pass next;

    private final boolean nextGlobal;

    /** Counters by step, then name: looked up for every kernel and series, so without concat. */
    private transient Map<String, Map<String, Counter>> counters;

    PassDoFn(Pass pass, Pass next) {
      this.pass = pass;
      this.next = next;
      this.nextGlobal = next != null && next.globalGroup();
    }

    Counter counter(String step, String name) {
      if (counters == null) {
        counters = new HashMap<>();
      }
      Map<String, Counter> ofStep = counters.get(step);
      if (ofStep == null) {
        ofStep = new HashMap<>();
        counters.put(step, ofStep);
      }
      Counter c = ofStep.get(name);
      if (c == null) {
        c = Metrics.counter("industryts", step + "." + name);
        ofStep.put(name, c);
      }
      return c;
    }

    /** Counters and the errors output of this DoFn, for kernels. */
    StageContext.Sink sink(MultiOutputReceiver out) {
      return new StageContext.Sink() {
        @Override
        public void count(String step, String name, long n) {
          counter(step, name).inc(n);
        }

        @Override
        public void rowError(Row record) {
          out.get(ERRORS).output(record);
        }
      };
    }

    void runKernels(
        KV<Row, Long> key, Chunk segment, SegmentContext context, MultiOutputReceiver out) {
      Chunk data = InMemoryExecutor.runPass(pass, segment, context, sink(out));
      if (next == null) {
        out.get(MAIN).output(KV.of(key, data));
      } else {
        out.get(NEXT_PARTS).output(KV.of(key, Part.ofChunk(data)));
        out.get(NEXT_SUMMARIES).output(summarize(next, nextGlobal, key, data));
      }
    }
  }

  /** A pass without context: one ParDo over the segments. */
  static final class PlainPassFn extends PassDoFn<KV<KV<Row, Long>, Chunk>> {
    PlainPassFn(Pass pass, Pass next) {
      super(pass, next);
    }

    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Chunk> e, MultiOutputReceiver out) {
      runKernels(e.getKey(), e.getValue(), null, out);
    }
  }

  /** A pass with context: each segment arrives grouped with its context. */
  static final class JoinedPassFn extends PassDoFn<KV<KV<Row, Long>, Iterable<Part>>> {
    JoinedPassFn(Pass pass, Pass next) {
      super(pass, next);
    }

    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Iterable<Part>> e, MultiOutputReceiver out) {
      SegmentContext context = null;
      for (Part p : e.getValue()) {
        if (p.fact != null) {
          context = (SegmentContext) p.fact;
        }
      }
      for (Part p : e.getValue()) {
        if (p.chunk != null) {
          runKernels(e.getKey(), p.chunk, context, out);
        }
      }
    }
  }

  /**
   * Runs the stages of a section of the plan on series that fit in one segment, one element per
   * series, with the {@link InMemoryExecutor}.
   */
  static final class WholeSeriesFn extends PassDoFn<KV<KV<Row, Long>, Chunk>> {
    private final List<ExecutionPlan.Stage> stages;
    private final Grid alignedTo;
    private final int segmentRows;

    /** {@code alignedTo} is the grid of the input segmentation. */
    WholeSeriesFn(List<ExecutionPlan.Stage> stages, Grid alignedTo, int segmentRows) {
      super(null, null);
      this.stages = List.copyOf(stages);
      this.alignedTo = alignedTo;
      this.segmentRows = segmentRows;
    }

    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Chunk> e, MultiOutputReceiver out) {
      KV<KV<Row, Long>, Chunk> result =
          InMemoryExecutor.run(stages, e.getKey(), e.getValue(), alignedTo, segmentRows, sink(out));
      if (result != null) {
        out.get(MAIN).output(result);
      }
    }
  }
}
