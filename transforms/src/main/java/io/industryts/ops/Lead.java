package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import org.joda.time.Duration;

/**
 * Values of later rows — SEMANTICS §2.3.1 {@code lead}.
 *
 * <pre>{@code
 * input.apply(Lead.rows(1).of("v"));
 * }</pre>
 *
 * <p>Row period {@code n}: the value at row {@code i + n}, null when it does not exist. Duration
 * {@code d}: the value of the first row {@code j} with {@code t_j ≥ t_i + d} (several: the first).
 * Output: {@code {c}_lead{n}} / {@code {c}_lead_{d}}, the column's type, nullable, derived.
 * Example: {@code v = 2, 4, ·, 5} gives {@code v_lead1 = 4, ·, 5, ·}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): a row is emitted once the later rows it reads (or a
 * row later than its duration) have arrived. On windowed input, a trigger that fires early or
 * repeatedly, and late panes on unbounded input are rejected when the transform is applied ({@code
 * IllegalArgumentException} naming the fix, see docs/streaming.md); whole-series operations name
 * bounded input as the fix.
 *
 * @throws IllegalArgumentException as {@link Lag}
 */
public final class Lead extends Shift<Lead> {
  private static final long serialVersionUID = 1L;

  private Lead(SeriesOptions options, Spec spec) {
    super(options, spec);
  }

  /**
   * The lead by row periods (none = {@code 1}) of the value columns; {@link #of} picks columns:
   * {@code Lead.rows(1).of("v")}.
   *
   * @throws IllegalArgumentException for a period below 1
   */
  public static Lead rows(int... periods) {
    return new Lead(SeriesOptions.defaults(), Spec.rows("Lead", true, periods));
  }

  /**
   * The lead by duration periods (as-of in time) of the value columns: {@code
   * Lead.by(Duration.standardMinutes(90)).of("v")}.
   *
   * @throws IllegalArgumentException for no period or a duration ≤ 0
   */
  public static Lead by(Duration... periods) {
    return new Lead(SeriesOptions.defaults(), Spec.durations("Lead", true, periods));
  }

  /**
   * A copy with row periods {@code more} after the current ones, so one step mixes rows and
   * durations as TOML's {@code periods = [1, "1d"]} does. Outputs follow the periods' order.
   */
  public Lead andRows(int... more) {
    return new Lead(options(), spec.andRows(more));
  }

  /** A copy with duration periods {@code more} after the current ones (see {@link #andRows}). */
  public Lead andBy(Duration... more) {
    return new Lead(options(), spec.andDurations(more));
  }

  /**
   * A copy that accepts duration matches within {@code tolerance} of {@code t + d} only (row
   * periods are not affected).
   *
   * @throws IllegalArgumentException without a duration period, or for a tolerance ≤ 0
   */
  public Lead withTolerance(Duration tolerance) {
    return new Lead(options(), spec.withTolerance(tolerance));
  }

  @Override
  Lead withSpec(Spec newSpec) {
    return new Lead(options(), newSpec);
  }

  @Override
  protected Lead withOptions(SeriesOptions o) {
    return new Lead(o, spec);
  }

  @Override
  public String typeName() {
    return "lead";
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return spec.plan(input, context, ShiftKernel.Kind.VALUE);
  }
}
