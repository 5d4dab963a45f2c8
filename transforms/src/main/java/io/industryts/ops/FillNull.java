package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
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
}
