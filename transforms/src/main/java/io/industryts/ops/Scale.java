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
 * Standard, min-max, robust or fixed scaling — SEMANTICS §2.5.1 {@code scale}.
 *
 * <pre>{@code
 * input.apply(Scale.standard("temp"));
 * input.apply(Scale.minMax().withRange(-1, 1).withFit(Scale.Fit.GLOBAL));
 * }</pre>
 *
 * <p>{@code standard}: {@code (x − mean)/std(ddof)}, ddof 0 by default (sklearn); {@code minmax}:
 * {@code a + (x − min)/(max − min)·(b − a)}; {@code robust}: {@code (x − median)/(Q_hi − Q_lo)};
 * {@code fixed}: {@code (x − center)/scale}. Statistics use the column's non-null values of the
 * series ({@code fit = series}) or of the whole input ({@code global}). A zero or undefined
 * denominator makes every value of that series null (counter {@code series_degenerate}). Nulls stay
 * null.
 *
 * <p>Output schema: the columns are replaced in place as DOUBLE, or, with a suffix, {@code
 * {c}{suffix}} columns (DOUBLE, derived) are appended. Example: {@code x = 1, 2, 3, 4, ·} gives
 * standard {@code −1.3416, −0.4472, 0.4472, 1.3416, ·} and minmax {@code 0, 1/3, 2/3, 1, ·}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code whole-series} ({@code fixed}: {@code row}). Windowed
 * input (e.g. {@code FixedWindows}): each window is processed on its own (state is per key and
 * window), so the first rows of a window see no rows of the previous one. Unbounded input in the
 * global window, a trigger that fires early or repeatedly, and late panes on unbounded input are
 * rejected when the transform is applied ({@code IllegalArgumentException} naming the fix, see
 * docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a bad range, quantile range, {@code scale = 0}, ddof with a
 *     method other than standard, or a non-numeric, missing, time or key column
 */
public final class Scale extends TimeSeriesTransform<Scale> {
  private static final long serialVersionUID = 1L;

  /** Scaling method (TOML {@code method}). */
  public enum Method {
    STANDARD,
    MINMAX,
    ROBUST,
    FIXED
  }

  /** Where statistics come from (TOML {@code fit}). */
  public enum Fit {
    SERIES,
    GLOBAL
  }

  private final Method method;
  private final List<String> columns;
  private final int ddof;
  private final double a;
  private final double b;
  private final double center;
  private final double scale;
  private final Fit fit;
  private final String suffix;

  private Scale(
      SeriesOptions options,
      Method method,
      List<String> columns,
      int ddof,
      double a,
      double b,
      double center,
      double scale,
      Fit fit,
      String suffix) {
    super(options);
    this.method = method;
    this.columns = List.copyOf(columns);
    this.ddof = ddof;
    this.a = a;
    this.b = b;
    this.center = center;
    this.scale = scale;
    this.fit = fit;
    this.suffix = suffix;
  }

  private static Scale of(
      Method m, double a, double b, double center, double scale, String... columns) {
    return new Scale(
        SeriesOptions.defaults(),
        m,
        Arrays.asList(columns),
        0,
        a,
        b,
        center,
        scale,
        Fit.SERIES,
        "");
  }

  /** {@code (x − mean)/std}, population std (ddof 0) by default. */
  public static Scale standard(String... columns) {
    return of(Method.STANDARD, 0, 1, 0, 1, columns);
  }

  /** Maps {@code [min, max]} onto {@code [0, 1]} (see {@link #withRange}). */
  public static Scale minMax(String... columns) {
    return of(Method.MINMAX, 0, 1, 0, 1, columns);
  }

  /** {@code (x − median)/(Q75 − Q25)} (see {@link #withQuantileRange}). */
  public static Scale robust(String... columns) {
    return of(Method.ROBUST, 25, 75, 0, 1, columns);
  }

  /** {@code (x − center)/scale}, row-local. */
  public static Scale fixed(double center, double scale, String... columns) {
    if (scale == 0 || Double.isNaN(scale)) {
      throw new IllegalArgumentException("Scale: scale must be != 0. Got " + scale + ".");
    }
    return of(Method.FIXED, 0, 1, center, scale, columns);
  }

  /** A copy with the minmax output range {@code [lo, hi]} (TOML {@code feature_range}). */
  public Scale withRange(double lo, double hi) {
    only(Method.MINMAX, "feature_range");
    if (!(lo < hi)) {
      throw new IllegalArgumentException(
          "Scale: feature_range must be [a, b] with a < b. Got [" + lo + ", " + hi + "].");
    }
    return new Scale(options(), method, columns, ddof, lo, hi, center, scale, fit, suffix);
  }

  /** A copy with the robust percentiles (TOML {@code quantile_range}). */
  public Scale withQuantileRange(double lo, double hi) {
    only(Method.ROBUST, "quantile_range");
    if (!(0 <= lo && lo < hi && hi <= 100)) {
      throw new IllegalArgumentException(
          "Scale: quantile_range must satisfy 0 <= lo < hi <= 100."
              + " Got ["
              + lo
              + ", "
              + hi
              + "].");
    }
    return new Scale(options(), method, columns, ddof, lo, hi, center, scale, fit, suffix);
  }

  /** A copy with {@code ddof} for the standard deviation (standard only). */
  public Scale withDdof(int d) {
    only(Method.STANDARD, "ddof");
    if (d < 0) {
      throw new IllegalArgumentException("Scale: ddof must be >= 0. Got " + d + ".");
    }
    return new Scale(options(), method, columns, d, a, b, center, scale, fit, suffix);
  }

  /**
   * A copy fitting its statistics per series ({@code SERIES}, the default) or over all rows ({@code
   * GLOBAL}).
   */
  public Scale withFit(Fit f) {
    return new Scale(options(), method, columns, ddof, a, b, center, scale, f, suffix);
  }

  /** A copy writing {@code {c}{suffix}} columns instead of replacing (empty = in place). */
  public Scale withSuffix(String s) {
    return new Scale(
        options(), method, columns, ddof, a, b, center, scale, fit, s == null ? "" : s);
  }

  private void only(Method m, String key) {
    if (method != m) {
      throw new IllegalArgumentException(
          "Scale: "
              + key
              + " is only valid with method \""
              + Names.lower(m)
              + "\". Got method \""
              + Names.lower(method)
              + "\".");
    }
  }

  /** The scaling method. */
  public Method method() {
    return method;
  }

  @Override
  protected Scale withOptions(SeriesOptions o) {
    return new Scale(o, method, columns, ddof, a, b, center, scale, fit, suffix);
  }

  @Override
  public String typeName() {
    return "scale";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", Names.lower(method));
    p.put("columns", columns);
    p.put("fit", Names.lower(fit));
    if (!suffix.isEmpty()) {
      p.put("suffix", suffix);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Scale", input, cols, true);
    Schema in = input.schema();
    Schema.Builder sb = Schema.builder();
    int[] targets = new int[idx.length];
    if (!OutputNames.addsColumn(suffix)) {
      for (int f = 0; f < in.getFieldCount(); f++) {
        Field field = in.getField(f);
        int pos = FillNull.indexOf(idx, f);
        sb.addField(pos >= 0 ? field.withType(FieldType.DOUBLE.withNullable(true)) : field);
        if (pos >= 0) {
          targets[pos] = f;
        }
      }
    } else {
      List<String> names = new ArrayList<>();
      for (int f : idx) {
        names.add(OutputNames.inPlace(in.getField(f).getName(), suffix));
      }
      OutputNames.checkNoClash("Scale", in, names);
      for (Field f : in.getFields()) {
        sb.addField(f);
      }
      for (int c = 0; c < idx.length; c++) {
        sb.addField(OpColumns.derived(names.get(c), FieldType.DOUBLE));
        targets[c] = in.getFieldCount() + c;
      }
    }
    ChunkLayout out = input.withSchema(sb.build());
    if (method == Method.FIXED) {
      return new ScaleKernel(context.stepName(), out, idx, targets, this);
    }
    return new FittedScale(context.stepName(), out, idx, targets, this);
  }

  /** Applies {@code (x − shift) / div + add}, row-local. */
  static class ScaleKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    final int[] cols;
    final int[] targets;
    final Method method;
    final int ddof;
    final double a;
    final double b;
    final double center;
    final double scale;
    final boolean global;

    ScaleKernel(String step, ChunkLayout out, int[] cols, int[] targets, Scale op) {
      super(step, out, ContextSpec.rowLocal());
      this.cols = cols;
      this.targets = targets;
      this.method = op.method;
      this.ddof = op.ddof;
      this.a = op.a;
      this.b = op.b;
      this.center = op.center;
      this.scale = op.scale;
      this.global = op.fit == Fit.GLOBAL;
    }

    /** {shift, divisor, multiplier, offset} for column {@code c}, or null when degenerate. */
    double[] coefficients(KernelContext ctx, int c) {
      return new double[] {center, scale, 1, 0};
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      boolean degenerate = false;
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        double[] v = OpColumns.doubles(col);
        boolean[] nulls = OpColumns.nulls(col);
        double[] k = coefficients(ctx, c);
        double[] r = new double[n];
        boolean[] rn = new boolean[n];
        if (k == null) {
          degenerate = true;
          Arrays.fill(rn, true);
        } else {
          for (int i = 0; i < n; i++) {
            if (nulls[i]) {
              rn[i] = true;
            } else {
              r[i] = (v[i] - k[0]) / k[1] * k[2] + k[3];
            }
          }
        }
        OpColumns.nullCreatedNans(r, rn, col);
        out[targets[c]] = new DoubleColumn(r, rn);
      }
      if (degenerate && ctx.firstSegment()) {
        ctx.count("series_degenerate", 1);
      }
      return input.withColumns(outputLayout(), out);
    }
  }

  /** standard, minmax, robust: fitted per series or globally. */
  static final class FittedScale extends ScaleKernel implements ColumnStatsKernel {
    @Override
    public String unboundedInputMessage() {
      return "Scale: method \""
          + method.name().toLowerCase(java.util.Locale.ROOT)
          + "\" fits per"
          + " series and needs bounded input. Got an unbounded PCollection; use method \"fixed\".";
    }

    private static final long serialVersionUID = 1L;

    FittedScale(String step, ChunkLayout out, int[] cols, int[] targets, Scale op) {
      super(step, out, cols, targets, op);
    }

    @Override
    public boolean globalFit() {
      return global;
    }

    @Override
    public int[] statsColumns() {

      return cols;
    }

    @Override
    public boolean keepsValues() {

      return method == Method.ROBUST;
    }

    @Override
    double[] coefficients(KernelContext ctx, int c) {
      ColumnStats s = ctx.stats(this);
      Stats.Moments m = s.moments[c];
      if (m.n == 0) {
        return null;
      }
      switch (method) {
        case STANDARD:
          {
            double sd = m.std(ddof);
            return sd > 0 ? new double[] {m.mean, sd, 1, 0} : null;
          }
        case MINMAX:
          return m.max > m.min ? new double[] {m.min, m.max - m.min, b - a, a} : null;
        default:
          {
            double[] sorted = s.sorted(c);
            double med = Stats.quantile(sorted, 0.5);
            double iqr = Stats.quantile(sorted, b / 100) - Stats.quantile(sorted, a / 100);
            return iqr > 0 ? new double[] {med, iqr, 1, 0} : null;
          }
      }
    }
  }
}
