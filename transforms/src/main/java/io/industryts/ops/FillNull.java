package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.joda.time.Duration;

/**
 * Fills missing values — SEMANTICS §2.1.1 {@code fill_null}.
 *
 * <pre>{@code
 * input.apply(FillNull.forward("feature1", "feature2").withLimit(3)
 *     .withMaxGap(Duration.standardHours(1)));
 * input.apply(FillNull.constant(0.0, "temp").withFlag());
 * }</pre>
 *
 * <p>Only null cells change; row count and order never do. {@code forward} takes the last earlier
 * non-null value of the series, {@code backward} the next later one; leading (forward) and trailing
 * (backward) runs stay null. {@link #withLimit} fills at most that many rows of a run (those
 * nearest the source), {@link #withMaxGap} leaves a whole run null when its span (§1.12) exceeds
 * the gap, {@link #withLimitArea} restricts filling to inside or outside runs; all given conditions
 * must allow a cell. {@code constant}/{@code zero} fill every null with a value; {@code
 * mean}/{@code median} with the statistic of the column's non-null values in its series.
 *
 * <p>Output schema: the filled columns keep their position and type (DECIMAL becomes DOUBLE; {@code
 * mean}/{@code median} give DOUBLE); {@link #withFlag} appends {@code {c}_is_filled} (BOOLEAN,
 * never null, derived). Counter {@code values_filled}. Example: hourly {@code 1, ·, ·, 4, ·(04:00),
 * ·(09:00), 7, ·} with forward and {@code max_gap = 3h} gives {@code 1, 1, 1, 4, ·, ·, 7, 7}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered} (forward, backward), {@code row} (constant,
 * zero), {@code whole-series} (mean, median). Windowed input (e.g. {@code FixedWindows}): each
 * window is processed on its own (state is per key and window), so the first rows of a window see
 * no rows of the previous one. Unbounded input in the global window runs on the streaming executor
 * (docs/streaming.md): forward fill emits a row when the watermark passes it (with max_gap, once a
 * row later than max_gap arrives); backward fill once the next observation of every filled column
 * has arrived, or at the end of the stream; mean, median and limit_area fit over the series and are
 * rejected. On windowed input, a trigger that fires early or repeatedly, and late panes on
 * unbounded input are rejected when the transform is applied ({@code IllegalArgumentException}
 * naming the fix, see docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a missing, time or key column, a value a column cannot hold,
 *     a non-numeric column with mean/median/zero, or an option the method does not take
 */
public final class FillNull extends TimeSeriesTransform<FillNull> {
  private static final long serialVersionUID = 1L;

  /** How nulls are filled (TOML {@code method}). */
  public enum Method {
    FORWARD,
    BACKWARD,
    CONSTANT,
    MEAN,
    MEDIAN,
    ZERO
  }

  /** Which null runs may be filled (TOML {@code limit_area}). */
  public enum LimitArea {
    /** Runs with an observation on both sides. */
    INSIDE,
    /** Leading and trailing runs. */
    OUTSIDE
  }

  private final Method method;
  private final List<String> columns;
  private final Object value;
  private final int limit;
  private final Duration maxGap;
  private final LimitArea limitArea;
  private final boolean flag;

  private FillNull(
      SeriesOptions options,
      Method method,
      List<String> columns,
      Object value,
      int limit,
      Duration maxGap,
      LimitArea limitArea,
      boolean flag) {
    super(options);
    this.method = method;
    this.columns = List.copyOf(columns);
    this.value = value;
    this.limit = limit;
    this.maxGap = maxGap;
    this.limitArea = limitArea;
    this.flag = flag;
  }

  private static FillNull of(Method m, Object value, String... columns) {
    return new FillNull(
        SeriesOptions.defaults(), m, Arrays.asList(columns), value, 0, null, null, false);
  }

  /**
   * Fills each null with the last earlier non-null value; default columns: all but time and keys.
   */
  public static FillNull forward(String... columns) {
    return of(Method.FORWARD, null, columns);
  }

  /** Fills each null with the next later non-null value. */
  public static FillNull backward(String... columns) {
    return of(Method.BACKWARD, null, columns);
  }

  /**
   * Fills every null with {@code value} (a Number, String or Boolean); default columns: the fields
   * whose type can hold it.
   */
  public static FillNull constant(Object value, String... columns) {
    if (value == null) {
      throw new IllegalArgumentException("FillNull: method \"constant\" needs value. Got none.");
    }
    if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "FillNull: value must be a number, string or boolean. Got "
              + value.getClass().getSimpleName()
              + ".");
    }
    return of(Method.CONSTANT, value, columns);
  }

  /** Fills every null with 0 of the column type; default columns: value columns. */
  public static FillNull zero(String... columns) {
    return of(Method.ZERO, null, columns);
  }

  /** Fills every null with the mean of the column's non-null values in its series. */
  public static FillNull mean(String... columns) {
    return of(Method.MEAN, null, columns);
  }

  /** Fills every null with the median of the column's non-null values in its series. */
  public static FillNull median(String... columns) {
    return of(Method.MEDIAN, null, columns);
  }

  /** A copy that fills at most {@code n} rows of each null run (forward/backward only). */
  public FillNull withLimit(int n) {
    checkOrdered("limit");
    if (n < 1) {
      throw new IllegalArgumentException("FillNull: limit must be >= 1. Got " + n + ".");
    }
    return new FillNull(options(), method, columns, value, n, maxGap, limitArea, flag);
  }

  /** A copy that leaves whole runs null when their span exceeds {@code gap} (§1.12). */
  public FillNull withMaxGap(Duration gap) {
    checkOrdered("max_gap");
    if (gap == null || gap.getMillis() <= 0) {
      throw new IllegalArgumentException("FillNull: max_gap must be > 0. Got " + gap + ".");
    }
    return new FillNull(options(), method, columns, value, limit, gap, limitArea, flag);
  }

  /** A copy that fills only inside or only outside runs (forward/backward only). */
  public FillNull withLimitArea(LimitArea area) {
    checkOrdered("limit_area");
    return new FillNull(options(), method, columns, value, limit, maxGap, area, flag);
  }

  /** A copy that adds {@code {c}_is_filled} flags. */
  public FillNull withFlag() {
    return withFlag(true);
  }

  /**
   * A copy that adds (or not) a never-null BOOLEAN {@code {c}_is_filled} per column, true where a
   * null was filled.
   */
  public FillNull withFlag(boolean on) {
    return new FillNull(options(), method, columns, value, limit, maxGap, limitArea, on);
  }

  private void checkOrdered(String key) {
    if (method != Method.FORWARD && method != Method.BACKWARD) {
      throw new IllegalArgumentException(
          "FillNull: \""
              + key
              + "\" is only valid with method forward or backward. Got method \""
              + Names.lower(method)
              + "\".");
    }
  }

  /** How nulls are filled. */
  public Method method() {
    return method;
  }

  /** The columns filled; empty = the default columns (§1.5). */
  public List<String> columns() {
    return columns;
  }

  @Override
  protected FillNull withOptions(SeriesOptions o) {
    return new FillNull(o, method, columns, value, limit, maxGap, limitArea, flag);
  }

  @Override
  public String typeName() {
    return "fill_null";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", Names.lower(method));
    p.put("columns", columns);
    if (value != null) {
      p.put("value", value);
    }
    if (limit > 0) {
      p.put("limit", limit);
    }
    if (maxGap != null) {
      p.put("max_gap", Names.duration(maxGap));
    }
    if (limitArea != null) {
      p.put("limit_area", Names.lower(limitArea));
    }
    if (flag) {
      p.put("flag", true);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    Schema in = input.schema();
    boolean numeric = method == Method.MEAN || method == Method.MEDIAN || method == Method.ZERO;
    List<String> cols = columns;
    if (cols.isEmpty()) {
      if (numeric) {
        cols = OpColumns.valueColumns(input);
      } else if (method == Method.CONSTANT) {
        cols = new ArrayList<>();
        for (String c : OpColumns.nonTimeKeyColumns(input)) {
          if (canHold(in.getField(c).getType(), value)) {
            cols.add(c);
          }
        }
      } else {
        cols = OpColumns.nonTimeKeyColumns(input);
      }
    }
    int[] idx;
    try {
      idx = OpColumns.resolve("FillNull", input, cols, numeric);
    } catch (NotNumericColumnException e) {
      throw new IllegalArgumentException(
          "FillNull: method \""
              + Names.lower(method)
              + "\" needs numeric columns. Got \""
              + e.column()
              + "\" ("
              + e.type()
              + ").",
          e);
    }
    if (method == Method.CONSTANT) {
      for (int f : idx) {
        FieldType ft = in.getField(f).getType();
        if (!canHold(ft, value)) {
          throw new IllegalArgumentException(
              "FillNull: value \""
                  + value
                  + "\" cannot be stored in column \""
                  + in.getField(f).getName()
                  + "\" ("
                  + ft.getTypeName()
                  + ").");
        }
      }
    }
    FieldType[] outTypes = new FieldType[idx.length];
    Schema.Builder b = Schema.builder();
    List<String> flags = new ArrayList<>();
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      int pos = indexOf(idx, f);
      if (pos < 0) {
        b.addField(field);
        continue;
      }
      FieldType t =
          (method == Method.MEAN || method == Method.MEDIAN)
              ? FieldType.DOUBLE
              : OpColumns.selectedType(field.getType());
      outTypes[pos] = t;
      // filling never creates a null: a NOT NULL column stays NOT NULL
      b.addField(field.withType(t.withNullable(field.getType().getNullable())));
    }
    if (flag) {
      for (int f : idx) {
        flags.add(OutputNames.isFilled(in.getField(f).getName()));
      }
      OutputNames.checkNoClash("FillNull", in, flags);
      for (String n : flags) {
        b.addField(OpColumns.derivedFlag(n));
      }
    }
    ChunkLayout out = input.withSchema(b.build());
    String step = context.stepName();
    switch (method) {
      case FORWARD:
      case BACKWARD:
        boolean fwd = method == Method.FORWARD;
        ContextSpec spec = ContextSpec.rowLocal().withSeriesInfo();
        if (maxGap != null) {
          spec =
              fwd
                  ? spec.withHaloMillis(0, maxGap.getMillis())
                  : spec.withHaloMillis(maxGap.getMillis(), 0);
        }
        long gap = maxGap == null ? -1 : maxGap.getMillis();
        return limitArea == null
            ? new CarryFill(step, out, spec, idx, outTypes, flag, fwd, limit, gap, null)
            : new AreaFill(step, out, spec, idx, outTypes, flag, fwd, limit, gap, limitArea);
      case CONSTANT:
      case ZERO:
        return new ConstantFill(
            step, out, idx, outTypes, flag, method == Method.ZERO ? null : value);
      default:
        return new StatsFill(step, out, idx, outTypes, flag, method == Method.MEDIAN);
    }
  }

  static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  static boolean canHold(FieldType type, Object value) {
    TypeName tn = type.getTypeName();
    if (value instanceof Boolean) {
      return tn == TypeName.BOOLEAN;
    }
    if (value instanceof String) {
      return tn == TypeName.STRING;
    }
    if (value instanceof Number) {
      if (OpColumns.isIntegral(type)) {
        double d = ((Number) value).doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d);
      }
      return OpColumns.isNumeric(type);
    }
    return false;
  }

  /** Shared output assembly: replaced columns plus optional flags. */
  abstract static class FillKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    final int[] cols;
    final FieldType[] outTypes;
    final boolean flag;

    FillKernel(
        String step,
        ChunkLayout out,
        ContextSpec spec,
        int[] cols,
        FieldType[] outTypes,
        boolean flag) {
      super(step, out, spec);
      this.cols = cols;
      this.outTypes = outTypes;
      this.flag = flag;
    }

    /** Builds the output chunk from the filled columns; counts filled cells of the segment. */
    Chunk assemble(Chunk input, Column[] filled, KernelContext ctx) {
      int n = input.size();
      int from = ctx.haloBefore();
      int to = n - ctx.haloAfter();
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      long count = 0;
      for (int c = 0; c < cols.length; c++) {
        Column before = input.column(cols[c]);
        Column after = filled[c];
        out[cols[c]] = after;
        if (before == after) {
          if (flag) {
            out[input.columns().length + c] = BooleanColumn.of(new boolean[n]);
          }
          continue;
        }
        boolean[] wasNull = OpColumns.nulls(before);
        boolean[] isNull = OpColumns.nulls(after);
        boolean[] isFilled = new boolean[n];
        for (int i = 0; i < n; i++) {
          isFilled[i] = wasNull[i] && !isNull[i];
          if (isFilled[i] && i >= from && i < to) {
            count++;
          }
        }
        if (flag) {
          out[input.columns().length + c] = BooleanColumn.of(isFilled);
        }
      }
      ctx.count("values_filled", count);
      return input.withColumns(outputLayout(), out);
    }
  }

  /** What crosses a segment boundary for one direction of fill, per column. */
  static final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;
    final long rows;
    final boolean[] has;
    final Object[] value;
    final long[] time;

    /** Null rows between the observation and the boundary (all rows when none). */
    final long[] run;

    Summary(long rows, boolean[] has, Object[] value, long[] time, long[] run) {
      this.rows = rows;
      this.has = has;
      this.value = value;
      this.time = time;
      this.run = run;
    }
  }

  /** Forward/backward fill with limit and max_gap, carried across segments. */
  static class CarryFill extends FillKernel implements CarryKernel<Summary> {
    private static final long serialVersionUID = 1L;
    final boolean fwd;
    final int limit;
    final long maxGap;
    final LimitArea area;

    CarryFill(
        String step,
        ChunkLayout out,
        ContextSpec spec,
        int[] cols,
        FieldType[] outTypes,
        boolean flag,
        boolean fwd,
        int limit,
        long maxGap,
        LimitArea area) {
      super(step, out, spec, cols, outTypes, flag);
      this.fwd = fwd;
      this.limit = limit;
      this.maxGap = maxGap;
      this.area = area;
    }

    @Override
    public boolean forward() {
      return fwd;
    }

    @Override
    public Summary summarize(Chunk seg) {
      int n = seg.size();
      int k = cols.length;
      boolean[] has = new boolean[k];
      Object[] value = new Object[k];
      long[] time = new long[k];
      long[] run = new long[k];
      for (int c = 0; c < k; c++) {
        Column col = seg.column(cols[c]);
        int found = -1;
        if (fwd) {
          for (int i = n - 1; i >= 0; i--) {
            if (!col.isNull(i)) {
              found = i;
              break;
            }
          }
          run[c] = found < 0 ? n : n - 1 - found;
        } else {
          for (int i = 0; i < n; i++) {
            if (!col.isNull(i)) {
              found = i;
              break;
            }
          }
          run[c] = found < 0 ? n : found;
        }
        if (found >= 0) {
          has[c] = true;
          value[c] = OpColumns.cell(col, found);
          time[c] = seg.times()[found];
        }
      }
      return new Summary(n, has, value, time, run);
    }

    /** Streaming (backward fill): rows are final once every column has a value after them. */
    @Override
    public boolean settles(Summary later) {
      if (later == null) {
        return false;
      }
      for (boolean h : later.has) {
        if (!h) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Summary combine(Summary earlier, Summary later) {
      if (earlier == null) {
        return later;
      }
      if (later == null) {
        return earlier;
      }
      int k = earlier.has.length;
      boolean[] has = new boolean[k];
      Object[] value = new Object[k];
      long[] time = new long[k];
      long[] run = new long[k];
      // forward: the observation nearest the end wins; backward: the one nearest the start
      Summary near = fwd ? later : earlier;
      Summary far = fwd ? earlier : later;
      for (int c = 0; c < k; c++) {
        Summary src = near.has[c] ? near : far;
        has[c] = src.has[c];
        value[c] = src.value[c];
        time[c] = src.time[c];
        run[c] = near.has[c] ? near.run[c] : near.rows + far.run[c];
      }
      return new Summary(earlier.rows + later.rows, has, value, time, run);
    }

    /** Whether row {@code i} lies inside the observed range of column {@code c} (limit_area). */
    boolean inside(KernelContext ctx, Chunk input, int c, int i) {
      return true;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      long[] t = input.times();
      Summary carry = ctx.carry(this);
      Column[] filled = new Column[cols.length];
      int[] src = new int[n];
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        boolean[] nulls = OpColumns.nulls(col);
        if (col.nullCount() == 0) {
          filled[c] = OpColumns.asType(col, outTypes[c]);
          continue;
        }
        boolean carried = carry != null && carry.has[c];
        Object carryValue = carried ? carry.value[c] : null;
        if (limit == 0
            && maxGap < 0
            && area == null
            && col instanceof DoubleColumn
            && outTypes[c].getTypeName() == Schema.TypeName.DOUBLE
            && (carryValue == null || carryValue instanceof Double)) {
          filled[c] = fillDoubles((DoubleColumn) col, carried, carryValue);
          continue;
        }
        // the observation on the far side of each run, for max_gap spans
        long[] other = maxGap >= 0 ? otherSideTimes(t, nulls, ctx) : null;
        int source = carried ? -2 : -1;
        long sourceTime = carried ? carry.time[c] : 0;
        long run = carry == null ? 0 : carry.run[c];
        for (int s = 0; s < n; s++) {
          int i = fwd ? s : n - 1 - s;
          if (!nulls[i]) {
            src[i] = i;
            source = i;
            sourceTime = t[i];
            run = 0;
            continue;
          }
          run++;
          boolean ok = source != -1 && (limit == 0 || run <= limit);
          if (ok && maxGap >= 0) {
            long span = fwd ? other[i] - sourceTime : sourceTime - other[i];
            ok = span <= maxGap;
          }
          if (ok && area != null) {
            ok = inside(ctx, input, c, i) == (area == LimitArea.INSIDE);
          }
          src[i] = ok ? source : -1;
        }
        filled[c] = OpColumns.gather(col, outTypes[c], src, carryValue);
      }
      return assemble(input, filled, ctx);
    }

    /**
     * Fill without limits of a double column: one pass, the carry (if any) before the first row.
     */
    private DoubleColumn fillDoubles(DoubleColumn col, boolean carried, Object carryValue) {
      double[] v = col.values();
      boolean[] nulls = col.nulls();
      int n = v.length;
      double[] r = new double[n];
      boolean[] rn = new boolean[n];
      boolean has = carried;
      double last = carried ? (Double) carryValue : 0;
      for (int s = 0; s < n; s++) {
        int i = fwd ? s : n - 1 - s;
        if (!nulls[i]) {
          last = v[i];
          has = true;
          r[i] = last;
        } else if (has) {
          r[i] = last;
        } else {
          rn[i] = true;
        }
      }
      return new DoubleColumn(r, rn);
    }

    /**
     * For each row, the time of the next (forward) or previous (backward) non-null row of the
     * input, or the series' last (first) time when none is visible: a run whose far observation is
     * outside the max_gap halo is too long anyway (§1.12).
     */
    private long[] otherSideTimes(long[] t, boolean[] nulls, KernelContext ctx) {
      int n = t.length;
      long[] out = new long[n];
      if (fwd) {
        long next = ctx.seriesLastTime();
        for (int i = n - 1; i >= 0; i--) {
          if (!nulls[i]) {
            next = t[i];
          }
          out[i] = next;
        }
      } else {
        long prev = ctx.seriesFirstTime();
        for (int i = 0; i < n; i++) {
          if (!nulls[i]) {
            prev = t[i];
          }
          out[i] = prev;
        }
      }
      return out;
    }
  }

  /** First and last observation (time, seq) of each column in a series. */
  static final class ObservedRange implements Serializable {
    private static final long serialVersionUID = 1L;
    final boolean[] has;
    final long[] firstTime;
    final long[] firstSeq;
    final long[] lastTime;
    final long[] lastSeq;

    ObservedRange(int k) {
      has = new boolean[k];
      firstTime = new long[k];
      firstSeq = new long[k];
      lastTime = new long[k];
      lastSeq = new long[k];
    }
  }

  /**
   * Forward/backward fill with {@code limit_area}: also a statistics kernel, because whether a run
   * has an observation beyond it (inside) may depend on rows far away in the series.
   */
  static final class AreaFill extends CarryFill implements StatsKernel<ObservedRange> {
    private static final long serialVersionUID = 1L;

    AreaFill(
        String step,
        ChunkLayout out,
        ContextSpec spec,
        int[] cols,
        FieldType[] outTypes,
        boolean flag,
        boolean fwd,
        int limit,
        long maxGap,
        LimitArea area) {
      super(step, out, spec, cols, outTypes, flag, fwd, limit, maxGap, area);
    }

    @Override
    public ObservedRange createAccumulator() {
      return new ObservedRange(cols.length);
    }

    @Override
    public ObservedRange addSegment(ObservedRange acc, Chunk seg) {
      long[] t = seg.times();
      long[] q = seg.seqs();
      for (int c = 0; c < cols.length; c++) {
        Column col = seg.column(cols[c]);
        for (int i = 0; i < seg.size(); i++) {
          if (!col.isNull(i)) {
            note(acc, c, t[i], q[i]);
          }
        }
      }
      return acc;
    }

    private static void note(ObservedRange a, int c, long t, long q) {
      if (!a.has[c]) {
        a.has[c] = true;
        a.firstTime[c] = a.lastTime[c] = t;
        a.firstSeq[c] = a.lastSeq[c] = q;
        return;
      }
      if (t < a.firstTime[c] || (t == a.firstTime[c] && q < a.firstSeq[c])) {
        a.firstTime[c] = t;
        a.firstSeq[c] = q;
      }
      if (t > a.lastTime[c] || (t == a.lastTime[c] && q > a.lastSeq[c])) {
        a.lastTime[c] = t;
        a.lastSeq[c] = q;
      }
    }

    @Override
    public ObservedRange merge(ObservedRange a, ObservedRange b) {
      for (int c = 0; c < cols.length; c++) {
        if (b.has[c]) {
          note(a, c, b.firstTime[c], b.firstSeq[c]);
          note(a, c, b.lastTime[c], b.lastSeq[c]);
        }
      }
      return a;
    }

    @Override
    boolean inside(KernelContext ctx, Chunk input, int c, int i) {
      ObservedRange r = ctx.stats(this);
      long t = input.times()[i];
      long q = input.seqs()[i];
      // the source side exists (checked by the caller); inside iff the other side has one too
      return fwd
          ? (t < r.lastTime[c] || (t == r.lastTime[c] && q < r.lastSeq[c]))
          : (t > r.firstTime[c] || (t == r.firstTime[c] && q > r.firstSeq[c]));
    }
  }

  /** constant / zero: row-local. */
  static final class ConstantFill extends FillKernel {
    private static final long serialVersionUID = 1L;
    private final Object value;

    ConstantFill(
        String step,
        ChunkLayout out,
        int[] cols,
        FieldType[] outTypes,
        boolean flag,
        Object value) {
      super(step, out, ContextSpec.rowLocal(), cols, outTypes, flag);
      this.value = value instanceof BigDecimal ? ((BigDecimal) value).doubleValue() : value;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      Column[] filled = new Column[cols.length];
      int[] src = new int[n];
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        for (int i = 0; i < n; i++) {
          src[i] = col.isNull(i) ? -2 : i;
        }
        Object v = value != null ? value : zeroOf(col);
        if (v instanceof Number && !(col instanceof io.industryts.engine.spi.ObjectColumn)) {
          v =
              col instanceof io.industryts.engine.spi.LongColumn
                  ? (Object) ((Number) v).longValue()
                  : (Object) ((Number) v).doubleValue();
        } else if (v instanceof Number && outTypes[c].getTypeName() == TypeName.DOUBLE) {
          v = ((Number) v).doubleValue();
        }
        filled[c] = OpColumns.gather(col, outTypes[c], src, v);
      }
      return assemble(input, filled, ctx);
    }

    private static Object zeroOf(Column col) {
      return col instanceof io.industryts.engine.spi.LongColumn ? (Object) 0L : (Object) 0.0;
    }
  }

  /** mean / median: fitted per series. */
  static final class StatsFill extends FillKernel implements StatsKernel<ColumnStats> {
    private static final long serialVersionUID = 1L;
    private final boolean median;

    StatsFill(
        String step,
        ChunkLayout out,
        int[] cols,
        FieldType[] outTypes,
        boolean flag,
        boolean median) {
      super(step, out, ContextSpec.rowLocal(), cols, outTypes, flag);
      this.median = median;
    }

    @Override
    public String unboundedInputMessage() {
      return "FillNull: method \""
          + (median ? "median" : "mean")
          + "\" fits per series and needs "
          + "bounded input. Got an unbounded PCollection; fill with a value that needs no "
          + "statistics: FillNull.forward(...) (with withLimit or withMaxGap), "
          + "FillNull.constant(value, ...) or FillNull.zero(...).";
    }

    @Override
    public ColumnStats createAccumulator() {
      return new ColumnStats(cols.length, median);
    }

    @Override
    public ColumnStats addSegment(ColumnStats acc, Chunk seg) {
      return acc.add(seg, cols);
    }

    @Override
    public ColumnStats merge(ColumnStats a, ColumnStats b) {
      return a.merge(b);
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      ColumnStats s = ctx.stats(this);
      int n = input.size();
      Column[] filled = new Column[cols.length];
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        double[] v = OpColumns.doubles(col);
        boolean[] nulls = OpColumns.nulls(col);
        double[] out = new double[n];
        boolean[] outNulls = new boolean[n];
        boolean has = s.moments[c].n > 0;
        double fill = !has ? 0 : median ? Stats.quantile(s.sorted(c), 0.5) : s.moments[c].mean;
        for (int i = 0; i < n; i++) {
          if (!nulls[i]) {
            out[i] = v[i];
          } else if (has) {
            out[i] = fill;
          } else {
            outNulls[i] = true;
          }
        }
        OpColumns.nullCreatedNans(out, outNulls, col);
        filled[c] = new DoubleColumn(out, outNulls);
      }
      return assemble(input, filled, ctx);
    }
  }
}
