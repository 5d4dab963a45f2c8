package io.industryts.ops;

import io.industryts.PlanContext;
import io.industryts.SeriesOptions;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Kernel;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Box-Cox power transform with a fixed λ or λ estimated per series by maximum likelihood —
 * SEMANTICS §2.5.4 {@code box_cox}.
 *
 * <pre>{@code
 * input.apply(BoxCox.mle("flow").emitLambda());
 * input.apply(BoxCox.withLambda(0.5, "flow").onInvalid(Invalid.ERROR));
 * }</pre>
 *
 * <p>{@code y = expm1(λ·ln x)/λ} ({@code = (x^λ − 1)/λ}), {@code ln x} when {@code |λ| < 1e-19}
 * (scipy {@code special.boxcox}). Estimated λ (scipy {@code stats.boxcox}) maximizes {@code (λ −
 * 1)·Σ ln x − (n/2)·ln σ²(λ)} over the series' valid values ({@code x > 0}), with Brent's method
 * from the bracket {@code (−2, 2)} to {@code |Δλ| ≤ 1e-10}. Examples: fixed {@code λ = 0.5} maps
 * {@code 1, 4, 9, ·, −1} to {@code 0, 2, 4, ·, ·}; on {@code 1, 2, 3, 5, 8, 13} the estimate is
 * {@code λ̂ = 0.0835}.
 *
 * <p>Output schema: the columns are replaced in place as DOUBLE, or, with a suffix, {@code
 * {c}{suffix}} columns (DOUBLE, derived) are appended; {@link #emitLambda()} adds {@code
 * {c}_boxcox_lambda{suffix}} (DOUBLE, derived) after each column's output, the same value on every
 * row of a series.
 *
 * <p>Edges: nulls stay null. {@code x ≤ 0} is invalid and never part of the fit: null (counter
 * {@code invalid_input}) or, with {@link Invalid#ERROR}, the row goes to the errors output (reason
 * {@code boxcox_domain}). A series with fewer than 2 distinct valid values has no λ: its outputs
 * are null (counter {@code series_unfit}); a λ̂ whose transform of the series' extreme value
 * overflows gives null outputs (counter {@code lambda_overflow}). Class {@code whole-series}
 * (estimated, needs bounded input) or {@code row} (fixed λ).
 *
 * @throws IllegalArgumentException for a non-finite λ, a missing, time, key or non-numeric column,
 *     an output name that exists, or an unbounded input with estimated λ
 */
public final class BoxCox extends TimeSeriesTransform<BoxCox> {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;
  private final Double lambda;
  private final Invalid invalid;
  private final boolean emitLambda;
  private final String suffix;

  private BoxCox(SeriesOptions options, List<String> columns, Double lambda, Invalid invalid,
      boolean emitLambda, String suffix) {
    super(options);
    this.columns = List.copyOf(columns);
    this.lambda = lambda;
    this.invalid = invalid;
    this.emitLambda = emitLambda;
    this.suffix = suffix;
  }

  /** λ estimated per series by maximum likelihood, for {@code columns} (none = value columns). */
  public static BoxCox mle(String... columns) {
    return new BoxCox(SeriesOptions.defaults(), Arrays.asList(columns), null, Invalid.NULL, false,
        "");
  }

  /** A fixed λ for every series (row-local). */
  public static BoxCox withLambda(double lambda, String... columns) {
    if (!Double.isFinite(lambda)) {
      throw new IllegalArgumentException("BoxCox: lambda must be a finite number. Got " + lambda
          + ".");
    }
    return new BoxCox(SeriesOptions.defaults(), Arrays.asList(columns), lambda, Invalid.NULL, false,
        "");
  }

  /** A copy that treats {@code x ≤ 0} as {@code invalid} says. */
  public BoxCox onInvalid(Invalid i) {
    return new BoxCox(options(), columns, lambda, i, emitLambda, suffix);
  }

  /** A copy that adds {@code {c}_boxcox_lambda} columns. */
  public BoxCox emitLambda() {
    return new BoxCox(options(), columns, lambda, invalid, true, suffix);
  }

  /** A copy writing {@code {c}{suffix}} columns instead of replacing (empty = in place). */
  public BoxCox withSuffix(String s) {
    return new BoxCox(options(), columns, lambda, invalid, emitLambda, s == null ? "" : s);
  }

  @Override
  protected BoxCox withOptions(SeriesOptions o) {
    return new BoxCox(o, columns, lambda, invalid, emitLambda, suffix);
  }

  @Override
  public String typeName() {
    return "box_cox";
  }

  @Override
  public String toString() {
    return "box_cox{columns=" + columns + ", lambda=" + (lambda == null ? "mle" : lambda)
        + ", invalid=" + Names.lower(invalid) + (emitLambda ? ", emit_lambda" : "")
        + (suffix.isEmpty() ? "" : ", suffix=" + suffix) + "}";
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> input) {
    if (lambda == null && input.isBounded() == PCollection.IsBounded.UNBOUNDED) {
      throw new IllegalArgumentException("BoxCox: an estimated lambda fits per series and needs"
          + " bounded input. Got an unbounded PCollection; set lambda.");
    }
    return super.expand(input);
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve("BoxCox", input, cols, true);
    DoubleOutputs out = DoubleOutputs.plan("BoxCox", input, idx, suffix,
        emitLambda ? "_boxcox_lambda" : null);
    return lambda == null
        ? new PowerKernel.Fitted(context.stepName(), out, idx, Power.Family.BOX_COX, invalid,
            "BoxCox")
        : new PowerKernel(context.stepName(), out, idx, Power.Family.BOX_COX, lambda, invalid,
            "BoxCox");
  }
}
