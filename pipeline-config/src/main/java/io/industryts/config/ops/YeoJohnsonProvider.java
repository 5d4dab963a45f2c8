package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.YeoJohnson;

/** {@code yeo_johnson} (SEMANTICS §2.5.5): Yeo-Johnson transform, λ fixed or estimated. */
public final class YeoJohnsonProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("yeo_johnson")
          .doc("Yeo-Johnson power transform (any real x); lambda fixed or estimated per series.")
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("lambda", ParamType.FLOAT)
                  .defaultsToDescribed("estimated per series (MLE)")
                  .doc("Fixed lambda; unset: maximum likelihood per series."))
          .param(
              ParamSpec.of("emit_lambda", ParamType.BOOL)
                  .defaultsTo(false)
                  .doc("Add {c}_yeojohnson_lambda with the series' lambda."))
          .param(CommonParams.suffix())
          .example("[[operations]]\ntype = \"yeo_johnson\"\ncolumns = [\"flow\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    YeoJohnson op =
        p.isSet("lambda")
            ? YeoJohnson.withLambda(p.number("lambda"), p.columns())
            : YeoJohnson.mle(p.columns());
    if (p.bool("emit_lambda")) {
      op = op.emitLambda();
    }
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
