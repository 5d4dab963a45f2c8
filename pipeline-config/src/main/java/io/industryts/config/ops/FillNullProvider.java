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
import io.industryts.ops.FillNull;
import java.util.List;

/** {@code fill_null} (SEMANTICS §2.1.1): fill missing values. */
public final class FillNullProvider implements OperationProvider {
  static final List<String> DIRECTIONAL = List.of("forward", "ffill", "backward", "bfill");

  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("fill_null")
          .doc("Fill nulls from neighbours in time, a constant, zero, or the series mean / median.")
          .param(
              ParamSpec.of("method", ParamType.STRING)
                  .required()
                  .allowed(
                      "forward", "ffill", "backward", "bfill", "constant", "mean", "median", "zero")
                  .doc("forward (ffill), backward (bfill), constant, mean, median or zero."))
          .param(
              CommonParams.columns(
                  "forward/backward: all fields but time and keys; constant:"
                      + " fields that can hold value; mean/median/zero: value columns"))
          .param(
              ParamSpec.of("value", ParamType.SCALAR)
                  .doc("The fill value; required with method constant."))
          .param(
              ParamSpec.of("limit", ParamType.INT)
                  .atLeast(1)
                  .doc("Fill at most this many rows per null run (forward/backward)."))
          .param(
              ParamSpec.of("max_gap", ParamType.DURATION)
                  .doc("Fill only null runs whose whole span is at most this (forward/backward)."))
          .param(
              ParamSpec.of("limit_area", ParamType.STRING)
                  .allowed("inside", "outside")
                  .defaultsToDescribed("all runs")
                  .doc("inside: runs with both neighbours; outside: leading/trailing runs."))
          .param(ParamSpec.of("flag", ParamType.BOOL).defaultsTo(false).doc("Add {c}_is_filled."))
          .rule(ParamRule.requiredWith("value", "method", List.of("constant")))
          .rule(ParamRule.onlyWith("value", "method", List.of("constant"), "constant"))
          .rule(ParamRule.onlyWith("limit", "method", DIRECTIONAL, "forward or backward"))
          .rule(ParamRule.onlyWith("max_gap", "method", DIRECTIONAL, "forward or backward"))
          .rule(ParamRule.onlyWith("limit_area", "method", DIRECTIONAL, "forward or backward"))
          .example(
              "[[operations]]\ntype = \"fill_null\"\nmethod = \"forward\"\nmax_gap = \"10min\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    String[] columns = p.columns();
    FillNull op;
    switch (p.string("method")) {
      case "forward":
      case "ffill":
        op = FillNull.forward(columns);
        break;
      case "backward":
      case "bfill":
        op = FillNull.backward(columns);
        break;
      case "constant":
        op = FillNull.constant(p.get("value"), columns);
        break;
      case "mean":
        op = FillNull.mean(columns);
        break;
      case "median":
        op = FillNull.median(columns);
        break;
      default:
        op = FillNull.zero(columns);
        break;
    }
    if (p.isSet("limit")) {
      op = op.withLimit(p.integer("limit"));
    }
    if (p.isSet("max_gap")) {
      op = op.withMaxGap(p.duration("max_gap"));
    }
    if (p.isSet("limit_area")) {
      op =
          op.withLimitArea(
              ProviderSupport.constant(FillNull.LimitArea.class, p.string("limit_area")));
    }
    return p.bool("flag") ? op.withFlag() : op;
  }
}
