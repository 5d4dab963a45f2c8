package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * <p>Execution class (SEMANTICS §1.14): {@code whole-series} (estimated λ), {@code row} (fixed λ).
 * Windowed input (e.g. {@code FixedWindows}): each window is processed on its own (state is per key
 * and window), so the first rows of a window see no rows of the previous one. Unbounded input in
 * the global window, a trigger that fires early or repeatedly, and late panes on unbounded input
 * are rejected when the transform is applied ({@code IllegalArgumentException} naming the fix, see
 * docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a non-finite λ, a missing, time, key or non-numeric column,
 *     an output name that exists, or an unbounded input with estimated λ
 */
public final class BoxCox extends TimeSeriesTransform<BoxCox> {
  private static final long serialVersionUID = 1L;

  private final PowerParams params;

  private BoxCox(SeriesOptions options, PowerParams params) {
    super(options);
    this.params = params;
  }

  /** λ estimated per series by maximum likelihood, for {@code columns} (none = value columns). */
  public static BoxCox mle(String... columns) {
    return new BoxCox(
        SeriesOptions.defaults(), PowerParams.mle(Power.Family.BOX_COX, "BoxCox", columns));
  }

  /** A fixed λ for every series (row-local). */
  public static BoxCox withLambda(double lambda, String... columns) {
    return new BoxCox(
        SeriesOptions.defaults(),
        PowerParams.fixed(Power.Family.BOX_COX, "BoxCox", lambda, columns));
  }

  /** A copy that treats {@code x ≤ 0} as {@code invalid} says. */
  public BoxCox onInvalid(Invalid i) {
    return new BoxCox(options(), params.withInvalid(i));
  }

  /** A copy that adds {@code {c}_boxcox_lambda} columns. */
  public BoxCox emitLambda() {
    return new BoxCox(options(), params.withEmitLambda());
  }

  /** A copy writing {@code {c}{suffix}} columns instead of replacing (empty = in place). */
  public BoxCox withSuffix(String s) {
    return new BoxCox(options(), params.withSuffix(s));
  }

  @Override
  protected BoxCox withOptions(SeriesOptions o) {
    return new BoxCox(o, params);
  }

  @Override
  public String typeName() {
    return "box_cox";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    params.putParameters(p, Names.lower(params.invalid()));
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return params.plan(input, context);
  }
}
