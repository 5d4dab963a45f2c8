package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Interpolate;

/** {@code interpolate} (SEMANTICS §2.1.2): fill nulls from neighbouring observations in time. */
public final class InterpolateProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("interpolate")
          .doc("Fill nulls linearly in time or from the nearest observation.")
          .param(
              ParamSpec.of("method", ParamType.STRING)
                  .defaultsTo("linear")
                  .allowed("linear", "time", "nearest")
                  .doc("linear (alias time): linear in time; nearest: nearest observation."))
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("max_gap", ParamType.DURATION)
                  .doc("Fill only null runs whose whole span is at most this."))
          .param(
              ParamSpec.of("edges", ParamType.STRING)
                  .defaultsTo("null")
                  .allowed("null", "forward", "both")
                  .doc(
                      "null: edge runs stay null; forward: trailing runs take the last"
                          + " observation; both: also leading runs take the first."))
          .param(ParamSpec.of("flag", ParamType.BOOL).defaultsTo(false).doc("Add {c}_is_filled."))
          .example("[[operations]]\ntype = \"interpolate\"\nmax_gap = \"10min\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Interpolate op =
        "nearest".equals(p.string("method"))
            ? Interpolate.nearest(p.columns())
            : Interpolate.linear(p.columns());
    if (p.isSet("max_gap")) {
      op = op.withMaxGap(p.duration("max_gap"));
    }
    op = op.withEdges(ProviderSupport.constant(Interpolate.Edges.class, p.string("edges")));
    return p.bool("flag") ? op.withFlag() : op;
  }
}
