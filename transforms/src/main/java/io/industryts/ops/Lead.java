package io.industryts.ops;

import io.industryts.PlanContext;
import io.industryts.SeriesOptions;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Kernel;
import java.util.Arrays;
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
 * Output: {@code {c}_lead{n}} / {@code {c}_lead_{d}}, the column's type, nullable, derived. Example:
 * {@code v = 2, 4, ·, 5} gives {@code v_lead1 = 4, ·, 5, ·}.
 *
 * @throws IllegalArgumentException as {@link Lag}
 */
public final class Lead extends Shift<Lead> {
  private static final long serialVersionUID = 1L;

  private Lead(SeriesOptions options, Spec spec) {
    super(options, spec);
  }

  public static Stage rows(int... periods) {
    return new Stage(Spec.rows("Lead", true, periods));
  }

  public static Stage by(Duration... periods) {
    return new Stage(Spec.durations("Lead", true, periods));
  }

  /** The periods of a lead, waiting for its columns. */
  public static final class Stage {
    private final Spec spec;

    private Stage(Spec spec) {
      this.spec = spec;
    }

    public Lead of(String... columns) {
      return new Lead(SeriesOptions.defaults(), spec.withColumns(Arrays.asList(columns)));
    }
  }

  public Lead withTolerance(Duration tolerance) {
    return new Lead(options(), spec.withTolerance(tolerance));
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
