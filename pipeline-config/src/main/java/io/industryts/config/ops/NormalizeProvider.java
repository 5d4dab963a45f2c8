package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Normalize;

/** {@code normalize} (SEMANTICS §2.5.2): divide by the maximum absolute value. */
public final class NormalizeProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("normalize")
          .doc("Divide each value by the column's maximum absolute value (per series or global).")
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("fit", ParamType.STRING)
                  .defaultsTo("series")
                  .allowed("series", "global")
                  .doc("Maximum per series or over the whole input."))
          .param(CommonParams.suffix())
          .example("[[operations]]\ntype = \"normalize\"\ncolumns = [\"temp\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Normalize op = Normalize.maxAbs(p.columns());
    if (p.isSet("fit")) {
      op = op.withFit(ProviderSupport.constant(Normalize.Fit.class, p.string("fit")));
    }
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
