package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.DropDuplicates;
import java.util.List;

/** {@code drop_duplicates} (SEMANTICS §2.1.4): one row per (key, time). */
public final class DropDuplicatesProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("drop_duplicates")
          .doc("Keep one row per (keys, time[, columns]): first, last, none, or the group mean.")
          .param(
              ParamSpec.of("columns", ParamType.STRING_LIST)
                  .defaultsTo(List.of())
                  .doc("Extra fields that must also be equal for rows to be duplicates."))
          .param(
              ParamSpec.of("keep", ParamType.STRING)
                  .defaultsTo("first")
                  .allowed("first", "last", "none", "mean")
                  .doc(
                      "first/last (input order), none (drop duplicated groups), mean (aggregate)."))
          .example("[[operations]]\ntype = \"drop_duplicates\"\nkeep = \"first\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    DropDuplicates op =
        DropDuplicates.keeping(
            ProviderSupport.constant(DropDuplicates.Keep.class, p.string("keep")));
    return p.columns().length == 0 ? op : op.alsoOn(p.columns());
  }
}
