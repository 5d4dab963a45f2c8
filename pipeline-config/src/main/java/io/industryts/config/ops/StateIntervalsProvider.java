package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.StateIntervals;

/** {@code state_intervals} (SEMANTICS §2.8.3): one row per run of a state. */
public final class StateIntervalsProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("state_intervals")
          .doc(
              "One row per run of a state (a status column or a threshold condition) with its"
                  + " start, end, duration_s and rows; replaces the schema.")
          .param(
              ParamSpec.of("column", ParamType.STRING)
                  .required()
                  .doc("The state column (any type); with above/below a numeric column."))
          .param(
              ParamSpec.of("above", ParamType.FLOAT)
                  .doc("State is x > above (or'ed with below); output column {column}_state."))
          .param(
              ParamSpec.of("below", ParamType.FLOAT)
                  .doc("State is x < below (or'ed with above); output column {column}_state."))
          .param(
              ParamSpec.of("nulls", ParamType.STRING)
                  .defaultsTo("state")
                  .allowed("state", "skip")
                  .doc("state: null is a state of its own; skip: null rows are left out."))
          .param(
              ParamSpec.of("max_gap", ParamType.DURATION)
                  .doc("Consecutive rows further apart end the run at the earlier row."))
          .param(
              ParamSpec.of("min_duration", ParamType.DURATION)
                  .doc("Runs shorter than this are not emitted (counter intervals_short)."))
          .example(
              "[[operations]]\ntype = \"state_intervals\"\ncolumn = \"temp\"\nabove = 90.0\n"
                  + "min_duration = \"10min\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    String column = p.string("column");
    StateIntervals op =
        p.isSet("above") || p.isSet("below")
            ? StateIntervals.where(column)
            : StateIntervals.of(column);
    if (p.isSet("above")) {
      op = op.above(p.number("above"));
    }
    if (p.isSet("below")) {
      op = op.below(p.number("below"));
    }
    op = op.withNulls(ProviderSupport.constant(StateIntervals.Nulls.class, p.string("nulls")));
    if (p.isSet("max_gap")) {
      op = op.withMaxGap(p.duration("max_gap"));
    }
    if (p.isSet("min_duration")) {
      op = op.withMinDuration(p.duration("min_duration"));
    }
    return op;
  }
}
