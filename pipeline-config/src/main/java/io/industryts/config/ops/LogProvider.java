package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Invalid;
import io.industryts.ops.Log;

/** {@code log} (SEMANTICS §2.5.3): natural, log1p or base-10 logarithms. */
public final class LogProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("log")
          .doc("Logarithm of columns: log (x > 0), log1p (x > -1) or log10 (x > 0).")
          .param(
              ParamSpec.of("method", ParamType.STRING)
                  .defaultsTo("log")
                  .allowed("log", "log1p", "log10")
                  .doc("log: natural; log1p: ln(1 + x); log10: base 10."))
          .param(CommonParams.columns("value columns"))
          .param(InvalidParam.spec("log_domain"))
          .param(CommonParams.suffix())
          .example("[[operations]]\ntype = \"log\"\nmethod = \"log1p\"\ncolumns = [\"flow\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Log op = Log.of(ProviderSupport.constant(Log.Method.class, p.string("method")), p.columns());
    if (p.isSet("invalid")) {
      op = op.onInvalid(ProviderSupport.constant(Invalid.class, p.string("invalid")));
    }
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
