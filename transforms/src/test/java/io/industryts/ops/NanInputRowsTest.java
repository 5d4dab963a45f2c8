package io.industryts.ops;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
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
 * SEMANTICS §1.10: a NaN in the input is missing (nan_as_null = true, the default) whether the rows
 * come from a file reader or from any PCollection a Java caller builds; the engine's row edge
 * applies it, so every operation sees null. pandas: {@code df.resample("1h", on="t").v.agg(["mean",
 * "max", "count"])} over {@code [1.0, NaN, 3.0]} gives {@code 2.0, 3.0, 2}.
 */
@ExtendWith(BeamPipelineExtension.class)
class NanInputRowsTest {
  private static final Schema IN =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("f", FieldType.FLOAT)
          .build();

  private static PCollection<Row> oneHourWithNaN(TestPipeline p) {
    List<Row> rows = new ArrayList<>();
    double[] v = {1.0, Double.NaN, 3.0};
    for (int i = 0; i < v.length; i++) {
      rows.add(Row.withSchema(IN).addValues(new Instant(i * 60_000L), v[i], (float) v[i]).build());
    }
    return p.apply(Create.of(rows).withRowSchema(IN));
  }

  @Test
  void nanFromJavaRowsIsMissingInAggregates(TestPipeline p) {
    PCollection<Row> out =
        oneHourWithNaN(p)
            .apply(
                Resample.every(Duration.standardHours(1))
                    .aggregate("v", Resample.Agg.MEAN, Resample.Agg.MAX, Resample.Agg.COUNT)
                    .aggregate("f", Resample.Agg.MEAN));
    PAssert.thatSingleton(out)
        .satisfies(
            r -> {
              assertThat(r.getDouble("v_mean"), is(2.0));
              assertThat(r.getDouble("v_max"), is(3.0));
              assertThat(r.getInt64("v_count"), is(2L));
              assertThat("one aggregation keeps the column name", r.getDouble("f"), is(2.0));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void nanFromJavaRowsIsFilledLikeNull(TestPipeline p) {
    PCollection<Row> out = oneHourWithNaN(p).apply(FillNull.forward("v"));
    PAssert.that(out)
        .satisfies(
            rows -> {
              List<Double> v = new ArrayList<>();
              rows.forEach(r -> v.add(r.getDouble("v")));
              v.sort(null);
              assertThat(v, contains(1.0, 1.0, 3.0));
              return null;
            });
    p.run().waitUntilFinish();
  }

  @Test
  void withNanAsNullFalseKeepsNanAsAValue(TestPipeline p) {
    PCollection<Row> out = oneHourWithNaN(p).apply(FillNull.forward("v").withNanAsNull(false));
    PAssert.that(out)
        .satisfies(
            rows -> {
              int nans = 0;
              for (Row r : rows) {
                nans += Double.isNaN(r.getDouble("v")) ? 1 : 0;
              }
              assertThat("NaN is present, so forward fill leaves it", nans, is(1));
              return null;
            });
    p.run().waitUntilFinish();
  }
}
