package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.ObjectColumn;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * One row per run of a state: how long a machine was on, off or faulted, how long a limit was
 * exceeded — SEMANTICS §2.8.3 {@code state_intervals}.
 *
 * <pre>{@code
 * input.apply(StateIntervals.of("status").keyedBy("machine"));
 * input.apply(StateIntervals.where("temp").above(90.0)
 *     .withMinDuration(Duration.standardMinutes(5)));
 * }</pre>
 *
 * <p>The state of a row is the value of {@code column} ({@link #of}), or with {@link #above} /
 * {@link #below} the boolean {@code x > above} (or {@code x < below}; both: either), null where
 * {@code x} is null. A run is a maximal sequence of consecutive rows (series order) with equal
 * state and no two consecutive rows further apart than {@link #withMaxGap max_gap}; null is a state
 * of its own unless {@link #skipNulls()} leaves null rows out first. A run ends at the time of the
 * next row (which has another state: the state held until then), or at its own last row's time when
 * it is the last run of the series or {@code max_gap} separates it from the next row. Runs shorter
 * than {@link #withMinDuration min_duration} are not emitted (counter {@code intervals_short}).
 *
 * <p>Output schema (its own): the key columns, the state ({@code {column}}, the column's type, or
 * {@code {column}_state} BOOLEAN for a threshold), the time column (run start), {@code end}
 * (DATETIME), {@code duration_s} (DOUBLE, seconds) and {@code rows} (INT64). Rows are in series
 * order of their start; each is stamped with its {@code end} as element timestamp. Runs cross the
 * engine's segments: each run is emitted once, by the segment holding its first row. Example:
 * {@code 00:00 on, 00:05 on, 00:10 off, 00:30 on} gives {@code (on, 00:00, 00:10, 600, 2)}, {@code
 * (off, 00:10, 00:30, 1200, 1)}, {@code (on, 00:30, 00:30, 0, 1)}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): a run is emitted once a row of another state follows
 * it, or at the end of the stream. On windowed input, a trigger that fires early or repeatedly, and
 * late panes on unbounded input are rejected when the transform is applied ({@code
 * IllegalArgumentException} naming the fix, see docs/streaming.md); whole-series operations name
 * bounded input as the fix.
 *
 * @throws IllegalArgumentException for a max_gap or min_duration ≤ 0, a threshold that is not
 *     finite, or (when applied) a missing, time or key column, a threshold on a non-numeric column,
 *     or an output name that clashes with a key or the time column
 */
public final class StateIntervals extends TimeSeriesTransform<StateIntervals> {
  private static final long serialVersionUID = 1L;

  /** What a null state does (TOML {@code nulls}). */
  public enum Nulls {
    /** Null is a state of its own: consecutive null rows form a run. */
    STATE,
    /** Null rows are left out before runs are formed. */
    SKIP
  }

  private final String column;
  private final boolean condition;
  private final Double above;
  private final Double below;
  private final Nulls nulls;
  private final Duration maxGap;
  private final Duration minDuration;

  private StateIntervals(
      SeriesOptions options,
      String column,
      boolean condition,
      Double above,
      Double below,
      Nulls nulls,
      Duration maxGap,
      Duration minDuration) {
    super(options);
    this.column = Objects.requireNonNull(column, "column");
    this.condition = condition;
    this.above = above;
    this.below = below;
    this.nulls = nulls;
    this.maxGap = maxGap;
    this.minDuration = minDuration;
  }

  /** Runs of the values of {@code column} (any type): the state is the value. */
  public static StateIntervals of(String column) {
    return new StateIntervals(
        SeriesOptions.defaults(), column, false, null, null, Nulls.STATE, null, null);
  }

  /**
   * Runs of a condition on the numeric {@code column}; complete it with {@link #above} and/or
   * {@link #below}. The output state column is {@code {column}_state} (BOOLEAN).
   */
  public static StateIntervals where(String column) {
    return new StateIntervals(
        SeriesOptions.defaults(), column, true, null, null, Nulls.STATE, null, null);
  }

  /** A copy whose state is {@code x > threshold} (or'ed with {@link #below} when both are set). */
  public StateIntervals above(double threshold) {
    return new StateIntervals(
        options(),
        column,
        condition,
        finite("above", threshold),
        below,
        nulls,
        maxGap,
        minDuration);
  }

  /** A copy whose state is {@code x < threshold} (or'ed with {@link #above} when both are set). */
  public StateIntervals below(double threshold) {
    return new StateIntervals(
        options(),
        column,
        condition,
        above,
        finite("below", threshold),
        nulls,
        maxGap,
        minDuration);
  }

  /** A copy that leaves rows with a null state out before forming runs ({@code nulls = "skip"}). */
  public StateIntervals skipNulls() {
    return withNulls(Nulls.SKIP);
  }

  /** A copy with the given null handling. */
  public StateIntervals withNulls(Nulls n) {
    return new StateIntervals(
        options(), column, condition, above, below, Objects.requireNonNull(n), maxGap, minDuration);
  }

  /** A copy in which two consecutive rows further apart than {@code gap} end a run. */
  public StateIntervals withMaxGap(Duration gap) {
    return new StateIntervals(
        options(), column, condition, above, below, nulls, positive("max_gap", gap), minDuration);
  }

  /** A copy that emits only runs lasting at least {@code d} (exactly {@code d} is emitted). */
  public StateIntervals withMinDuration(Duration d) {
    return new StateIntervals(
        options(), column, condition, above, below, nulls, maxGap, positive("min_duration", d));
  }

  private static double finite(String key, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "StateIntervals: " + key + " must be a finite number. Got " + v + ".");
    }
    return v;
  }

  private static Duration positive(String key, Duration d) {
    if (d == null || d.getMillis() <= 0) {
      throw new IllegalArgumentException(
          "StateIntervals: " + key + " must be a duration > 0. Got " + d + ".");
    }
    return d;
  }

  /** The column whose value (or threshold condition) is the state. */
  public String column() {
    return column;
  }

  /** Whether the state is a threshold condition (BOOLEAN {@code {column}_state}). */
  public boolean isThreshold() {
    return above != null || below != null;
  }

  @Override
  protected StateIntervals withOptions(SeriesOptions o) {
    return new StateIntervals(o, column, condition, above, below, nulls, maxGap, minDuration);
  }

  @Override
  public String typeName() {
    return "state_intervals";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("column", column);
    if (above != null) {
      p.put("above", Names.number(above));
    }
    if (below != null) {
      p.put("below", Names.number(below));
    }
    p.put("nulls", Names.lower(nulls));
    if (maxGap != null) {
      p.put("max_gap", Names.duration(maxGap));
    }
    if (minDuration != null) {
      p.put("min_duration", Names.duration(minDuration));
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    if (condition && !isThreshold()) {
      throw new IllegalArgumentException(
          "StateIntervals: where(\""
              + column
              + "\") needs a condition. Got no threshold; expected above(x) and/or below(x)"
              + " (TOML keys above, below), or StateIntervals.of(\""
              + column
              + "\") for the column's values as states.");
    }
    int src = OpColumns.resolve("StateIntervals", input, List.of(column), false)[0];
    Schema in = input.schema();
    FieldType srcType = in.getField(src).getType();
    if (isThreshold() && !OpColumns.isNumeric(srcType)) {
      throw new IllegalArgumentException(
          "StateIntervals: above/below need a numeric column. Got \""
              + column
              + "\" ("
              + srcType.getTypeName()
              + ").");
    }
    String stateName = isThreshold() ? OutputNames.state(column) : column;
    FieldType stateType = isThreshold() ? FieldType.BOOLEAN : srcType.withNullable(false);
    List<String> own = List.of(stateName, "end", "duration_s", "rows");
    Schema.Builder b = Schema.builder();
    List<String> kept = new ArrayList<>();
    for (int k : input.keyIndexes()) {
      b.addField(in.getField(k));
      kept.add(in.getField(k).getName());
    }
    kept.add(input.timeField());
    for (String n : own) {
      if (kept.contains(n)) {
        throw new IllegalArgumentException(
            "StateIntervals: output column \""
                + n
                + "\" would clash with the "
                + (n.equals(input.timeField()) ? "time" : "key")
                + " column of that name. Got key columns "
                + input.keyFields()
                + " and time column \""
                + input.timeField()
                + "\"; expected none named "
                + own
                + ". Rename that column first (rename).");
      }
    }
    b.addField(Field.nullable(stateName, stateType));
    b.addField(in.getField(input.timeIndex()));
    b.addField(Field.of("end", FieldType.DATETIME));
    b.addField(Field.of("duration_s", FieldType.DOUBLE));
    b.addField(Field.of("rows", FieldType.INT64));
    ChunkLayout out =
        input.withSchema(b.build()).withElementTimeOffset(0).withElementTimeField("end");
    return new StateKernel(
        context.stepName(),
        out,
        src,
        above,
        below,
        nulls == Nulls.SKIP,
        maxGap == null ? -1 : maxGap.getMillis(),
        minDuration == null ? -1 : minDuration.getMillis());
  }

  /**
   * What a stretch of the series tells its neighbours (rows with a skipped null state not counted):
   * its first and last row, and its leading run — rows and end when the stretch itself ends that
   * run, or the whole stretch when the run may go on in the next one.
   */
  static final class Runs implements Serializable {
    private static final long serialVersionUID = 1L;
    final long rows;
    final long firstTime;
    final Object firstState;
    final long lastTime;
    final Object lastState;

    /** Rows of the leading run inside the stretch; {@code == rows} when the run fills it. */
    final long leadingRows;

    /** End of the leading run when it ends inside the stretch (see {@link #leadingRows}). */
    final long leadingEnd;

    Runs(
        long rows,
        long firstTime,
        Object firstState,
        long lastTime,
        Object lastState,
        long leadingRows,
        long leadingEnd) {
      this.rows = rows;
      this.firstTime = firstTime;
      this.firstState = firstState;
      this.lastTime = lastTime;
      this.lastState = lastState;
      this.leadingRows = leadingRows;
      this.leadingEnd = leadingEnd;
    }

    boolean whole() {
      return leadingRows == rows;
    }
  }

  /**
   * Finds the runs of a segment. The earlier carry tells whether the segment's first run goes on
   * from before (then an earlier segment emits it); the later carry completes the segment's last
   * run (its rows and end), however many segments it spans.
   */
  static final class StateKernel extends BaseKernel implements BidirectionalCarryKernel<Runs> {
    private static final long serialVersionUID = 1L;
    private final int src;
    private final Double above;
    private final Double below;
    private final boolean skipNulls;
    private final long maxGap;
    private final long minDuration;

    StateKernel(
        String step,
        ChunkLayout out,
        int src,
        Double above,
        Double below,
        boolean skipNulls,
        long maxGap,
        long minDuration) {
      super(step, out, ContextSpec.segmentLocal());
      this.src = src;
      this.above = above;
      this.below = below;
      this.skipNulls = skipNulls;
      this.maxGap = maxGap;
      this.minDuration = minDuration;
    }

    /** The state of every row (null for a null state), boxed, compared by {@link #same}. */
    private Object[] states(Chunk c) {
      Column col = c.column(src);
      int n = c.size();
      Object[] s = new Object[n];
      if (above != null || below != null) {
        double[] v = OpColumns.doubles(col);
        boolean[] nul = OpColumns.nulls(col);
        for (int i = 0; i < n; i++) {
          if (!nul[i]) {
            // a NaN kept by nan_as_null = false is neither above nor below (§1.10)
            s[i] = (above != null && v[i] > above) || (below != null && v[i] < below);
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          s[i] = col.isNull(i) ? null : col.get(i);
        }
      }
      return s;
    }

    /** Positions of the rows that take part in runs (all, or the non-null ones). */
    private int[] kept(Object[] s) {
      int[] k = new int[s.length];
      int m = 0;
      for (int i = 0; i < s.length; i++) {
        if (!skipNulls || s[i] != null) {
          k[m++] = i;
        }
      }
      return java.util.Arrays.copyOf(k, m);
    }

    /** Equal states: numbers by value (0.0 = -0.0, NaN = NaN, 1.0 = 1.00), null = null. */
    static boolean same(Object a, Object b) {
      if (a == null || b == null) {
        return a == b;
      }
      if (a instanceof Double || a instanceof Float) {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return x == y || (Double.isNaN(x) && Double.isNaN(y));
      }
      if (a instanceof BigDecimal) {
        return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
      }
      return a.equals(b);
    }

    private boolean close(long earlier, long later) {
      return maxGap < 0 || later - earlier <= maxGap;
    }

    private boolean continues(Object stateBefore, long timeBefore, Object state, long time) {
      return same(stateBefore, state) && close(timeBefore, time);
    }

    @Override
    public Runs summarize(Chunk segment) {
      Object[] s = states(segment);
      int[] k = kept(s);
      if (k.length == 0) {
        return null;
      }
      long[] t = segment.times();
      int m = k.length;
      long leading = m;
      long end = 0;
      for (int j = 1; j < m; j++) {
        int p = k[j - 1];
        int i = k[j];
        if (!continues(s[p], t[p], s[i], t[i])) {
          leading = j;
          end = close(t[p], t[i]) ? t[i] : t[p];
          break;
        }
      }
      return new Runs(m, t[k[0]], s[k[0]], t[k[m - 1]], s[k[m - 1]], leading, end);
    }

    /** Streaming: a run is final once a row of another state follows it. */
    @Override
    public boolean settles(Runs later) {
      return later != null && later.leadingRows < later.rows;
    }

    @Override
    public Runs combine(Runs earlier, Runs later) {
      if (earlier == null) {
        return later;
      }
      if (later == null) {
        return earlier;
      }
      long leadingRows = earlier.leadingRows;
      long leadingEnd = earlier.leadingEnd;
      if (earlier.whole()) {
        if (continues(earlier.lastState, earlier.lastTime, later.firstState, later.firstTime)) {
          leadingRows = earlier.rows + later.leadingRows;
          leadingEnd = later.leadingEnd;
        } else {
          leadingEnd =
              close(earlier.lastTime, later.firstTime) ? later.firstTime : earlier.lastTime;
        }
      }
      return new Runs(
          earlier.rows + later.rows,
          earlier.firstTime,
          earlier.firstState,
          later.lastTime,
          later.lastState,
          leadingRows,
          leadingEnd);
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      Object[] s = states(input);
      int[] k = kept(s);
      int m = k.length;
      long[] t = input.times();
      long[] seqs = input.seqs();
      Runs before = ctx.carry(this);
      Runs after = ctx.carryAfter(this);
      ChunkLayout out = outputLayout();
      Schema os = out.schema();
      int stateField = out.keyIndexes().length;
      ColumnBuilder state = ColumnBuilder.forType(os.getField(stateField).getType(), 16);
      List<Long> starts = new ArrayList<>();
      List<Long> runSeqs = new ArrayList<>();
      List<Long> ends = new ArrayList<>();
      List<Long> rowCounts = new ArrayList<>();
      long shortRuns = 0;
      int j = 0;
      if (m > 0
          && before != null
          && continues(before.lastState, before.lastTime, s[k[0]], t[k[0]])) {
        // the first run started in an earlier segment, which emits it: skip its rows here
        j = 1;
        while (j < m && continues(s[k[j - 1]], t[k[j - 1]], s[k[j]], t[k[j]])) {
          j++;
        }
      }
      while (j < m) {
        int first = j;
        j++;
        while (j < m && continues(s[k[j - 1]], t[k[j - 1]], s[k[j]], t[k[j]])) {
          j++;
        }
        int last = k[j - 1];
        long rows = j - first;
        long end;
        if (j < m) {
          end = close(t[last], t[k[j]]) ? t[k[j]] : t[last];
        } else if (after == null) {
          end = t[last];
        } else if (continues(s[last], t[last], after.firstState, after.firstTime)) {
          rows += after.leadingRows;
          end = after.whole() ? after.lastTime : after.leadingEnd;
        } else {
          end = close(t[last], after.firstTime) ? after.firstTime : t[last];
        }
        long start = t[k[first]];
        if (minDuration >= 0 && end - start < minDuration) {
          shortRuns++;
          continue;
        }
        state.appendValue(s[k[first]]);
        starts.add(start);
        runSeqs.add(seqs[k[first]]);
        ends.add(end);
        rowCounts.add(rows);
      }
      ctx.count("intervals_short", shortRuns);
      int r = starts.size();
      long[] times = new long[r];
      long[] outSeqs = new long[r];
      Object[] endValues = new Object[r];
      double[] durations = new double[r];
      long[] rowValues = new long[r];
      for (int i = 0; i < r; i++) {
        times[i] = starts.get(i);
        outSeqs[i] = runSeqs.get(i);
        endValues[i] = new Instant(ends.get(i));
        durations[i] = (ends.get(i) - times[i]) / 1000.0;
        rowValues[i] = rowCounts.get(i);
      }
      Column[] cols = new Column[os.getFieldCount()];
      cols[stateField] = state.build();
      cols[os.indexOf("end")] = new ObjectColumn(endValues);
      cols[os.indexOf("duration_s")] = new DoubleColumn(durations, new boolean[r]);
      cols[os.indexOf("rows")] = new LongColumn(rowValues, new boolean[r]);
      return new Chunk(out, input.key(), times, outSeqs, cols);
    }
  }
}
