package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamRule;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.DatetimeFeatures;
import java.util.List;

/** {@code datetime_features} (SEMANTICS §2.3.3): calendar features of the time column. */
public final class DatetimeFeaturesProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("datetime_features")
          .doc(
              "Add calendar features of the time column (in time_zone), plain or as sin/cos pairs.")
          .param(
              ParamSpec.of("features", ParamType.STRING_LIST)
                  .required()
                  .allowed(
                      "year",
                      "month",
                      "day",
                      "hour",
                      "minute",
                      "second",
                      "dayofweek",
                      "dayofyear",
                      "weekofyear",
                      "quarter",
                      "is_weekend")
                  .doc("Features to add, in order; may be empty if cyclic is not."))
          .param(
              ParamSpec.of("cyclic", ParamType.STRING_LIST)
                  .defaultsTo(List.of())
                  .allowed("hour", "minute", "second", "dayofweek", "month", "dayofyear")
                  .doc("Features to add as {f}_sin, {f}_cos."))
          .param(
              ParamSpec.of("prefix", ParamType.STRING)
                  .defaultsTo("")
                  .doc("Prepended to every output name."))
          .rule(
              ParamRule.of(
                  "features or cyclic must name a feature",
                  List.of("features"),
                  p ->
                      p.list("features").isEmpty() && p.list("cyclic").isEmpty()
                          ? "features and cyclic are both empty; name at least one feature"
                          : null))
          .example(
              "[[operations]]\ntype = \"datetime_features\"\nfeatures = [\"hour\", \"dayofweek\"]\n"
                  + "cyclic = [\"hour\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    DatetimeFeatures op =
        DatetimeFeatures.of(
            ProviderSupport.constants(DatetimeFeatures.Feature.class, p.list("features")));
    if (p.isSet("cyclic")) {
      op = op.cyclic(ProviderSupport.constants(DatetimeFeatures.Feature.class, p.list("cyclic")));
    }
    return p.isSet("prefix") ? op.withPrefix(p.string("prefix")) : op;
  }
}
