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
import io.industryts.ops.Cumulative;
import java.util.List;
import org.joda.time.Duration;

/** {@code cumulative} (SEMANTICS §2.4.2): running aggregates, optionally reset per bucket. */
public final class CumulativeProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("cumulative")
          .doc("Running sum, product, max, min of non-null values and row count per series.")
          .param(
              ParamSpec.of("functions", ParamType.STRING_LIST)
                  .required()
                  .allowed("cumsum", "cumprod", "cummax", "cummin", "cumcount")
                  .doc("Outputs {c}_{fn}; cumcount is one column."))
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("reset_every", ParamType.DURATION)
                  .doc("Restart at each epoch-aligned bucket of this width."))
          .param(
              ParamSpec.of("offset", ParamType.OFFSET)
                  .defaultsTo(Duration.ZERO)
                  .doc("Bucket offset for reset_every; may be negative."))
          .param(CommonParams.suffix())
          .rule(
              ParamRule.of(
                  "offset needs reset_every",
                  List.of("offset"),
                  p ->
                      p.isSet("offset") && !p.isSet("reset_every")
                          ? "\"offset\" is only valid with reset_every"
                          : null))
          .example(
              "[[operations]]\ntype = \"cumulative\"\nfunctions = [\"cumsum\"]\n"
                  + "columns = [\"energy\"]\nreset_every = \"1d\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    List<String> fns = p.list("functions");
    Cumulative op =
        Cumulative.of(ProviderSupport.constants(Cumulative.CumFn.class, fns)).on(p.columns());
    if (p.isSet("reset_every")) {
      op = op.resetEvery(p.duration("reset_every"));
    }
    if (p.isSet("offset")) {
      op = op.withOffset(p.duration("offset"));
    }
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
