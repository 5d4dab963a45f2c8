package io.industryts.config;

import io.industryts.testing.BeamPipelineExtension;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code configs/asof/weather_join.toml} run from Java with the named input supplied as rows
 * ({@link IndustryPipeline#fromToml(Path, Map)}): nearest within 30 min, exact matches excluded, so
 * the left row at 00:00 takes the 00:10 weather row (not the one at 00:00); site b has no weather
 * and gets null.
 */
@ExtendWith(BeamPipelineExtension.class)
class AsofJoinTomlRunTest {
  private static final Schema SENSORS =
      Schema.builder()
          .addDateTimeField("time")
          .addStringField("site")
          .addDoubleField("temp")
          .build();
  private static final Schema WEATHER =
      Schema.builder()
          .addStringField("site")
          .addDateTimeField("obs_time")
          .addDoubleField("air_temp")
          .addDoubleField("temp")
          .build();

  @Test
  void fromTomlReadsTheNamedInputFromTheGivenRows(TestPipeline p) {
    PCollection<Row> weather =
        p.apply(
            "Weather",
            Create.of(
                    Row.withSchema(WEATHER).addValues("a", new Instant(0), 9.0, 0.0).build(),
                    Row.withSchema(WEATHER).addValues("a", new Instant(600_000), 5.0, 0.0).build())
                .withRowSchema(WEATHER));
    PCollection<Row> out =
        p.apply(
                "Sensors",
                Create.of(
                        Row.withSchema(SENSORS).addValues(new Instant(0), "a", 20.0).build(),
                        Row.withSchema(SENSORS)
                            .addValues(new Instant(3_600_000), "b", 21.0)
                            .build())
                    .withRowSchema(SENSORS))
            .apply(
                IndustryPipeline.fromToml(
                    Path.of("src/test/resources/configs/asof/weather_join.toml"),
                    Map.of("weather", weather)));
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), "a", 20.0, 5.0).build(),
            Row.withSchema(s).addValues(new Instant(3_600_000), "b", 21.0, null).build());
    p.run();
  }
}
