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
import io.industryts.ops.Resample;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/** {@code resample} (SEMANTICS §2.2.1): aggregate into fixed time buckets. */
public final class ResampleProvider implements OperationProvider {
  static final List<String> AGGREGATIONS =
      List.of(
          "mean",
          "sum",
          "min",
          "max",
          "first",
          "last",
          "count",
          "median",
          "std",
          "var",
          "twa",
          "integral");

  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("resample")
          .doc(
              "Aggregate each series into fixed time buckets (downsample), empty buckets included.")
          .param(CommonParams.columns("value columns"))
          .param(ParamSpec.of("rule", ParamType.DURATION).required().doc("Bucket width."))
          .param(
              ParamSpec.of("aggregation", ParamType.STRING)
                  .defaultsTo("mean")
                  .allowed(AGGREGATIONS)
                  .doc("One aggregation for every column in columns."))
          .param(
              ParamSpec.of("aggregations", ParamType.AGGREGATION_TABLE)
                  .allowed(AGGREGATIONS)
                  .doc(
                      "Per column: a string keeps {c}, a list makes {c}_{agg}; excludes aggregation"
                          + " and columns."))
          .param(SharedParams.BUCKET_CLOSED)
          .param(SharedParams.BUCKET_LABEL)
          .param(SharedParams.BUCKET_ORIGIN)
          .param(SharedParams.BUCKET_OFFSET)
          .param(
              ParamSpec.of("emit_empty", ParamType.BOOL)
                  .defaultsTo(true)
                  .doc("Emit empty buckets inside each series' range (always with twa/integral)."))
          .param(SharedParams.DDOF)
          .param(SharedParams.SIGNAL_INTERPOLATION)
          .param(SharedParams.SIGNAL_INTEGRAL_UNIT)
          .param(SharedParams.SIGNAL_MAX_GAP)
          .rule(ParamRule.notBoth("aggregation", "aggregations"))
          .rule(ParamRule.notBoth("columns", "aggregations"))
          .rule(SharedParams.signalKeysNeedTimeWeighted())
          .example(
              "[[operations]]\ntype = \"resample\"\nrule = \"1h\"\naggregation = \"mean\"\n\n"
                  + "[[operations]]\ntype = \"resample\"\nrule = \"1h\"\n"
                  + "aggregations = { power_kw = [\"integral\", \"twa\"] }\n"
                  + "interpolation = \"linear\"\nintegral_unit = \"1h\"\nmax_gap = \"15min\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Resample op = Resample.every(p.duration("rule"));
    if (p.isSet("aggregations")) {
      for (Map.Entry<String, Object> e : p.<Object>table("aggregations").entrySet()) {
        if (e.getValue() instanceof String) {
          op = op.aggregate(e.getKey(), agg((String) e.getValue()));
        } else {
          @SuppressWarnings("unchecked")
          List<String> aggs = (List<String>) e.getValue();
          op =
              op.aggregateEach(
                  e.getKey(), List.of(ProviderSupport.constants(Resample.Agg.class, aggs)));
        }
      }
    } else {
      if (p.isSet("aggregation")) {
        op = op.aggregate(agg(p.string("aggregation")));
      }
      if (p.isSet("columns")) {
        op = op.of(p.columns());
      }
    }
    if (p.isSet("closed")) {
      op = op.closed(ProviderSupport.constant(Resample.Side.class, p.string("closed")));
    }
    if (p.isSet("label")) {
      op = op.label(ProviderSupport.constant(Resample.Side.class, p.string("label")));
    }
    if (p.isSet("origin")) {
      op = op.withOrigin(origin(p.string("origin"), context.options().timeZone()));
    }
    if (p.isSet("offset")) {
      op = op.withOffset(p.duration("offset"));
    }
    if (!p.bool("emit_empty")) {
      op = op.withoutEmptyBuckets();
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

  private static Resample.Agg agg(String toml) {
    return ProviderSupport.constant(Resample.Agg.class, toml);
  }

  /** {@code epoch}, {@code start}, {@code start_day}, or a time (zone-less: in {@code zone}). */
  static Resample.Origin origin(String text, ZoneId zone) {
    switch (text) {
      case "epoch":
        return Resample.Origin.epoch();
      case "start":
        return Resample.Origin.start();
      case "start_day":
        return Resample.Origin.startDay();
      default:
        return Resample.Origin.at(
            new Instant(
                ProviderSupport.parseTime(text, zone, "origin", "[epoch, start_day, start]")
                    .toEpochMilli()));
    }
  }
}
