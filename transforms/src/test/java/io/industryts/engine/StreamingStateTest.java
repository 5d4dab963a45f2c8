package io.industryts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.ops.Diff;
import io.industryts.ops.FillNull;
import io.industryts.ops.Interpolate;
import io.industryts.ops.Lag;
import io.industryts.ops.Resample;
import io.industryts.ops.Rolling;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The streaming executor's state per series is bounded by what the kernels declare (halo rows,
 * carries, the open bucket, rows waiting for a later observation), not by the length of the stream;
 * and the rows it emits batch by batch are those of the whole series run at once.
 */
class StreamingStateTest {
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("time").addNullableField("v", FieldType.DOUBLE).build();
  private static final ChunkLayout LAYOUT = RowEdges.layoutFor(SCHEMA, "time", List.of());

  /** fill forward → fill backward → interpolate → lag → rolling 5 min → diff → resample 10 min. */
  private static ExecutionPlan plan() {
    List<Engine.Step> steps =
        List.of(
            new Engine.Step("ffill", FillNull.forward("v").withLimit(1)),
            new Engine.Step("bfill", FillNull.backward("v").withLimit(1)),
            new Engine.Step("interpolate", Interpolate.linear("v")),
            new Engine.Step("lag", Lag.rows(2).of("v")),
            new Engine.Step(
                "rolling", Rolling.over(Duration.standardMinutes(5), "v").compute(Rolling.Fn.MEAN)),
            new Engine.Step("diff", Diff.periods(1).of("v")),
            new Engine.Step(
                "resample", Resample.every(Duration.standardMinutes(10)).of("v", "v_lag2")));
    SeriesOptions options = SeriesOptions.defaults().withTimeColumn("time");
    return Engine.compile(LAYOUT, Engine.plan(LAYOUT, options, steps), steps);
  }

  /** One row a minute from {@code from}; every 4th value null, two nulls in a row every 13. */
  private static Chunk minutes(long from, int n) {
    RowEdges.Buffer b = new RowEdges.Buffer(LAYOUT, Row.withSchema(Schema.of()).build(), true);
    for (long m = from; m < from + n; m++) {
      Double v = m % 4 == 1 || m % 13 == 7 || m % 13 == 8 ? null : Math.cos(m) * 10;
      Row r = Row.withSchema(SCHEMA).addValues(new Instant(m * 60_000L), v).build();
      b.add(r, m * 60_000L, m, m * 60_000L);
    }
    return b.build();
  }

  /** Streams {@code batches} batches of 60 rows; returns the state and the rows emitted. */
  private static StreamingExecutor.SeriesState stream(
      ExecutionPlan plan, int batches, List<Chunk> out) {
    List<Pass> passes = StreamingExecutor.passes(plan);
    StreamingExecutor.SeriesState s = new StreamingExecutor.SeriesState(passes.size());
    for (int i = 0; i < batches; i++) {
      Chunk rows = minutes(i * 60L, 60);
      long frontier = rows.times()[rows.size() - 1];
      Chunk emitted =
          StreamingExecutor.advance(
              passes, s, rows, frontier, false, StageContext.FAIL_ON_BAD_ROWS);
      if (emitted != null && emitted.size() > 0) {
        out.add(emitted);
      }
    }
    return s;
  }

  private static int bytes(StreamingExecutor.SeriesState s) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    JavaSerializedCoder.of().encode(s, b);
    return b.size();
  }

  @Test
  void stateAfterTenTimesMoreRowsIsTheSame() throws Exception {
    ExecutionPlan plan = plan();
    StreamingExecutor.SeriesState ten = stream(plan, 10, new ArrayList<>());
    StreamingExecutor.SeriesState hundred = stream(plan, 100, new ArrayList<>());
    assertEquals(ten.heldRows(), hundred.heldRows(), "rows held per series");
    assertTrue(ten.heldRows() > 0 && ten.heldRows() < 40, "held " + ten.heldRows());
    int a = bytes(ten);
    int b = bytes(hundred);
    assertTrue(Math.abs(a - b) <= 16, "state bytes after 600 rows " + a + ", after 6,000 " + b);
  }

  @Test
  void aSeriesNeedNotFlushBeforeTheLastPassCanEmitABucket() {
    List<Engine.Step> steps =
        List.of(
            new Engine.Step("lag", Lag.rows(1).of("v")),
            new Engine.Step("resample", Resample.every(Duration.standardMinutes(10)).of("v")));
    SeriesOptions options = SeriesOptions.defaults().withTimeColumn("time");
    ExecutionPlan plan = Engine.compile(LAYOUT, Engine.plan(LAYOUT, options, steps), steps);
    List<Pass> passes = StreamingExecutor.passes(plan);
    StreamingExecutor.SeriesState s = new StreamingExecutor.SeriesState(passes.size());
    // before any flush nothing is known: flush at the watermark
    assertEquals(Long.MIN_VALUE, StreamingExecutor.nextEmission(passes, s));
    // before the first bucket is out: the bucket holding the series' first row, [0, 10)
    Chunk first = minutes(0, 5);
    StreamingExecutor.advance(passes, s, first, 4 * 60_000L, false, StageContext.FAIL_ON_BAD_ROWS);
    assertEquals(10 * 60_000L - 1, StreamingExecutor.nextEmission(passes, s));
    // minutes 5..14 complete bucket [0, 10): the next row out is bucket [10, 20), final once the
    // input is complete to 19:59.999
    Chunk out =
        StreamingExecutor.advance(
            passes, s, minutes(5, 10), 14 * 60_000L, false, StageContext.FAIL_ON_BAD_ROWS);
    assertEquals(1, out.size());
    assertEquals(20 * 60_000L - 1, StreamingExecutor.nextEmission(passes, s));
    // closed right, (10, 20]: final once the input is complete to 20:00
    List<Engine.Step> right =
        List.of(
            new Engine.Step(
                "resample",
                Resample.every(Duration.standardMinutes(10)).of("v").closed(Resample.Side.RIGHT)));
    ExecutionPlan rightPlan = Engine.compile(LAYOUT, Engine.plan(LAYOUT, options, right), right);
    List<Pass> rightPasses = StreamingExecutor.passes(rightPlan);
    StreamingExecutor.SeriesState r = new StreamingExecutor.SeriesState(rightPasses.size());
    StreamingExecutor.advance(
        rightPasses, r, minutes(1, 14), 14 * 60_000L, false, StageContext.FAIL_ON_BAD_ROWS);
    assertEquals(20 * 60_000L, StreamingExecutor.nextEmission(rightPasses, r));
    // an earlier pass buckets (its labels can precede its rows): no bound before the first bucket
    List<Engine.Step> twice =
        List.of(
            new Engine.Step("r1", Resample.every(Duration.standardMinutes(1)).of("v")),
            new Engine.Step("r5", Resample.every(Duration.standardMinutes(5)).of("v")));
    ExecutionPlan twicePlan = Engine.compile(LAYOUT, Engine.plan(LAYOUT, options, twice), twice);
    List<Pass> twicePasses = StreamingExecutor.passes(twicePlan);
    StreamingExecutor.SeriesState w = new StreamingExecutor.SeriesState(twicePasses.size());
    StreamingExecutor.advance(
        twicePasses, w, minutes(0, 3), 2 * 60_000L, false, StageContext.FAIL_ON_BAD_ROWS);
    assertEquals(2, twicePasses.size());
    assertEquals(Long.MIN_VALUE, StreamingExecutor.nextEmission(twicePasses, w));
    // a plan whose last pass does not bucket emits at every advance
    List<Engine.Step> lag = List.of(new Engine.Step("lag", Lag.rows(1).of("v")));
    ExecutionPlan lagPlan = Engine.compile(LAYOUT, Engine.plan(LAYOUT, options, lag), lag);
    List<Pass> lagPasses = StreamingExecutor.passes(lagPlan);
    StreamingExecutor.SeriesState l = new StreamingExecutor.SeriesState(lagPasses.size());
    StreamingExecutor.advance(
        lagPasses, l, minutes(0, 15), 14 * 60_000L, false, StageContext.FAIL_ON_BAD_ROWS);
    assertEquals(Long.MIN_VALUE, StreamingExecutor.nextEmission(lagPasses, l));
  }

  /**
   * Chains whose passes hand each other partial output: buckets after buckets, look-ahead after.
   */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> chains() {
    List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
    List<List<Engine.Step>> chains =
        List.of(
            List.of(
                new Engine.Step("r1", Resample.every(Duration.standardMinutes(1)).of("v")),
                new Engine.Step("r5", Resample.every(Duration.standardMinutes(5)).of("v"))),
            List.of(
                new Engine.Step("r3", Resample.every(Duration.standardMinutes(3)).of("v")),
                new Engine.Step("bfill", FillNull.backward("v")),
                new Engine.Step("lead", io.industryts.ops.Lead.rows(2).of("v"))),
            List.of(
                new Engine.Step("interpolate", Interpolate.linear("v")),
                new Engine.Step(
                    "centred", Rolling.rows(3, "v").compute(Rolling.Fn.MEAN).centered()),
                new Engine.Step(
                    "r2",
                    Resample.every(Duration.standardMinutes(2))
                        .aggregate(Resample.Agg.TWA)
                        .of("v"))));
    for (int c = 0; c < chains.size(); c++) {
      for (int batch : new int[] {1, 7, 60}) {
        out.add(org.junit.jupiter.params.provider.Arguments.of(c, chains.get(c), batch));
      }
    }
    return out.stream();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "chain {0}, {2} rows a batch")
  @org.junit.jupiter.params.provider.MethodSource("chains")
  void anyBatchSizeGivesTheRowsOfTheWholeSeries(int chain, List<Engine.Step> steps, int batch) {
    SeriesOptions options = SeriesOptions.defaults().withTimeColumn("time");
    ExecutionPlan plan = Engine.compile(LAYOUT, Engine.plan(LAYOUT, options, steps), steps);
    List<Pass> passes = StreamingExecutor.passes(plan);
    StreamingExecutor.SeriesState s = new StreamingExecutor.SeriesState(passes.size());
    List<Chunk> out = new ArrayList<>();
    int total = 120;
    for (int from = 0; from < total; from += batch) {
      Chunk rows = minutes(from, Math.min(batch, total - from));
      Chunk e =
          StreamingExecutor.advance(
              passes, s, rows, rows.times()[rows.size() - 1], false, StageContext.FAIL_ON_BAD_ROWS);
      if (e != null && e.size() > 0) {
        out.add(e);
      }
      assertTrue(
          s.passes[s.passes.length - 1].outFrontier < Long.MAX_VALUE,
          "the output is complete only up to the input");
    }
    Chunk e =
        StreamingExecutor.advance(
            passes, s, null, Long.MAX_VALUE, true, StageContext.FAIL_ON_BAD_ROWS);
    if (e != null && e.size() > 0) {
      out.add(e);
    }
    Chunk streamed = Chunk.concat(out);
    Chunk whole = InMemoryExecutor.run(plan, minutes(0, total));
    assertEquals(whole.size(), streamed.size(), "rows");
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.row(i), streamed.row(i), "row " + i);
    }
  }

  @Test
  void rowsEmittedBatchByBatchAreThoseOfTheWholeSeries() {
    ExecutionPlan plan = plan();
    List<Chunk> out = new ArrayList<>();
    List<Pass> passes = StreamingExecutor.passes(plan);
    StreamingExecutor.SeriesState s = stream(plan, 5, out);
    Chunk last =
        StreamingExecutor.advance(
            passes, s, null, Long.MAX_VALUE, true, StageContext.FAIL_ON_BAD_ROWS);
    if (last != null && last.size() > 0) {
      out.add(last);
    }
    assertTrue(out.size() >= 4, "emitted in " + out.size() + " steps, expected one per batch");
    Chunk streamed = Chunk.concat(out);
    Chunk whole = InMemoryExecutor.run(plan, minutes(0, 300));
    // 300 minutes in 10-minute buckets
    assertEquals(30, whole.size());
    assertEquals(whole.size(), streamed.size());
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.row(i), streamed.row(i), "bucket " + i);
    }
    for (StreamingExecutor.PassState ps : s.passes) {
      assertEquals(null, ps.pending, "no row waits after the end of the stream");
    }
  }
}
