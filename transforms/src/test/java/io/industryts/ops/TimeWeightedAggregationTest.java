package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.ops.Resample.Agg;
import io.industryts.ops.Resample.Interpolation;
import io.industryts.ops.Resample.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §2.8.1: {@code twa} and {@code integral} of {@code resample} and {@code group_by_time}.
 * Every case runs on one segment and on every segmentation whose cuts fall on bucket edges (as the
 * engine cuts grid kernels), and all must agree: the value in force at a bucket's start may come
 * from any earlier segment.
 */
class TimeWeightedAggregationTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");
  private static final Duration HOUR = Duration.standardHours(1);

  /** The section's example: 00:00 → 10, 00:30 → 20, 02:00 → 30. */
  private static Chunk example() {
    return chunk(LAYOUT, hms("00:00", "00:30", "02:00"), col(10.0, 20.0, 30.0), col("a", "b", "c"));
  }

  /** Runs the kernel on one segment and on every bucket-edge segmentation; all must be equal. */
  static Chunk run(Kernel k, Chunk in) {
    int n = in.size();
    Grid g = k.context().grid();
    List<Integer> edges = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      long anchor = g.seriesAnchor(in.times()[0]);
      if (g.bucketIndex(in.times()[i - 1], anchor) != g.bucketIndex(in.times()[i], anchor)) {
        edges.add(i);
      }
    }
    Chunk first = KernelHarness.run(k, in, new int[0], new HashMap<>());
    for (int mask = 1; mask < (1 << edges.size()); mask++) {
      List<Integer> cuts = new ArrayList<>();
      for (int j = 0; j < edges.size(); j++) {
        if ((mask & (1 << j)) != 0) {
          cuts.add(edges.get(j));
        }
      }
      int[] c = cuts.stream().mapToInt(Integer::intValue).toArray();
      assertEquals(
          first, KernelHarness.run(k, in, c, new HashMap<>()), "cuts " + Arrays.toString(c));
    }
    return first;
  }

  private static Chunk resample(Resample op, Chunk in) {
    return run(op.plan(LAYOUT, plan("resample")), in);
  }

  private static Chunk group(GroupByTime op, Chunk in) {
    return run(op.plan(LAYOUT, plan("group_by_time")), in);
  }

  private static void assertValues(List<Object> got, Double... want) {
    assertEquals(want.length, got.size(), "values " + got);
    for (int i = 0; i < want.length; i++) {
      if (want[i] == null) {
        assertNull(got.get(i), "value " + i + " of " + got);
      } else {
        assertThat("value " + i + " of " + got, (Double) got.get(i), closeTo(want[i], 1e-12));
      }
    }
  }

  // --- the worked example ---

  @Test
  void exampleStepSignal() {
    Chunk out =
        resample(
            Resample.every(HOUR).aggregate("v", Agg.TWA, Agg.INTEGRAL).withIntegralUnit(HOUR),
            example());
    assertArrayEquals(hms("00:00", "01:00", "02:00"), out.times());
    assertValues(values(out, "v_twa"), 15.0, 20.0, null);
    assertValues(values(out, "v_integral"), 15.0, 20.0, null);
  }

  @Test
  void exampleLinearSignal() {
    Chunk out =
        resample(
            Resample.every(HOUR).aggregate("v", Agg.TWA).withInterpolation(Interpolation.LINEAR),
            example());
    assertValues(
        values(out, "v"), (30 * 15.0 + 30 * (20 + 70 / 3.0) / 2) / 60, (70 / 3.0 + 30) / 2, null);
    assertThat((Double) values(out, "v").get(0), closeTo(18.333333333333332, 1e-12));
    assertThat((Double) values(out, "v").get(1), closeTo(26.666666666666668, 1e-12));
  }

  @Test
  void integralDefaultsToValueTimesSeconds() {
    Chunk out = resample(Resample.every(HOUR).aggregate("v", Agg.INTEGRAL), example());
    assertValues(values(out, "v"), 15.0 * 3600, 20.0 * 3600, null);
  }

  @Test
  void outputsAreNullableDoublesNamedAsOtherAggregations() {
    Kernel k = Resample.every(HOUR).aggregate("v", Agg.TWA, Agg.MEAN).plan(LAYOUT, plan("r"));
    assertEquals(List.of("t", "v_twa", "v_mean"), k.outputLayout().schema().getFieldNames());
    assertEquals(
        FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("v_twa").getType());
    assertTrue(k instanceof BidirectionalCarryKernel, "carries the samples around a segment");
    Kernel plain = Resample.every(HOUR).aggregate("v", Agg.MEAN).plan(LAYOUT, plan("r"));
    assertTrue(!(plain instanceof BidirectionalCarryKernel), "no carry without twa/integral");
  }

  // --- stretches across buckets and segments ---

  @Test
  void aValueHoldsOverManyEmptyBucketsAndSegments() {
    // 00:10 → 4 holds until 05:20 → 8; the empty buckets 01:00-04:00 lie in several segments
    Chunk in =
        chunk(LAYOUT, hms("00:10", "02:30", "05:20"), col(4.0, null, 8.0), col("a", "b", "c"));
    Chunk out = resample(Resample.every(HOUR).aggregate("v", Agg.TWA, Agg.MEAN, Agg.COUNT), in);
    assertArrayEquals(hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00"), out.times());
    assertValues(values(out, "v_twa"), 4.0, 4.0, 4.0, 4.0, 4.0, 4.0);
    assertValues(values(out, "v_mean"), 4.0, null, null, null, null, 8.0);
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 1L), values(out, "v_count"));
    Chunk lin =
        resample(
            Resample.every(HOUR).aggregate("v", Agg.TWA).withInterpolation(Interpolation.LINEAR),
            in);
    // the line from (00:10, 4) to (05:20, 8): 4/310 per minute
    double slope = 4.0 / 310;
    assertValues(
        values(lin, "v"),
        4 + slope * 25,
        4 + slope * 80,
        4 + slope * 140,
        4 + slope * 200,
        4 + slope * 260,
        4 + slope * 300);
  }

  @Test
  void emitEmptyFalseStillEmitsEveryBucketWithTimeWeightedAggregations() {
    Chunk in = chunk(LAYOUT, hms("00:10", "03:10"), col(1.0, 2.0), col("a", "b"));
    Chunk out = resample(Resample.every(HOUR).aggregate("v", Agg.TWA).withoutEmptyBuckets(), in);
    assertArrayEquals(hms("00:00", "01:00", "02:00", "03:00"), out.times());
    assertValues(values(out, "v"), 1.0, 1.0, 1.0, 1.0);
  }

  @Test
  void samplesExactlyOnBucketEdges() {
    Chunk in =
        chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, 3.0, 5.0), col("a", "b", "c"));
    Chunk step = resample(Resample.every(HOUR).aggregate("v", Agg.TWA), in);
    assertValues(values(step, "v"), 1.0, 3.0, null);
    Chunk lin =
        resample(
            Resample.every(HOUR).aggregate("v", Agg.TWA).withInterpolation(Interpolation.LINEAR),
            in);
    assertValues(values(lin, "v"), 2.0, 4.0, null);
    Chunk right =
        resample(
            Resample.every(HOUR).aggregate("v", Agg.TWA).closed(Side.RIGHT).label(Side.RIGHT), in);
    // buckets (23:00, 00:00], (00:00, 01:00], (01:00, 02:00]: the first has measure 0
    assertArrayEquals(hms("00:00", "01:00", "02:00"), right.times());
    assertValues(values(right, "v"), null, 1.0, 3.0);
  }

  @Test
  void maxGapLeavesLongStretchesUndefinedAndConnectsExactlyAtTheLimit() {
    // 00:30 → 02:00 is 90 min
    Chunk atLimit =
        resample(
            Resample.every(HOUR)
                .aggregate("v", Agg.TWA, Agg.INTEGRAL)
                .withMaxGap(Duration.standardMinutes(90))
                .withIntegralUnit(HOUR),
            example());
    assertValues(values(atLimit, "v_twa"), 15.0, 20.0, null);
    Chunk below =
        resample(
            Resample.every(HOUR)
                .aggregate("v", Agg.TWA, Agg.INTEGRAL)
                .withMaxGap(Duration.standardMinutes(90).minus(1))
                .withIntegralUnit(HOUR),
            example());
    assertValues(values(below, "v_twa"), 10.0, null, null);
    assertValues(values(below, "v_integral"), 5.0, null, null);
  }

  @Test
  void theLastNonNullSampleAtATimeIsTheOnlyOneKept() {
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "00:00", "00:00", "00:30", "00:30", "01:00"),
            col(10.0, 12.0, null, 20.0, 26.0, 30.0),
            col("a", "b", "c", "d", "e", "f"));
    Chunk step = resample(Resample.every(HOUR).aggregate("v", Agg.TWA), in);
    assertValues(values(step, "v"), (12.0 + 26.0) / 2, null);
    Chunk lin =
        resample(
            Resample.every(HOUR).aggregate("v", Agg.TWA).withInterpolation(Interpolation.LINEAR),
            in);
    assertValues(values(lin, "v"), ((12.0 + 26.0) / 2 + (26.0 + 30.0) / 2) / 2, null);
  }

  @Test
  void oneRowAndAllNulls() {
    Chunk one = chunk(LAYOUT, hms("00:10"), col(5.0), col("a"));
    Chunk out = resample(Resample.every(HOUR).aggregate("v", Agg.TWA, Agg.INTEGRAL), one);
    assertArrayEquals(hms("00:00"), out.times());
    assertValues(values(out, "v_twa"), (Double) null);
    assertValues(values(out, "v_integral"), (Double) null);
    Chunk nulls = chunk(LAYOUT, hms("00:10", "02:10"), col(null, null), col("a", "b"));
    Chunk outNulls = resample(Resample.every(HOUR).aggregate("v", Agg.TWA), nulls);
    assertArrayEquals(hms("00:00", "01:00", "02:00"), outNulls.times());
    assertValues(values(outNulls, "v"), null, null, null);
  }

  // --- group_by_time ---

  @Test
  void groupByTimeAddsTheBucketsAStretchCrosses() {
    Chunk out =
        group(
            GroupByTime.every(HOUR)
                .aggregate("v", Agg.TWA, Agg.COUNT, Agg.SUM, Agg.MAX)
                .withIntegralUnit(HOUR),
            example());
    assertArrayEquals(hms("00:00", "01:00", "02:00"), out.times());
    assertValues(values(out, "v_twa"), 15.0, 20.0, null);
    assertEquals(List.of(2L, 0L, 1L), values(out, "v_count"));
    assertValues(values(out, "v_sum"), 30.0, 0.0, 30.0);
    assertValues(values(out, "v_max"), 20.0, null, 30.0);
  }

  @Test
  void groupByTimeSkipsBucketsOnlyAnUndefinedStretchCrosses() {
    Chunk in = chunk(LAYOUT, hms("00:10", "03:10"), col(1.0, 2.0), col("a", "b"));
    Chunk gap =
        group(
            GroupByTime.every(HOUR)
                .aggregate("v", Agg.INTEGRAL)
                .withMaxGap(Duration.standardHours(2)),
            in);
    assertArrayEquals(hms("00:00", "03:00"), gap.times());
    assertValues(values(gap, "v_integral"), null, null);
    Chunk atLimit =
        group(
            GroupByTime.every(HOUR)
                .aggregate("v", Agg.INTEGRAL)
                .withMaxGap(Duration.standardHours(3)),
            in);
    assertArrayEquals(hms("00:00", "01:00", "02:00", "03:00"), atLimit.times());
    assertValues(values(atLimit, "v_integral"), 3000.0, 3600.0, 3600.0, 600.0);
  }

  @Test
  void groupByTimeStretchEndingOnABucketEdgeDoesNotCrossTheNextBucket() {
    // closed right: 02:00 is in (01:00, 02:00]; the stretch 00:30 → 02:00 ends on that edge
    Chunk in = chunk(LAYOUT, hms("00:30", "02:00"), col(1.0, 2.0), col("a", "b"));
    Chunk out =
        group(GroupByTime.every(HOUR).aggregate("v", Agg.TWA, Agg.COUNT).closed(Side.RIGHT), in);
    assertArrayEquals(hms("00:00", "01:00"), out.times());
    assertValues(values(out, "v_twa"), 1.0, 1.0);
    assertEquals(List.of(1L, 1L), values(out, "v_count"));
  }

  @Test
  void groupByTimeNullRowsAndCrossedBucketsAreGroups() {
    Chunk in =
        chunk(LAYOUT, hms("00:30", "02:00", "04:30"), col(1.0, null, 2.0), col("a", "b", "c"));
    // 00:30 → 04:30 defined; the null row at 02:00 is a group of its own anyway
    Chunk out = group(GroupByTime.every(HOUR).aggregate("v", Agg.TWA, Agg.COUNT), in);
    assertArrayEquals(hms("00:00", "01:00", "02:00", "03:00", "04:00"), out.times());
    assertValues(values(out, "v_twa"), 1.0, 1.0, 1.0, 1.0, 1.0);
    assertEquals(List.of(1L, 0L, 0L, 0L, 1L), values(out, "v_count"));
  }

  @Test
  void groupByTimeRejectsByWithTimeWeightedAggregations() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GroupByTime.every(HOUR).aggregate("v", Agg.TWA).alsoBy("s"));
    assertEquals("GroupByTime: twa and integral need the whole series; remove by.", e.getMessage());
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () -> GroupByTime.every(HOUR).alsoBy("s").aggregate("v", Agg.MEAN, Agg.INTEGRAL));
    assertEquals(e.getMessage(), other.getMessage());
  }

  // --- errors ---

  @Test
  void rejectsNonNumericColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resample.every(HOUR).aggregate("s", Agg.TWA).plan(LAYOUT, plan("r")));
    assertEquals(
        "Resample: aggregation \"twa\" needs numeric columns. Got \"s\" (STRING).", e.getMessage());
    IllegalArgumentException g =
        assertThrows(
            IllegalArgumentException.class,
            () -> GroupByTime.every(HOUR).aggregate("s", Agg.INTEGRAL).plan(LAYOUT, plan("g")));
    assertEquals(
        "GroupByTime: aggregation \"integral\" needs numeric columns. Got \"s\"" + " (STRING).",
        g.getMessage());
  }

  @Test
  void rejectsNonPositiveIntegralUnitAndMaxGap() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Resample.every(HOUR).withIntegralUnit(Duration.ZERO));
    assertEquals("Resample: integral_unit must be > 0. Got PT0S.", e.getMessage());
    IllegalArgumentException g =
        assertThrows(
            IllegalArgumentException.class,
            () -> GroupByTime.every(HOUR).withMaxGap(Duration.ZERO));
    assertEquals("GroupByTime: max_gap must be > 0. Got PT0S.", g.getMessage());
  }

  @Test
  void toStringShowsTheSignalKeys() {
    assertEquals(
        "resample{rule=1h, aggregation=twa, columns=[], closed=left, label=left,"
            + " origin=epoch, interpolation=linear, integral_unit=1h, max_gap=5min}",
        Resample.every(HOUR)
            .aggregate(Agg.TWA)
            .withInterpolation(Interpolation.LINEAR)
            .withIntegralUnit(HOUR)
            .withMaxGap(Duration.standardMinutes(5))
            .toString());
  }
}
