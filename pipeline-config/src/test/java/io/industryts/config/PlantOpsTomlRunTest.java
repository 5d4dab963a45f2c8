package io.industryts.config;

import static io.industryts.config.RowText.render;

import io.industryts.TimeSeriesPipeline;
import io.industryts.ops.Counter;
import io.industryts.ops.Resample;
import io.industryts.testing.BeamPipelineExtension;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code configs/runs/plant_chain.toml} and the same Java chain give the hand-computed rows. Hourly
 * input {@code power_kw = [10, 20, ·, 40]}, {@code meter = [90, 98, 6, 10]} (wraps at 100): the
 * meter increases are {@code [·, 8, 8, 4]}; 2 h buckets give energy {@code 10 + 20 = 30} kWh (twa
 * 15) at 00:00 and {@code 20} kWh (20 holds from 01:00 to the sample at 03:00; the signal ends
 * there: twa 20) at 02:00, meter increases {@code 8} and {@code 12}.
 */
@ExtendWith(BeamPipelineExtension.class)
class PlantOpsTomlRunTest {
  private static final Schema IN =
      Schema.builder()
          .addDateTimeField("DateTime")
          .addNullableField("power_kw", Schema.FieldType.DOUBLE)
          .addNullableField("meter", Schema.FieldType.DOUBLE)
          .build();
  private static final List<String> EXPECTED =
      List.of("1970-01-01T00:00:00.000Z,30.0,15.0,8.0", "1970-01-01T02:00:00.000Z,20.0,20.0,12.0");

  private static PCollection<Row> input(TestPipeline p) {
    long h = 3_600_000L;
    return p.apply(
        Create.of(
                Row.withSchema(IN).addValues(new Instant(0L), 10.0, 90.0).build(),
                Row.withSchema(IN).addValues(new Instant(h), 20.0, 98.0).build(),
                Row.withSchema(IN).addValues(new Instant(2 * h), null, 6.0).build(),
                Row.withSchema(IN).addValues(new Instant(3 * h), 40.0, 10.0).build())
            .withRowSchema(IN));
  }

  @Test
  void tomlChainGivesTheHandComputedRows(TestPipeline p) {
    PCollection<Row> out =
        input(p)
            .apply(
                IndustryPipeline.fromToml(
                    Path.of("src/test/resources/configs/runs/plant_chain.toml")));
    PAssert.that(render(out)).containsInAnyOrder(EXPECTED);
    p.run();
  }

  @Test
  void javaChainGivesTheSameRows(TestPipeline p) {
    PCollection<Row> out =
        input(p)
            .apply(
                TimeSeriesPipeline.named("plant_chain")
                    .then(
                        Counter.of("meter").withOutputs(Counter.Output.INCREASE).withRollover(100))
                    .then(
                        Resample.every(Duration.standardHours(2))
                            .aggregateEach(
                                "power_kw", List.of(Resample.Agg.INTEGRAL, Resample.Agg.TWA))
                            .aggregate("meter_increase", Resample.Agg.SUM)
                            .withIntegralUnit(Duration.standardHours(1))));
    PAssert.that(render(out)).containsInAnyOrder(EXPECTED);
    p.run();
  }
}
