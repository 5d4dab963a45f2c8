package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.DropColumns;

/** {@code drop_columns} (SEMANTICS §2.6.2): remove the named columns. */
public final class DropColumnsProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("drop_columns")
          .doc("Remove columns; the time and key columns cannot be dropped.")
          .param(
              ParamSpec.of("columns", ParamType.STRING_LIST).required().doc("Columns to remove."))
          .example("[[operations]]\ntype = \"drop_columns\"\ncolumns = [\"status\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    return DropColumns.of(p.columns());
  }
}
