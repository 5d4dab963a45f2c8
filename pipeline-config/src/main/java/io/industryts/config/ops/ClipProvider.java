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
import io.industryts.ops.Clip;

/** {@code clip} (SEMANTICS §2.1.6): bound values. */
public final class ClipProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("clip")
          .doc("Bound values to [lower, upper]; nulls stay null.")
          .param(CommonParams.columns("value columns"))
          .param(ParamSpec.of("lower", ParamType.FLOAT).doc("Values below become lower."))
          .param(ParamSpec.of("upper", ParamType.FLOAT).doc("Values above become upper."))
          .rule(
              ParamRule.of(
                  "needs lower or upper",
                  java.util.List.of("lower", "upper"),
                  p ->
                      p.isSet("lower") || p.isSet("upper")
                          ? null
                          : "clip needs lower or upper. Got neither."))
          .example("[[operations]]\ntype = \"clip\"\nlower = 0\nupper = 100\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    return Clip.between(
        p.isSet("lower") ? p.number("lower") : null,
        p.isSet("upper") ? p.number("upper") : null,
        p.columns());
  }
}
