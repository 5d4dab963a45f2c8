package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.DropNull;

/** {@code drop_null} (SEMANTICS §2.1.3): drop rows with missing values. */
public final class DropNullProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("drop_null")
          .doc("Drop rows whose listed cells are null (any or all of them).")
          .param(CommonParams.columns("all fields but time and keys"))
          .param(
              ParamSpec.of("how", ParamType.STRING)
                  .defaultsTo("any")
                  .allowed("any", "all")
                  .doc("any: drop if any listed cell is null; all: only if all are."))
          .example("[[operations]]\ntype = \"drop_null\"\ncolumns = [\"temp\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    return "all".equals(p.string("how")) ? DropNull.all(p.columns()) : DropNull.any(p.columns());
  }
}
