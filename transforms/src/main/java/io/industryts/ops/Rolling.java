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
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;

/**
 * Window statistics per row — SEMANTICS §2.2.3 {@code rolling}.
 *
 * <pre>{@code
 * input.apply(Rolling.rows(10, "temp").compute(Rolling.Fn.MEAN, Rolling.Fn.STD));
 * input.apply(Rolling.over(Duration.standardMinutes(5), "temp").compute(Rolling.Fn.SUM));
 * }</pre>
 *
 * <p>Row window {@code n} for row {@code i} (positions in series order): {@code right} = {@code
 * [i−n+1, i]}, {@code left} = {@code [i−n, i−1]}, {@code both} = {@code [i−n, i]}, {@code neither}
 * = {@code [i−n+1, i−1]}, centered = {@code [i−⌊n/2⌋, i+⌈n/2⌉−1]}; positions outside the series are
 * absent. Duration window {@code d}: rows with {@code t_j > t_i − d} ({@code ≥} for left/both) and
 * {@code j ≤ i} ({@code j < i} for left/neither). A function is computed over the window's non-null
 * values when there are at least {@code min_periods} (rows: default {@code n}; duration: 1), else
 * null; {@code count} is null only when the window holds fewer than {@code min_periods} rows. std
 * and var are exact (corrected two-pass per row window; per-block Welford moments merged for
 * duration windows) and exactly 0 for a window of equal values. Every result depends only on its
 * window's values, so any segmentation of a series gives the same bits.
 *
 * <p>Output: {@code {c}_rolling_{fn}_{n|d}} per column and function, DOUBLE ({@code count} INT64),
 * nullable, derived. Example: {@code 1, 2, 4, 8, ·, 16} with mean over 3 rows gives {@code ·, ·,
 * 2.3333, 4.6667, ·, ·}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): rows are emitted when the watermark passes them; the
 * earlier rows, duration or carry the operation reads are kept per series; a centred window's rows
 * once the rows after them that it reads have arrived. On windowed input, a trigger that fires
 * early or repeatedly, and late panes on unbounded input are rejected when the transform is applied
 * ({@code IllegalArgumentException} naming the fix, see docs/streaming.md); whole-series operations
 * name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a window below 1 row or ≤ 0, {@code min_periods} out of
 *     range, center with a duration window or a closed side other than right, or a non-numeric,
 *     missing, time or key column
 */
public final class Rolling extends TimeSeriesTransform<Rolling> {
  private static final long serialVersionUID = 1L;

  /** Window functions (TOML {@code functions}). */
  public enum Fn {
    MEAN,
    SUM,
    MIN,
    MAX,
    STD,
    VAR,
    MEDIAN,
    COUNT
  }

  /** Which window ends are included (TOML {@code closed}). */
  public enum Closed {
    RIGHT,
    LEFT,
    BOTH,
    NEITHER
  }

  private final int rows;
  private final long millis;
  private final List<String> columns;
  private final List<Fn> functions;
  private final int minPeriods;
  private final Closed closed;
  private final boolean center;
  private final int ddof;
  private final String suffix;

  private Rolling(
      SeriesOptions options,
      int rows,
      long millis,
      List<String> columns,
      List<Fn> functions,
      int minPeriods,
      Closed closed,
      boolean center,
      int ddof) {
    this(options, rows, millis, columns, functions, minPeriods, closed, center, ddof, "");
  }

  private Rolling(
      SeriesOptions options,
      int rows,
      long millis,
      List<String> columns,
      List<Fn> functions,
      int minPeriods,
      Closed closed,
      boolean center,
      int ddof,
      String suffix) {
    super(options);
    this.rows = rows;
    this.millis = millis;
    this.columns = List.copyOf(columns);
    this.functions = List.copyOf(functions);
    this.minPeriods = minPeriods;
    this.closed = closed;
    this.center = center;
    this.ddof = ddof;
    this.suffix = suffix;
  }

  /** A window of {@code n} rows over {@code columns} (none = value columns), computing the mean. */
  public static Rolling rows(int n, String... columns) {
    if (n < 1) {
      throw new IllegalArgumentException("Rolling: window must be >= 1 row. Got " + n + ".");
    }
    return new Rolling(
        SeriesOptions.defaults(),
        n,
        0,
        Arrays.asList(columns),
        List.of(Fn.MEAN),
        0,
        Closed.RIGHT,
        false,
        1);
  }

  /** A window spanning {@code d} of time. */
  public static Rolling over(Duration d, String... columns) {
    if (d == null || d.getMillis() <= 0) {
      throw new IllegalArgumentException("Rolling: window must be > 0. Got " + d + ".");
    }
    return new Rolling(
        SeriesOptions.defaults(),
        0,
        d.getMillis(),
        Arrays.asList(columns),
        List.of(Fn.MEAN),
        0,
        Closed.RIGHT,
        false,
        1);
  }

  /** A copy computing {@code fns}, in this order. */
  public Rolling compute(Fn... fns) {
    if (fns.length == 0) {
      throw new IllegalArgumentException("Rolling: functions must not be empty.");
    }
    return new Rolling(
        options(),
        rows,
        millis,
        columns,
        Arrays.asList(fns),
        minPeriods,
        closed,
        center,
        ddof,
        suffix);
  }

  /**
   * A copy that outputs null unless the window holds at least {@code n} non-null values (rows:
   * default the window; duration: 1).
   */
  public Rolling withMinPeriods(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Rolling: min_periods must be >= 1. Got " + n + ".");
    }
    if (rows > 0 && n > rows) {
      throw new IllegalArgumentException(
          "Rolling: min_periods (" + n + ") > window (" + rows + ").");
    }
    return new Rolling(
        options(), rows, millis, columns, functions, n, closed, center, ddof, suffix);
  }

  /**
   * A copy including the window ends {@code c} ({@code RIGHT} default, {@code LEFT}, {@code BOTH},
   * {@code NEITHER}); see the class javadoc.
   */
  public Rolling closed(Closed c) {
    if (center && c != Closed.RIGHT) {
      throw centerError();
    }
    return new Rolling(
        options(), rows, millis, columns, functions, minPeriods, c, center, ddof, suffix);
  }

  /** A copy whose row window is centered on each row. */
  public Rolling centered() {
    if (rows == 0 || closed != Closed.RIGHT) {
      throw centerError();
    }
    return new Rolling(
        options(), rows, millis, columns, functions, minPeriods, closed, true, ddof, suffix);
  }

  private static IllegalArgumentException centerError() {
    return new IllegalArgumentException("Rolling: center needs a row window and closed \"right\".");
  }

  /**
   * A copy using {@code d} delta degrees of freedom for {@code std} and {@code var} (default 1).
   */
  public Rolling withDdof(int d) {
    if (d < 0) {
      throw new IllegalArgumentException("Rolling: ddof must be >= 0. Got " + d + ".");
    }
    return new Rolling(
        options(), rows, millis, columns, functions, minPeriods, closed, center, d, suffix);
  }

  /**
   * A copy that appends {@code suffix} to every generated name (SEMANTICS §1.9): {@code
   * temp_rolling_mean_10_left} with {@code "_left"}, so steps on one column that differ only in
   * {@code closed}, {@code center} or {@code min_periods} can coexist. The receiver is unchanged.
   */
  public Rolling withSuffix(String s) {
    if (s == null) {
      throw new IllegalArgumentException("Rolling: suffix must not be null. Use \"\" for none.");
    }
    return new Rolling(
        options(), rows, millis, columns, functions, minPeriods, closed, center, ddof, s);
  }

  /** The suffix appended to generated names; empty by default. */
  public String suffix() {
    return suffix;
  }

  /** The window functions computed, in output order. */
  public List<Fn> functions() {
    return functions;
  }

  @Override
  protected Rolling withOptions(SeriesOptions o) {
    return new Rolling(
        o, rows, millis, columns, functions, minPeriods, closed, center, ddof, suffix);
  }

  @Override
  public String typeName() {
    return "rolling";
  }

  private String windowName() {
    return rows > 0 ? String.valueOf(rows) : Names.duration(Duration.millis(millis));
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("window", windowName());
    p.put("functions", Names.lower(functions));
    p.put("columns", columns);
    p.put("closed", Names.lower(closed));
    if (center) {
      p.put("center", true);
    }
    if (!suffix.isEmpty()) {
      p.put("suffix", suffix);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Rolling", input, cols, true);
    Schema in = input.schema();
    List<String> names = new ArrayList<>();
    Schema.Builder b = OpColumns.copyOf(in);
    for (int f : idx) {
      for (Fn fn : functions) {
        String column = in.getField(f).getName();
        String name =
            OutputNames.suffixed(
                rows > 0
                    ? OutputNames.rolling(column, fn, rows)
                    : OutputNames.rolling(column, fn, Duration.millis(millis)),
                suffix);
        names.add(name);
        b.addField(OpColumns.derived(name, fn == Fn.COUNT ? FieldType.INT64 : FieldType.DOUBLE));
      }
    }
    OutputNames.checkNoClash("Rolling", in, names);
    int lo;
    int hi;
    ContextSpec spec;
    if (rows > 0) {
      if (center) {
        lo = -(rows / 2);
        hi = (rows + 1) / 2 - 1;
      } else {
        lo = closed == Closed.RIGHT || closed == Closed.NEITHER ? -rows + 1 : -rows;
        hi = closed == Closed.RIGHT || closed == Closed.BOTH ? 0 : -1;
      }
      spec = ContextSpec.haloRows(-lo, Math.max(0, hi));
    } else {
      lo = 0;
      hi = 0;
      spec = ContextSpec.haloMillis(millis, 0);
    }
    int mp = minPeriods > 0 ? minPeriods : rows > 0 ? rows : 1;
    return new RollingKernel(
        context.stepName(),
        input.withSchema(b.build()),
        spec,
        idx,
        functions.toArray(new Fn[0]),
        rows > 0,
        lo,
        hi,
        millis,
        closed,
        mp,
        ddof);
  }
}
