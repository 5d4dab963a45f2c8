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
 * Logarithms of numeric columns — SEMANTICS §2.5.3 {@code log}.
 *
 * <pre>{@code
 * input.apply(Log.natural("flow"));
 * input.apply(Log.log1p("flow").withSuffix("_log1p").onInvalid(Invalid.ERROR));
 * }</pre>
 *
 * <p>{@code log} (natural) and {@code log10} are defined for {@code x > 0}, {@code log1p} ({@code
 * ln(1 + x)}) for {@code x > −1}; {@code +inf} maps to {@code +inf}. Example {@code −1, 0, 0.5, 9,
 * 99}: log {@code ·, ·, −0.6931, 2.1972, 4.5951}; log1p {@code ·, 0, 0.4055, 2.3026, 4.6052}.
 *
 * <p>Output schema: the columns are replaced in place as DOUBLE, or, with a suffix, {@code
 * {c}{suffix}} columns (DOUBLE, derived) are appended.
 *
 * <p>Edges: nulls stay null. An out-of-domain value becomes null (counter {@code invalid_input}),
 * or with {@link Invalid#ERROR} its whole row goes to the errors output (reason {@code log_domain})
 * and leaves the output. Class {@code row}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a missing, time, key or non-numeric column, or an output
 *     name that already exists
 */
public final class Log extends TimeSeriesTransform<Log> {
  private static final long serialVersionUID = 1L;

  /** Which logarithm (TOML {@code method}). */
  public enum Method {
    LOG,
    LOG1P,
    LOG10
  }

  private final Method method;
  private final List<String> columns;
  private final Invalid invalid;
  private final String suffix;

  private Log(
      SeriesOptions options, Method method, List<String> columns, Invalid invalid, String suffix) {
    super(options);
    this.method = method;
    this.columns = List.copyOf(columns);
    this.invalid = invalid;
    this.suffix = suffix;
  }

  /** {@code ln x} of {@code columns} (none = value columns). */
  public static Log natural(String... columns) {
    return of(Method.LOG, columns);
  }

  /** {@code ln(1 + x)}. */
  public static Log log1p(String... columns) {
    return of(Method.LOG1P, columns);
  }

  /** {@code log10 x}. */
  public static Log log10(String... columns) {
    return of(Method.LOG10, columns);
  }

  /** The logarithm {@code method} of {@code columns}. */
  public static Log of(Method method, String... columns) {
    return new Log(SeriesOptions.defaults(), method, Arrays.asList(columns), Invalid.NULL, "");
  }

  /** A copy that treats out-of-domain values as {@code invalid} says. */
  public Log onInvalid(Invalid i) {
    return new Log(options(), method, columns, i, suffix);
  }

  /** A copy writing {@code {c}{suffix}} columns instead of replacing (empty = in place). */
  public Log withSuffix(String s) {
    return new Log(options(), method, columns, invalid, s == null ? "" : s);
  }

  @Override
  protected Log withOptions(SeriesOptions o) {
    return new Log(o, method, columns, invalid, suffix);
  }

  @Override
  public String typeName() {
    return "log";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("method", Names.lower(method));
    p.put("columns", columns);
    p.put("invalid", Names.lower(invalid));
    if (!suffix.isEmpty()) {
      p.put("suffix", suffix);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("Log", input, cols, true);
    DoubleOutputs out = DoubleOutputs.plan("Log", input, idx, suffix, null);
    return new LogKernel(context.stepName(), out, idx, method, invalid);
  }

  /** Applies the logarithm; drops rows with out-of-domain values in {@code error} mode. */
  static final class LogKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final int[] targets;
    private final Method method;
    private final boolean toErrors;

    LogKernel(String step, DoubleOutputs out, int[] cols, Method method, Invalid invalid) {
      super(
          step,
          out.layout,
          invalid == Invalid.ERROR
              ? ContextSpec.segmentLocal().withRowErrors()
              : ContextSpec.rowLocal());
      this.cols = cols;
      this.targets = out.targets;
      this.method = method;
      this.toErrors = invalid == Invalid.ERROR;
    }

    private boolean outside(double x) {
      // NaN (kept with nan_as_null = false) is not out of domain: it propagates
      return method == Method.LOG1P ? x <= -1 : x <= 0;
    }

    private double log(double x) {
      switch (method) {
        case LOG1P:
          return Math.log1p(x);
        case LOG10:
          return Math.log10(x);
        default:
          return Math.log(x);
      }
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      boolean[] bad = toErrors ? new boolean[n] : null;
      long invalid = 0;
      for (int c = 0; c < cols.length; c++) {
        Column col = input.column(cols[c]);
        double[] v = OpColumns.doubles(col);
        boolean[] nulls = OpColumns.nulls(col);
        double[] r = new double[n];
        boolean[] rn = new boolean[n];
        for (int i = 0; i < n; i++) {
          if (nulls[i]) {
            rn[i] = true;
          } else if (outside(v[i])) {
            rn[i] = true;
            if (!toErrors) {
              invalid++;
            } else if (!bad[i]) {
              bad[i] = true;
              String field = input.schema().getField(cols[c]).getName();
              ctx.rowError(
                  input,
                  i,
                  "log_domain",
                  field,
                  "Log: \""
                      + field
                      + "\" = "
                      + v[i]
                      + " is outside the domain of "
                      + Names.lower(method)
                      + " ("
                      + (method == Method.LOG1P ? "x > -1" : "x > 0")
                      + "). Set invalid = \"null\" to write null instead.");
            }
          } else {
            r[i] = log(v[i]);
          }
        }
        out[targets[c]] = new DoubleColumn(r, rn);
      }
      if (invalid > 0) {
        ctx.count("invalid_input", invalid);
      }
      Chunk result = input.withColumns(outputLayout(), out);
      return toErrors ? Rows.without(result, bad) : result;
    }
  }
}
