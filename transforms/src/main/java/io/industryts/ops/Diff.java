package io.industryts.ops;

import io.industryts.PlanContext;
import io.industryts.SeriesOptions;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Kernel;
import java.util.Arrays;

/**
 * Differences to earlier rows — SEMANTICS §2.3.2 {@code diff}.
 *
 * <pre>{@code
 * input.apply(Diff.periods(1).of("v"));
 * }</pre>
 *
 * <p>{@code x_i − x_{i−n}}, null if either is null or row {@code i − n} does not exist. Output:
 * {@code {c}_diff{n}} per column and period, DOUBLE, nullable, derived. Example: {@code v = 2, 4, ·,
 * 5, 0, 3} gives {@code v_diff1 = ·, 2, ·, ·, −5, 3}.
 *
 * @throws IllegalArgumentException for a period below 1 or a non-numeric, missing, time or key
 *     column
 */
public final class Diff extends Shift<Diff> {
  private static final long serialVersionUID = 1L;

  private Diff(SeriesOptions options, Spec spec) {
    super(options, spec);
  }

  /** The staged call {@code Diff.periods(1).of("v")}. */
  public static Stage periods(int... periods) {
    return new Stage(Spec.rows("Diff", false, periods));
  }

  /** The periods of a diff, waiting for its columns. */
  public static final class Stage {
    private final Spec spec;

    private Stage(Spec spec) {
      this.spec = spec;
    }

    /** The differences of {@code columns} (none = value columns). */
    public Diff of(String... columns) {
      return new Diff(SeriesOptions.defaults(), spec.withColumns(Arrays.asList(columns)));
    }
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
