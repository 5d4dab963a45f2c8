package io.industryts.config;

import static io.industryts.config.RowText.render;

import io.industryts.TimeSeriesPipeline;
import io.industryts.ops.BoxCox;
import io.industryts.ops.Cumulative;
import io.industryts.ops.GroupByTime;
import io.industryts.ops.Log;
import io.industryts.ops.Rename;
import io.industryts.ops.Resample;
import io.industryts.testing.BeamPipelineExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * {@code configs/runs/transforms_chain.toml} and the same Java chain give the hand-computed rows.
 * Input {@code v = [1, ·, 4]} hourly; rename to {@code flow}; {@code flow_log = log1p(flow)};
 * Box-Cox λ 0.5 gives {@code flow = [0, ·, 2]}; {@code cumcount = [0, 1, 2]}; 2 h groups give
 * {@code 00:00 (sum 0, max 0, last cumcount 1)} and {@code 02:00 (2, 2, 2)}.
 */
@ExtendWith(BeamPipelineExtension.class)
class TransformsTomlRunTest {
  private static final Schema IN =
      Schema.builder()
          .addDateTimeField("DateTime")
          .addNullableField("v", Schema.FieldType.DOUBLE)
          .build();
  private static final List<String> EXPECTED =
      List.of("1970-01-01T00:00:00.000Z,0.0,0.0,1", "1970-01-01T02:00:00.000Z,2.0,2.0,2");

  private static PCollection<Row> input(TestPipeline p) {
    return p.apply(
        Create.of(
                Row.withSchema(IN).addValues(new Instant(0L), 1.0).build(),
                Row.withSchema(IN).addValues(new Instant(3_600_000L), null).build(),
                Row.withSchema(IN).addValues(new Instant(7_200_000L), 4.0).build())
            .withRowSchema(IN));
  }

  @Test
  void tomlChainGivesTheHandComputedRows(TestPipeline p) {
    PCollection<Row> out =
        input(p)
            .apply(
                IndustryPipeline.fromToml(
                    Path.of("src/test/resources/configs/runs/transforms_chain.toml")));
    PAssert.that(render(out)).containsInAnyOrder(EXPECTED);
    p.run();
  }

  @Test
  void javaChainGivesTheSameRows(TestPipeline p) {
    PCollection<Row> out =
        input(p)
            .apply(
                TimeSeriesPipeline.named("transforms_chain")
                    .then(Rename.of(Map.of("v", "flow")))
                    .then(Log.log1p("flow").withSuffix("_log"))
                    .then(BoxCox.withLambda(0.5, "flow"))
                    .then(
                        Cumulative.of(Cumulative.CumFn.CUMSUM, Cumulative.CumFn.CUMCOUNT)
                            .on("flow"))
                    .then(
                        GroupByTime.every(Duration.standardHours(2))
                            .aggregate("flow", Resample.Agg.SUM, Resample.Agg.MAX)
                            .aggregate("cumcount", Resample.Agg.LAST)));
    PAssert.that(render(out)).containsInAnyOrder(EXPECTED);
    p.run();
  }
}
