package io.industryts.ops;

import static io.industryts.ops.PandasFixturesTest.assertCell;
import static io.industryts.ops.PandasFixturesTest.fixture;
import static io.industryts.ops.PandasFixturesTest.load;
import static io.industryts.ops.PandasFixturesTest.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.testing.BeamPipelineExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * asof_join against {@code pd.merge_asof} (fixtures from {@code scripts/fixtures/make_fixtures.py},
 * {@code asof}): NAB ambient against a shifted 3 h resample of itself, and keyed frames with
 * repeated times; each run cut into many segments, three joins chained per pipeline.
 */
@ExtendWith(BeamPipelineExtension.class)
class PandasFixturesAsofTest {
  private static final Schema KEYED_LEFT =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("k", FieldType.STRING)
          .addInt64Field("seq")
          .addNullableField("x", FieldType.DOUBLE)
          .build();
  private static final Schema KEYED_RIGHT =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("k", FieldType.STRING)
          .addInt64Field("seq")
          .addNullableField("v", FieldType.DOUBLE)
          .build();
  private static final Schema AMBIENT_RIGHT =
      Schema.builder().addDateTimeField("t").addNullableField("value", FieldType.DOUBLE).build();

  private static Double number(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }

  /**
   * Asserts {@code field} of the output row with the given {@code seq} against each fixture row.
   */
  private static void assertFixture(
      PCollection<Row> out, String fixture, String expectedField, String field) throws IOException {
    List<Map<String, String>> want = fixture(fixture);
    PAssert.that(fixture, out)
        .satisfies(
            rows -> {
              Map<Long, Row> bySeq = new HashMap<>();
              rows.forEach(r -> bySeq.put(r.getInt64("seq"), r));
              for (Map<String, String> w : want) {
                Row r = bySeq.get(Long.parseLong(w.get("row")));
                String where = fixture + " row " + w.get("row");
                assertEquals(time(w.get("t")), r.getDateTime("t").getMillis(), where);
                assertCell(w.get(expectedField), r.getValue(field), where);
              }
              return null;
            });
  }

  @Test
  void ambientAgainstAShiftedResampleOfItself(TestPipeline p) throws IOException {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(1000);
    Chunk ambient = load("ambient_temperature_system_failure.csv", ",");
    Schema left =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("value", FieldType.DOUBLE)
            .addInt64Field("seq")
            .build();
    List<Row> leftRows = new ArrayList<>();
    for (int i = 0; i < ambient.size(); i++) {
      Row r = ambient.row(i);
      leftRows.add(
          Row.withSchema(left).addValues(r.getValue("t"), r.getValue("value"), (long) i).build());
    }
    List<Row> rightRows = new ArrayList<>();
    for (Map<String, String> r : fixture("asof/ambient_right_3h.csv")) {
      rightRows.add(
          Row.withSchema(AMBIENT_RIGHT)
              .addValues(new Instant(time(r.get("t"))), number(r.get("value")))
              .build());
    }
    PCollection<Row> out =
        p.apply("Left", Create.of(leftRows).withRowSchema(left))
            .apply(
                TimeSeriesPipeline.named("ambient")
                    .withInput(
                        "r", p.apply("Right", Create.of(rightRows).withRowSchema(AMBIENT_RIGHT)))
                    .then(
                        AsofJoin.withInput("r")
                            .withTolerance(Duration.standardHours(2))
                            .withSuffix("_0"))
                    .then(AsofJoin.withInput("r").forward().disallowExactMatches().withSuffix("_1"))
                    .then(
                        AsofJoin.withInput("r")
                            .nearest()
                            .withTolerance(Duration.standardMinutes(90))
                            .withSuffix("_2")));
    assertFixture(out, "asof/ambient_backward_2h.csv", "value_right", "value_0");
    assertFixture(out, "asof/ambient_forward_no_exact.csv", "value_right", "value_1");
    assertFixture(out, "asof/ambient_nearest_90min.csv", "value_right", "value_2");
    p.run();
  }

  @Test
  void keyedFramesWithRepeatedTimesOnBothSides(TestPipeline p) throws IOException {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(7);
    List<Row> leftRows = new ArrayList<>();
    for (Map<String, String> r : fixture("asof/keyed_left.csv")) {
      leftRows.add(
          Row.withSchema(KEYED_LEFT)
              .addValues(
                  new Instant(time(r.get("t"))),
                  r.get("k"),
                  Long.parseLong(r.get("row")),
                  number(r.get("x")))
              .build());
    }
    List<Row> rightRows = new ArrayList<>();
    for (Map<String, String> r : fixture("asof/keyed_right.csv")) {
      rightRows.add(
          Row.withSchema(KEYED_RIGHT)
              .addValues(
                  new Instant(time(r.get("t"))),
                  r.get("k"),
                  Long.parseLong(r.get("row")),
                  number(r.get("v")))
              .build());
    }
    PCollection<Row> out =
        p.apply("Left", Create.of(leftRows).withRowSchema(KEYED_LEFT))
            .apply(
                TimeSeriesPipeline.of(
                        "keyed",
                        SeriesOptions.defaults()
                            .withKeyColumns(List.of("k"))
                            .withSequenceColumn("seq"))
                    .withInput(
                        "r", p.apply("Right", Create.of(rightRows).withRowSchema(KEYED_RIGHT)))
                    .then(AsofJoin.withInput("r").columns("v").withSuffix("_0"))
                    .then(
                        AsofJoin.withInput("r")
                            .columns("v")
                            .forward()
                            .withTolerance(Duration.standardSeconds(10))
                            .withSuffix("_1"))
                    .then(
                        AsofJoin.withInput("r")
                            .columns("v")
                            .nearest()
                            .disallowExactMatches()
                            .withTolerance(Duration.standardSeconds(7))
                            .withSuffix("_2")));
    assertEquals(List.of("t", "k", "seq", "x", "v", "v_1", "v_2"), out.getSchema().getFieldNames());
    assertFixture(out, "asof/keyed_backward.csv", "v", "v");
    assertFixture(out, "asof/keyed_forward_10s.csv", "v", "v_1");
    assertFixture(out, "asof/keyed_nearest_no_exact_7s.csv", "v", "v_2");
    p.run();
  }
}
