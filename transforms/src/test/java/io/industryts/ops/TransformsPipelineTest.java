package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesPipeline;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.Engine;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.ops.Cumulative.CumFn;
import io.industryts.ops.Resample.Agg;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transformation, aggregation and utility operations as Beam transforms on the engine: runs cut
 * into many segments equal one kernel run per whole series, and the edges only a pipeline shows
 * (errors output, renamed time and key columns, empty input).
 */
@ExtendWith(BeamPipelineExtension.class)
class TransformsPipelineTest {
  private static final Schema IN =
      Schema.builder()
          .addNullableField("tag", FieldType.STRING)
          .addDateTimeField("time")
          .addNullableField("v", FieldType.DOUBLE)
          .build();

  private static Row row(String tag, long t, Double v) {
    return Row.withSchema(IN).addValues(tag, new Instant(t), v).build();
  }

  /** Two series of 90 irregular rows with nulls, non-positive values and a long gap, shuffled. */
  private static List<Row> bigInput() {
    List<Row> rows = new ArrayList<>();
    Random r = new Random(11);
    for (String tag : new String[] {"a", "b"}) {
      long t = 1_700_000_000_000L;
      for (int i = 0; i < 90; i++) {
        t += 20_000 + r.nextInt(50_000) + (i == 40 ? 7_200_000 : 0);
        Double v =
            r.nextInt(7) == 0
                ? null
                : Math.round((tag.equals("a") ? 30 : 5) + r.nextGaussian() * 10 * 100) / 100.0;
        rows.add(row(tag, t, v));
      }
    }
    Collections.shuffle(rows, new Random(3));
    return rows;
  }

  /** The kernel over each whole series (sorted, one segment). */
  private static List<Row> expected(List<Row> rows, TimeSeriesTransform<?> op) {
    ChunkLayout layout = ChunkLayout.of(IN, "time", List.of("tag"));
    Kernel k = op.plan(layout, KernelHarness.plan("x"));
    List<Row> out = new ArrayList<>();
    for (String tag : new String[] {"a", "b"}) {
      List<Row> s = new ArrayList<>();
      for (Row row : rows) {
        if (tag.equals(row.getString("tag"))) {
          s.add(row);
        }
      }
      s.sort((x, y) -> x.getDateTime("time").compareTo(y.getDateTime("time")));
      long[] t = new long[s.size()];
      ColumnBuilder vb = ColumnBuilder.forType(FieldType.DOUBLE, s.size());
      for (int i = 0; i < t.length; i++) {
        t[i] = s.get(i).getDateTime("time").getMillis();
        vb.appendValue(s.get(i).getDouble("v"));
      }
      Row key = Row.withSchema(layout.keySchema()).addValue(tag).build();
      Chunk res =
          KernelHarness.run(
              k,
              new Chunk(layout, key, t, new long[t.length], new Column[] {null, null, vb.build()}));
      for (int i = 0; i < res.size(); i++) {
        out.add(res.row(i));
      }
    }
    return out;
  }

  private static void assertSegmentedRunMatches(TestPipeline p, TimeSeriesTransform<?> op) {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(8);
    List<Row> rows = bigInput();
    PCollection<Row> out = p.apply(Create.of(rows).withRowSchema(IN)).apply(op.keyedBy("tag"));
    List<Row> want = expected(rows, op);
    PAssert.that(out)
        .satisfies(
            got -> {
              OpsPipelineTest.assertRowsClose(want, got);
              return null;
            });
    p.run();
  }

  @Test
  void segmentedBoxCoxMleMatchesWholeSeries(TestPipeline p) {
    assertSegmentedRunMatches(p, BoxCox.mle("v").emitLambda());
  }

  @Test
  void segmentedYeoJohnsonMleMatchesWholeSeries(TestPipeline p) {
    assertSegmentedRunMatches(p, YeoJohnson.mle("v").emitLambda().withSuffix("_yj"));
  }

  @Test
  void segmentedNormalizeMatchesWholeSeries(TestPipeline p) {
    assertSegmentedRunMatches(p, Normalize.maxAbs("v"));
  }

  @Test
  void segmentedCumulativeWithResetMatchesWholeSeries(TestPipeline p) {
    assertSegmentedRunMatches(
        p,
        Cumulative.of(CumFn.CUMSUM, CumFn.CUMMIN, CumFn.CUMCOUNT)
            .on("v")
            .resetEvery(Duration.standardMinutes(10)));
  }

  @Test
  void segmentedGroupByTimeMatchesWholeSeries(TestPipeline p) {
    assertSegmentedRunMatches(
        p,
        GroupByTime.every(Duration.standardMinutes(3))
            .aggregate("v", Agg.MEAN, Agg.COUNT, Agg.STD, Agg.LAST));
  }

  @Test
  void logErrorRowsGoToTheErrorsOutput(TestPipeline p) {
    PCollection<Row> in =
        p.apply(
            Create.of(row("a", 0, 1.0), row("a", 1000, -1.0), row("a", 2000, Math.E))
                .withRowSchema(IN));
    Engine.RowsResult r =
        Engine.runOnRowsWithErrors(
            in,
            SeriesOptions.defaults().withKeyColumns(List.of("tag")),
            List.of(new Engine.Step("ln", Log.natural("v").onInvalid(Invalid.ERROR))),
            io.industryts.time.TimeParser.utc());
    Schema s = r.rows().getSchema();
    PAssert.that(r.rows())
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), 0.0).build(),
            Row.withSchema(s).addValues("a", new Instant(2000), 1.0).build());
    PAssert.that(
            r.errors()
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            e ->
                                e.getString("step")
                                    + "|"
                                    + e.getString("operation")
                                    + "|"
                                    + e.getString("reason")
                                    + "|"
                                    + e.getString("field"))))
        .containsInAnyOrder("ln|log|log_domain|v");
    p.run();
  }

  @Test
  void renamedTimeAndKeyColumnsAreTrackedByLaterSteps(TestPipeline p) {
    PCollection<Row> out =
        p.apply(
                Create.of(row("a", 0, 1.0), row("a", 1000, 2.0), row("b", 0, 5.0))
                    .withRowSchema(IN))
            .apply(
                TimeSeriesPipeline.named("job")
                    .keyedBy("tag")
                    .then(Rename.of(Map.of("time", "ts", "tag", "asset")))
                    .then(Lag.rows(1).of("v")));
    Schema s = out.getSchema();
    assertEquals(List.of("asset", "ts", "v", "v_lag1"), s.getFieldNames());
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), 1.0, null).build(),
            Row.withSchema(s).addValues("a", new Instant(1000), 2.0, 1.0).build(),
            Row.withSchema(s).addValues("b", new Instant(0), 5.0, null).build());
    p.run();
  }

  @Test
  void emptyInputKeepsTheGroupByTimeSchema(TestPipeline p) {
    PCollection<Row> out =
        p.apply(Create.empty(IN))
            .apply(
                GroupByTime.every(Duration.standardHours(1))
                    .aggregate("v", Agg.SUM, Agg.MAX)
                    .keyedBy("tag"));
    assertEquals(List.of("tag", "time", "v_sum", "v_max"), out.getSchema().getFieldNames());
    PAssert.that(out).empty();
    p.run();
  }

  @Test
  void castSelectAndDropInOneChain(TestPipeline p) {
    Schema in =
        Schema.builder()
            .addDateTimeField("time")
            .addNullableField("code", FieldType.STRING)
            .addNullableField("v", FieldType.DOUBLE)
            .addNullableField("junk", FieldType.INT32)
            .build();
    PCollection<Row> out =
        p.apply(
                Create.of(
                        Row.withSchema(in).addValues(new Instant(0), " 12", 1.5, 1).build(),
                        Row.withSchema(in).addValues(new Instant(1000), "n/a", 2.5, 2).build())
                    .withRowSchema(in))
            .apply(
                TimeSeriesPipeline.named("job")
                    .then(Cast.to(FieldType.INT64, "code"))
                    .then(DropColumns.of("junk"))
                    .then(Select.columns("code")));
    Schema s = out.getSchema();
    assertEquals(List.of("time", "code"), s.getFieldNames());
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), 12L).build(),
            Row.withSchema(s).addValues(new Instant(1000), null).build());
    p.run();
  }

  @Test
  void unboundedInputIsRejectedForAnEstimatedLambda(TestPipeline p) {
    PCollection<Row> in =
        p.apply(Create.of(row("a", 0, 1.0)).withRowSchema(IN))
            .setIsBoundedInternal(PCollection.IsBounded.UNBOUNDED);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> in.apply(BoxCox.mle("v")));
    assertEquals(
        "BoxCox: an estimated lambda fits per series and needs bounded input. Got an"
            + " unbounded PCollection; set lambda.",
        e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void unboundedInputInsideAChainIsRejectedWithTheOperationsMessage(TestPipeline p) {
    PCollection<Row> in =
        p.apply(Create.of(row("a", 0, 1.0)).withRowSchema(IN))
            .setIsBoundedInternal(PCollection.IsBounded.UNBOUNDED);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                in.apply(
                    io.industryts.TimeSeriesPipeline.named("c")
                        .keyedBy("tag")
                        .then(Log.natural("v"))
                        .then(Normalize.maxAbs("v"))));
    assertEquals(
        "Normalize: fits per series and needs bounded input. Got an unbounded PCollection;"
            + " use scale with method \"fixed\".",
        e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }
}
