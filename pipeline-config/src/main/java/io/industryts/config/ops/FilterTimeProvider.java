package io.industryts.config.ops;

import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamRule;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.FilterTime;
import org.joda.time.Instant;

/** {@code filter_time} (SEMANTICS §2.2.5): keep a time range. */
public final class FilterTimeProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("filter_time")
          .doc("Keep rows with start <= time < end.")
          .param(
              ParamSpec.of("start", ParamType.STRING)
                  .doc("Inclusive lower bound, a time; zone-less in time_zone."))
          .param(
              ParamSpec.of("end", ParamType.STRING)
                  .doc("Exclusive upper bound, a time; zone-less in time_zone."))
          .rule(
              ParamRule.of(
                  "needs start or end",
                  java.util.List.of("start", "end"),
                  p ->
                      p.isSet("start") || p.isSet("end")
                          ? null
                          : "filter_time needs start or end. Got neither."))
          .example(
              "[[operations]]\ntype = \"filter_time\"\nstart = \"2024-01-01 01:00\"\n"
                  + "end = \"2024-01-01 03:00\"\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  static Instant time(ValidatedParams p, String key, StepContext context) {
    if (!p.isSet(key)) {
      return null;
    }
    return new Instant(
        ProviderSupport.parseTime(p.string(key), context.options().timeZone(), key, "[]")
            .toEpochMilli());
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Instant start = time(p, "start", context);
    Instant end = time(p, "end", context);
    if (start == null) {
      return FilterTime.until(end);
    }
    return end == null ? FilterTime.from(start) : FilterTime.between(start, end);
  }
}
