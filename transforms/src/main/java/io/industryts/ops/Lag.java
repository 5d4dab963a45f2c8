package io.industryts.ops;

import io.industryts.PlanContext;
import io.industryts.SeriesOptions;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Kernel;
import java.util.Arrays;
import java.util.List;
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
 * @throws IllegalArgumentException for a period below 1, a duration ≤ 0, a missing, time or key
 *     column, or an output name that already exists
 */
public final class Lag extends Shift<Lag> {
  private static final long serialVersionUID = 1L;

  private Lag(SeriesOptions options, Spec spec) {
    super(options, spec);
  }

  /** Row periods: the staged call {@code Lag.rows(1, 2).of("temp")}. */
  public static Stage rows(int... periods) {
    return new Stage(Spec.rows("Lag", false, periods));
  }

  /** Duration periods (as-of in time): {@code Lag.by(Duration.standardMinutes(90)).of("v")}. */
  public static Stage by(Duration... periods) {
    return new Stage(Spec.durations("Lag", false, periods));
  }

  /** The periods of a lag, waiting for its columns. */
  public static final class Stage {
    private final Spec spec;

    private Stage(Spec spec) {
      this.spec = spec;
    }

    /** The lag of {@code columns} (none = value columns). */
    public Lag of(String... columns) {
      return new Lag(SeriesOptions.defaults(), spec.withColumns(Arrays.asList(columns)));
    }

    /** The lag of the value columns. */
    public Lag ofValueColumns() {
      return of();
    }
  }

  /** A copy that accepts duration matches within {@code tolerance} of {@code t − d} only. */
  public Lag withTolerance(Duration tolerance) {
    return new Lag(options(), spec.withTolerance(tolerance));
  }

  public List<String> columns() {
    return spec.columns;
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
