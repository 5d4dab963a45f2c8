package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Diff;

/** {@code diff} (SEMANTICS §2.3.2): differences to earlier rows. */
public final class DiffProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      SharedParams.rowChange("diff", "Add {c}_diff{n} = x[i] - x[i-n] per series.");

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Diff op = Diff.periods(ProviderSupport.ints(p.list("periods"))).of(p.columns());
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
