package io.industryts.config;

import io.industryts.TimeSeriesPipeline;
import io.industryts.ops.Diff;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.testing.BeamPipelineExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A TOML job and the same chain written in Java produce the same rows (SEMANTICS §1.1). Input
 * {@code v = [1, ·, 4]} hourly; forward fill gives {@code [1, 1, 4]}, then {@code v_lag1 = [·, 1,
 * 1]}, then {@code v_diff1 = [·, 0, 3]} ({@code v_lag1} is derived, so diff only sees {@code v}).
 */
@ExtendWith(BeamPipelineExtension.class)
class TomlAndJavaRunsTest {
  private static final Schema IN =
      Schema.builder()
          .addDateTimeField("DateTime")
          .addNullableField("v", Schema.FieldType.DOUBLE)
          .build();
  private static final List<String> EXPECTED =
      List.of(
          "1970-01-01T00:00:00.000Z,1.0,null,null",
          "1970-01-01T01:00:00.000Z,1.0,1.0,0.0",
          "1970-01-01T02:00:00.000Z,4.0,1.0,3.0");

  private static PCollection<Row> input(TestPipeline p) {
    return p.apply(
        Create.of(
                Row.withSchema(IN).addValues(new Instant(0L), 1.0).build(),
                Row.withSchema(IN).addValues(new Instant(3_600_000L), null).build(),
                Row.withSchema(IN).addValues(new Instant(7_200_000L), 4.0).build())
            .withRowSchema(IN));
  }

  private static PCollection<String> render(PCollection<Row> rows) {
    return rows.apply(
        MapElements.into(TypeDescriptors.strings())
            .via(
                r -> {
                  List<String> cells = new ArrayList<>();
                  for (int i = 0; i < r.getFieldCount(); i++) {
                    cells.add(String.valueOf((Object) r.getValue(i)));
                  }
                  return String.join(",", cells);
                }));
  }

  @Test
  void tomlJobGivesTheHandComputedRows(TestPipeline p) {
    PCollection<Row> out =
        input(p)
            .apply(
                IndustryPipeline.fromToml(
                    Path.of("src/test/resources/configs/runs/fill_lag_diff.toml")));
    PAssert.that(render(out)).containsInAnyOrder(EXPECTED);
    p.run();
  }

  @Test
  void javaChainGivesTheSameRows(TestPipeline p) {
    PCollection<Row> out =
        input(p)
            .apply(
                TimeSeriesPipeline.named("fill_lag_diff")
                    .then(FillNull.forward())
                    .then(Lag.rows(1).of())
                    .then(Diff.periods(1).of()));
    PAssert.that(render(out)).containsInAnyOrder(EXPECTED);
    p.run();
  }
}
