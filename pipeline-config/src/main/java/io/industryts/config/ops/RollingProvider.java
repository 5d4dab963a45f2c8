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
import io.industryts.ops.Rolling;
import java.util.List;
import org.joda.time.Duration;

/** {@code rolling} (SEMANTICS §2.2.3): window statistics per row. */
public final class RollingProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("rolling")
          .doc("Add {c}_rolling_{fn}_{window} columns: statistics over a row or time window.")
          .param(
              ParamSpec.of("window", ParamType.INT_OR_DURATION)
                  .required()
                  .atLeast(1)
                  .doc("int >= 1: rows; duration: time span."))
          .param(
              ParamSpec.of("functions", ParamType.STRING_OR_STRING_LIST)
                  .defaultsTo(List.of("mean"))
                  .allowed("mean", "sum", "min", "max", "std", "var", "median", "count")
                  .doc("Statistics to compute."))
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("min_periods", ParamType.INT)
                  .atLeast(1)
                  .defaultsToDescribed("rows: window; duration: 1")
                  .doc("Fewer non-null values in the window: null."))
          .param(
              ParamSpec.of("closed", ParamType.STRING)
                  .defaultsTo("right")
                  .allowed("right", "left", "both", "neither")
                  .doc("Which window ends are included."))
          .param(
              ParamSpec.of("center", ParamType.BOOL)
                  .defaultsTo(false)
                  .doc("Center a row window on the row (closed right only)."))
          .param(SharedParams.DDOF)
          .param(CommonParams.suffix())
          .rule(
              ParamRule.of(
                  "center needs a row window and closed \"right\"",
                  List.of("center"),
                  p ->
                      Boolean.TRUE.equals(p.bool("center"))
                              && (!(p.get("window") instanceof Integer)
                                  || !"right".equals(p.string("closed")))
                          ? "center needs a row window and closed \"right\""
                          : null))
          .example(
              "[[operations]]\ntype = \"rolling\"\nwindow = 10\nfunctions = [\"mean\", \"std\"]\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Object window = p.get("window");
    Rolling op =
        window instanceof Integer
            ? Rolling.rows((Integer) window, p.columns())
            : Rolling.over((Duration) window, p.columns());
    if (p.isSet("functions")) {
      op = op.compute(ProviderSupport.constants(Rolling.Fn.class, p.list("functions")));
    }
    if (p.isSet("min_periods")) {
      op = op.withMinPeriods(p.integer("min_periods"));
    }
    if (p.isSet("closed")) {
      op = op.closed(ProviderSupport.constant(Rolling.Closed.class, p.string("closed")));
    }
    if (p.bool("center")) {
      op = op.centered();
    }
    if (!p.string("suffix").isEmpty()) {
      op = op.withSuffix(p.string("suffix"));
    }
    return p.isSet("ddof") ? op.withDdof(p.integer("ddof")) : op;
  }
}
