package io.industryts.config;

import static io.industryts.config.RowText.render;

import io.industryts.TimeSeriesPipeline;
import io.industryts.ops.DatetimeFeatures;
import io.industryts.ops.Diff;
import io.industryts.ops.DropDuplicates;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.ops.Outliers;
import io.industryts.ops.Resample;
import io.industryts.ops.Rolling;
import io.industryts.ops.Scale;
import io.industryts.testing.BeamPipelineExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
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
  void standardPipelineFromTomlEqualsTheJavaChainRowForRow(TestPipeline p) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // 20 s cadence, a null every 7th row, a spike, and a duplicated timestamp every 50th row
      Double v = i % 7 == 3 ? null : (i == 250 ? 500.0 : 20 + Math.sin(i / 15.0) * 3 + i % 5);
      rows.add(
          Row.withSchema(IN).addValues(new Instant(1_700_000_000_000L + i * 20_000L), v).build());
      if (i % 50 == 10) {
        rows.add(
            Row.withSchema(IN)
                .addValues(new Instant(1_700_000_000_000L + i * 20_000L), 0.0)
                .build());
      }
    }
    PCollection<Row> in = p.apply(Create.of(rows).withRowSchema(IN));
    PCollection<Row> toml =
        in.apply(
            "toml",
            IndustryPipeline.fromToml(
                Path.of("src/test/resources/configs/valid/standard_industrial.toml")));
    PCollection<Row> java =
        in.apply(
            "java",
            TimeSeriesPipeline.named("standard_industrial")
                .then(DropDuplicates.keepFirst())
                .then(FillNull.forward())
                .then(FillNull.backward())
                .then(Outliers.zscore(3.0).withAction(Outliers.Action.CLIP))
                .then(Resample.every(Duration.standardMinutes(1)).aggregate(Resample.Agg.MEAN))
                .then(Lag.rows(1, 2, 3).of())
                .then(Rolling.rows(10).compute(Rolling.Fn.MEAN, Rolling.Fn.STD))
                .then(Diff.periods(1).of())
                .then(
                    DatetimeFeatures.of(
                            DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.DAYOFWEEK)
                        .cyclic(DatetimeFeatures.Feature.HOUR))
                .then(Scale.standard()));

    // +1 per TOML row, -1 per Java row: every rendered row must cancel out.
    PCollection<KV<String, Integer>> balance =
        PCollectionList.of(
                render("renderToml", toml)
                    .apply(
                        "plus",
                        MapElements.into(
                                TypeDescriptors.kvs(
                                    TypeDescriptors.strings(), TypeDescriptors.integers()))
                            .via(r -> KV.of(r, 1))))
            .and(
                render("renderJava", java)
                    .apply(
                        "minus",
                        MapElements.into(
                                TypeDescriptors.kvs(
                                    TypeDescriptors.strings(), TypeDescriptors.integers()))
                            .via(r -> KV.of(r, -1))))
            .apply(Flatten.pCollections())
            .apply(Sum.integersPerKey())
            .apply(Filter.by(kv -> kv.getValue() != 0));
    PAssert.that(balance).empty();
    // 300 rows at 20 s from 2023-11-14T22:13:20Z to 23:53:00Z: minute buckets 22:13 .. 23:53.
    PAssert.that(toml.apply("count", Count.globally())).containsInAnyOrder(101L);
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
