package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Regularize;

/** {@code regularize} (SEMANTICS §2.2.2): put each series on a regular grid. */
public final class RegularizeProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("regularize")
          .doc("One row per grid point of each series, filled from neighbouring rows.")
          .param(ParamSpec.of("rule", ParamType.DURATION).required().doc("Grid step."))
          .param(
              ParamSpec.of("fill", ParamType.STRING)
                  .defaultsTo("forward")
                  .allowed("null", "forward", "backward", "nearest", "linear")
                  .doc("How points without a row are filled."))
          .param(CommonParams.columns("all fields but time and keys (linear: value columns)"))
          .param(
              ParamSpec.of("max_gap", ParamType.DURATION)
                  .doc("Points whose neighbours are further apart stay null."))
          .param(
              ParamSpec.of("origin", ParamType.STRING)
                  .defaultsTo("epoch")
                  .doc("epoch, start_day, start, or a time."))
          .param(
              ParamSpec.of("offset", ParamType.OFFSET).doc("Added to the origin; may be negative."))
          .param(
              ParamSpec.of("start", ParamType.STRING)
                  .defaultsToDescribed("series' first grid point")
                  .doc("First grid point for every series (a time)."))
          .param(
              ParamSpec.of("end", ParamType.STRING)
                  .defaultsToDescribed("series' last grid point")
                  .doc("Last grid point for every series (a time)."))
          .param(ParamSpec.of("flag", ParamType.BOOL).defaultsTo(false).doc("Add {c}_is_filled."))
          .example(
              "[[operations]]\ntype = \"regularize\"\nrule = \"1min\"\nfill = \"linear\"\n"
                  + "max_gap = \"5min\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Regularize op =
        Regularize.every(p.duration("rule"))
            .fill(ProviderSupport.constant(Regularize.Fill.class, p.string("fill")));
    if (p.isSet("columns")) {
      op = op.of(p.columns());
    }
    if (p.isSet("max_gap")) {
      op = op.withMaxGap(p.duration("max_gap"));
    }
    if (p.isSet("origin")) {
      op = op.withOrigin(ResampleProvider.origin(p.string("origin"), context.options().timeZone()));
    }
    if (p.isSet("offset")) {
      op = op.withOffset(p.duration("offset"));
    }
    if (p.isSet("start") || p.isSet("end")) {
      op =
          op.between(
              FilterTimeProvider.time(p, "start", context),
              FilterTimeProvider.time(p, "end", context));
    }
    return p.bool("flag") ? op.withFlag() : op;
  }
}
