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
import io.industryts.ops.Scale;
import java.util.List;

/** {@code scale} (SEMANTICS §2.5.1): standard, min-max, robust or fixed scaling. */
public final class ScaleProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("scale")
          .doc("Scale columns per series (or globally): standard, minmax, robust or fixed.")
          .param(
              ParamSpec.of("method", ParamType.STRING)
                  .defaultsTo("standard")
                  .allowed("standard", "minmax", "robust", "fixed")
                  .doc(
                      "standard (x-mean)/std, minmax, robust (x-median)/IQR, fixed"
                          + " (x-center)/scale."))
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("ddof", ParamType.INT)
                  .defaultsTo(0)
                  .atLeast(0)
                  .doc("Delta degrees of freedom of std (standard only)."))
          .param(
              ParamSpec.of("feature_range", ParamType.FLOAT_PAIR)
                  .defaultsTo(List.of(0.0, 1.0))
                  .doc("Output range [a, b] of minmax, a < b."))
          .param(
              ParamSpec.of("quantile_range", ParamType.FLOAT_PAIR)
                  .defaultsTo(List.of(25.0, 75.0))
                  .doc("Percentiles [lo, hi] of robust, 0 <= lo < hi <= 100."))
          .param(ParamSpec.of("center", ParamType.FLOAT).doc("fixed: subtracted; required."))
          .param(ParamSpec.of("scale", ParamType.FLOAT).doc("fixed: divisor, != 0; required."))
          .param(
              ParamSpec.of("fit", ParamType.STRING)
                  .defaultsTo("series")
                  .allowed("series", "global")
                  .doc("Statistics per series or over the whole input."))
          .param(CommonParams.suffix())
          .rule(ParamRule.onlyWith("ddof", "method", List.of("standard"), "standard"))
          .rule(ParamRule.onlyWith("feature_range", "method", List.of("minmax"), "minmax"))
          .rule(ParamRule.onlyWith("quantile_range", "method", List.of("robust"), "robust"))
          .rule(ParamRule.onlyWith("center", "method", List.of("fixed"), "fixed"))
          .rule(ParamRule.onlyWith("scale", "method", List.of("fixed"), "fixed"))
          .rule(
              ParamRule.of(
                  "method fixed needs center and scale",
                  List.of("method"),
                  p ->
                      "fixed".equals(p.string("method")) && !(p.isSet("center") && p.isSet("scale"))
                          ? "method \"fixed\" needs center and scale"
                          : null))
          .example("[[operations]]\ntype = \"scale\"\nmethod = \"standard\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    String[] columns = p.columns();
    Scale op;
    switch (p.string("method")) {
      case "minmax":
        op = Scale.minMax(columns);
        break;
      case "robust":
        op = Scale.robust(columns);
        break;
      case "fixed":
        op = Scale.fixed(p.number("center"), p.number("scale"), columns);
        break;
      default:
        op = Scale.standard(columns);
        break;
    }
    if (p.isSet("feature_range")) {
      List<Double> r = p.list("feature_range");
      op = op.withRange(r.get(0), r.get(1));
    }
    if (p.isSet("quantile_range")) {
      List<Double> r = p.list("quantile_range");
      op = op.withQuantileRange(r.get(0), r.get(1));
    }
    if (p.isSet("ddof")) {
      op = op.withDdof(p.integer("ddof"));
    }
    if (p.isSet("fit")) {
      op = op.withFit(ProviderSupport.constant(Scale.Fit.class, p.string("fit")));
    }
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
