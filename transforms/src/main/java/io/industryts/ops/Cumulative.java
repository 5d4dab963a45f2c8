package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;

/**
 * Running aggregates from the start of each series (or of each {@code reset_every} bucket) —
 * SEMANTICS §2.4.2 {@code cumulative}.
 *
 * <pre>{@code
 * input.apply(Cumulative.of(Cumulative.CumFn.CUMSUM, Cumulative.CumFn.CUMMAX).on("energy")
 *     .resetEvery(Duration.standardDays(1)));
 * }</pre>
 *
 * <p>The aggregate of the non-null values from the first row of the series (or of the current
 * epoch-aligned, left-closed {@code reset_every} bucket, shifted by {@code offset}) up to and
 * including the current row. A null cell outputs null and the accumulation continues past it;
 * before the first non-null value the output is null. {@code cumcount} is the 0-based row number in
 * the series (or bucket), counting every row. Example {@code v = 1, ·, 3, −2, 5}: cumsum {@code 1,
 * ·, 4, 2, 7}, cumprod {@code 1, ·, 3, −6, −30}, cummax {@code 1, ·, 3, 3, 5}, cummin {@code 1, ·,
 * 1, −2, −2}, cumcount {@code 0, 1, 2, 3, 4}.
 *
 * <p>Output schema: the input plus {@code {c}_{fn}{suffix}} per column and function (columns order,
 * then functions order), then one {@code cumcount{suffix}} column when asked; all nullable and
 * derived. Types: cumsum and cumprod INT64 for integral input, else DOUBLE; cummax and cummin the
 * input type (DECIMAL as DOUBLE); cumcount INT64.
 *
 * <p>Edges: an all-null column gives nulls; a single row gives its value (cumcount 0). Integral
 * sums and products wrap on overflow, as pandas' int64. Class {@code ordered}: the engine carries a
 * summary of every earlier segment.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): rows are emitted when the watermark passes them; the
 * earlier rows, duration or carry the operation reads are kept per series. On windowed input, a
 * trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for no functions, a {@code reset_every} ≤ 0, a missing, time,
 *     key or non-numeric column, or an output name that already exists
 */
public final class Cumulative extends TimeSeriesTransform<Cumulative> {
  private static final long serialVersionUID = 1L;

  /** Running functions (TOML {@code functions}). */
  public enum CumFn {
    CUMSUM,
    CUMPROD,
    CUMMAX,
    CUMMIN,
    CUMCOUNT
  }

  private final List<CumFn> functions;
  private final List<String> columns;
  private final long resetEvery;
  private final long offset;
  private final String suffix;

  private Cumulative(
      SeriesOptions options,
      List<CumFn> functions,
      List<String> columns,
      long resetEvery,
      long offset,
      String suffix) {
    super(options);
    this.functions = List.copyOf(functions);
    this.columns = List.copyOf(columns);
    this.resetEvery = resetEvery;
    this.offset = offset;
    this.suffix = suffix;
  }

  /** The running {@code functions} of the value columns (see {@link #on}). */
  public static Cumulative of(CumFn... functions) {
    if (functions.length == 0) {
      throw new IllegalArgumentException(
          "Cumulative: functions is required. Got []; expected one or"
              + " more of [cumsum, cumprod, cummax, cummin, cumcount].");
    }
    List<CumFn> fns = new ArrayList<>();
    for (CumFn f : functions) {
      if (fns.contains(f)) {
        throw new IllegalArgumentException(
            "Cumulative: function \"" + Names.lower(f) + "\" is listed twice.");
      }
      fns.add(f);
    }
    return new Cumulative(SeriesOptions.defaults(), fns, List.of(), 0, 0, "");
  }

  /** A copy over {@code columns} (none = value columns). */
  public Cumulative on(String... cols) {
    return new Cumulative(options(), functions, Arrays.asList(cols), resetEvery, offset, suffix);
  }

  /** A copy that restarts at every epoch-aligned bucket of width {@code every}. */
  public Cumulative resetEvery(Duration every) {
    if (every == null || every.getMillis() <= 0) {
      throw new IllegalArgumentException("Cumulative: reset_every must be > 0. Got " + every + ".");
    }
    return new Cumulative(options(), functions, columns, every.getMillis(), offset, suffix);
  }

  /** A copy whose reset buckets are shifted by {@code d} (may be zero or negative). */
  public Cumulative withOffset(Duration d) {
    return new Cumulative(options(), functions, columns, resetEvery, d.getMillis(), suffix);
  }

  /** A copy that appends {@code suffix} to the generated names. */
  public Cumulative withSuffix(String s) {
    return new Cumulative(options(), functions, columns, resetEvery, offset, s == null ? "" : s);
  }

  @Override
  protected Cumulative withOptions(SeriesOptions o) {
    return new Cumulative(o, functions, columns, resetEvery, offset, suffix);
  }

  @Override
  public String typeName() {
    return "cumulative";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    List<String> fns = new ArrayList<>();
    for (CumFn f : functions) {
      fns.add(Names.lower(f));
    }
    p.put("functions", fns);
    p.put("columns", columns);
    if (resetEvery > 0) {
      p.put("reset_every", Names.duration(Duration.millis(resetEvery)));
    }
    if (offset != 0) {
      p.put("offset", Names.duration(Duration.millis(offset)));
    }
    if (!suffix.isEmpty()) {
      p.put("suffix", suffix);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<CumFn> perColumn = new ArrayList<>(functions);
    boolean count = perColumn.remove(CumFn.CUMCOUNT);
    int[] idx = new int[0];
    if (!perColumn.isEmpty()) {
      List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
      idx = OpColumns.resolve("Cumulative", input, cols, true);
    } else if (!columns.isEmpty()) {
      OpColumns.resolve("Cumulative", input, columns, true);
    }
    Schema in = input.schema();
    Schema.Builder sb = OpColumns.copyOf(in);
    List<String> names = new ArrayList<>();
    CumFn[] fns = perColumn.toArray(new CumFn[0]);
    for (int f : idx) {
      FieldType t = in.getField(f).getType();
      for (CumFn fn : fns) {
        String name =
            OutputNames.suffixed(OutputNames.cumulative(in.getField(f).getName(), fn), suffix);
        names.add(name);
        sb.addField(OpColumns.derived(name, outputType(fn, t)));
      }
    }
    if (count) {
      String name = OutputNames.suffixed(OutputNames.CUMCOUNT, suffix);
      names.add(name);
      sb.addField(OpColumns.derived(name, FieldType.INT64));
    }
    OutputNames.checkNoClash("Cumulative", in, names);
    ChunkLayout out = input.withSchema(sb.build());
    boolean[] integral = new boolean[idx.length];
    for (int c = 0; c < idx.length; c++) {
      integral[c] = OpColumns.isIntegral(in.getField(idx[c]).getType());
    }
    return new CumulativeKernel(
        context.stepName(), out, idx, integral, fns, count, resetEvery, offset, in.getFieldCount());
  }

  static FieldType outputType(CumFn fn, FieldType in) {
    switch (fn) {
      case CUMSUM:
      case CUMPROD:
        return OpColumns.isIntegral(in) ? FieldType.INT64 : FieldType.DOUBLE;
      default:
        return OpColumns.selectedType(in);
    }
  }

  /**
   * Running state of the rows of a stretch of the series that lie in its last reset bucket: per
   * column the sum, product, max and min of the non-null values (as long for integral columns),
   * their count, and the stretch's row count in that bucket.
   */
  static final class Acc implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Bucket of the stretch's first and last row (0 without reset_every). */
    long firstBucket;

    long lastBucket;

    /** Whether the whole stretch lies in one bucket. */
    boolean oneBucket;

    long rows;
    final long[] nonNull;
    final double[] dsum;
    final double[] dprod;
    final double[] dmax;
    final double[] dmin;
    final long[] lsum;
    final long[] lprod;
    final long[] lmax;
    final long[] lmin;

    Acc(int columns) {
      nonNull = new long[columns];
      dsum = new double[columns];
      dprod = new double[columns];
      dmax = new double[columns];
      dmin = new double[columns];
      lsum = new long[columns];
      lprod = new long[columns];
      lmax = new long[columns];
      lmin = new long[columns];
      reset();
    }

    /** Forgets the running values (a new bucket starts). */
    void reset() {
      rows = 0;
      Arrays.fill(nonNull, 0);
      Arrays.fill(dsum, 0);
      Arrays.fill(dprod, 1);
      Arrays.fill(lsum, 0);
      Arrays.fill(lprod, 1);
    }

    Acc copy() {
      Acc a = new Acc(nonNull.length);
      a.absorb(this);
      a.firstBucket = firstBucket;
      a.lastBucket = lastBucket;
      a.oneBucket = oneBucket;
      return a;
    }

    void addDouble(int c, double x) {
      if (nonNull[c] == 0) {
        dmax[c] = x;
        dmin[c] = x;
      } else {
        dmax[c] = Math.max(dmax[c], x);
        dmin[c] = Math.min(dmin[c], x);
      }
      dsum[c] += x;
      dprod[c] *= x;
      nonNull[c]++;
    }

    void addLong(int c, long x) {
      if (nonNull[c] == 0) {
        lmax[c] = x;
        lmin[c] = x;
      } else {
        lmax[c] = Math.max(lmax[c], x);
        lmin[c] = Math.min(lmin[c], x);
      }
      lsum[c] += x;
      lprod[c] *= x;
      nonNull[c]++;
    }

    /** Adds {@code later}'s running values after this one's (same bucket). */
    void absorb(Acc later) {
      rows += later.rows;
      for (int c = 0; c < nonNull.length; c++) {
        if (later.nonNull[c] == 0) {
          continue;
        }
        if (nonNull[c] == 0) {
          dmax[c] = later.dmax[c];
          dmin[c] = later.dmin[c];
          lmax[c] = later.lmax[c];
          lmin[c] = later.lmin[c];
        } else {
          dmax[c] = Math.max(dmax[c], later.dmax[c]);
          dmin[c] = Math.min(dmin[c], later.dmin[c]);
          lmax[c] = Math.max(lmax[c], later.lmax[c]);
          lmin[c] = Math.min(lmin[c], later.lmin[c]);
        }
        dsum[c] += later.dsum[c];
        dprod[c] *= later.dprod[c];
        lsum[c] += later.lsum[c];
        lprod[c] *= later.lprod[c];
        nonNull[c] += later.nonNull[c];
      }
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Acc)) {
        return false;
      }
      Acc a = (Acc) o;
      return firstBucket == a.firstBucket
          && lastBucket == a.lastBucket
          && oneBucket == a.oneBucket
          && rows == a.rows
          && Arrays.equals(nonNull, a.nonNull)
          && Arrays.equals(dsum, a.dsum)
          && Arrays.equals(dprod, a.dprod)
          && Arrays.equals(lsum, a.lsum)
          && Arrays.equals(lprod, a.lprod);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(rows) * 31 + Long.hashCode(lastBucket);
    }
  }
}
