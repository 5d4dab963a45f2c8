package io.industryts.engine;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

// Over 500 lines: one algorithm — the per-pass cut rules (which rows are final, what a pass
// keeps) and the stateful per-series DoFn (SeriesFn) that applies them with its state and timers.
// Both read and update the same PassState and SeriesState; together they read as one protocol.

/**
 * Runs an {@link ExecutionPlan} on unbounded input in the global window: the same passes and
 * kernels as the other executors ({@link InMemoryExecutor#runPass}), applied per series as the
 * watermark advances.
 *
 * <p>Per series, a stateful {@code DoFn} buffers incoming rows; an event-time timer fires when the
 * watermark has passed every row buffered when it was set (plus the allowed lateness), and the rows
 * up to that time, sorted, enter the first pass as the next segment of the series. When the last
 * pass buckets, the timer fires no earlier than the last instant of the bucket it emits next
 * ({@link #nextEmission}): earlier flushes could emit nothing. An element reads and writes only the
 * series' {@link StreamingClock}; the passes' state is read and written once per flush. Each pass
 * keeps its own state: the rows it has not processed yet, the carry of the rows it has processed
 * (the combined {@link CarryKernel} summaries), the halo tail its kernels declared, the series
 * facts seen so far and, for a bucketing pass, the boundary of the buckets already emitted. A pass
 * processes the rows whose output is final:
 *
 * <ul>
 *   <li>look-back and forward-carry passes: every row received;
 *   <li>passes with a halo after: rows with enough rows after them (the halo the kernels declare);
 *   <li>passes with a carry from later rows (backward fill, interpolate, regularize, time-weighted
 *       aggregates, state intervals): rows whose later carry is settled ({@link
 *       CarryKernel#settles});
 *   <li>bucketing passes: rows of buckets the input has passed; empty buckets in a gap once the
 *       next row arrives;
 * </ul>
 *
 * <p>and hands its output, with the time up to which it is complete, to the next pass. An end timer
 * at the end of the global window (the final watermark) flushes what is held as the last segment of
 * the series. Rows behind what the series has already processed go to the errors output with reason
 * {@code late_row}. Example (what {@code Engine.runOnRowsWithErrors} does):
 *
 * <pre>{@code
 * PCollectionTuple out = StreamingExecutor.run("Stream", chunks, plan, 0L);
 * PCollection<KV<KV<Row, Long>, Chunk>> segments = out.get(PassRunner.MAIN);
 * }</pre>
 */
final class StreamingExecutor {
  private StreamingExecutor() {}

  /** Whether {@code input} is run by this executor: unbounded, in the global window. */
  static boolean handles(PCollection<?> input) {
    return input.isBounded() == PCollection.IsBounded.UNBOUNDED
        && input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows;
  }

  /**
   * Rejects, when the operations are applied, a plan this executor cannot run on unbounded input,
   * with the fix.
   */
  static void requireSupported(ExecutionPlan plan) {
    for (ExecutionPlan.Stage s : plan.stages()) {
      if (s instanceof ExecutionPlan.JoinStage) {
        throw new IllegalArgumentException(
            "industryts: "
                + ((ExecutionPlan.JoinStage) s).kernel().stepName()
                + ": asof_join on unbounded input in the global window is not supported yet. "
                + "Got an unbounded PCollection; expected bounded input or fixed windows. Window "
                + "the input first, e.g. input.apply(Window.into(FixedWindows.of("
                + "Duration.standardMinutes(5)))).");
      }
    }
    for (Kernel k : plan.kernels()) {
      if (k.context().changesTime()) {
        throw new IllegalArgumentException(
            "industryts: "
                + k.stepName()
                + ": an operation that rewrites times (snap_time) on unbounded input in the "
                + "global window is not supported yet. Got an unbounded PCollection; expected "
                + "bounded input or fixed windows. Window the input first, e.g. "
                + "input.apply(Window.into(FixedWindows.of(Duration.standardMinutes(5)))), or "
                + "bucket with resample instead.");
      }
    }
  }

  /**
   * The plan's output segments ({@link PassRunner#MAIN}, keyed by series and a running segment
   * number) and errors ({@link PassRunner#ERRORS}) for unsorted {@code chunks} of any series.
   */
  static PCollectionTuple run(
      String name, PCollection<Chunk> chunks, ExecutionPlan plan, long allowedLatenessMillis) {
    ChunkLayout in = plan.inputLayout();
    ChunkLayout out = plan.outputLayout();
    RowCoder keyCoder = RowCoder.of(in.keySchema());
    PCollectionTuple result =
        chunks
            .apply(name + "/KeyBySeries", ParDo.of(new KeyFn()))
            .setCoder(KvCoder.of(keyCoder, ChunkCoder.of(in)))
            .apply(
                name,
                ParDo.of(new SeriesFn(plan, allowedLatenessMillis))
                    .withOutputTags(PassRunner.MAIN, TupleTagList.of(PassRunner.ERRORS)));
    result
        .get(PassRunner.MAIN)
        .setCoder(
            KvCoder.of(
                KvCoder.of(RowCoder.of(out.keySchema()), VarLongCoder.of()), ChunkCoder.of(out)));
    result.get(PassRunner.ERRORS).setRowSchema(ErrorRecords.SCHEMA);
    return result;
  }

  /** Keys each chunk by its series. */
  static final class KeyFn extends DoFn<Chunk, KV<Row, Chunk>> {
    @ProcessElement
    public void process(@Element Chunk c, OutputReceiver<KV<Row, Chunk>> out) {
      if (c.size() > 0) {
        out.output(KV.of(c.key(), c));
      }
    }
  }

  /** What one pass keeps per series between firings. */
  static final class PassState implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Input rows not processed yet, sorted (null: none). */
    Chunk pending;

    /** Every input row with a time at or before this has been received. */
    long inFrontier = Long.MIN_VALUE;

    /** Every output row with a time at or before this has been emitted. */
    long outFrontier = Long.MIN_VALUE;

    /** Combined summaries of the processed input rows (forward and two-way carries). */
    Serializable carry;

    /** The last processed input rows the pass's halo before needs (null: none). */
    Chunk tail;

    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long count;
    boolean started;

    /** Bucketing passes: the start of the range the next segment is responsible for. */
    long boundary = Long.MIN_VALUE;

    /** Rows held: pending plus tail (for state size checks). */
    int heldRows() {
      return (pending == null ? 0 : pending.size()) + (tail == null ? 0 : tail.size());
    }
  }

  /**
   * What the passes keep per series (the times every element reads are in {@link StreamingClock}).
   */
  static final class SeriesState implements Serializable {
    private static final long serialVersionUID = 1L;

    long segments;
    PassState[] passes;

    SeriesState(int passes) {
      this.passes = new PassState[passes];
      for (int i = 0; i < passes; i++) {
        this.passes[i] = new PassState();
      }
    }

    /** Rows held across all passes (not the buffer of rows still waiting for the watermark). */
    int heldRows() {
      int n = 0;
      for (PassState p : passes) {
        n += p.heldRows();
      }
      return n;
    }
  }

  /** The passes of {@code plan}, in order (segment and re-segment stages need no work here). */
  static List<Pass> passes(ExecutionPlan plan) {
    List<Pass> passes = new ArrayList<>();
    for (ExecutionPlan.Stage s : plan.stages()) {
      if (s instanceof Pass) {
        passes.add((Pass) s);
      }
    }
    return passes;
  }

  /**
   * Runs the passes for one series: {@code rows} (sorted, every one after the rows given before)
   * are all the input rows up to {@code frontier}; {@code end} says no row will follow. Returns the
   * output rows that are final, in series order (possibly empty).
   */
  static Chunk advance(
      List<Pass> passes,
      SeriesState state,
      Chunk rows,
      long frontier,
      boolean end,
      StageContext.Sink sink) {
    Chunk data = rows;
    long dataFrontier = frontier;
    for (int p = 0; p < passes.size(); p++) {
      PassState ps = state.passes[p];
      data = step(passes.get(p), ps, data, dataFrontier, end, sink);
      dataFrontier = ps.outFrontier;
    }
    return data;
  }

  /** One pass: receive {@code rows} (complete up to {@code frontier}), run what is final. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Chunk step(
      Pass pass, PassState s, Chunk rows, long frontier, boolean end, StageContext.Sink sink) {
    if (rows != null && rows.size() > 0) {
      s.pending =
          s.pending == null || s.pending.size() == 0
              ? rows
              : Chunk.concat(List.of(s.pending, rows));
      s.first = Math.min(s.first, rows.times()[0]);
      s.last = Math.max(s.last, rows.times()[rows.size() - 1]);
      s.count += rows.size();
    }
    s.inFrontier = Math.max(s.inFrontier, frontier);
    Chunk pending = s.pending;
    int n = pending == null ? 0 : pending.size();
    if (n == 0) {
      s.outFrontier = Math.max(s.outFrontier, before(futureLow(pass, s, end)));
      return null;
    }
    long[] t = pending.times();
    Grid grid = grid(pass);
    long anchor = grid == null ? 0 : grid.seriesAnchor(s.first);
    int j = end ? n : cut(pass, pending, grid, anchor, s.inFrontier);
    if (j == 0) {
      s.outFrontier = Math.max(s.outFrontier, before(Math.min(futureLow(pass, s, end), t[0])));
      return null;
    }
    Chunk segment = pending.slice(0, j);
    Chunk after = pending.slice(j, n);
    SegmentContext c = null;
    long segmentEnd = Long.MAX_VALUE;
    if (grid != null && j < n) {
      segmentEnd = grid.bucketStart(grid.bucketIndex(t[j], anchor), anchor);
    } else if (grid != null && !end) {
      segmentEnd = grid.bucketStart(grid.bucketIndex(t[j - 1], anchor) + 1, anchor);
    }
    if (pass.needsSummary()) {
      c = new SegmentContext();
      Kernel k = pass.first();
      ContextRecipe.Carry carry = pass.recipe.carry();
      Serializable later =
          after.size() > 0 && carry != ContextRecipe.Carry.NONE
              ? (Serializable) ((CarryKernel) k).summarize(after)
              : null;
      if (carry == ContextRecipe.Carry.FORWARD || carry == ContextRecipe.Carry.BOTH) {
        c.carry = s.carry;
      }
      if (carry == ContextRecipe.Carry.BACKWARD) {
        c.carry = later;
      }
      if (carry == ContextRecipe.Carry.BOTH) {
        c.carryAfter = later;
      }
      c.seriesFirst = s.first;
      c.seriesLast = s.last;
      c.seriesCount = s.count;
      c.firstSegment = !s.started;
      c.lastSegment = end && j == n;
      c.anchor = anchor;
      c.segmentStart = grid == null ? Long.MIN_VALUE : s.boundary;
      c.segmentEnd = segmentEnd;
      if (pass.rowsBefore > 0 || pass.millisBefore > 0) {
        c.haloBefore = s.tail == null || s.tail.size() == 0 ? null : s.tail;
      }
      if ((pass.rowsAfter > 0 || pass.millisAfter > 0) && after.size() > 0) {
        c.haloAfter = after;
      }
    }
    Chunk out = InMemoryExecutor.runPass(pass, segment, c, sink);
    // the state for the next segment
    s.started = true;
    s.pending = after.size() == 0 ? null : after;
    ContextRecipe.Carry carry = pass.recipe.carry();
    if (carry == ContextRecipe.Carry.FORWARD || carry == ContextRecipe.Carry.BOTH) {
      CarryKernel ck = (CarryKernel) pass.first();
      s.carry = (Serializable) ck.combine(s.carry, ck.summarize(segment));
    }
    if (pass.rowsBefore > 0 || pass.millisBefore > 0) {
      s.tail = tail(pass, s.tail == null ? segment : Chunk.concat(List.of(s.tail, segment)));
    }
    if (grid != null) {
      s.boundary = segmentEnd;
    }
    long low = j < n ? (grid != null ? segmentEnd : t[j]) : futureLow(pass, s, end);
    long outLast = out.size() > 0 ? out.times()[out.size() - 1] : Long.MIN_VALUE;
    s.outFrontier = Math.max(s.outFrontier, Math.max(outLast, before(low)));
    return out;
  }

  /**
   * The lowest time any later output row of the pass can have, when every pending row is processed.
   */
  private static long futureLow(Pass pass, PassState s, boolean end) {
    if (end) {
      return Long.MAX_VALUE;
    }
    if (grid(pass) != null) {
      return s.boundary;
    }
    return s.inFrontier == Long.MAX_VALUE ? Long.MAX_VALUE : s.inFrontier + 1;
  }

  /** The instant before {@code t}, saturating at both ends of the time line. */
  static long before(long t) {
    return t == Long.MIN_VALUE || t == Long.MAX_VALUE ? t : t - 1;
  }

  /** The first grid among the pass's kernels (null: none). */
  static Grid grid(Pass pass) {
    for (Kernel k : pass.kernels) {
      if (k.context().grid() != null) {
        return k.context().grid();
      }
    }
    return null;
  }

  /**
   * How many leading pending rows the pass can process now: their output does not depend on rows
   * not yet received. Never splits rows of one time, or of one bucket of the pass's grid.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int cut(Pass pass, Chunk pending, Grid grid, long anchor, long frontier) {
    int n = pending.size();
    long[] t = pending.times();
    int j = n;
    if (pass.rowsAfter > 0 || pass.millisAfter > 0) {
      int r = pass.rowsAfter;
      if (pass.millisAfter == 0) {
        j = Math.min(j, n - r);
      } else {
        int q = Math.max(1, r);
        j = n < q ? 0 : Math.min(Math.min(j, n - r), firstBefore(t, t[n - q] - pass.millisAfter));
      }
    }
    ContextRecipe.Carry carry = pass.recipe.carry();
    if (carry == ContextRecipe.Carry.BACKWARD || carry == ContextRecipe.Carry.BOTH) {
      CarryKernel ck = (CarryKernel) pass.first();
      // the largest j whose later rows' summary is settled: settling only grows with the stretch
      int lo = 0;
      int hi = Math.min(j, n - 1);
      int best = 0;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (mid > 0 && ck.settles((Serializable) ck.summarize(pending.slice(mid, n)))) {
          best = mid;
          lo = mid + 1;
        } else if (mid == 0) {
          lo = 1;
        } else {
          hi = mid - 1;
        }
      }
      j = Math.min(j, best);
    }
    if (grid != null) {
      // rows of buckets the input has passed: every row of such a bucket has been received
      long open =
          frontier == Long.MAX_VALUE ? Long.MAX_VALUE : grid.bucketIndex(frontier + 1, anchor);
      int complete = 0;
      while (complete < n && grid.bucketIndex(t[complete], anchor) < open) {
        complete++;
      }
      j = Math.min(j, complete);
      while (j > 0
          && j < n
          && grid.bucketIndex(t[j - 1], anchor) == grid.bucketIndex(t[j], anchor)) {
        j--;
      }
    }
    while (j > 0 && j < n && t[j - 1] == t[j]) {
      j--;
    }
    return Math.max(0, j);
  }

  /** The number of leading times strictly below {@code bound}. */
  private static int firstBefore(long[] t, long bound) {
    return PassRunner.firstAtOrAfter(t, bound);
  }

  /** The rows of {@code processed} a later segment's halo before can need. */
  static Chunk tail(Pass pass, Chunk processed) {
    int n = processed.size();
    if (n == 0) {
      return null;
    }
    long[] t = processed.times();
    int from = n;
    if (pass.millisBefore > 0) {
      from = PassRunner.firstAtOrAfter(t, t[n - 1] - pass.millisBefore);
    }
    int extra = Math.max(pass.rowsBefore, pass.millisBefore > 0 ? 1 : 0);
    return processed.slice(Math.max(0, from - extra), n);
  }

  /**
   * The earliest input frontier at which the passes can emit another row, or {@code Long.MIN_VALUE}
   * when any advance may emit. When the last pass buckets, its next row is the bucket starting at
   * its boundary, final only once its input is complete to that bucket's last instant; every
   * earlier pass's frontier is at most the series' frontier, so a flush before that instant moves
   * rows between passes but emits nothing. A row beyond that bucket (a gap, or the watermark
   * jumping several buckets) makes the flush time its own time, as without this bound.
   */
  static long nextEmission(List<Pass> passes, SeriesState s) {
    if (passes.isEmpty()) {
      return Long.MIN_VALUE;
    }
    Pass last = passes.get(passes.size() - 1);
    Grid grid = grid(last);
    long boundary = s.passes[s.passes.length - 1].boundary;
    if (grid == null || boundary == Long.MAX_VALUE) {
      return Long.MIN_VALUE;
    }
    if (boundary == Long.MIN_VALUE) {
      // nothing emitted yet: the first bucket holds the last pass's first row, which is at or
      // after the series' first row unless an earlier pass buckets (a bucket's label can precede
      // its rows); with a per-series origin the anchor depends on that row, which an earlier
      // operation may drop, so flush at the watermark until the first bucket is out
      long first = s.passes[0].first;
      if (first == Long.MAX_VALUE || grid.perSeriesOrigin()) {
        return Long.MIN_VALUE;
      }
      for (int p = 0; p < passes.size() - 1; p++) {
        if (grid(passes.get(p)) != null) {
          return Long.MIN_VALUE;
        }
      }
      long anchor = grid.seriesAnchor(first);
      boundary = grid.bucketStart(grid.bucketIndex(first, anchor), anchor);
    }
    long lastInstant = boundary + grid.widthMillis() - (grid.closedRight() ? 0 : 1);
    return lastInstant < boundary ? Long.MIN_VALUE : lastInstant;
  }

  /** The per-series stateful DoFn: buffer, wait for the watermark, run the passes. */
  static final class SeriesFn extends DoFn<KV<Row, Chunk>, KV<KV<Row, Long>, Chunk>> {
    private final List<Pass> passes;
    private final long lateness;
    private final String firstStep;
    private final String firstOperation;
    private final String timeField;
    private transient Map<String, Counter> counters;

    @StateId("buffer")
    private final StateSpec<BagState<Chunk>> bufferSpec;

    @StateId("series")
    private final StateSpec<ValueState<SeriesState>> seriesSpec;

    @StateId("clock")
    private final StateSpec<ValueState<StreamingClock>> clockSpec =
        StateSpecs.value(StreamingClock.Coder.of());

    @TimerId("flush")
    private final TimerSpec flushSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("end")
    private final TimerSpec endSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @SuppressWarnings({"unchecked", "rawtypes"})
    SeriesFn(ExecutionPlan plan, long lateness) {
      this.passes = passes(plan);
      this.lateness = lateness;
      List<Kernel> kernels = plan.kernels();
      this.firstStep = kernels.isEmpty() ? "read" : kernels.get(0).stepName();
      this.firstOperation = passes.isEmpty() ? "read" : passes.get(0).operations.get(0);
      this.timeField = plan.inputLayout().timeField();
      this.bufferSpec = StateSpecs.bag(ChunkCoder.of(plan.inputLayout()));
      this.seriesSpec = StateSpecs.value((Coder) JavaSerializedCoder.of());
    }

    private Counter counter(String step, String name) {
      if (counters == null) {
        counters = new HashMap<>();
      }
      return counters.computeIfAbsent(step + "." + name, n -> Metrics.counter("industryts", n));
    }

    private StageContext.Sink sink(MultiOutputReceiver out) {
      return new StageContext.Sink() {
        @Override
        public void count(String step, String name, long n) {
          counter(step, name).inc(n);
        }

        @Override
        public void rowError(Row record) {
          out.get(PassRunner.ERRORS).output(record);
        }
      };
    }

    @ProcessElement
    public void process(
        @Element KV<Row, Chunk> e,
        @StateId("buffer") BagState<Chunk> buffer,
        @StateId("clock") ValueState<StreamingClock> clock,
        @TimerId("flush") Timer flush,
        @TimerId("end") Timer end,
        MultiOutputReceiver out) {
      // only the clock is read per element: the passes' state (rows) is read once per flush
      StreamingClock k = clock.read();
      if (k == null) {
        k = new StreamingClock();
      }
      Chunk c = e.getValue();
      long[] t = c.times();
      int[] keep = new int[c.size()];
      int kept = 0;
      long last = Long.MIN_VALUE;
      for (int i = 0; i < t.length; i++) {
        if (t[i] <= k.frontier) {
          late(c, i, k.frontier, out);
        } else {
          keep[kept++] = i;
          last = Math.max(last, t[i]);
        }
      }
      if (kept == 0) {
        return;
      }
      buffer.add(kept == c.size() ? c : c.take(keep, kept));
      k.buffered(last);
      if (k.flushAt == Long.MIN_VALUE) {
        // one flush timer per series, set when the first row after a flush arrives
        k.flushAt = flushTime(k);
        flush
            .withOutputTimestamp(new Instant(hold(null, k, k.flushAt)))
            .set(new Instant(k.flushAt));
      }
      if (k.endHold == Long.MIN_VALUE) {
        setEnd(end, null, k);
      }
      clock.write(k);
    }

    /**
     * Timers hold the output watermark at the earliest row still to come, which may be before the
     * element being processed (rows held by a look-ahead pass): allow such output timestamps.
     */
    @Override
    @SuppressWarnings("deprecation")
    public org.joda.time.Duration getAllowedTimestampSkew() {
      return org.joda.time.Duration.millis(Long.MAX_VALUE);
    }

    /**
     * When to flush the buffered rows: once the watermark has passed the latest of them (plus the
     * allowed lateness), but not before the passes can emit a row ({@link #nextEmission}): until
     * then a flush would only move rows from the buffer into the passes' state, and on most runners
     * every timer firing costs a state read and write of the series.
     */
    private long flushTime(StreamingClock k) {
      long max = GlobalWindow.INSTANCE.maxTimestamp().getMillis();
      long at = Math.max(k.maxBuffered, k.emitFrom);
      return at >= max - lateness ? max : at + lateness;
    }

    /**
     * The output timestamp of a timer: no later output row can be earlier. {@code s} null: no flush
     * has run since the clock's end hold was computed, so the output frontier is unchanged.
     */
    private long hold(SeriesState s, StreamingClock k, long timerTime) {
      long last;
      if (s == null) {
        last = k.endHold == Long.MIN_VALUE ? Long.MIN_VALUE : k.endHold - 1;
      } else {
        last = s.passes.length == 0 ? k.frontier : s.passes[s.passes.length - 1].outFrontier;
      }
      long h =
          last == Long.MIN_VALUE
              ? BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()
              : last >= timerTime ? timerTime : last + 1;
      h = Math.max(h, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
      return Math.min(h, timerTime);
    }

    /** Sets the end timer, or moves its output timestamp when the output frontier moved. */
    private void setEnd(Timer end, SeriesState s, StreamingClock k) {
      long at = GlobalWindow.INSTANCE.maxTimestamp().getMillis();
      long h = hold(s, k, at);
      if (h != k.endHold) {
        end.withOutputTimestamp(new Instant(h)).set(new Instant(at));
        k.endHold = h;
      }
    }

    private void late(Chunk c, int i, long frontier, MultiOutputReceiver out) {
      String message =
          "row at "
              + new Instant(c.times()[i])
              + " arrived after its series was processed up to "
              + new Instant(frontier)
              + " (allowed lateness "
              + lateness
              + " ms); it is not in the output. Expected rows no later than the allowed "
              + "lateness behind the watermark; raise it with withAllowedLateness(Duration) "
              + "(allowed_lateness in [pipeline]) to accept rows this late.";
      out.get(PassRunner.ERRORS)
          .output(
              ErrorRecords.of(
                  c.source(i),
                  c.line(i),
                  firstStep,
                  firstOperation,
                  "late_row",
                  timeField,
                  message,
                  RowJson.of(c, i)));
      counter(firstStep, "rows_in").inc();
      counter(firstStep, "errors").inc();
      counter(firstStep, "late_rows").inc();
    }

    @OnTimer("flush")
    public void onFlush(
        OnTimerContext ctx,
        @Key Row key,
        @StateId("buffer") BagState<Chunk> buffer,
        @StateId("series") ValueState<SeriesState> series,
        @StateId("clock") ValueState<StreamingClock> clock,
        @TimerId("flush") Timer flush,
        @TimerId("end") Timer end,
        MultiOutputReceiver out) {
      StreamingClock k = clock.read();
      if (k == null) {
        return;
      }
      SeriesState s = series.read();
      if (s == null) {
        s = new SeriesState(passes.size());
      }
      long fired = ctx.fireTimestamp().getMillis();
      long frontier = fired - lateness;
      k.flushAt = Long.MIN_VALUE;
      List<Chunk> held = new ArrayList<>();
      for (Chunk c : buffer.read()) {
        held.add(c);
      }
      Chunk all = held.isEmpty() ? null : Chunk.concat(held).sorted();
      Chunk ready = null;
      Chunk rest = null;
      if (all != null) {
        int split = PassRunner.firstAfter(all.times(), frontier);
        ready = all.slice(0, split);
        rest = split < all.size() ? all.slice(split, all.size()) : null;
      }
      buffer.clear();
      k.frontier = Math.max(k.frontier, frontier);
      emit(key, s, advance(passes, s, ready, frontier, false, sink(out)), out);
      k.emitFrom = nextEmission(passes, s);
      k.emptied();
      if (rest != null) {
        buffer.add(rest);
        k.buffered(rest.times()[rest.size() - 1]);
        k.flushAt = flushTime(k);
        flush.withOutputTimestamp(new Instant(hold(s, k, k.flushAt))).set(new Instant(k.flushAt));
      }
      setEnd(end, s, k);
      series.write(s);
      clock.write(k);
    }

    @OnTimer("end")
    public void onEnd(
        @Key Row key,
        @StateId("buffer") BagState<Chunk> buffer,
        @StateId("series") ValueState<SeriesState> series,
        @StateId("clock") ValueState<StreamingClock> clock,
        MultiOutputReceiver out) {
      if (clock.read() == null) {
        return;
      }
      SeriesState s = series.read();
      if (s == null) {
        s = new SeriesState(passes.size());
      }
      List<Chunk> held = new ArrayList<>();
      for (Chunk c : buffer.read()) {
        held.add(c);
      }
      Chunk all = held.isEmpty() ? null : Chunk.concat(held).sorted();
      emit(key, s, advance(passes, s, all, Long.MAX_VALUE, true, sink(out)), out);
      buffer.clear();
      series.clear();
      clock.clear();
    }

    private void emit(Row key, SeriesState s, Chunk rows, MultiOutputReceiver out) {
      if (rows != null && rows.size() > 0) {
        out.get(PassRunner.MAIN).output(KV.of(KV.of(key, s.segments++), rows));
      }
    }
  }
}
