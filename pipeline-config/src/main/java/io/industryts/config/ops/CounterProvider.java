package io.industryts.config.ops;

import io.industryts.config.CommonParams;
import io.industryts.config.OperationDescription;
import io.industryts.config.OperationProvider;
import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;
import io.industryts.config.StepContext;
import io.industryts.config.ValidatedParams;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Counter;
import java.util.List;
import org.joda.time.Duration;

/** {@code counter} (SEMANTICS §2.8.2): increases and rates of counters with resets and rollover. */
public final class CounterProvider implements OperationProvider {
  public static final OperationDescription DESCRIPTION =
      OperationDescription.builder("counter")
          .doc(
              "Increase and rate of monotonic counters (totalizers, meters) across resets and"
                  + " rollover: {c}_increase, {c}_rate.")
          .param(CommonParams.columns("value columns"))
          .param(
              ParamSpec.of("outputs", ParamType.STRING_LIST)
                  .defaultsTo(List.of("increase", "rate"))
                  .allowed("increase", "rate")
                  .doc("Outputs per column, in this order: {c}_increase, {c}_rate."))
          .param(
              ParamSpec.of("rollover", ParamType.FLOAT)
                  .doc(
                      "The counter wraps at this value (counts in [0, rollover)); else a drop is"
                          + " a reset to 0."))
          .param(
              ParamSpec.of("rate_unit", ParamType.DURATION)
                  .defaultsTo(Duration.standardSeconds(1))
                  .doc("rate = increase per this duration."))
          .param(
              ParamSpec.of("max_increase", ParamType.FLOAT)
                  .doc("An increase above this is a glitch: null, counted as counter_glitches."))
          .param(CommonParams.suffix())
          .example(
              "[[operations]]\ntype = \"counter\"\ncolumns = [\"energy_kwh\"]\nrollover = 65536\n"
                  + "rate_unit = \"1h\"\nmax_increase = 5000\n")
          .build();

  @Override
  public OperationDescription description() {
    return DESCRIPTION;
  }

  @Override
  public Operation create(ValidatedParams p, StepContext context) {
    Counter op = Counter.of(p.columns());
    if (p.isSet("outputs")) {
      op = op.withOutputs(ProviderSupport.constants(Counter.Output.class, p.list("outputs")));
    }
    if (p.isSet("rollover")) {
      op = op.withRollover(p.number("rollover"));
    }
    if (p.isSet("rate_unit")) {
      op = op.withRateUnit(p.duration("rate_unit"));
    }
    if (p.isSet("max_increase")) {
      op = op.withMaxIncrease(p.number("max_increase"));
    }
    return p.string("suffix").isEmpty() ? op : op.withSuffix(p.string("suffix"));
  }
}
