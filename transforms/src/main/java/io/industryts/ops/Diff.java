package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;

/**
 * Differences to earlier rows — SEMANTICS §2.3.2 {@code diff}.
 *
 * <pre>{@code
 * input.apply(Diff.periods(1).of("v"));
 * }</pre>
 *
 * <p>{@code x_i − x_{i−n}}, null if either is null or row {@code i − n} does not exist. Output:
 * {@code {c}_diff{n}} per column and period, DOUBLE, nullable, derived. Example: {@code v = 2, 4,
 * ·, 5, 0, 3} gives {@code v_diff1 = ·, 2, ·, ·, −5, 3}.
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
 * @throws IllegalArgumentException for a period below 1 or a non-numeric, missing, time or key
 *     column
 */
public final class Diff extends Shift<Diff> {
  private static final long serialVersionUID = 1L;

  private Diff(SeriesOptions options, Spec spec) {
    super(options, spec);
  }

  /**
   * The differences over row periods (none = {@code 1}) of the value columns; {@link #of} picks
   * columns: {@code Diff.periods(1).of("v")}.
   *
   * @throws IllegalArgumentException for a period below 1
   */
  public static Diff periods(int... periods) {
    return new Diff(SeriesOptions.defaults(), Spec.rows("Diff", false, periods));
  }

  @Override
  Diff withSpec(Spec newSpec) {
    return new Diff(options(), newSpec);
  }

  @Override
  protected Diff withOptions(SeriesOptions o) {
    return new Diff(o, spec);
  }

  @Override
  public String typeName() {
    return "diff";
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return spec.plan(input, context, ShiftKernel.Kind.DIFF);
  }
}
