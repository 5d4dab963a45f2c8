package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Yeo-Johnson power transform with a fixed λ or λ estimated per series by maximum likelihood —
 * SEMANTICS §2.5.5 {@code yeo_johnson}. Unlike Box-Cox it accepts every real value.
 *
 * <pre>{@code
 * input.apply(YeoJohnson.mle("flow").emitLambda());
 * input.apply(YeoJohnson.withLambda(0.5, "flow"));
 * }</pre>
 *
 * <p>For {@code x ≥ 0}: {@code expm1(λ·log1p(x))/λ} ({@code log1p(x)} when {@code λ = 0}); for
 * {@code x < 0}: {@code −expm1((2 − λ)·log1p(−x))/(2 − λ)} ({@code −log1p(−x)} when {@code λ = 2})
 * (scipy {@code stats.yeojohnson}). Estimated λ maximizes {@code −(n/2)·ln σ²(λ) + (λ − 1)·Σ
 * sign(x)·log1p(|x|)} over the series' non-null values, with Brent's method from the bracket {@code
 * (−2, 2)} to {@code |Δλ| ≤ 1e-10}. Examples: fixed {@code λ = 0.5} maps {@code −1, 0, 3, 8} to
 * {@code −1.2190, 0, 2, 4}; on {@code −3, −1, 0, 1, 2, 6, 15} the estimate is {@code λ̂ = 0.5278}.
 * No standardization afterwards (chain {@link Scale}).
 *
 * <p>Output schema: the columns are replaced in place as DOUBLE, or, with a suffix, {@code
 * {c}{suffix}} columns (DOUBLE, derived) are appended; {@link #emitLambda()} adds {@code
 * {c}_yeojohnson_lambda{suffix}} (DOUBLE, derived) after each column's output, the same value on
 * every row of a series.
 *
 * <p>Edges: nulls stay null. A series with fewer than 2 distinct values has no λ: its outputs are
 * null (counter {@code series_unfit}); a λ̂ whose transform of the series' extreme values overflows
 * gives null outputs (counter {@code lambda_overflow}). Class {@code whole-series} (estimated,
 * needs bounded input) or {@code row} (fixed λ).
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
public final class YeoJohnson extends TimeSeriesTransform<YeoJohnson> {
  private static final long serialVersionUID = 1L;

  private final PowerParams params;

  private YeoJohnson(SeriesOptions options, PowerParams params) {
    super(options);
    this.params = params;
  }

  /** λ estimated per series by maximum likelihood, for {@code columns} (none = value columns). */
  public static YeoJohnson mle(String... columns) {
    return new YeoJohnson(
        SeriesOptions.defaults(), PowerParams.mle(Power.Family.YEO_JOHNSON, "YeoJohnson", columns));
  }

  /** A fixed λ for every series (row-local). */
  public static YeoJohnson withLambda(double lambda, String... columns) {
    return new YeoJohnson(
        SeriesOptions.defaults(),
        PowerParams.fixed(Power.Family.YEO_JOHNSON, "YeoJohnson", lambda, columns));
  }

  /** A copy that adds {@code {c}_yeojohnson_lambda} columns. */
  public YeoJohnson emitLambda() {
    return new YeoJohnson(options(), params.withEmitLambda());
  }

  /** A copy writing {@code {c}{suffix}} columns instead of replacing (empty = in place). */
  public YeoJohnson withSuffix(String s) {
    return new YeoJohnson(options(), params.withSuffix(s));
  }

  @Override
  protected YeoJohnson withOptions(SeriesOptions o) {
    return new YeoJohnson(o, params);
  }

  @Override
  public String typeName() {
    return "yeo_johnson";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    params.putParameters(p, null);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return params.plan(input, context);
  }
}
