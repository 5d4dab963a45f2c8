package io.industryts.config.ops;

import io.industryts.Operation;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.ops.Lag;

/** {@code lag} (SEMANTICS §2.3.1): values of earlier rows, by position or by time. */
public final class LagProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      SharedParams.shift("lag", "Add {c}_lag{n} (rows) or {c}_lag_{d} (as-of in time) columns.");

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    ProviderSupport.rejectIfSet(p, "suffix", "Lag");
    Lag op =
        ProviderSupport.allRows(p, "Lag")
            ? Lag.rows(ProviderSupport.ints(p.list("periods"))).of(p.columns())
            : Lag.by(ProviderSupport.durations(p.list("periods"))).of(p.columns());
    return p.isSet("tolerance") ? op.withTolerance(p.duration("tolerance")) : op;
  }
}
