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

/**
 * Detects and treats outliers against whole-series statistics — SEMANTICS §2.1.5 {@code outliers}.
 *
 * <pre>{@code
 * input.apply(Outliers.zscore(3.0, "temp").withAction(Outliers.Action.CLIP));
 * input.apply(Outliers.hampel(3.0).withAction(Outliers.Action.MEDIAN));
 * input.apply(Outliers.range(0.0, 100.0, "level").withAction(Outliers.Action.FLAG));
 * input.apply(Outliers.hampel(3.0, "flow").overRows(7).centered()
 *     .withAction(Outliers.Action.MEDIAN));
 * }</pre>
 *
 * <p>Per column, the reference values {@code R} are the column's non-null values in the series, or,
 * with {@link #overRows(int)} / {@link #over(org.joda.time.Duration)}, in the row's window (as
 * {@code rolling} with {@code closed = "right"}; {@link #centered()} for row windows; {@code
 * min_periods} defaults to the row count of a row window, else 1). {@code zscore}: outlier iff
 * outside {@code mean ± k·std(ddof)}; {@code iqr}: outside {@code [Q1 − k·IQR, Q3 + k·IQR]}; {@code
 * hampel}: {@code MAD > 0} and outside {@code median ± k·1.4826·MAD}; {@code range}: outside {@code
 * [lower, upper]}. A null cell is never an outlier; with fewer than {@code min_periods} reference
 * values or an undefined statistic nothing is. Actions: {@code null} nulls the cell, {@code clip}
 * sets it to the nearest bound, {@code median} to {@code median(R)}, {@code drop} removes the row
 * when any column is an outlier, {@code flag} adds {@code {c}_is_outlier} (BOOLEAN, never null,
 * derived). Statistics always come from the input.
 *
 * <p>Output schema: the input; {@code clip} and {@code median} make the treated columns DOUBLE.
 * Counters {@code outliers} and {@code values_nulled} / {@code values_clipped} / {@code
 * values_replaced} / {@code rows_dropped}. Example: hourly {@code 10, 11, 10, 12, 50, 11, 10, ·}:
 * zscore {@code k = 2} clips 50 to 46.0563; iqr flags only 50 (fences 7.75, 13.75).
 *
 * <p>Execution class (SEMANTICS §1.14): {@code whole-series} (no window), {@code ordered} (window),
 * {@code row} (range). Windowed input (e.g. {@code FixedWindows}): each window is processed on its
 * own (state is per key and window), so the first rows of a window see no rows of the previous one.
 * Unbounded input in the global window runs on the streaming executor (docs/streaming.md) for fixed
 * bounds and rolling windows: rows are emitted when the watermark passes them (centred windows once
 * the rows after them have arrived); statistics fitted over the series are rejected. On windowed
 * input, a trigger that fires early or repeatedly, and late panes on unbounded input are rejected
 * when the transform is applied ({@code IllegalArgumentException} naming the fix, see
 * docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a threshold ≤ 0, a range without bounds or with {@code lower
 *     > upper}, action median with range, or a non-numeric, missing, time or key column
 */
public final class Outliers extends TimeSeriesTransform<Outliers> {
  private static final long serialVersionUID = 1L;

  /** Detection method (TOML {@code method}). */
  public enum Method {
    ZSCORE,
    IQR,
    HAMPEL,
    RANGE
  }

  /** Treatment of outliers (TOML {@code action}). */
  public enum Action {
    NULL,
    CLIP,
    MEDIAN,
    DROP,
    FLAG
  }

  final Method method;
  final double threshold;
  final Double lower;
  final Double upper;
  private final List<String> columns;
  final Action action;
  final int ddof;

  /** 0 = default (rows: the window; duration or whole series: 1). */
  final int minPeriods;

  final int windowRows;
  final long windowMillis;
  final boolean center;

  private Outliers(
      SeriesOptions options,
      Method method,
      double threshold,
      Double lower,
      Double upper,
      List<String> columns,
      Action action,
      int ddof,
      int minPeriods) {
    this(options, method, threshold, lower, upper, columns, action, ddof, minPeriods, 0, 0, false);
  }

  private Outliers(
      SeriesOptions options,
      Method method,
      double threshold,
      Double lower,
      Double upper,
      List<String> columns,
      Action action,
      int ddof,
      int minPeriods,
      int windowRows,
      long windowMillis,
      boolean center) {
    super(options);
    this.windowRows = windowRows;
    this.windowMillis = windowMillis;
    this.center = center;
    this.method = method;
    this.threshold = threshold;
    this.lower = lower;
    this.upper = upper;
    this.columns = List.copyOf(columns);
    this.action = action;
    this.ddof = ddof;
    this.minPeriods = minPeriods;
  }

  private static Outliers of(Method m, double k, String... columns) {
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("Outliers: threshold must be > 0. Got " + k + ".");
    }
    return new Outliers(
        SeriesOptions.defaults(), m, k, null, null, Arrays.asList(columns), Action.NULL, 1, 0);
  }

  /** Outside {@code mean ± k·std}; threshold 3.0 by default. */
  public static Outliers zscore(double k, String... columns) {
    return of(Method.ZSCORE, k, columns);
  }

  /** As {@link #zscore(double, String...)} with threshold 3. */
  public static Outliers zscore(String... columns) {
    return zscore(3.0, columns);
  }

  /** Outside the Tukey fences {@code Q1 − k·IQR}, {@code Q3 + k·IQR}; 1.5 by default. */
  public static Outliers iqr(double k, String... columns) {
    return of(Method.IQR, k, columns);
  }

  /** As {@link #iqr(double, String...)} with threshold 1.5. */
  public static Outliers iqr(String... columns) {
    return iqr(1.5, columns);
  }

  /** Outside {@code median ± k·1.4826·MAD} (never when MAD = 0); 3.0 by default. */
  public static Outliers hampel(double k, String... columns) {
    return of(Method.HAMPEL, k, columns);
  }

  /** As {@link #hampel(double, String...)} with threshold 3. */
  public static Outliers hampel(String... columns) {
    return hampel(3.0, columns);
  }

  /** Below {@code lower} or above {@code upper}; either may be null but not both. */
  public static Outliers range(Double lower, Double upper, String... columns) {
    if (lower == null && upper == null) {
      throw new IllegalArgumentException(
          "Outliers: method \"range\" needs lower or upper. Got" + " neither.");
    }
    if (lower != null && upper != null && lower > upper) {
      throw new IllegalArgumentException(
          "Outliers: lower (" + lower + ") > upper (" + upper + ").");
    }
    return new Outliers(
        SeriesOptions.defaults(),
        Method.RANGE,
        0,
        lower,
        upper,
        Arrays.asList(columns),
        Action.NULL,
        1,
        0);
  }

  /** A copy treating outliers with {@code a} (default {@link Action#NULL}). */
  public Outliers withAction(Action a) {
    if (a == Action.MEDIAN && method == Method.RANGE) {
      throw new IllegalArgumentException(
          "Outliers: action \"median\" is not valid with method \"range\".");
    }
    return new Outliers(
        options(),
        method,
        threshold,
        lower,
        upper,
        columns,
        a,
        ddof,
        minPeriods,
        windowRows,
        windowMillis,
        center);
  }

  /** A copy with {@code ddof} for the zscore standard deviation (default 1). */
  public Outliers withDdof(int d) {
    if (method != Method.ZSCORE) {
      throw new IllegalArgumentException("Outliers: ddof is only valid with method \"zscore\".");
    }
    if (d < 0) {
      throw new IllegalArgumentException("Outliers: ddof must be >= 0. Got " + d + ".");
    }
    return new Outliers(
        options(),
        method,
        threshold,
        lower,
        upper,
        columns,
        action,
        d,
        minPeriods,
        windowRows,
        windowMillis,
        center);
  }

  /** A copy needing at least {@code n} reference values (default 1). */
  public Outliers withMinPeriods(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Outliers: min_periods must be >= 1. Got " + n + ".");
    }
    return new Outliers(
        options(),
        method,
        threshold,
        lower,
        upper,
        columns,
        action,
        ddof,
        n,
        windowRows,
        windowMillis,
        center);
  }

  /** A copy whose reference values are the row's window of {@code n} rows (n ≥ 2). */
  public Outliers overRows(int n) {
    noWindowForRange();
    if (n < 2) {
      throw new IllegalArgumentException("Outliers: window must be >= 2 rows. Got " + n + ".");
    }
    return new Outliers(
        options(),
        method,
        threshold,
        lower,
        upper,
        columns,
        action,
        ddof,
        minPeriods,
        n,
        0,
        center);
  }

  /** A copy whose reference values are the rows within {@code d} up to the row (§2.2.3). */
  public Outliers over(org.joda.time.Duration d) {
    noWindowForRange();
    if (d == null || d.getMillis() <= 0) {
      throw new IllegalArgumentException("Outliers: window must be > 0. Got " + d + ".");
    }
    if (center) {
      throw new IllegalArgumentException("Outliers: center is only valid with a row window.");
    }
    return new Outliers(
        options(),
        method,
        threshold,
        lower,
        upper,
        columns,
        action,
        ddof,
        minPeriods,
        0,
        d.getMillis(),
        false);
  }

  /** A copy whose row window is centered on each row. */
  public Outliers centered() {
    if (windowRows == 0) {
      throw new IllegalArgumentException("Outliers: center is only valid with a row window.");
    }
    return new Outliers(
        options(),
        method,
        threshold,
        lower,
        upper,
        columns,
        action,
        ddof,
        minPeriods,
        windowRows,
        0,
        true);
  }

  private void noWindowForRange() {
    if (method == Method.RANGE) {
      throw new IllegalArgumentException("Outliers: window is not valid with method \"range\".");
    }
  }

  /** The detection method. */
  public Method method() {
    return method;
  }

  /** What is done with a detected outlier. */
  public Action action() {
    return action;
  }

  @Override
  protected Outliers withOptions(SeriesOptions o) {
    return new Outliers(
        o,
        method,
        threshold,
        lower,
        upper,
        columns,
        action,
        ddof,
        minPeriods,
        windowRows,
        windowMillis,
        center);
  }

  @Override
  public String typeName() {
    return "outliers";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", Names.lower(method));
    p.put("columns", columns);
    if (method == Method.RANGE) {
      p.put("lower", lower);
      p.put("upper", upper);
    } else {
      p.put("threshold", threshold);
    }
    p.put("action", Names.lower(action));
    if (method == Method.ZSCORE) {
      p.put("ddof", ddof);
    }
    if (windowRows > 0) {
      p.put("window", windowRows);
    }
    if (windowMillis > 0) {
      p.put("window", Names.duration(org.joda.time.Duration.millis(windowMillis)));
    }
    if (center) {
      p.put("center", true);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Outliers", input, cols, true);
    Schema in = input.schema();
    boolean toDouble = action == Action.CLIP || action == Action.MEDIAN;
    Schema.Builder b = Schema.builder();
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      if (FillNull.indexOf(idx, f) < 0) {
        b.addField(field);
      } else if (toDouble) {
        // clip and median replace values by values: a NOT NULL column stays NOT NULL
        b.addField(field.withType(FieldType.DOUBLE.withNullable(field.getType().getNullable())));
      } else {
        // action null writes nulls, so the column becomes nullable
        b.addField(
            action == Action.NULL ? field.withType(field.getType().withNullable(true)) : field);
      }
    }
    if (action == Action.FLAG) {
      List<String> names = new ArrayList<>();
      for (int f : idx) {
        names.add(OutputNames.isOutlier(in.getField(f).getName()));
      }
      OutputNames.checkNoClash("Outliers", in, names);
      for (String n : names) {
        b.addField(OpColumns.derivedFlag(n));
      }
    }
    ChunkLayout out = input.withSchema(b.build());
    ContextSpec spec = action == Action.DROP ? ContextSpec.segmentLocal() : ContextSpec.rowLocal();
    if (method == Method.RANGE) {
      return new OutlierRangeKernel(context.stepName(), out, spec, idx, this);
    }
    if (windowRows > 0 || windowMillis > 0) {
      ContextSpec w =
          windowRows > 0
              ? ContextSpec.haloRows(
                  center ? windowRows / 2 : windowRows - 1, center ? (windowRows + 1) / 2 - 1 : 0)
              : ContextSpec.haloMillis(windowMillis, 0);
      return new OutlierWindowedKernel(
          context.stepName(), out, action == Action.DROP ? w.notRowPreserving() : w, idx, this);
    }
    return new OutlierFittedKernel(context.stepName(), out, spec, idx, this);
  }
}
