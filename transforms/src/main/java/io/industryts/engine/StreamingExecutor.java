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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.MapState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

// Over 500 lines: one algorithm — the per-pass cut rules (which rows are final, what a pass
// keeps) and the stateful per-shard DoFn (SeriesFn) that applies them to each series of the shard
// with its state and timers.
// Both read and update the same PassState and SeriesState; together they read as one protocol.

/**
 * Runs an {@link ExecutionPlan} on unbounded input in the global window: the same passes and
 * kernels as the other executors ({@link InMemoryExecutor#runPass}), applied per series as the
 * watermark advances.
 *
 * <p>Series are hashed into shards ({@link #SHARDS}, {@link #IN_PROCESS_SHARDS}); a stateful {@code
 * DoFn} keyed by shard keeps each series' state under the series' key and does for each series what
 * a {@code DoFn} keyed by that series would. It buffers incoming rows; a series flushes when the
 * watermark has passed every row buffered when its flush time was fixed (plus the allowed
 * lateness), and its rows up to that time, sorted, enter the first pass as its next segment. When
 * the last pass buckets, the series flushes no earlier than the last instant of the bucket it emits
 * next ({@link #nextEmission}): earlier flushes could emit nothing. The shard has one event-time
 * flush timer, at the earliest flush time of its series, and one end timer. An element reads and
 * writes only the {@link StreamingClock} of each series it brings rows of; the passes' state of a
 * series is read and written once per flush of that series. Each pass keeps its own state: the rows
 * it has not processed yet, the carry of the rows it has processed (the combined {@link
 * CarryKernel} summaries), the halo tail its kernels declared, the series facts seen so far and,
 * for a bucketing pass, the boundary of the buckets already emitted. A pass processes the rows
 * whose output is final:
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
   * The plan run on unbounded {@code input} in the global window: rows into chunks gathered by
   * shard ({@link RowEdges.RowsToShardsFn}), the per-shard stateful executor, chunks back to rows;
   * the errors of reading and of the steps (late rows included) in one collection.
   */
  static Engine.RowsResult runOnRows(
      PCollection<Row> input,
      ExecutionPlan plan,
      TimeConversion time,
      String sequenceField,
      String timeReason,
      boolean nanAsNull,
      long allowedLatenessMillis) {
    ChunkLayout in = plan.inputLayout();
    PCollectionTuple edge =
        input.apply(
            "ToChunks",
            ParDo.of(
                    new RowEdges.RowsToShardsFn(
                        in,
                        time,
                        sequenceField,
                        timeReason,
                        nanAsNull,
                        shards(input.getPipeline().getOptions())))
                .withOutputTags(RowEdges.SHARDS, TupleTagList.of(RowEdges.ERRORS)));
    edge.get(RowEdges.ERRORS).setRowSchema(ErrorRecords.SCHEMA);
    PCollectionTuple stream =
        run(
            "Stream",
            edge.get(RowEdges.SHARDS)
                .setCoder(KvCoder.of(VarIntCoder.of(), ListCoder.of(ChunkCoder.of(in)))),
            plan,
            allowedLatenessMillis,
            input.getPipeline().getOptions().as(EngineTuningOptions.class).getWorkersInProcess());
    PCollection<Row> rows =
        stream
            .get(PassRunner.MAIN)
            .apply("ToRows", ParDo.of(new RowEdges.ChunksToRowsFn()))
            .setRowSchema(plan.outputLayout().schema());
    PCollection<Row> errors =
        PCollectionList.of(edge.get(RowEdges.ERRORS))
            .and(stream.get(PassRunner.ERRORS))
            .apply("AllErrors", Flatten.pCollections())
            .setRowSchema(ErrorRecords.SCHEMA);
    return new Engine.RowsResult(rows, errors);
  }

  /**
   * The plan's output segments ({@link PassRunner#MAIN}, keyed by series and a running segment
   * number) and errors ({@link PassRunner#ERRORS}) for unsorted chunks of any series, gathered by
   * shard. {@code inProcess}: the workers share this JVM and the runner copies state per bundle
   * (the DirectRunner): state values are passed as they are ({@link InProcessStateCoder}) and a
   * shard's buffered chunks are merged into one per series from time to time.
   */
  static PCollectionTuple run(
      String name,
      PCollection<KV<Integer, List<Chunk>>> shards,
      ExecutionPlan plan,
      long allowedLatenessMillis,
      boolean inProcess) {
    ChunkLayout out = plan.outputLayout();
    PCollectionTuple result =
        shards.apply(
            name,
            ParDo.of(new SeriesFn(plan, allowedLatenessMillis, inProcess))
                .withOutputTags(PassRunner.MAIN, TupleTagList.of(PassRunner.ERRORS)));
    result
        .get(PassRunner.MAIN)
        .setCoder(
            KvCoder.of(
                KvCoder.of(RowCoder.of(out.keySchema()), VarLongCoder.of()), ChunkCoder.of(out)));
    result.get(PassRunner.ERRORS).setRowSchema(ErrorRecords.SCHEMA);
    return result;
  }

  /**
   * How many shards the series are hashed into: {@link #IN_PROCESS_SHARDS} when the workers share
   * this JVM, else {@link #SHARDS}.
   */
  static int shards(PipelineOptions options) {
    return options.as(EngineTuningOptions.class).getWorkersInProcess() ? IN_PROCESS_SHARDS : SHARDS;
  }

  /**
   * Shards on runners with workers of their own (Flink): the unit of parallel work, so many more
   * than the workers, and few enough that a bundle of many small series makes a few elements.
   */
  static final int SHARDS = 64;

  /**
   * Shards on the DirectRunner, whose cost is per bundle and key (an evaluator, the polling of
   * every timer): one key per bundle of the source whatever the number of series.
   */
  static final int IN_PROCESS_SHARDS = 1;

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

  /**
   * The stateful DoFn of one shard of series: buffer, wait for the watermark, run the passes of
   * each series. Everything a series keeps is in the shard's state under the series' key; the shard
   * has one flush timer (the earliest flush any of its series waits for) and one end timer.
   */
  static final class SeriesFn extends DoFn<KV<Integer, List<Chunk>>, KV<KV<Row, Long>, Chunk>> {
    /**
     * Buffered chunks after which the buffer is merged into one chunk per series (at least; only
     * where the runner copies state per bundle: elsewhere adding to a bag costs the same whatever
     * it holds, and a flush reads it once).
     */
    static final int COMPACT_ENTRIES = 64;

    private final List<Pass> passes;
    private final long lateness;
    private final String firstStep;
    private final String firstOperation;
    private final String timeField;
    private final int compactFrom;
    private transient Map<String, Counter> counters;

    @StateId("buffer")
    private final StateSpec<BagState<Chunk>> bufferSpec;

    @StateId("series")
    private final StateSpec<MapState<Row, SeriesState>> seriesSpec;

    @StateId("clocks")
    private final StateSpec<MapState<Row, StreamingClock>> clocksSpec;

    @StateId("shard")
    private final StateSpec<ValueState<StreamingClock.Shard>> shardSpec =
        StateSpecs.value(StreamingClock.Shard.Coder.of());

    @TimerId("flush")
    private final TimerSpec flushSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("end")
    private final TimerSpec endSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @SuppressWarnings({"unchecked", "rawtypes"})
    SeriesFn(ExecutionPlan plan, long lateness, boolean inProcess) {
      this.compactFrom = inProcess ? COMPACT_ENTRIES : Integer.MAX_VALUE;
      this.passes = passes(plan);
      this.lateness = lateness;
      List<Kernel> kernels = plan.kernels();
      this.firstStep = kernels.isEmpty() ? "read" : kernels.get(0).stepName();
      this.firstOperation = passes.isEmpty() ? "read" : passes.get(0).operations.get(0);
      this.timeField = plan.inputLayout().timeField();
      if (inProcess) {
        // the runner copies a shard's state per bundle through these coders: pass values as they
        // are
        this.bufferSpec = StateSpecs.bag(InProcessStateCoder.of());
        this.seriesSpec = StateSpecs.map(InProcessStateCoder.of(), InProcessStateCoder.of());
        this.clocksSpec = StateSpecs.map(InProcessStateCoder.of(), InProcessStateCoder.of());
      } else {
        this.bufferSpec = StateSpecs.bag(ChunkCoder.of(plan.inputLayout()));
        RowCoder keys = RowCoder.of(plan.inputLayout().keySchema());
        this.seriesSpec = StateSpecs.map(keys, (Coder) JavaSerializedCoder.of());
        this.clocksSpec = StateSpecs.map(keys, StreamingClock.Coder.of());
      }
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
        @Element KV<Integer, List<Chunk>> e,
        @StateId("buffer") BagState<Chunk> buffer,
        @StateId("clocks") MapState<Row, StreamingClock> clocks,
        @StateId("shard") ValueState<StreamingClock.Shard> shard,
        @TimerId("flush") Timer flush,
        @TimerId("end") Timer end,
        MultiOutputReceiver out) {
      // per element the series' clocks and the shard's are read, never the rows the passes hold
      StreamingClock.Shard h = shard.read();
      if (h == null) {
        h = new StreamingClock.Shard();
      }
      long flushAt = Long.MAX_VALUE;
      long hold = Long.MAX_VALUE;
      for (Chunk c : e.getValue()) {
        Row key = c.key();
        StreamingClock k = clocks.get(key).read();
        if (k == null) {
          k = new StreamingClock();
        }
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
          continue;
        }
        buffer.add(kept == c.size() ? c : c.take(keep, kept));
        h.entries++;
        k.buffered(last);
        if (k.flushAt == Long.MIN_VALUE) {
          // the series' flush time is fixed when its first row after a flush arrives
          k.flushAt = flushTime(k);
        }
        flushAt = Math.min(flushAt, k.flushAt);
        hold = Math.min(hold, seriesHold(k));
        clocks.put(key, k);
      }
      if (flushAt == Long.MAX_VALUE) {
        return;
      }
      boolean moved = false;
      if (h.endHold == Long.MIN_VALUE || hold < h.endHold) {
        h.endHold = Math.min(hold, h.endHold == Long.MIN_VALUE ? Long.MAX_VALUE : h.endHold);
        end.withOutputTimestamp(new Instant(h.endHold)).set(GlobalWindow.INSTANCE.maxTimestamp());
        moved = true;
      }
      if (h.flushAt == Long.MIN_VALUE || flushAt < h.flushAt || moved) {
        // one flush timer per shard: set only when its time or hold moves earlier
        h.flushAt = h.flushAt == Long.MIN_VALUE ? flushAt : Math.min(h.flushAt, flushAt);
        flush
            .withOutputTimestamp(new Instant(Math.min(h.endHold, h.flushAt)))
            .set(new Instant(h.flushAt));
      }
      if (h.entries >= Math.max(compactFrom, h.compactAt)) {
        h.entries = compact(buffer);
        h.compactAt = Math.max(COMPACT_ENTRIES, 2 * h.entries);
      }
      shard.write(h);
    }

    /**
     * Merges the buffered chunks into one per series and returns how many there are: runners that
     * copy a bag per bundle (the DirectRunner) or per access then copy one chunk per series, not
     * one per element that brought rows.
     */
    private static int compact(BagState<Chunk> buffer) {
      Map<Row, List<Chunk>> bySeries = bySeries(buffer.read());
      buffer.clear();
      for (List<Chunk> parts : bySeries.values()) {
        buffer.add(parts.size() == 1 ? parts.get(0) : Chunk.concat(parts));
      }
      return bySeries.size();
    }

    /** The chunks grouped by series, in order of arrival within each series. */
    private static Map<Row, List<Chunk>> bySeries(Iterable<Chunk> chunks) {
      Map<Row, List<Chunk>> bySeries = new LinkedHashMap<>();
      for (Chunk c : chunks) {
        bySeries.computeIfAbsent(c.key(), x -> new ArrayList<>()).add(c);
      }
      return bySeries;
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

    private static long minHold() {
      return BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
    }

    /** The earliest output timestamp the series may still need ({@code k.endHold}, or the min). */
    private static long seriesHold(StreamingClock k) {
      return k.endHold == Long.MIN_VALUE
          ? BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()
          : k.endHold;
    }

    /** The earliest output timestamp of any later output row of the series, after a flush. */
    private static long holdAfter(SeriesState s, StreamingClock k) {
      long at = GlobalWindow.INSTANCE.maxTimestamp().getMillis();
      long last = s.passes.length == 0 ? k.frontier : s.passes[s.passes.length - 1].outFrontier;
      long h =
          last == Long.MIN_VALUE
              ? BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()
              : last >= at ? at : last + 1;
      return Math.min(Math.max(h, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()), at);
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

    /**
     * Flushes every series of the shard whose flush time the watermark has passed (the timer is set
     * at the earliest of them), then sets the timer at the next one.
     */
    @OnTimer("flush")
    public void onFlush(
        OnTimerContext ctx,
        @StateId("buffer") BagState<Chunk> buffer,
        @StateId("series") MapState<Row, SeriesState> series,
        @StateId("clocks") MapState<Row, StreamingClock> clocks,
        @StateId("shard") ValueState<StreamingClock.Shard> shard,
        @TimerId("flush") Timer flush,
        @TimerId("end") Timer end,
        MultiOutputReceiver out) {
      StreamingClock.Shard h = shard.read();
      if (h == null) {
        return;
      }
      long fired = ctx.fireTimestamp().getMillis();
      Map<Row, List<Chunk>> bySeries = bySeries(buffer.read());
      buffer.clear();
      h.flushAt = Long.MIN_VALUE;
      h.entries = 0;
      long next = Long.MAX_VALUE;
      for (Map.Entry<Row, List<Chunk>> group : bySeries.entrySet()) {
        Row key = group.getKey();
        List<Chunk> held = group.getValue();
        StreamingClock k = clocks.get(key).read();
        if (k == null) {
          k = new StreamingClock();
        }
        if (k.flushAt == Long.MIN_VALUE || k.flushAt > fired) {
          // not due yet: the rows stay, merged into one chunk
          buffer.add(held.size() == 1 ? held.get(0) : Chunk.concat(held));
          h.entries++;
          if (k.flushAt != Long.MIN_VALUE) {
            next = Math.min(next, k.flushAt);
          }
          continue;
        }
        SeriesState s = series.get(key).read();
        if (s == null) {
          s = new SeriesState(passes.size());
        }
        // as if the series had a timer of its own: it flushes at its own flush time
        long frontier = k.flushAt - lateness;
        k.flushAt = Long.MIN_VALUE;
        Chunk all = Chunk.concat(held).sorted();
        int split = PassRunner.firstAfter(all.times(), frontier);
        Chunk ready = all.slice(0, split);
        Chunk rest = split < all.size() ? all.slice(split, all.size()) : null;
        k.frontier = Math.max(k.frontier, frontier);
        emit(key, s, advance(passes, s, ready, frontier, false, sink(out)), out);
        k.emitFrom = nextEmission(passes, s);
        k.emptied();
        if (rest != null) {
          buffer.add(rest);
          h.entries++;
          k.buffered(rest.times()[rest.size() - 1]);
          k.flushAt = flushTime(k);
          next = Math.min(next, k.flushAt);
        }
        k.endHold = holdAfter(s, k);
        series.put(key, s);
        clocks.put(key, k);
      }
      // the shard holds the output watermark at the earliest hold of any of its series
      long hold = Long.MAX_VALUE;
      for (StreamingClock k : clocks.values().read()) {
        hold = Math.min(hold, seriesHold(k));
      }
      if (hold != Long.MAX_VALUE && hold != h.endHold) {
        end.withOutputTimestamp(new Instant(hold)).set(GlobalWindow.INSTANCE.maxTimestamp());
        h.endHold = hold;
      }
      if (next != Long.MAX_VALUE) {
        h.flushAt = next;
        flush
            .withOutputTimestamp(new Instant(Math.max(minHold(), Math.min(h.endHold, next))))
            .set(new Instant(next));
      }
      h.compactAt = Math.max(COMPACT_ENTRIES, 2 * h.entries);
      shard.write(h);
    }

    /**
     * The end of the stream: every series of the shard flushes what it holds as its last segment.
     */
    @OnTimer("end")
    public void onEnd(
        @StateId("buffer") BagState<Chunk> buffer,
        @StateId("series") MapState<Row, SeriesState> series,
        @StateId("clocks") MapState<Row, StreamingClock> clocks,
        @StateId("shard") ValueState<StreamingClock.Shard> shard,
        MultiOutputReceiver out) {
      if (shard.read() == null) {
        return;
      }
      Map<Row, List<Chunk>> bySeries = bySeries(buffer.read());
      for (Row key : clocks.keys().read()) {
        SeriesState s = series.get(key).read();
        if (s == null) {
          s = new SeriesState(passes.size());
        }
        List<Chunk> held = bySeries.get(key);
        Chunk all = held == null ? null : Chunk.concat(held).sorted();
        emit(key, s, advance(passes, s, all, Long.MAX_VALUE, true, sink(out)), out);
      }
      buffer.clear();
      series.clear();
      clocks.clear();
      shard.clear();
    }

    private void emit(Row key, SeriesState s, Chunk rows, MultiOutputReceiver out) {
      if (rows != null && rows.size() > 0) {
        out.get(PassRunner.MAIN).output(KV.of(KV.of(key, s.segments++), rows));
      }
    }
  }
}
