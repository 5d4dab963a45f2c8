package io.industryts.config.ops;

import io.industryts.Operation;
import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.ops.Diff;
import java.util.List;

/** {@code diff} (SEMANTICS §2.3.2): differences to earlier rows. */
public final class DiffProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("diff")
          .doc("Add {c}_diff{n} = x[i] - x[i-n] per series.")
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("periods", ParamType.INT_OR_INT_LIST)
                  .defaultsTo(List.of(1))
                  .atLeast(1)
                  .doc("Row distances n >= 1."))
          .param(CommonParams.suffix())
          .example("[[operations]]\ntype = \"diff\"\nperiods = 1\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    ProviderSupport.rejectIfSet(p, "suffix", "Diff");
    return Diff.periods(ProviderSupport.ints(p.list("periods"))).of(p.columns());
  }
}
