package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import org.joda.time.Duration;

/**
 * Values of earlier rows — SEMANTICS §2.3.1 {@code lag}.
 *
 * <pre>{@code
 * input.apply(Lag.rows(1, 2, 3).of("feature1"));
 * input.apply(Lag.by(Duration.standardMinutes(90)).of("v").withTolerance(Duration.standardMinutes(5)));
 * }</pre>
 *
 * <p>Row period {@code n}: the value at row {@code i − n} of the series (positions in series order,
 * nulls included), null when that row does not exist. Duration {@code d}: the value of the last row
 * {@code j} with {@code t_j ≤ t_i − d} (several at that time: the last), null if none or if it is
 * farther than the tolerance from {@code t_i − d}.
 *
 * <p>Output schema: the input plus {@code {c}_lag{n}} / {@code {c}_lag_{d}} per column and period
 * (columns order, then periods order), of the column's type (DECIMAL as DOUBLE), nullable, derived.
 * Example: {@code v = 2, 4, ·, 5} gives {@code v_lag1 = ·, 2, 4, ·}. The first rows of every series
 * are null; a single-row series gets null.
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
 * @throws IllegalArgumentException for a period below 1, a duration ≤ 0, a missing, time or key
 *     column, or an output name that already exists
 */
public final class Lag extends Shift<Lag> {
  private static final long serialVersionUID = 1L;

  private Lag(SeriesOptions options, Spec spec) {
    super(options, spec);
  }

  /**
   * The lag by row periods (none = {@code 1}) of the value columns; {@link #of} picks columns:
   * {@code Lag.rows(1, 2).of("temp")}.
   *
   * @throws IllegalArgumentException for a period below 1
   */
  public static Lag rows(int... periods) {
    return new Lag(SeriesOptions.defaults(), Spec.rows("Lag", false, periods));
  }

  /**
   * The lag by duration periods (as-of in time) of the value columns: {@code
   * Lag.by(Duration.standardMinutes(90)).of("v")}.
   *
   * @throws IllegalArgumentException for no period or a duration ≤ 0
   */
  public static Lag by(Duration... periods) {
    return new Lag(SeriesOptions.defaults(), Spec.durations("Lag", false, periods));
  }

  /**
   * A copy with row periods {@code more} after the current ones, so one step mixes rows and
   * durations as TOML's {@code periods = [1, 24, "1d"]} does: {@code Lag.rows(1,
   * 24).andBy(Duration.standardDays(1))}. Outputs follow the periods' order.
   */
  public Lag andRows(int... more) {
    return new Lag(options(), spec.andRows(more));
  }

  /** A copy with duration periods {@code more} after the current ones (see {@link #andRows}). */
  public Lag andBy(Duration... more) {
    return new Lag(options(), spec.andDurations(more));
  }

  /** The lag of the value columns (the default; kept for readability). */
  public Lag ofValueColumns() {
    return of();
  }

  /**
   * A copy that accepts duration matches within {@code tolerance} of {@code t − d} only (row
   * periods are not affected).
   *
   * @throws IllegalArgumentException without a duration period, or for a tolerance ≤ 0
   */
  public Lag withTolerance(Duration tolerance) {
    return new Lag(options(), spec.withTolerance(tolerance));
  }

  @Override
  Lag withSpec(Spec newSpec) {
    return new Lag(options(), newSpec);
  }

  @Override
  protected Lag withOptions(SeriesOptions o) {
    return new Lag(o, spec);
  }

  @Override
  public String typeName() {
    return "lag";
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return spec.plan(input, context, ShiftKernel.Kind.VALUE);
  }
}
