package io.industryts.ops;

import static io.industryts.ops.OpsPipelineTest.assertRowsClose;
import static io.industryts.ops.OpsPipelineTest.bigInput;
import static io.industryts.ops.OpsPipelineTest.expected;
import static io.industryts.ops.OpsPipelineTest.input;
import static io.industryts.ops.OpsPipelineTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.testing.BeamPipelineExtension;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * interpolate, drop_null, clip, regularize, filter_time, snap_time and ewm as Beam transforms on
 * the engine: many small segments against one kernel run per series, and the edges.
 */
@ExtendWith(BeamPipelineExtension.class)
class MoreOpsPipelineTest {

  /**
   * On segments of about nine rows (and a 2 h gap that leaves whole grid segments empty) every
   * operation equals one kernel run over each whole series: both carries, grids and re-sorting
   * cross segment boundaries correctly. One pipeline with a branch per operation.
   */
  @Test
  void segmentedRunsMatchWholeSeriesKernelRuns(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(9);
    List<Row> rows = bigInput();
    PCollection<Row> in = input(p, rows);
    long t0 = 1_700_000_000_000L;
    List<TimeSeriesTransform<?>> ops =
        List.of(
            Interpolate.linear("v").withMaxGap(Duration.standardMinutes(3)).withFlag(),
            Interpolate.nearest("v").withEdges(Interpolate.Edges.BOTH),
            Regularize.every(Duration.standardMinutes(1))
                .fill(Regularize.Fill.LINEAR)
                .of("v")
                .withMaxGap(Duration.standardMinutes(5))
                .withFlag(),
            Regularize.every(Duration.standardMinutes(2)).fill(Regularize.Fill.NEAREST),
            Regularize.every(Duration.standardMinutes(1)).withMaxGap(Duration.standardMinutes(3)),
            Ewm.span(5).compute(Ewm.Fn.MEAN, Ewm.Fn.STD).of("v"),
            Ewm.halflife(Duration.standardMinutes(2)).ignoreNa(true).withMinPeriods(3).of("v"),
            DropNull.any("v"),
            Clip.between(-50.0, 50.0, "v"),
            FilterTime.between(new Instant(t0 + 600_000), new Instant(t0 + 9_000_000)),
            SnapTime.round(Duration.standardSeconds(10)));
    for (int i = 0; i < ops.size(); i++) {
      TimeSeriesTransform<?> op = ops.get(i);
      List<Row> want = expected(rows, op);
      PCollection<Row> out = in.apply(i + "_" + op.typeName(), op.keyedBy("tag"));
      PAssert.that(op.toString(), out)
          .satisfies(
              got -> {
                assertRowsClose(want, got);
                return null;
              });
    }
    p.run();
  }

  @Test
  void emptyInputGivesEmptyOutputWithTheOutputSchema(TestPipeline p) {
    PCollection<Row> in = input(p, List.of());
    PCollection<Row> reg =
        in.apply(
            "reg", Regularize.every(Duration.standardMinutes(1)).withFlag().of("v").keyedBy("tag"));
    PCollection<Row> ewm = in.apply("ewm", Ewm.alpha(0.5).of("v").keyedBy("tag"));
    assertEquals(List.of("tag", "time", "v", "v_is_filled"), reg.getSchema().getFieldNames());
    assertEquals(
        List.of("tag", "time", "v", "v_ewm_mean_alpha0_5"), ewm.getSchema().getFieldNames());
    PAssert.that(reg).empty();
    PAssert.that(ewm).empty();
    p.run();
  }

  @Test
  void severalKeysAreInterpolatedSeparately(TestPipeline p) {
    PCollection<Row> out =
        input(
                p,
                List.of(
                    row("a", 0, 1.0),
                    row("b", 1000, 100.0),
                    row("a", 2000, null),
                    row("b", 3000, null),
                    row("a", 4000, 5.0),
                    row("b", 4000, 200.0),
                    row(null, 2000, null)))
            .apply(Interpolate.linear("v").keyedBy("tag"));
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), 1.0).build(),
            Row.withSchema(s).addValues("a", new Instant(2000), 3.0).build(),
            Row.withSchema(s).addValues("a", new Instant(4000), 5.0).build(),
            Row.withSchema(s).addValues("b", new Instant(1000), 100.0).build(),
            Row.withSchema(s).addValues("b", new Instant(3000), 100.0 + 100.0 * 2 / 3).build(),
            Row.withSchema(s).addValues("b", new Instant(4000), 200.0).build(),
            Row.withSchema(s).addValues(null, new Instant(2000), null).build());
    p.run();
  }

  @Test
  void snapTimeMovesOnlyTheTimeFieldWithHalvesToEven(TestPipeline p) {
    PCollection<Row> out =
        input(
                p,
                List.of(
                    row("a", 1400, 1.0),
                    row("a", 1600, 2.0),
                    row("a", 2500, 3.0),
                    row("a", 3500, 4.0)))
            .apply(SnapTime.round(Duration.standardSeconds(1)).keyedBy("tag"));
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(1000), 1.0).build(),
            Row.withSchema(s).addValues("a", new Instant(2000), 2.0).build(),
            Row.withSchema(s).addValues("a", new Instant(2000), 3.0).build(),
            Row.withSchema(s).addValues("a", new Instant(4000), 4.0).build());
    p.run();
  }
}
