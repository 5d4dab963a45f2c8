package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The SEMANTICS §2.2.1 example (rule 1h). */
class ResampleTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("v", FieldType.INT64)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");
  private static final Duration HOUR = Duration.standardHours(1);

  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:10", "00:50", "01:00", "02:30", "02:40"),
        col(1L, 3L, 5L, null, 9L),
        col("a", "b", null, "c", null));
  }

  private static final int[][] CUTS = {{}, {2}, {3}, {2, 3}};

  private static Chunk resample(Resample op, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("5_resample"));
    Chunk first = null;
    for (int[] cuts : CUTS) {
      if (!onBucketEdges(k, example(), cuts)) {
        continue; // the engine cuts grid kernels' segments on bucket edges only
      }
      Map<String, Long> c = new HashMap<>();
      Chunk got = KernelHarness.run(k, example(), cuts, c);
      if (first == null) {
        first = got;
        counters.putAll(c);
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(cuts));
        assertEquals(counters, c, "counters, cuts " + Arrays.toString(cuts));
      }
    }
    return first;
  }

  private static boolean onBucketEdges(Kernel k, Chunk in, int[] cuts) {
    Grid g = k.context().grid();
    long anchor = g.seriesAnchor(in.times()[0]);
    for (int c : cuts) {
      if (g.bucketIndex(in.times()[c - 1], anchor) == g.bucketIndex(in.times()[c], anchor)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void leftClosedLeftLabelledMeanSumCountStd() {
    Chunk out =
        resample(
            Resample.every(HOUR)
                .aggregate(
                    "v", Resample.Agg.MEAN, Resample.Agg.SUM, Resample.Agg.COUNT, Resample.Agg.STD),
            new HashMap<>());
    assertArrayEquals(hms("00:00", "01:00", "02:00"), out.times());
    assertThat(values(out, "v_mean"), contains(2.0, 5.0, 9.0));
    assertThat(values(out, "v_sum"), contains(4L, 5L, 9L));
    assertThat(values(out, "v_count"), contains(2L, 1L, 1L));
    List<Object> std = values(out, "v_std");
    assertThat((Double) std.get(0), closeTo(Math.sqrt(2), 1e-15));
    assertEquals(Arrays.asList(null, null), std.subList(1, 3));
  }

  @Test
  void rightClosedRightLabelledEmitsEmptyBucket() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        resample(
            Resample.every(HOUR)
                .aggregate("v", Resample.Agg.MEAN, Resample.Agg.SUM, Resample.Agg.COUNT)
                .closed(Resample.Side.RIGHT)
                .label(Resample.Side.RIGHT),
            counters);
    assertArrayEquals(hms("01:00", "02:00", "03:00"), out.times());
    assertThat(values(out, "v_mean"), contains(3.0, null, 9.0));
    assertThat(values(out, "v_sum"), contains(9L, 0L, 9L));
    assertThat(values(out, "v_count"), contains(3L, 0L, 1L));
    assertEquals(1L, counters.get("buckets_empty"));
  }

  @Test
  void withoutEmptyBucketsSkipsThem() {
    Chunk out =
        resample(
            Resample.every(HOUR)
                .aggregate(Resample.Agg.MEAN)
                .closed(Resample.Side.RIGHT)
                .label(Resample.Side.RIGHT)
                .withoutEmptyBuckets(),
            new HashMap<>());
    assertArrayEquals(hms("01:00", "03:00"), out.times());
    assertThat(values(out, "v"), contains(3.0, 9.0));
  }

  @Test
  void bucketWithOnlyNullsIsStillEmittedWithoutEmptyBuckets() {
    Chunk in =
        chunk(LAYOUT, hms("00:10", "01:10", "02:10"), col(1L, null, 3L), col(null, null, null));
    Kernel k = Resample.every(HOUR).withoutEmptyBuckets().plan(LAYOUT, plan("r"));
    assertThat(values(KernelHarness.run(k, in), "v"), contains(1.0, null, 3.0));
  }

  @Test
  void emptyBucketsInsideTheSeriesRangeAreEmittedAcrossSegments() {
    Chunk in = chunk(LAYOUT, hms("00:10", "04:10"), col(1L, 3L), col(null, null));
    Kernel k = Resample.every(HOUR).aggregate("v", Resample.Agg.SUM).plan(LAYOUT, plan("r"));
    Chunk out = KernelHarness.run(k, in, new int[] {1}, new HashMap<>());
    assertArrayEquals(hms("00:00", "01:00", "02:00", "03:00", "04:00"), out.times());
    assertThat(values(out, "v"), contains(1L, 0L, 0L, 0L, 3L));
  }

  @Test
  void firstLastMinMaxKeepInputTypeAndSkipNulls() {
    Chunk out =
        resample(
            Resample.every(HOUR)
                .aggregate("s", Resample.Agg.FIRST, Resample.Agg.LAST)
                .aggregate("v", Resample.Agg.MAX),
            new HashMap<>());
    assertEquals(List.of("t", "s_first", "s_last", "v"), out.schema().getFieldNames());
    assertEquals(FieldType.INT64.withNullable(true), out.schema().getField("v").getType());
    assertThat(values(out, "s_first"), contains("a", null, "c"));
    assertThat(values(out, "s_last"), contains("b", null, "c"));
    assertThat(values(out, "v"), contains(3L, 5L, 9L));
  }

  @Test
  void defaultAggregatesValueColumnsWithMeanAndDropsOthers() {
    Kernel k = Resample.every(HOUR).plan(LAYOUT, plan("r"));
    assertEquals(List.of("t", "v"), k.outputLayout().schema().getFieldNames());
    assertEquals(
        FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("v").getType());
  }

  @Test
  void offsetShiftsBucketEdges() {
    Chunk out =
        resample(
            Resample.every(HOUR)
                .withOffset(Duration.standardMinutes(30))
                .aggregate("v", Resample.Agg.SUM),
            new HashMap<>());
    long previousDay = 86_400_000L;
    assertArrayEquals(
        new long[] {hm("23:30") - previousDay, hm("00:30"), hm("01:30"), hm("02:30")}, out.times());
    assertThat(values(out, "v"), contains(1L, 8L, 0L, 9L));
  }

  @Test
  void originAtAnInstantAnchorsTheGrid() {
    Kernel k =
        Resample.every(Duration.standardMinutes(7))
            .withOrigin(Resample.Origin.at(new Instant(hm("00:05"))))
            .aggregate("v", Resample.Agg.SUM)
            .plan(LAYOUT, plan("r"));
    Chunk out = KernelHarness.run(k, example());
    assertEquals(hm("00:05"), out.times()[0]);
  }

  @Test
  void varianceHonoursDdof() {
    Chunk out =
        resample(
            Resample.every(HOUR).aggregate("v", Resample.Agg.VAR).withDdof(0), new HashMap<>());
    assertThat(values(out, "v"), contains(1.0, 0.0, 0.0));
  }

  @Test
  void rejectsNumericAggregationOfString() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resample.every(HOUR).aggregate("s", Resample.Agg.MEAN).plan(LAYOUT, plan("r")));
    assertEquals(
        "Resample: aggregation \"mean\" needs numeric columns. Got \"s\" (STRING).",
        e.getMessage());
  }

  @Test
  void rejectsBothAggregationForms() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Resample.every(HOUR).aggregate(Resample.Agg.SUM).aggregate("v", Resample.Agg.MEAN));
    assertEquals("Resample: set aggregation or aggregations, not both.", e.getMessage());
  }

  @Test
  void rejectsMissingAggregationsColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resample.every(HOUR).aggregate("x", Resample.Agg.MEAN).plan(LAYOUT, plan("r")));
    assertEquals(
        "Resample: aggregations names column \"x\" which does not exist. Available"
            + " fields: [t, v, s]",
        e.getMessage());
  }

  @Test
  void rejectsZeroRule() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Resample.every(Duration.ZERO));
    assertEquals("Resample: rule must be > 0. Got PT0S.", e.getMessage());
  }
}
