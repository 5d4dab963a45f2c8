package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesPipeline;
import io.industryts.config.testing.FakeOperation;
import io.industryts.config.testing.TestRegistries;
import io.industryts.engine.spi.SeriesOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class IndustryPipelineTest {
  private static final Path VALID = Path.of("src/test/resources/configs/valid");

  @Test
  void fromTomlIsNamedAfterThePipeline() {
    TimeSeriesPipeline p =
        IndustryPipeline.fromToml(
            VALID.resolve("standard_industrial.toml"), TestRegistries.fakes());
    assertEquals("standard_industrial", p.getName());
  }

  @Test
  void fromTomlHasOneStepPerOperationTable() {
    TimeSeriesPipeline p =
        IndustryPipeline.fromToml(
            VALID.resolve("standard_industrial.toml"), TestRegistries.fakes());
    assertEquals(10, p.steps().size());
    assertEquals("5_resample", p.steps().get(4).name());
    assertEquals(
        new FakeOperation(
            "resample", Map.of("rule", Duration.standardMinutes(1), "aggregation", "mean")),
        p.steps().get(4).operation());
  }

  @Test
  void fromTomlRunsUnderThePipelineSeriesOptions() {
    TimeSeriesPipeline p =
        IndustryPipeline.fromToml(VALID.resolve("full.toml"), TestRegistries.fakes());
    assertEquals(
        SeriesOptions.defaults()
            .withTimeColumn("tagTime")
            .withKeyColumns(List.of("tag", "site"))
            .withTimeZone(ZoneId.of("Europe/Berlin"))
            .withSequenceColumn("seq")
            .withNanAsNull(false),
        p.options());
  }
}
