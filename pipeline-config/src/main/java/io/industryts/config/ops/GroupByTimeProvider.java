package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.GroupByTime;
import io.industryts.ops.Resample;
import java.util.List;
import java.util.Map;

/** {@code group_by_time} (SEMANTICS §2.4.1): bucketed multi-aggregation keeping keys. */
public final class GroupByTimeProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("group_by_time")
          .doc(
              "One row per non-empty (keys, by, bucket) group with {c}_{agg} aggregates; with"
                  + " twa/integral also one per bucket a signal stretch crosses.")
          .param(ParamSpec.of("every", ParamType.DURATION).required().doc("Bucket width."))
          .param(
              ParamSpec.of("aggregations", ParamType.AGGREGATION_TABLE)
                  .required()
                  .allowed(ResampleProvider.AGGREGATIONS)
                  .doc("Per column: an aggregation or a list; outputs are always {c}_{agg}."))
          .param(
              ParamSpec.of("by", ParamType.STRING_LIST)
                  .defaultsTo(List.of())
                  .doc("Extra grouping columns besides keys and bucket; null is a group."))
          .param(SharedParams.BUCKET_CLOSED)
          .param(SharedParams.BUCKET_LABEL)
          .param(SharedParams.BUCKET_ORIGIN)
          .param(SharedParams.BUCKET_OFFSET)
          .param(SharedParams.DDOF)
          .param(SharedParams.SIGNAL_INTERPOLATION)
          .param(SharedParams.SIGNAL_INTEGRAL_UNIT)
          .param(SharedParams.SIGNAL_MAX_GAP)
          .rule(SharedParams.signalKeysNeedTimeWeighted())
          .example(
              "[[operations]]\ntype = \"group_by_time\"\nevery = \"1h\"\n"
                  + "aggregations = { v = [\"mean\", \"max\"] }\nby = [\"status\"]\n\n"
                  + "[[operations]]\ntype = \"group_by_time\"\nevery = \"1h\"\n"
                  + "aggregations = { power_kw = [\"integral\", \"max\"] }\n"
                  + "integral_unit = \"1h\"\nmax_gap = \"15min\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    GroupByTime op = GroupByTime.every(p.duration("every"));
    for (Map.Entry<String, Object> e : p.<Object>table("aggregations").entrySet()) {
      @SuppressWarnings("unchecked")
      List<String> aggs =
          e.getValue() instanceof String
              ? List.of((String) e.getValue())
              : (List<String>) e.getValue();
      op =
          op.aggregateEach(
              e.getKey(), List.of(ProviderSupport.constants(Resample.Agg.class, aggs)));
    }
    List<String> by = p.list("by");
    if (!by.isEmpty()) {
      op = op.alsoBy(by.toArray(new String[0]));
    }
    if (p.isSet("closed")) {
      op = op.closed(ProviderSupport.constant(Resample.Side.class, p.string("closed")));
    }
    if (p.isSet("label")) {
      op = op.label(ProviderSupport.constant(Resample.Side.class, p.string("label")));
    }
    if (p.isSet("origin")) {
      op = op.withOrigin(ResampleProvider.origin(p.string("origin"), context.options().timeZone()));
    }
    if (p.isSet("offset")) {
      op = op.withOffset(p.duration("offset"));
    }
    if (p.isSet("interpolation")) {
      op =
          op.withInterpolation(
              ProviderSupport.constant(Resample.Interpolation.class, p.string("interpolation")));
    }
    if (p.isSet("integral_unit")) {
      op = op.withIntegralUnit(p.duration("integral_unit"));
    }
    if (p.isSet("max_gap")) {
      op = op.withMaxGap(p.duration("max_gap"));
    }
    return p.isSet("ddof") ? op.withDdof(p.integer("ddof")) : op;
  }
}
