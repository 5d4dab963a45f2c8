package io.industryts.ops;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divides each value by the column's maximum absolute value — SEMANTICS §2.5.2 {@code normalize}
 * (sklearn {@code MaxAbsScaler}).
 *
 * <pre>{@code
 * input.apply(Normalize.maxAbs("temp"));
 * input.apply(Normalize.maxAbs().withFit(Normalize.Fit.GLOBAL).withSuffix("_norm"));
 * }</pre>
 *
 * <p>{@code x / max|x|}, the maximum over the column's non-null values of the series ({@code fit =
 * series}) or of the whole input ({@code global}), so results lie in {@code [−1, 1]}. Example:
 * {@code −2, 1, 4, ·} gives {@code −0.5, 0.25, 1, ·}.
 *
 * <p>Output schema: the columns are replaced in place as DOUBLE, or, with a suffix, {@code
 * {c}{suffix}} columns (DOUBLE, derived) are appended.
 *
 * <p>Edges: nulls stay null; a series whose maximum is 0 or that has no value gets null everywhere
 * (counter {@code series_degenerate}); a single-row series with a non-zero value gives ±1, as
 * pandas. Needs bounded input (class {@code whole-series}).
 *
 * <p>Execution class (SEMANTICS §1.14): {@code whole-series}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window, a trigger
 * that fires early or repeatedly, and late panes on unbounded input are rejected when the transform
 * is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md); whole-series
 * operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a missing, time, key or non-numeric column, an output name
 *     that exists, or an unbounded input
 */
public final class Normalize extends TimeSeriesTransform<Normalize> {
  private static final long serialVersionUID = 1L;

  /** Where the maximum comes from (TOML {@code fit}). */
  public enum Fit {
    SERIES,
    GLOBAL
  }

  private final List<String> columns;
  private final Fit fit;
  private final String suffix;

  private Normalize(SeriesOptions options, List<String> columns, Fit fit, String suffix) {
    super(options);
    this.columns = List.copyOf(columns);
    this.fit = fit;
    this.suffix = suffix;
  }

  /** Max-abs scaling of {@code columns} (none = value columns). */
  public static Normalize maxAbs(String... columns) {
    return new Normalize(SeriesOptions.defaults(), Arrays.asList(columns), Fit.SERIES, "");
  }

  /**
   * A copy fitting {@code max|x|} per series ({@code SERIES}, the default) or over all rows ({@code
   * GLOBAL}).
   */
  public Normalize withFit(Fit f) {
    return new Normalize(options(), columns, f, suffix);
  }

  /** A copy writing {@code {c}{suffix}} columns instead of replacing (empty = in place). */
  public Normalize withSuffix(String s) {
    return new Normalize(options(), columns, fit, s == null ? "" : s);
  }

  @Override
  protected Normalize withOptions(SeriesOptions o) {
    return new Normalize(o, columns, fit, suffix);
  }

  @Override
  public String typeName() {
    return "normalize";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
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
    int[] idx = OpColumns.resolve("Normalize", input, cols, true);
    DoubleOutputs out = DoubleOutputs.plan("Normalize", input, idx, suffix, null);
    return new NormalizeKernel(context.stepName(), out, idx, fit == Fit.GLOBAL);
  }

  /** {@code x / max|x|} with the maximum from the fitted statistics. */
  static final class NormalizeKernel extends BaseKernel implements ColumnStatsKernel {
    @Override
    public String unboundedInputMessage() {
      return "Normalize: fits per series and needs bounded input. Got an unbounded PCollection; use"
          + " scale with method \"fixed\".";
    }

    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final int[] targets;
    private final boolean global;

    NormalizeKernel(String step, DoubleOutputs out, int[] cols, boolean global) {
      super(step, out.layout, ContextSpec.rowLocal());
      this.cols = cols;
      this.targets = out.targets;
      this.global = global;
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

      return false;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      ColumnStats s = ctx.stats(this);
      int n = input.size();
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      boolean degenerate = false;
      for (int c = 0; c < cols.length; c++) {
        Stats.Moments m = s.moments[c];
        double maxAbs = m.n == 0 ? 0 : Math.max(Math.abs(m.min), Math.abs(m.max));
        Column col = input.column(cols[c]);
        double[] v = OpColumns.doubles(col);
        boolean[] nulls = OpColumns.nulls(col);
        double[] r = new double[n];
        boolean[] rn = new boolean[n];
        if (!(maxAbs > 0)) {
          degenerate = true;
          Arrays.fill(rn, true);
        } else {
          for (int i = 0; i < n; i++) {
            if (nulls[i]) {
              rn[i] = true;
            } else {
              r[i] = v[i] / maxAbs;
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
}
