package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.PctChange;

/** {@code pct_change} (SEMANTICS §2.3.2): relative changes to earlier rows. */
public final class PctChangeProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      SharedParams.rowChange(
          "pct_change",
          "Add {c}_pct_change{n} = x[i] / x[i-n] - 1 per series, without filling nulls first.");

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    PctChange op = PctChange.periods(ProviderSupport.ints(p.list("periods"))).of(p.columns());
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
