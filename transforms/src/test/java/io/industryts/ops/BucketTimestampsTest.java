package io.industryts.ops;

import io.industryts.TimeSeriesPipeline;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SEMANTICS §1.8: a row standing for a bucket or grid point has its label in the time field and the
 * bucket's last instant as element timestamp ({@code end − 1 ms} closed left, {@code end} closed
 * right, whatever the label); row-preserving operations after it keep that timestamp.
 */
@ExtendWith(BeamPipelineExtension.class)
class BucketTimestampsTest {
  private static final Schema IN =
      Schema.builder().addDateTimeField("time").addNullableField("v", FieldType.DOUBLE).build();
  private static final Duration HOUR = Duration.standardHours(1);

  /** 2024-01-01T{hh:mm} UTC. */
  private static Instant at(String hhmm) {
    return Instant.parse("2024-01-01T" + hhmm + ":00.000Z");
  }

  private static PCollection<Row> input(TestPipeline p, String... times) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      rows.add(Row.withSchema(IN).addValues(at(times[i]), (double) i).build());
    }
    return p.apply(Create.of(rows).withRowSchema(IN));
  }

  /** Each row as {@code "time field @ element timestamp"}. */
  private static PCollection<String> stamps(PCollection<Row> rows) {
    return rows.apply(
            "Stamps",
            ParDo.of(
                new DoFn<Row, String>() {
                  @ProcessElement
                  public void process(
                      @Element Row r, @Timestamp Instant ts, OutputReceiver<String> out) {
                    out.output(r.getDateTime("time").toInstant() + " @ " + ts);
                  }
                }))
        .setTypeDescriptor(TypeDescriptors.strings());
  }

  @Test
  void resampleClosedLeftStampsEndMinusOneMillisecond(TestPipeline p) {
    PCollection<Row> out = input(p, "00:10", "00:50", "01:30").apply(Resample.every(HOUR));
    PAssert.that(stamps(out))
        .containsInAnyOrder(
            "2024-01-01T00:00:00.000Z @ 2024-01-01T00:59:59.999Z",
            "2024-01-01T01:00:00.000Z @ 2024-01-01T01:59:59.999Z");
    p.run();
  }

  @Test
  void resampleClosedLeftLabelRightStillStampsEndMinusOneMillisecond(TestPipeline p) {
    PCollection<Row> out =
        input(p, "00:10", "01:30").apply(Resample.every(HOUR).label(Resample.Side.RIGHT));
    PAssert.that(stamps(out))
        .containsInAnyOrder(
            "2024-01-01T01:00:00.000Z @ 2024-01-01T00:59:59.999Z",
            "2024-01-01T02:00:00.000Z @ 2024-01-01T01:59:59.999Z");
    p.run();
  }

  @Test
  void resampleClosedRightLabelLeftStampsTheEnd(TestPipeline p) {
    PCollection<Row> out =
        input(p, "00:10", "01:00", "01:30").apply(Resample.every(HOUR).closed(Resample.Side.RIGHT));
    PAssert.that(stamps(out))
        .containsInAnyOrder(
            "2024-01-01T00:00:00.000Z @ 2024-01-01T01:00:00.000Z",
            "2024-01-01T01:00:00.000Z @ 2024-01-01T02:00:00.000Z");
    p.run();
  }

  @Test
  void resampleClosedRightLabelRightStampsTheLabel(TestPipeline p) {
    PCollection<Row> out =
        input(p, "00:10", "01:00", "01:30")
            .apply(Resample.every(HOUR).closed(Resample.Side.RIGHT).label(Resample.Side.RIGHT));
    PAssert.that(stamps(out))
        .containsInAnyOrder(
            "2024-01-01T01:00:00.000Z @ 2024-01-01T01:00:00.000Z",
            "2024-01-01T02:00:00.000Z @ 2024-01-01T02:00:00.000Z");
    p.run();
  }

  @Test
  void groupByTimeStampsTheBucketsLastInstant(TestPipeline p) {
    PCollection<Row> out =
        input(p, "00:10", "00:50", "01:30")
            .apply(GroupByTime.every(HOUR).aggregate("v", Resample.Agg.MAX));
    PAssert.that(stamps(out))
        .containsInAnyOrder(
            "2024-01-01T00:00:00.000Z @ 2024-01-01T00:59:59.999Z",
            "2024-01-01T01:00:00.000Z @ 2024-01-01T01:59:59.999Z");
    p.run();
  }

  @Test
  void regularizeStampsGridPointPlusWidthMinusOneMillisecond(TestPipeline p) {
    PCollection<Row> out =
        input(p, "00:00", "00:40").apply(Regularize.every(Duration.standardMinutes(20)));
    PAssert.that(stamps(out))
        .containsInAnyOrder(
            "2024-01-01T00:00:00.000Z @ 2024-01-01T00:19:59.999Z",
            "2024-01-01T00:20:00.000Z @ 2024-01-01T00:39:59.999Z",
            "2024-01-01T00:40:00.000Z @ 2024-01-01T00:59:59.999Z");
    p.run();
  }

  @Test
  void rowPreservingStepsAfterResampleKeepTheBucketTimestamp(TestPipeline p) {
    PCollection<Row> out =
        input(p, "00:10", "01:30")
            .apply(
                TimeSeriesPipeline.named("hourly")
                    .then(Resample.every(HOUR))
                    .then(Lag.rows(1).of("v"))
                    .then(Rename.column("v_lag1", "previous")));
    PAssert.that(stamps(out))
        .containsInAnyOrder(
            "2024-01-01T00:00:00.000Z @ 2024-01-01T00:59:59.999Z",
            "2024-01-01T01:00:00.000Z @ 2024-01-01T01:59:59.999Z");
    p.run();
  }
}
