package io.industryts.config.ops;

import io.industryts.Operation;
import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamRule;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.ops.Lag;
import java.util.List;

/** {@code lag} (SEMANTICS §2.3.1): values of earlier rows, by position or by time. */
public final class LagProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("lag")
          .doc("Add {c}_lag{n} (rows) or {c}_lag_{d} (as-of in time) columns.")
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
          .rule(durationPeriodsOnly("tolerance"))
          .example("[[operations]]\ntype = \"lag\"\ncolumns = [\"temp\"]\nperiods = [1, 2, 3]\n")
          .build();

  /** {@code tolerance is only valid with duration periods}. */
  static ParamRule durationPeriodsOnly(String key) {
    return ParamRule.of(
        key + " is only valid with duration periods",
        List.of(key),
        p ->
            p.isSet(key) && p.list("periods").stream().allMatch(v -> v instanceof Integer)
                ? key + " is only valid with duration periods"
                : null);
  }

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
