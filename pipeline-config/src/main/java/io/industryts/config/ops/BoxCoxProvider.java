package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.BoxCox;
import io.industryts.ops.Invalid;

/** {@code box_cox} (SEMANTICS §2.5.4): Box-Cox transform, λ fixed or estimated per series. */
public final class BoxCoxProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("box_cox")
          .doc("Box-Cox power transform (x > 0); lambda fixed or estimated per series by MLE.")
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("lambda", ParamType.FLOAT)
                  .defaultsToDescribed("estimated per series (MLE)")
                  .doc("Fixed lambda; unset: maximum likelihood per series."))
          .param(InvalidParam.spec("boxcox_domain"))
          .param(
              ParamSpec.of("emit_lambda", ParamType.BOOL)
                  .defaultsTo(false)
                  .doc("Add {c}_boxcox_lambda with the series' lambda."))
          .param(CommonParams.suffix())
          .example("[[operations]]\ntype = \"box_cox\"\ncolumns = [\"flow\"]\nemit_lambda = true\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    BoxCox op =
        p.isSet("lambda")
            ? BoxCox.withLambda(p.number("lambda"), p.columns())
            : BoxCox.mle(p.columns());
    if (p.isSet("invalid")) {
      op = op.onInvalid(ProviderSupport.constant(Invalid.class, p.string("invalid")));
    }
    if (p.bool("emit_lambda")) {
      op = op.emitLambda();
    }
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
