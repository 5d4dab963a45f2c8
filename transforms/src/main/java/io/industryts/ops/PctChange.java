package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;

/**
 * Relative changes to earlier rows — SEMANTICS §2.3.2 {@code pct_change}.
 *
 * <pre>{@code
 * input.apply(PctChange.periods(1).of("v"));
 * }</pre>
 *
 * <p>{@code x_i / x_{i−n} − 1}, null if either is null or row {@code i − n} does not exist; nulls
 * are never forward-filled first. {@code x_{i−n} = 0}: {@code ±inf} (sign of {@code x_i}) when
 * {@code x_i ≠ 0}, null when {@code x_i = 0}. Output {@code {c}_pct_change{n}}, DOUBLE, derived.
 * Example: {@code v = 2, 4, ·, 5, 0, 3} gives {@code ·, 1, ·, ·, −1, inf}.
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
 * @throws IllegalArgumentException as {@link Diff}
 */
public final class PctChange extends Shift<PctChange> {
  private static final long serialVersionUID = 1L;

  private PctChange(SeriesOptions options, Spec spec) {
    super(options, spec);
  }

  /**
   * The relative changes over row periods (none = {@code 1}) of the value columns; {@link #of}
   * picks columns: {@code PctChange.periods(1).of("v")}.
   *
   * @throws IllegalArgumentException for a period below 1
   */
  public static PctChange periods(int... periods) {
    return new PctChange(SeriesOptions.defaults(), Spec.rows("PctChange", false, periods));
  }

  @Override
  PctChange withSpec(Spec newSpec) {
    return new PctChange(options(), newSpec);
  }

  @Override
  protected PctChange withOptions(SeriesOptions o) {
    return new PctChange(o, spec);
  }

  @Override
  public String typeName() {
    return "pct_change";
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    return spec.plan(input, context, ShiftKernel.Kind.PCT_CHANGE);
  }
}
