package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Rename;

/** {@code rename} (SEMANTICS §2.6.3): rename columns, the time and key columns included. */
public final class RenameProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("rename")
          .doc("Rename columns; a renamed time or key column keeps its role.")
          .param(
              ParamSpec.of("mapping", ParamType.STRING_TABLE)
                  .required()
                  .doc("Table old name -> new name."))
          .example(
              "[[operations]]\ntype = \"rename\"\nmapping = { \"Volume Flow RateRMS\" = \"flow\" }\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    return Rename.of(p.<String>table("mapping"));
  }
}
