package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.SnapTime;

/** {@code snap_time} (SEMANTICS §2.2.6): round timestamps to an epoch-aligned grid. */
public final class SnapTimeProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("snap_time")
          .doc("Round, floor or ceil the time column to a grid; rows are re-ordered by it.")
          .param(ParamSpec.of("freq", ParamType.DURATION).required().doc("Grid step."))
          .param(
              ParamSpec.of("mode", ParamType.STRING)
                  .defaultsTo("round")
                  .allowed("round", "floor", "ceil")
                  .doc("round (halves to even), floor or ceil."))
          .example("[[operations]]\ntype = \"snap_time\"\nfreq = \"1s\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    return SnapTime.of(
        ProviderSupport.constant(SnapTime.Mode.class, p.string("mode")), p.duration("freq"));
  }
}
