package io.industryts.config.ops;

import io.industryts.Operation;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.ops.Lead;

/** {@code lead} (SEMANTICS §2.3.1): values of later rows, by position or by time. */
public final class LeadProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      SharedParams.shift("lead", "Add {c}_lead{n} (rows) or {c}_lead_{d} (as-of in time) columns.");

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    ProviderSupport.rejectIfSet(p, "suffix", "Lead");
    Lead op =
        ProviderSupport.allRows(p, "Lead")
            ? Lead.rows(ProviderSupport.ints(p.list("periods"))).of(p.columns())
            : Lead.by(ProviderSupport.durations(p.list("periods"))).of(p.columns());
    return p.isSet("tolerance") ? op.withTolerance(p.duration("tolerance")) : op;
  }
}
