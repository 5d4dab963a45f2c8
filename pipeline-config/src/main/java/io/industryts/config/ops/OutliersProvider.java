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
import io.industryts.ops.Outliers;
import java.util.List;

/** {@code outliers} (SEMANTICS §2.1.5): detect and treat outliers. */
public final class OutliersProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("outliers")
          .doc(
              "Detect outliers (z-score, IQR, Hampel/MAD, fixed range) and null, clip, replace,"
                  + " drop or flag them.")
          .param(
              ParamSpec.of("method", ParamType.STRING)
                  .required()
                  .allowed("zscore", "iqr", "hampel", "range")
                  .doc("zscore, iqr, hampel (MAD) or range."))
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("threshold", ParamType.FLOAT)
                  .greaterThan(0)
                  .defaultsToDescribed("zscore 3.0, iqr 1.5, hampel 3.0")
                  .doc("k: how many deviations (or IQRs) away is an outlier; not for range."))
          .param(ParamSpec.of("lower", ParamType.FLOAT).doc("range: values below are outliers."))
          .param(ParamSpec.of("upper", ParamType.FLOAT).doc("range: values above are outliers."))
          .param(
              ParamSpec.of("action", ParamType.STRING)
                  .defaultsTo("null")
                  .allowed("null", "clip", "median", "drop", "flag")
                  .doc(
                      "null, clip (to the bound), median, drop (the row) or flag"
                          + " ({c}_is_outlier)."))
          .param(
              ParamSpec.of("window", ParamType.INT_OR_DURATION)
                  .defaultsToDescribed("none = whole series")
                  .doc(
                      "Reference window: int >= 2 rows or a duration, as rolling with closed"
                          + " right."))
          .param(
              ParamSpec.of("min_periods", ParamType.INT)
                  .atLeast(1)
                  .defaultsToDescribed("rows: window; duration or whole series: 1")
                  .doc("Fewer reference values than this: never an outlier."))
          .param(
              ParamSpec.of("center", ParamType.BOOL)
                  .defaultsTo(false)
                  .doc("Center a row window on the row."))
          .param(
              ParamSpec.of("ddof", ParamType.INT)
                  .defaultsTo(1)
                  .atLeast(0)
                  .doc("Delta degrees of freedom of the zscore std."))
          .rule(
              ParamRule.onlyWith(
                  "threshold",
                  "method",
                  List.of("zscore", "iqr", "hampel"),
                  "zscore, iqr or hampel"))
          .rule(ParamRule.onlyWith("lower", "method", List.of("range"), "range"))
          .rule(ParamRule.onlyWith("upper", "method", List.of("range"), "range"))
          .rule(
              ParamRule.of(
                  "method range needs lower or upper",
                  List.of("method"),
                  p ->
                      "range".equals(p.string("method")) && !p.isSet("lower") && !p.isSet("upper")
                          ? "method \"range\" needs lower or upper. Got neither."
                          : null))
          .rule(ParamRule.valueNotWith("action", "median", "method", List.of("range")))
          .rule(ParamRule.onlyWith("ddof", "method", List.of("zscore"), "zscore"))
          .rule(
              ParamRule.of(
                  "center is only valid with a row window",
                  List.of("center"),
                  p ->
                      Boolean.TRUE.equals(p.bool("center")) && !(p.get("window") instanceof Integer)
                          ? "center is only valid with a row window"
                          : null))
          .example(
              "[[operations]]\ntype = \"outliers\"\nmethod = \"zscore\"\nthreshold = 3.0\n"
                  + "action = \"clip\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    String[] columns = p.columns();
    Double k = p.number("threshold");
    Outliers op;
    switch (p.string("method")) {
      case "zscore":
        op = k == null ? Outliers.zscore(columns) : Outliers.zscore(k, columns);
        break;
      case "iqr":
        op = k == null ? Outliers.iqr(columns) : Outliers.iqr(k, columns);
        break;
      case "hampel":
        op = k == null ? Outliers.hampel(columns) : Outliers.hampel(k, columns);
        break;
      default:
        op = Outliers.range(p.number("lower"), p.number("upper"), columns);
        break;
    }
    if (p.isSet("action")) {
      op = op.withAction(ProviderSupport.constant(Outliers.Action.class, p.string("action")));
    }
    if (p.isSet("ddof")) {
      op = op.withDdof(p.integer("ddof"));
    }
    Object window = p.get("window");
    if (window instanceof Integer) {
      op = op.overRows((Integer) window);
    } else if (window instanceof org.joda.time.Duration) {
      op = op.over((org.joda.time.Duration) window);
    }
    if (Boolean.TRUE.equals(p.bool("center"))) {
      op = op.centered();
    }
    if (p.isSet("min_periods")) {
      op = op.withMinPeriods(p.integer("min_periods"));
    }
    return op;
  }
}
