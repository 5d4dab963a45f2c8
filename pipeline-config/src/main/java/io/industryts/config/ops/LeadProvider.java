package io.industryts.config.ops;

import io.industryts.Operation;
import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.ops.Lead;
import java.util.List;

/** {@code lead} (SEMANTICS §2.3.1): values of later rows, by position or by time. */
public final class LeadProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("lead")
          .doc("Add {c}_lead{n} (rows) or {c}_lead_{d} (as-of in time) columns.")
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("periods", ParamType.INT_OR_DURATION_LIST)
                  .defaultsTo(List.of(1))
                  .atLeast(1)
                  .doc("Ints >= 1 (rows) and/or durations > 0 (time)."))
          .param(
              ParamSpec.of("tolerance", ParamType.DURATION)
                  .doc("Largest distance to the as-of match; duration periods only."))
          .param(CommonParams.suffix())
          .rule(LagProvider.durationPeriodsOnly("tolerance"))
          .example("[[operations]]\ntype = \"lead\"\ncolumns = [\"temp\"]\nperiods = [1, 2, 3]\n")
          .build();

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
