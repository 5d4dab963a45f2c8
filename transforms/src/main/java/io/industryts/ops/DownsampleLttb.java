package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the rows that keep a column's visual shape, for plots and dashboards — SEMANTICS §2.8.5
 * {@code downsample_lttb} (Largest-Triangle-Three-Buckets).
 *
 * <pre>{@code
 * PCollection<Row> forPlot = input.apply(DownsampleLttb.to(2000).on("flow").keyedBy("tag"));
 * }</pre>
 *
 * <p>Per series, of the {@code n} rows whose {@code column} is not null: all when {@code n ≤
 * points}, else the first, the last, and from each of {@code points − 2} buckets the row whose
 * triangle with the previously kept row and the mean of the next bucket is largest (ties: the
 * earliest row); the selection is {@link Lttb#select}. Rows whose column is null (or NaN with
 * {@code nan_as_null = false}) are dropped too. Kept rows are unchanged (all columns) and keep
 * their order; the output schema equals the input schema. Counter {@code rows_dropped}. Example:
 * {@code v = 0, 5, 1, 1, 0} at 00:00 … 04:00 with {@code points = 3} keeps 00:00, 01:00 (the spike)
 * and 04:00.
 *
 * <p>Class {@code whole-series}: the selection depends on every row of the series, so the kernel
 * gathers the series' times and values (16 bytes a row) as its statistics and each segment keeps
 * its own share of the selection. Needs bounded input.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code whole-series}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window, a trigger
 * that fires early or repeatedly, and late panes on unbounded input are rejected when the transform
 * is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md); whole-series
 * operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for {@code points < 3} (at construction), or (when applied) a
 *     missing, time, key or non-numeric column, or an unbounded input
 */
public final class DownsampleLttb extends TimeSeriesTransform<DownsampleLttb> {
  private static final long serialVersionUID = 1L;

  private final int points;
  private final String column;

  private DownsampleLttb(SeriesOptions options, int points, String column) {
    super(options);
    this.points = points;
    this.column = column;
  }

  /** Keeps {@code points} rows per series; {@code DownsampleLttb.to(2000).on("x")}. */
  public static Stage to(int points) {
    if (points < 3) {
      throw new IllegalArgumentException(
          "DownsampleLttb: points must be >= 3. Got " + points + ".");
    }
    return new Stage(points);
  }

  /** The number of rows to keep, waiting for the column whose shape is kept. */
  public static final class Stage {
    private final int points;

    private Stage(int points) {
      this.points = points;
    }

    /** Downsamples by the shape of {@code column} (numeric). */
    public DownsampleLttb on(String column) {
      Objects.requireNonNull(column, "DownsampleLttb: column must not be null.");
      return new DownsampleLttb(SeriesOptions.defaults(), points, column);
    }
  }

  /** The number of rows kept per series (at most; all rows when a series has fewer). */
  public int points() {
    return points;
  }

  /** The numeric column whose shape the kept rows preserve. */
  public String column() {
    return column;
  }

  @Override
  protected DownsampleLttb withOptions(SeriesOptions o) {
    return new DownsampleLttb(o, points, column);
  }

  @Override
  public String typeName() {
    return "downsample_lttb";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("column", column);
    p.put("points", points);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    int[] idx = OpColumns.resolve("DownsampleLttb", input, List.of(column), true);
    return new LttbKernel(context.stepName(), input, idx[0], points);
  }

  /** The non-null (time, value) pairs of one segment, in series order. */
  static final class Piece implements Serializable {
    private static final long serialVersionUID = 1L;
    final long firstTime;
    final long firstSeq;
    final long[] times;
    final double[] values;

    Piece(long firstTime, long firstSeq, long[] times, double[] values) {
      this.firstTime = firstTime;
      this.firstSeq = firstSeq;
      this.times = times;
      this.values = values;
    }

    /** Whether this piece comes before a segment whose first observed row is (time, seq). */
    boolean before(long time, long seq) {
      return firstTime < time || firstTime == time && firstSeq < seq;
    }
  }

  /**
   * Every observed (time, value) of a series, as pieces in any order, plus the selection computed
   * once from them (per JVM copy; the selection is a pure function of the pieces).
   */
  static final class Observed implements Serializable {
    private static final long serialVersionUID = 1L;
    final List<Piece> pieces = new ArrayList<>();
    private transient boolean[] selected;

    /** Whether each observed row of the series, in series order, is kept. */
    synchronized boolean[] selection(int points) {
      if (selected == null) {
        pieces.sort(
            Comparator.<Piece>comparingLong(p -> p.firstTime).thenComparingLong(p -> p.firstSeq));
        int n = 0;
        for (Piece p : pieces) {
          n += p.times.length;
        }
        long[] x = new long[n];
        double[] y = new double[n];
        int at = 0;
        for (Piece p : pieces) {
          System.arraycopy(p.times, 0, x, at, p.times.length);
          System.arraycopy(p.values, 0, y, at, p.values.length);
          at += p.times.length;
        }
        selected = new boolean[n];
        for (int i : Lttb.select(x, y, n, points)) {
          selected[i] = true;
        }
      }
      return selected;
    }

    /** Observed rows of the series before a segment whose first observed row is (time, seq). */
    synchronized int offsetOf(long time, long seq) {
      int offset = 0;
      for (Piece p : pieces) {
        if (p.before(time, seq)) {
          offset += p.times.length;
        }
      }
      return offset;
    }
  }

  /** Gathers the series' observed rows as statistics; each segment keeps its selected rows. */
  static final class LttbKernel extends BaseKernel implements StatsKernel<Observed> {
    private static final long serialVersionUID = 1L;
    private final int col;
    private final int points;

    LttbKernel(String step, ChunkLayout layout, int col, int points) {
      super(step, layout, ContextSpec.segmentLocal());
      this.col = col;
      this.points = points;
    }

    @Override
    public String unboundedInputMessage() {
      return "DownsampleLttb: selects rows from the whole series and needs bounded input. Got an "
          + "unbounded PCollection; downsample each window with resample instead.";
    }

    @Override
    public Observed createAccumulator() {
      return new Observed();
    }

    @Override
    public Observed addSegment(Observed acc, Chunk segment) {
      int[] rows = observedRows(segment);
      if (rows.length > 0) {
        double[] v = OpColumns.doubles(segment.column(col));
        long[] t = segment.times();
        long[] times = new long[rows.length];
        double[] values = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
          times[k] = t[rows[k]];
          values[k] = v[rows[k]];
        }
        acc.pieces.add(new Piece(times[0], segment.seqs()[rows[0]], times, values));
      }
      return acc;
    }

    @Override
    public Observed merge(Observed a, Observed b) {
      a.pieces.addAll(b.pieces);
      return a;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int[] rows = observedRows(input);
      if (rows.length == 0) {
        ctx.count("rows_dropped", input.size());
        return input.take(rows, 0);
      }
      Observed all = ctx.stats(this);
      boolean[] selected = all.selection(points);
      int offset = all.offsetOf(input.times()[rows[0]], input.seqs()[rows[0]]);
      int[] keep = new int[rows.length];
      int m = 0;
      for (int k = 0; k < rows.length; k++) {
        if (selected[offset + k]) {
          keep[m++] = rows[k];
        }
      }
      ctx.count("rows_dropped", input.size() - m);
      return m == input.size() ? input : input.take(keep, m);
    }

    /** Positions of the rows whose column holds a number (not null, not NaN). */
    private int[] observedRows(Chunk segment) {
      Column c = segment.column(col);
      double[] v = OpColumns.doubles(c);
      boolean[] nulls = OpColumns.nulls(c);
      int[] rows = new int[segment.size()];
      int m = 0;
      for (int i = 0; i < rows.length; i++) {
        if (!nulls[i] && !Double.isNaN(v[i])) {
          rows[m++] = i;
        }
      }
      return Arrays.copyOf(rows, m);
    }
  }
}
