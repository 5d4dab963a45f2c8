package io.industryts.ops;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Bounds values — SEMANTICS §2.1.6 {@code clip}.
 *
 * <pre>{@code
 * input.apply(Clip.between(0.0, 100.0, "level"));
 * input.apply(Clip.atLeast(0.0));        // every value column
 * }</pre>
 *
 * <p>{@code v < lower → lower}, {@code v > upper → upper}; nulls stay null (and NaN, which is
 * neither below nor above a bound, stays NaN). Row-local: row count, order and element timestamps
 * never change. Output schema: the clipped columns keep their position; an integral column stays
 * integral when every given bound is integral, otherwise it (and DECIMAL) becomes DOUBLE. Counter
 * {@code values_clipped}. Example: {@code [-5, 3, ·, 120]} between 0 and 100 gives {@code [0, 3, ·,
 * 100]}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for no bound, {@code lower > upper}, or (when applied) a
 *     missing, time, key or non-numeric column
 */
public final class Clip extends TimeSeriesTransform<Clip> {
  private static final long serialVersionUID = 1L;

  private final Double lower;
  private final Double upper;
  private final List<String> columns;

  private Clip(SeriesOptions options, Double lower, Double upper, List<String> columns) {
    super(options);
    if (lower == null && upper == null) {
      throw new IllegalArgumentException("Clip: needs lower or upper.");
    }
    if (lower != null && upper != null && lower > upper) {
      throw new IllegalArgumentException("Clip: lower (" + lower + ") > upper (" + upper + ").");
    }
    this.lower = lower;
    this.upper = upper;
    this.columns = List.copyOf(columns);
  }

  /**
   * Bounds {@code columns} (default: value columns) to {@code [lower, upper]}; either may be null.
   */
  public static Clip between(Double lower, Double upper, String... columns) {
    return new Clip(SeriesOptions.defaults(), lower, upper, Arrays.asList(columns));
  }

  /** Raises values below {@code lower} to it. */
  public static Clip atLeast(double lower, String... columns) {
    return between(lower, null, columns);
  }

  /** Lowers values above {@code upper} to it. */
  public static Clip atMost(double upper, String... columns) {
    return between(null, upper, columns);
  }

  /** The lower bound, or {@code null} when unbounded below. */
  public Double lower() {
    return lower;
  }

  /** The upper bound, or {@code null} when unbounded above. */
  public Double upper() {
    return upper;
  }

  @Override
  protected Clip withOptions(SeriesOptions o) {
    return new Clip(o, lower, upper, columns);
  }

  @Override
  public String typeName() {
    return "clip";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("lower", lower);
    p.put("upper", upper);
    p.put("columns", columns);
    return p;
  }

  private static boolean integral(Double b) {
    return b == null || (b == Math.rint(b) && !b.isInfinite());
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Clip", input, cols, true);
    Schema in = input.schema();
    boolean keepIntegral = integral(lower) && integral(upper);
    Schema.Builder b = Schema.builder();
    boolean[] asLong = new boolean[idx.length];
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      int pos = FillNull.indexOf(idx, f);
      if (pos < 0) {
        b.addField(field);
        continue;
      }
      FieldType t =
          keepIntegral && OpColumns.isIntegral(field.getType())
              ? field.getType()
              : FieldType.DOUBLE;
      asLong[pos] = OpColumns.isIntegral(t);
      // clipping never creates a null: a NOT NULL column stays NOT NULL
      b.addField(field.withType(t.withNullable(field.getType().getNullable())));
    }
    return new ClipKernel(
        context.stepName(),
        input.withSchema(b.build()),
        idx,
        asLong,
        lower == null ? Double.NEGATIVE_INFINITY : lower,
        upper == null ? Double.POSITIVE_INFINITY : upper);
  }

  /** Row-local clipping. */
  static final class ClipKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final boolean[] asLong;
    private final double lo;
    private final double hi;

    ClipKernel(String step, ChunkLayout out, int[] cols, boolean[] asLong, double lo, double hi) {
      super(step, out, ContextSpec.rowLocal());
      this.cols = cols;
      this.asLong = asLong;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      Column[] out = input.columnsCopy();
      long clipped = 0;
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        boolean[] nulls = OpColumns.nulls(col);
        if (asLong[c] && col instanceof LongColumn) {
          long[] v = ((LongColumn) col).values();
          long[] o = new long[n];
          for (int i = 0; i < n; i++) {
            o[i] = v[i];
            if (!nulls[i] && (v[i] < lo || v[i] > hi)) {
              o[i] = v[i] < lo ? (long) lo : (long) hi;
              clipped++;
            }
          }
          out[cols[c]] = new LongColumn(o, nulls.clone());
          continue;
        }
        double[] v = OpColumns.doubles(col);
        double[] o = new double[n];
        for (int i = 0; i < n; i++) {
          o[i] = v[i];
          if (!nulls[i] && (v[i] < lo || v[i] > hi)) {
            o[i] = v[i] < lo ? lo : hi;
            clipped++;
          }
        }
        out[cols[c]] = new DoubleColumn(o, nulls.clone());
      }
      ctx.count("values_clipped", clipped);
      return input.withColumns(outputLayout(), out);
    }
  }
}
