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
import io.industryts.ops.MaskQuality;
import java.util.List;
import java.util.Map;

/** {@code mask_quality} (SEMANTICS §2.8.4): null the values a quality column marks bad. */
public final class MaskQualityProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("mask_quality")
          .doc(
              "Null the values whose quality (status) column is not good: OPC DA codes, OPC UA"
                  + " codes or words.")
          .param(
              ParamSpec.of("quality_column", ParamType.STRING)
                  .doc("One quality column for all of columns (required unless pairs)."))
          .param(
              ParamSpec.of("pairs", ParamType.STRING_TABLE)
                  .doc("A quality column per value column: {flow = \"flow_q\"}."))
          .param(CommonParams.columns("value columns that are not quality columns"))
          .param(
              ParamSpec.of("good", ParamType.INT_LIST_OR_STRING_LIST)
                  .defaultsToDescribed("OPC DA 192..255; strings: \"good\"")
                  .doc("The good codes (integer quality) or words (case-insensitive)."))
          .param(
              ParamSpec.of("drop_quality", ParamType.BOOL)
                  .defaultsTo(true)
                  .doc(
                      "Drop the quality columns; kept ones are not value columns of later"
                          + " steps."))
          .rule(ParamRule.exactlyOne("quality_column", "pairs"))
          .rule(ParamRule.notBoth("pairs", "columns"))
          .rule(
              ParamRule.of(
                  "good lists at least one code or word",
                  List.of("good"),
                  p ->
                      p.isSet("good") && p.list("good").isEmpty()
                          ? "good must list at least one code or word. Got []; expected e.g."
                              + " [192] or [\"Good\"], or leave it unset for the defaults."
                          : null))
          .example(
              "[[operations]]\ntype = \"mask_quality\"\nquality_column = \"quality\"\n"
                  + "columns = [\"power_kw\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    MaskQuality op;
    if (p.isSet("pairs")) {
      Map<String, String> pairs = p.table("pairs");
      op = MaskQuality.pairs(pairs);
    } else {
      op = MaskQuality.by(p.string("quality_column")).of(p.columns());
    }
    if (p.isSet("good")) {
      List<Object> good = p.list("good");
      if (!good.isEmpty() && good.get(0) instanceof String) {
        op = op.withGood(good.stream().map(String.class::cast).toArray(String[]::new));
      } else {
        op = op.withGood(good.stream().mapToLong(g -> (Long) g).toArray());
      }
    }
    return op.withDropQuality(p.bool("drop_quality"));
  }
}
