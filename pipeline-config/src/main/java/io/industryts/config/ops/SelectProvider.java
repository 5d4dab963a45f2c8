package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Select;

/** {@code select} (SEMANTICS §2.6.1): keep time, keys and the named columns. */
public final class SelectProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("select")
          .doc("Keep the time column, the key columns and columns, in that order.")
          .param(
              ParamSpec.of("columns", ParamType.STRING_LIST)
                  .required()
                  .doc("Columns to keep besides time and keys, in output order."))
          .example("[[operations]]\ntype = \"select\"\ncolumns = [\"flow\", \"temp\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    return Select.columns(p.columns());
  }
}
