package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamRule;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Ewm;
import java.util.List;
import org.joda.time.Duration;

/** {@code ewm} (SEMANTICS §2.3.4): exponentially weighted mean / std / var. */
public final class EwmProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("ewm")
          .doc("Exponentially weighted mean, std or var (pandas ewm).")
          .param(ParamSpec.of("span", ParamType.FLOAT).atLeast(1).doc("alpha = 2 / (span + 1)."))
          .param(
              ParamSpec.of("alpha", ParamType.FLOAT)
                  .greaterThan(0)
                  .doc("Smoothing factor, 0 < alpha <= 1."))
          .param(ParamSpec.of("com", ParamType.FLOAT).atLeast(0).doc("alpha = 1 / (1 + com)."))
          .param(
              ParamSpec.of("halflife", ParamType.FLOAT_OR_DURATION)
                  .doc("Rows (alpha = 1 - exp(-ln 2 / halflife)) or a duration (time-aware)."))
          .param(ParamSpec.of("adjust", ParamType.BOOL).defaultsTo(true).doc("pandas adjust."))
          .param(
              ParamSpec.of("ignore_na", ParamType.BOOL).defaultsTo(false).doc("pandas ignore_na."))
          .param(
              ParamSpec.of("functions", ParamType.STRING_OR_STRING_LIST)
                  .defaultsTo(List.of("mean"))
                  .allowed("mean", "std", "var")
                  .doc("mean, std, var (bias-corrected)."))
          .param(
              ParamSpec.of("min_periods", ParamType.INT)
                  .defaultsTo(1)
                  .atLeast(1)
                  .doc("Non-null values needed before a value is output."))
          .param(CommonParams.columns("value columns"))
          .rule(ParamRule.exactlyOne("span", "alpha", "com", "halflife"))
          .example("[[operations]]\ntype = \"ewm\"\nspan = 10\nfunctions = [\"mean\", \"std\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Ewm op;
    if (p.isSet("span")) {
      op = Ewm.span(p.number("span"));
    } else if (p.isSet("alpha")) {
      op = Ewm.alpha(p.number("alpha"));
    } else if (p.isSet("com")) {
      op = Ewm.com(p.number("com"));
    } else {
      Object h = p.get("halflife");
      op = h instanceof Duration ? Ewm.halflife((Duration) h) : Ewm.halflife((Double) h);
    }
    Object fns = p.get("functions");
    List<String> names = fns instanceof String ? List.of((String) fns) : p.list("functions");
    if (!p.bool("adjust")) {
      op = op.adjust(false);
    }
    op =
        op.ignoreNa(p.bool("ignore_na"))
            .compute(ProviderSupport.constants(Ewm.Fn.class, names))
            .withMinPeriods(p.integer("min_periods"));
    return op.of(p.columns());
  }
}
