package io.industryts.config.ops;

import static io.industryts.config.ops.TomlSteps.assertSame;
import static io.industryts.config.ops.TomlSteps.problems;
import static io.industryts.config.ops.TomlSteps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.ops.Counter;
import io.industryts.ops.GroupByTime;
import io.industryts.ops.Resample;
import io.industryts.ops.Resample.Agg;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The TOML face of SEMANTICS §2.8.1 ({@code twa} / {@code integral} keys of {@code resample} and
 * {@code group_by_time}) and §2.8.2 ({@code counter}): each step builds the Java factory's
 * operation, and bad values give the section's messages at the step's position.
 */
class PlantOpsProvidersTest {
  @Test
  void resampleTwaAndIntegralWithEverySignalKey() {
    assertSame(
        Resample.every(Duration.standardHours(1))
            .aggregateEach("power", java.util.List.of(Agg.INTEGRAL, Agg.TWA))
            .withInterpolation(Resample.Interpolation.LINEAR)
            .withIntegralUnit(Duration.standardHours(1))
            .withMaxGap(Duration.standardMinutes(15)),
        step(
            "type = \"resample\"\nrule = \"1h\"\naggregations = { power = [\"integral\","
                + " \"twa\"] }\ninterpolation = \"linear\"\nintegral_unit = \"1h\"\n"
                + "max_gap = \"15min\"\n"));
    assertSame(
        Resample.every(Duration.standardMinutes(5)).aggregate(Agg.TWA),
        step("type = \"resample\"\nrule = \"5min\"\naggregation = \"twa\"\n"));
  }

  @Test
  void groupByTimeTwaAndIntegral() {
    assertSame(
        GroupByTime.every(Duration.standardHours(1))
            .aggregate("power", Agg.INTEGRAL, Agg.MAX)
            .withIntegralUnit(Duration.standardHours(1))
            .withMaxGap(Duration.standardMinutes(15)),
        step(
            "type = \"group_by_time\"\nevery = \"1h\"\naggregations = { power = [\"integral\","
                + " \"max\"] }\nintegral_unit = \"1h\"\nmax_gap = \"15min\"\n"));
  }

  @Test
  void badInterpolationAndIntegralUnit() {
    assertEquals(
        "job.toml:5:1: operations[1] (resample): interpolation \"spline\" is not one of"
            + " [previous, linear]",
        problems(
            "type = \"resample\"\nrule = \"1h\"\naggregation = \"twa\"\n"
                + "interpolation = \"spline\"\n"));
    assertEquals(
        "job.toml:5:1: operations[1] (resample): integral_unit must be > 0. Got PT0S.",
        problems(
            "type = \"resample\"\nrule = \"1h\"\naggregation = \"integral\"\n"
                + "integral_unit = \"0s\"\n"));
  }

  @Test
  void signalKeysWithoutTwaOrIntegralAreAMistake() {
    assertEquals(
        "job.toml:4:1: operations[1] (resample): \"max_gap\" is only valid with a twa or"
            + " integral aggregation",
        problems("type = \"resample\"\nrule = \"1h\"\nmax_gap = \"10min\"\n"));
    assertEquals(
        "job.toml:5:1: operations[1] (group_by_time): \"integral_unit\" is only valid with a"
            + " twa or integral aggregation",
        problems(
            "type = \"group_by_time\"\nevery = \"1h\"\naggregations = { v = \"mean\" }\n"
                + "integral_unit = \"1h\"\n"));
  }

  @Test
  void groupByTimeTwaWithByIsAnError() {
    assertEquals(
        "job.toml:1:1: operations[1] (group_by_time): GroupByTime: twa and integral need the"
            + " whole series; remove by.",
        problems(
            "type = \"group_by_time\"\nevery = \"1h\"\naggregations = { v = \"twa\" }\n"
                + "by = [\"status\"]\n"));
  }

  @Test
  void counterDefaultsAndEveryOption() {
    assertSame(Counter.of(), step("type = \"counter\"\n"));
    assertSame(
        Counter.of("energy_kwh")
            .withOutputs(Counter.Output.RATE, Counter.Output.INCREASE)
            .withRollover(65536)
            .withRateUnit(Duration.standardHours(1))
            .withMaxIncrease(5000)
            .withSuffix("_x"),
        step(
            "type = \"counter\"\ncolumns = [\"energy_kwh\"]\noutputs = [\"rate\", \"increase\"]\n"
                + "rollover = 65536\nrate_unit = \"1h\"\nmax_increase = 5000\nsuffix = \"_x\"\n"));
  }

  @Test
  void counterErrors() {
    assertEquals(
        "job.toml:1:1: operations[1] (counter): Counter: rollover must be > 0. Got 0.0.",
        problems("type = \"counter\"\nrollover = 0\n"));
    assertEquals(
        "job.toml:3:1: operations[1] (counter): output \"delta\" is not one of [increase, rate]",
        problems("type = \"counter\"\noutputs = [\"delta\"]\n"));
  }
}
