package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.SeriesOptions;
import io.industryts.config.testing.FakeOperation;
import io.industryts.config.testing.TestRegistries;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSeriesPipelineTest {
  private static final FakeOperation DIFF = new FakeOperation("diff", Map.of());
  private static final FakeOperation LAG = new FakeOperation("lag", Map.of());

  @Test
  void unnamedStepsAreNamedIndexUnderscoreType() {
    TimeSeriesPipeline p = TimeSeriesPipeline.create().then(DIFF).then("lags", LAG).then(DIFF);
    assertEquals(List.of("1_diff", "lags", "3_diff"), p.stepNames());
  }

  @Test
  void thenReturnsACopy() {
    TimeSeriesPipeline empty = TimeSeriesPipeline.create();
    empty.then(DIFF);
    assertEquals(List.of(), empty.stepNames());
  }

  @Test
  void duplicateStepNameIsRejected() {
    TimeSeriesPipeline p = TimeSeriesPipeline.create().then("x", DIFF);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.then("x", LAG));
    assertEquals("TimeSeriesPipeline: duplicate step name \"x\". Step names must be unique; pass"
        + " another name to then(name, operation).", e.getMessage());
  }

  @Test
  void seriesOptionsApplyToThePipeline() {
    TimeSeriesPipeline p = TimeSeriesPipeline.create().withTimeColumn("tagTime").keyedBy("tag")
        .withTimeZone(ZoneId.of("Europe/Berlin")).withSequenceColumn("seq");
    assertEquals(SeriesOptions.defaults().withTimeColumn("tagTime").withKeyColumns(List.of("tag"))
        .withTimeZone(ZoneId.of("Europe/Berlin")).withSequenceColumn("seq"), p.options());
  }

  @Test
  void fromTomlBuildsTheSameStepsAsTheJavaBuilder() {
    TimeSeriesPipeline fromToml = IndustryPipeline.fromToml(
        Path.of("src/test/resources/configs/valid/standard_industrial.toml"),
        TestRegistries.fakes());
    assertEquals("standard_industrial", fromToml.getName());
    assertEquals(10, fromToml.steps().size());
    assertEquals(new FakeOperation("resample", Map.of("rule", org.joda.time.Duration
        .standardMinutes(1), "aggregation", "mean")), fromToml.steps().get(4).operation());
    assertEquals("5_resample", fromToml.steps().get(4).name());
  }
}
