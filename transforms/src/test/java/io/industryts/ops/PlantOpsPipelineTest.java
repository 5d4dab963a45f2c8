package io.industryts.ops;

import static io.industryts.ops.OpsPipelineTest.IN;
import static io.industryts.ops.OpsPipelineTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.ops.Resample.Agg;
import io.industryts.ops.Resample.Interpolation;
import io.industryts.testing.BeamPipelineExtension;
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
 * {@code twa}, {@code integral} (SEMANTICS §2.8.1) and {@code counter} (§2.8.2) as Beam transforms
 * on the engine: series cut into segments of a few rows give the rows of one kernel run over each
 * whole series (the samples around a segment come through the carries, however far away), several
 * keys never mix, and empty input gives no rows.
 */
@ExtendWith(BeamPipelineExtension.class)
class PlantOpsPipelineTest {

  @Test
  void segmentedRunsMatchWholeSeriesKernelRuns(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(9);
    List<Row> rows = OpsPipelineTest.bigInput();
    PCollection<Row> in = p.apply(Create.of(rows).withRowSchema(IN));
    List<TimeSeriesTransform<?>> ops =
        List.of(
            Resample.every(Duration.standardMinutes(2))
                .aggregate("v", Agg.TWA, Agg.INTEGRAL, Agg.MEAN),
            Resample.every(Duration.standardMinutes(7))
                .aggregate("v", Agg.TWA, Agg.INTEGRAL)
                .withInterpolation(Interpolation.LINEAR)
                .withMaxGap(Duration.standardMinutes(30))
                .withIntegralUnit(Duration.standardHours(1))
                .closed(Resample.Side.RIGHT),
            GroupByTime.every(Duration.standardMinutes(2)).aggregate("v", Agg.TWA, Agg.COUNT),
            GroupByTime.every(Duration.standardMinutes(5))
                .aggregate("v", Agg.INTEGRAL, Agg.SUM)
                .withInterpolation(Interpolation.LINEAR)
                .withMaxGap(Duration.standardMinutes(2)),
            Counter.of("v").withRollover(100),
            Counter.of("v").withMaxIncrease(50).withRateUnit(Duration.standardMinutes(1)));
    for (int i = 0; i < ops.size(); i++) {
      TimeSeriesTransform<?> op = ops.get(i);
      List<Row> want = OpsPipelineTest.expected(rows, op);
      PCollection<Row> out = in.apply(i + "_" + op.typeName(), op.keyedBy("tag"));
      PAssert.that(op.toString(), out)
          .satisfies(
              got -> {
                OpsPipelineTest.assertRowsClose(want, got);
                return null;
              });
    }
    p.run();
  }

  @Test
  void severalKeysNeverMix(TestPipeline p) {
    long h = 3_600_000;
    PCollection<Row> in =
        p.apply(
            Create.of(
                    List.of(
                        row("a", 0, 10.0),
                        row("a", h / 2, 20.0),
                        row("a", 2 * h, 30.0),
                        row("b", 0, 100.0),
                        row("b", h, 200.0),
                        row(null, 0, 1.0),
                        row(null, h, 2.0)))
                .withRowSchema(IN));
    PCollection<Row> twa =
        in.apply(
            "twa",
            Resample.every(Duration.standardHours(1)).aggregate("v", Agg.TWA).keyedBy("tag"));
    Schema s = twa.getSchema();
    assertEquals(List.of("tag", "time", "v"), s.getFieldNames());
    PAssert.that(twa)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), 15.0).build(),
            Row.withSchema(s).addValues("a", new Instant(h), 20.0).build(),
            Row.withSchema(s).addValues("a", new Instant(2 * h), null).build(),
            Row.withSchema(s).addValues("b", new Instant(0), 100.0).build(),
            Row.withSchema(s).addValues("b", new Instant(h), null).build(),
            Row.withSchema(s).addValues(null, new Instant(0), 1.0).build(),
            Row.withSchema(s).addValues(null, new Instant(h), null).build());
    PCollection<Row> counter = in.apply("counter", Counter.of("v").keyedBy("tag"));
    Schema c = counter.getSchema();
    PAssert.that(counter)
        .containsInAnyOrder(
            Row.withSchema(c).addValues("a", new Instant(0), 10.0, null, null).build(),
            Row.withSchema(c).addValues("a", new Instant(h / 2), 20.0, 10.0, 10.0 / 1800).build(),
            Row.withSchema(c).addValues("a", new Instant(2 * h), 30.0, 10.0, 10.0 / 5400).build(),
            Row.withSchema(c).addValues("b", new Instant(0), 100.0, null, null).build(),
            Row.withSchema(c).addValues("b", new Instant(h), 200.0, 100.0, 100.0 / 3600).build(),
            Row.withSchema(c).addValues(null, new Instant(0), 1.0, null, null).build(),
            Row.withSchema(c).addValues(null, new Instant(h), 2.0, 1.0, 1.0 / 3600).build());
    p.run();
  }

  @Test
  void emptyInputGivesNoRows(TestPipeline p) {
    PCollection<Row> in = p.apply(Create.empty(IN));
    PCollection<Row> twa =
        in.apply(
            "twa",
            GroupByTime.every(Duration.standardHours(1))
                .aggregate("v", Agg.TWA, Agg.INTEGRAL)
                .keyedBy("tag"));
    assertEquals(List.of("tag", "time", "v_twa", "v_integral"), twa.getSchema().getFieldNames());
    PAssert.that(twa).empty();
    PAssert.that(in.apply("counter", Counter.of("v").keyedBy("tag"))).empty();
    p.run();
  }
}
