package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
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
import org.joda.time.Duration;

/**
 * Fills nulls from the neighbouring observations in time — SEMANTICS §2.1.2 {@code interpolate}.
 *
 * <pre>{@code
 * input.apply(Interpolate.linear("temp").withMaxGap(Duration.standardHours(4)));
 * input.apply(Interpolate.nearest().withEdges(Interpolate.Edges.BOTH).withFlag());
 * }</pre>
 *
 * <p>For each null run of a column, with {@code p} the last observation before it and {@code n} the
 * first after it (§1.12, anywhere in the series): {@code linear} gives {@code (v_n − v_p) / (t_n −
 * t_p) · (t − t_p) + v_p} with times in ms (pandas {@code method="time"}; {@code v_p} when {@code
 * t_n = t_p}); {@code nearest} gives {@code v_p} if {@code t − t_p ≤ t_n − t}, else {@code v_n}.
 * Edge runs are never extrapolated: {@link Edges#NULL} leaves them null, {@link Edges#FORWARD}
 * fills trailing runs with the last observation, {@link Edges#BOTH} also leading runs with the
 * first. {@link #withMaxGap} leaves a whole run null when its span exceeds the gap (§1.12).
 *
 * <p>Output schema: the interpolated columns keep their position and become DOUBLE (nullable);
 * {@link #withFlag} appends {@code {c}_is_filled} (BOOLEAN, never null, derived). Non-null cells,
 * row count and order never change. Counter {@code values_filled}. Example (hourly, {@code 01:00
 * 10, 03:00 ·, 04:00 16, 08:00 ·, 09:00 20}): linear fills 14 and 19.2; with {@code max_gap = 4h}
 * the 08:00 run (span 5 h) stays null.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): a row is emitted once the next observation of every
 * interpolated column has arrived; a gap still open at the end of the stream is filled as the
 * bounded run fills it. On windowed input, a trigger that fires early or repeatedly, and late panes
 * on unbounded input are rejected when the transform is applied ({@code IllegalArgumentException}
 * naming the fix, see docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a max_gap ≤ 0, or (when applied) a missing, time, key or
 *     non-numeric column
 */
public final class Interpolate extends TimeSeriesTransform<Interpolate> {
  private static final long serialVersionUID = 1L;

  /** How a null inside the observed range is computed (TOML {@code method}). */
  public enum Method {
    /** Linear in time (alias {@code time}). */
    LINEAR,
    /** The nearest observation in time; an exact tie takes the earlier one. */
    NEAREST
  }

  /** Which edge runs are filled with a constant (TOML {@code edges}). */
  public enum Edges {
    /** Leading and trailing runs stay null. */
    NULL,
    /** Trailing runs take the last observation (pandas' default). */
    FORWARD,
    /** Leading runs take the first observation, trailing runs the last. */
    BOTH
  }

  private final Method method;
  private final List<String> columns;
  private final Duration maxGap;
  private final Edges edges;
  private final boolean flag;

  private Interpolate(
      SeriesOptions options,
      Method method,
      List<String> columns,
      Duration maxGap,
      Edges edges,
      boolean flag) {
    super(options);
    this.method = method;
    this.columns = List.copyOf(columns);
    this.maxGap = maxGap;
    this.edges = edges;
    this.flag = flag;
  }

  /** Linear in time over {@code columns} (default: value columns). */
  public static Interpolate linear(String... columns) {
    return new Interpolate(
        SeriesOptions.defaults(), Method.LINEAR, Arrays.asList(columns), null, Edges.NULL, false);
  }

  /** Nearest observation in time over {@code columns} (default: value columns). */
  public static Interpolate nearest(String... columns) {
    return new Interpolate(
        SeriesOptions.defaults(), Method.NEAREST, Arrays.asList(columns), null, Edges.NULL, false);
  }

  /** A copy that leaves whole runs null when their span exceeds {@code gap} (§1.12). */
  public Interpolate withMaxGap(Duration gap) {
    if (gap == null || gap.getMillis() <= 0) {
      throw new IllegalArgumentException("Interpolate: max_gap must be > 0. Got " + gap + ".");
    }
    return new Interpolate(options(), method, columns, gap, edges, flag);
  }

  /** A copy that fills edge runs as {@code e} says. */
  public Interpolate withEdges(Edges e) {
    return new Interpolate(options(), method, columns, maxGap, e, flag);
  }

  /** A copy that adds {@code {c}_is_filled} flags. */
  public Interpolate withFlag() {
    return withFlag(true);
  }

  /** A copy that adds (or not) a never-null BOOLEAN {@code {c}_is_filled} per column. */
  public Interpolate withFlag(boolean on) {
    return new Interpolate(options(), method, columns, maxGap, edges, on);
  }

  /** The interpolation method. */
  public Method method() {
    return method;
  }

  /** The columns interpolated; empty = the value columns. */
  public List<String> columns() {
    return columns;
  }

  @Override
  protected Interpolate withOptions(SeriesOptions o) {
    return new Interpolate(o, method, columns, maxGap, edges, flag);
  }

  @Override
  public String typeName() {
    return "interpolate";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", Names.lower(method));
    p.put("columns", columns);
    if (maxGap != null) {
      p.put("max_gap", Names.duration(maxGap));
    }
    p.put("edges", Names.lower(edges));
    if (flag) {
      p.put("flag", true);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Interpolate", input, cols, true);
    Schema in = input.schema();
    Schema.Builder b = Schema.builder();
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      // interpolation only fills nulls: a NOT NULL column stays NOT NULL
      b.addField(
          FillNull.indexOf(idx, f) < 0
              ? field
              : field.withType(FieldType.DOUBLE.withNullable(field.getType().getNullable())));
    }
    if (flag) {
      List<String> flags = new ArrayList<>();
      for (int f : idx) {
        flags.add(OutputNames.isFilled(in.getField(f).getName()));
      }
      OutputNames.checkNoClash("Interpolate", in, flags);
      for (String n : flags) {
        b.addField(OpColumns.derivedFlag(n));
      }
    }
    return new InterpolateKernel(
        context.stepName(),
        input.withSchema(b.build()),
        idx,
        method,
        edges,
        maxGap == null ? -1 : maxGap.getMillis(),
        flag);
  }

  /**
   * Interpolation of one segment: the last observation before it comes with the earlier carry, the
   * first after it with the later carry, so runs spanning any number of segments are exact.
   */
  static final class InterpolateKernel extends BaseKernel
      implements BidirectionalCarryKernel<SampleEnds> {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final Method method;
    private final Edges edges;
    private final long maxGap;
    private final boolean flag;

    InterpolateKernel(
        String step,
        ChunkLayout out,
        int[] cols,
        Method method,
        Edges edges,
        long maxGap,
        boolean flag) {
      super(step, out, ContextSpec.rowLocal().withSeriesInfo());
      this.cols = cols;
      this.method = method;
      this.edges = edges;
      this.maxGap = maxGap;
      this.flag = flag;
    }

    @Override
    public SampleEnds summarize(Chunk segment) {
      return SampleEnds.of(segment, cols, false);
    }

    /** Streaming: rows are final once every column has a sample after them. */
    @Override
    public boolean settles(SampleEnds later) {
      return SampleEnds.complete(later);
    }

    @Override
    public SampleEnds combine(SampleEnds earlier, SampleEnds later) {
      return SampleEnds.combine(earlier, later);
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      long[] t = input.times();
      SampleEnds before = ctx.carry(this);
      SampleEnds after = ctx.carryAfter(this);
      int inFields = input.columns().length;
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      long filled = 0;
      long[] nextT = new long[n];
      double[] nextV = new double[n];
      boolean[] hasNext = new boolean[n];
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        boolean[] nulls = OpColumns.nulls(col);
        double[] v = OpColumns.doubles(col);
        double[] o = new double[n];
        boolean[] oNulls = new boolean[n];
        boolean[] isFilled = new boolean[n];
        // next observation of every row, scanning backward from the later carry
        boolean hn = after != null && after.has[c];
        long nt = hn ? after.firstTime[c] : 0;
        double nv = hn ? after.firstValue[c] : 0;
        for (int i = n - 1; i >= 0; i--) {
          if (!nulls[i]) {
            hn = true;
            nt = t[i];
            nv = v[i];
          }
          hasNext[i] = hn;
          nextT[i] = nt;
          nextV[i] = nv;
        }
        boolean hp = before != null && before.has[c];
        long pt = hp ? before.lastTime[c] : 0;
        double pv = hp ? before.lastValue[c] : 0;
        for (int i = 0; i < n; i++) {
          if (!nulls[i]) {
            o[i] = v[i];
            hp = true;
            pt = t[i];
            pv = v[i];
            continue;
          }
          boolean ok;
          double x = 0;
          long span;
          if (hp && hasNext[i]) {
            ok = true;
            span = nextT[i] - pt;
            x =
                method == Method.LINEAR
                    ? linear(pt, pv, nextT[i], nextV[i], t[i])
                    : (t[i] - pt <= nextT[i] - t[i] ? pv : nextV[i]);
          } else if (hp) {
            ok = edges != Edges.NULL;
            span = ctx.seriesLastTime() - pt;
            x = pv;
          } else if (hasNext[i]) {
            ok = edges == Edges.BOTH;
            span = nextT[i] - ctx.seriesFirstTime();
            x = nextV[i];
          } else {
            ok = false;
            span = 0;
          }
          if (ok && maxGap >= 0 && span > maxGap) {
            ok = false;
          }
          if (ok) {
            o[i] = x;
            isFilled[i] = true;
            filled++;
          } else {
            oNulls[i] = true;
          }
        }
        out[cols[c]] = new DoubleColumn(o, oNulls);
        if (flag) {
          out[inFields + c] = BooleanColumn.of(isFilled);
        }
      }
      ctx.count("values_filled", filled);
      return input.withColumns(outputLayout(), out);
    }

    /** SEMANTICS §2.1.2: linear in time; the earlier value when both times are equal. */
    static double linear(long tp, double vp, long tn, double vn, long t) {
      if (tn == tp) {
        return vp;
      }
      return (vn - vp) / (double) (tn - tp) * (double) (t - tp) + vp;
    }
  }
}
