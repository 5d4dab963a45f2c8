package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
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

  /** Computes every function per row over its window's non-null values. */
  static final class RollingKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final Fn[] fns;
    private final boolean byRows;
    private final int lo;
    private final int hi;
    private final long millis;
    private final Closed closed;
    private final int minPeriods;
    private final int ddof;

    RollingKernel(
        String step,
        ChunkLayout out,
        ContextSpec spec,
        int[] cols,
        Fn[] fns,
        boolean byRows,
        int lo,
        int hi,
        long millis,
        Closed closed,
        int minPeriods,
        int ddof) {
      super(step, out, spec);
      this.cols = cols;
      this.fns = fns;
      this.byRows = byRows;
      this.lo = lo;
      this.hi = hi;
      this.millis = millis;
      this.closed = closed;
      this.minPeriods = minPeriods;
      this.ddof = ddof;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      int[] start = new int[n];
      int[] end = new int[n];
      windows(input.times(), start, end);
      int base = input.columns().length;
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      int o = base;
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        double[][] res = new double[fns.length][];
        long[][] counts = new long[fns.length][];
        boolean[][] resNull = new boolean[fns.length][n];
        for (int f = 0; f < fns.length; f++) {
          if (fns[f] == Fn.COUNT) {
            counts[f] = new long[n];
          } else {
            res[f] = new double[n];
          }
        }
        slide(
            input.times(),
            OpColumns.doubles(col),
            OpColumns.nulls(col),
            start,
            end,
            res,
            counts,
            resNull);
        for (int f = 0; f < fns.length; f++) {
          out[o++] =
              fns[f] == Fn.COUNT
                  ? new LongColumn(counts[f], resNull[f])
                  : new DoubleColumn(res[f], resNull[f]);
        }
      }
      return input.withColumns(outputLayout(), out);
    }

    /**
     * Every function of one column, sliding one window along the rows: values enter at the window's
     * end and leave at its start (both only move forward): min/max as {@link MonotonicDeque}s,
     * medians as a {@link SortedWindow}, counts as running counters. Each result depends only on
     * the window's values, never on where the chunk starts, so every segmentation of a series gives
     * the same bits: sums and variances of duration windows merge per-block moments ({@link
     * BlockMoments}); those of row windows are the corrected two-pass over the window ({@link
     * RowMoments} for windows without nulls). A window holding NaN or an infinity is computed as
     * before, from scratch.
     */
    private void slide(
        long[] t,
        double[] v,
        boolean[] nulls,
        int[] start,
        int[] end,
        double[][] res,
        long[][] counts,
        boolean[][] resNull) {
      int n = v.length;
      boolean needSum = false;
      boolean needVar = false;
      boolean needMin = false;
      boolean needMax = false;
      boolean needMedian = false;
      for (Fn fn : fns) {
        needSum |= fn == Fn.SUM || fn == Fn.MEAN;
        needVar |= fn == Fn.STD || fn == Fn.VAR;
        needMin |= fn == Fn.MIN;
        needMax |= fn == Fn.MAX;
        needMedian |= fn == Fn.MEDIAN;
      }
      int maxWindow = 0;
      for (int i = 0; i < n; i++) {
        maxWindow = Math.max(maxWindow, end[i] - start[i]);
      }
      BlockMoments blocks =
          !byRows && (needSum || needVar) ? BlockMoments.over(t, v, nulls, millis) : null;
      double[] rowSum = null;
      double[] rowSs = null;
      boolean[] rowDone = null;
      if (byRows && (needSum || needVar)) {
        rowSum = new double[n];
        rowSs = needVar ? new double[n] : null;
        rowDone = new boolean[n];
        RowMoments.fill(v, nulls, start, end, needVar, rowSum, rowSs, rowDone);
      }
      MonotonicDeque lows = needMin ? MonotonicDeque.ofMinimum(v, n) : null;
      MonotonicDeque highs = needMax ? MonotonicDeque.ofMaximum(v, n) : null;
      SortedWindow sorted = needMedian ? new SortedWindow(maxWindow) : null;
      double[] buf = null;
      int lo = 0;
      int hi = 0;
      // non-null values in the window, and non-finite ones among them
      int m = 0;
      int bad = 0;
      int run = 0;
      double prev = Double.NaN;
      for (int i = 0; i < n; i++) {
        int s = start[i];
        int e = end[i];
        // leave, then enter, so the window never holds more than its own rows
        int leave = Math.min(s, hi);
        for (; lo < leave; lo++) {
          if (!nulls[lo]) {
            m--;
            if (!Double.isFinite(v[lo])) {
              bad--;
            } else if (sorted != null) {
              sorted.remove(v[lo]);
            }
          }
        }
        if (lo < s) {
          lo = s;
          hi = s;
        }
        for (; hi < e; hi++) {
          if (!nulls[hi]) {
            double x = v[hi];
            m++;
            // run: how many values entered since the last one differing from its predecessor
            run = x == prev ? run + 1 : 1;
            prev = x;
            if (!Double.isFinite(x)) {
              bad++;
            } else {
              if (lows != null) {
                lows.add(hi);
              }
              if (highs != null) {
                highs.add(hi);
              }
              if (sorted != null) {
                sorted.add(x);
              }
            }
          }
        }
        if (lows != null) {
          lows.dropBefore(s);
        }
        if (highs != null) {
          highs.dropBefore(s);
        }
        boolean enough = m >= minPeriods && m > 0;
        if (enough && bad > 0) {
          if (buf == null) {
            buf = new double[maxWindow];
          }
          scratch(v, nulls, s, e, i, buf, res, counts, resNull);
          continue;
        }
        double sum = 0;
        double var = Double.NaN;
        if (enough && (needSum || needVar)) {
          double ss;
          if (blocks != null && blocks.window(s, e)) {
            sum = blocks.sum();
            ss = blocks.squaredDeviations();
          } else if (rowDone != null && rowDone[i]) {
            sum = rowSum[i];
            ss = needVar ? rowSs[i] : 0;
          } else {
            // rows: the corrected two-pass over the window, as cheap as sliding for short windows
            boolean full = m == e - s;
            sum = 0;
            for (int j = s; j < e; j++) {
              if (full || !nulls[j]) {
                sum += v[j];
              }
            }
            ss = 0;
            if (needVar) {
              double mean = sum / m;
              double dev = 0;
              double comp = 0;
              for (int j = s; j < e; j++) {
                if (full || !nulls[j]) {
                  double d = v[j] - mean;
                  dev += d * d;
                  comp += d;
                }
              }
              ss = dev - comp * comp / m;
            }
          }
          if (needVar && m > ddof) {
            // the last m values entered are equal: exactly 0, no round-off
            boolean constant = run >= m;
            var = constant ? 0.0 : Math.max(0.0, ss / (m - ddof));
          }
        }
        double min = enough && lows != null ? lows.value() : Double.NaN;
        double max = enough && highs != null ? highs.value() : Double.NaN;
        double median = enough && sorted != null ? sorted.quantile(0.5) : Double.NaN;
        for (int f = 0; f < fns.length; f++) {
          double r =
              fns[f] == Fn.COUNT || enough
                  ? value(fns[f], e - s, m, sum, var, min, max, median)
                  : Double.NaN;
          store(f, i, r, res, counts, resNull);
        }
      }
    }

    /**
     * The value of {@code fn} for a window of {@code rows} rows of which {@code m} hold values,
     * given their statistics (those {@code fn} does not use may be anything).
     */
    private double value(
        Fn fn, int rows, int m, double sum, double var, double min, double max, double median) {
      switch (fn) {
        case COUNT:
          return rows >= minPeriods ? m : Double.NaN;
        case SUM:
          return sum;
        case MEAN:
          return sum / m;
        case MIN:
          return min;
        case MAX:
          return max;
        case VAR:
          return var;
        case STD:
          return Math.sqrt(var);
        default:
          return median;
      }
    }

    /** Result {@code r} of function {@code f} for row {@code i}; NaN is a null cell. */
    private void store(
        int f, int i, double r, double[][] res, long[][] counts, boolean[][] resNull) {
      boolean isNull = Double.isNaN(r);
      resNull[f][i] = isNull;
      if (counts[f] != null) {
        counts[f][i] = isNull ? 0 : (long) r;
      } else {
        res[f][i] = isNull ? 0 : r;
      }
    }

    /** Row {@code i} over the window {@code [s, e)} computed directly from its values. */
    private void scratch(
        double[] v,
        boolean[] nulls,
        int s,
        int e,
        int i,
        double[] buf,
        double[][] res,
        long[][] counts,
        boolean[][] resNull) {
      int m = 0;
      for (int j = s; j < e; j++) {
        if (!nulls[j]) {
          buf[m++] = v[j];
        }
      }
      double sum = 0;
      double min = buf[0];
      double max = buf[0];
      for (int j = 0; j < m; j++) {
        sum += buf[j];
        // Math.min/max: a NaN in the window makes the result NaN, as in pandas
        min = Math.min(min, buf[j]);
        max = Math.max(max, buf[j]);
      }
      double var = Stats.variance(buf, m, ddof);
      double median = Double.NaN;
      for (Fn fn : fns) {
        if (fn == Fn.MEDIAN) {
          Arrays.sort(buf, 0, m);
          median = Stats.quantile(buf, 0, m, 0.5);
          break;
        }
      }
      for (int f = 0; f < fns.length; f++) {
        store(f, i, value(fns[f], e - s, m, sum, var, min, max, median), res, counts, resNull);
      }
    }

    /** Window of each row as positions {@code [start, end)} of the input. */
    private void windows(long[] t, int[] start, int[] end) {
      int n = t.length;
      if (byRows) {
        for (int i = 0; i < n; i++) {
          start[i] = Math.max(0, i + lo);
          end[i] = Math.max(start[i], Math.min(n, i + hi + 1));
        }
        return;
      }
      boolean includeLeftEdge = closed == Closed.LEFT || closed == Closed.BOTH;
      boolean includeSelf = closed == Closed.RIGHT || closed == Closed.BOTH;
      int s = 0;
      for (int i = 0; i < n; i++) {
        long edge = t[i] - millis;
        while (s < i && (includeLeftEdge ? t[s] < edge : t[s] <= edge)) {
          s++;
        }
        start[i] = s;
        end[i] = Math.max(s, includeSelf ? i + 1 : i);
      }
    }
  }
}
