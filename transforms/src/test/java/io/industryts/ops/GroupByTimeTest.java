package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.ops.Resample.Agg;
import io.industryts.ops.Resample.Side;
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.4.1 {@code group_by_time}: the worked example, {@code by} groups, edges, errors. */
class GroupByTimeTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addStringField("tag")
          .addNullableField("status", FieldType.STRING)
          .addDateTimeField("t")
          .addNullableField("v", FieldType.INT64)
          .addNullableField("w", FieldType.DOUBLE)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t", "tag");
  private static final GroupByTime HOURLY =
      GroupByTime.every(Duration.standardHours(1)).aggregate("v", Agg.MEAN, Agg.MAX, Agg.COUNT);

  private static Row key(String tag) {
    return Row.withSchema(LAYOUT.keySchema()).addValue(tag).build();
  }

  @Test
  void exampleEmitsOnlyNonEmptyBucketsPerSeries() {
    Kernel k = HOURLY.plan(LAYOUT, plan("g"));
    Chunk a =
        chunk(
            LAYOUT,
            key("a"),
            hms("00:10", "00:50", "02:30"),
            col("x", "x", "x"),
            col(1L, 3L, 5L),
            col(0.0, 0.0, 0.0));
    Chunk b = chunk(LAYOUT, key("b"), hms("00:20"), col("x"), col(10L), col(0.0));
    for (int[] cuts : new int[][] {{}, {2}}) {
      Chunk out = KernelHarness.run(k, a, cuts, new HashMap<>());
      assertArrayEquals(hms("00:00", "02:00"), out.times());
      assertThat(values(out, "v_mean"), contains(2.0, 5.0));
      assertThat(values(out, "v_max"), contains(3L, 5L));
      assertThat(values(out, "v_count"), contains(2L, 1L));
      assertThat(values(out, "tag"), contains("a", "a"));
    }
    Chunk out = KernelHarness.run(k, b);
    assertArrayEquals(hms("00:00"), out.times());
    assertThat(values(out, "v_mean"), contains(10.0));
    assertThat(values(out, "v_max"), contains(10L));
    assertThat(values(out, "v_count"), contains(1L));
  }

  @Test
  void outputKeepsTimeAndKeysWhereTheyWereThenByThenAggregates() {
    Kernel k = HOURLY.alsoBy("status").plan(LAYOUT, plan("g"));
    assertEquals(
        List.of("tag", "status", "t", "v_mean", "v_max", "v_count"),
        k.outputLayout().schema().getFieldNames());
  }

  @Test
  void byGroupsAreSortedWithNullLastAndKeepFirstLastOrder() {
    Kernel k =
        GroupByTime.every(Duration.standardHours(1))
            .aggregate("w", Agg.FIRST, Agg.LAST, Agg.SUM)
            .alsoBy("status")
            .plan(LAYOUT, plan("g"));
    Chunk in =
        chunk(
            LAYOUT,
            key("a"),
            hms("00:05", "00:10", "00:15", "00:20", "00:25", "01:00"),
            col("on", null, "off", "on", "off", "on"),
            col(0L, 0L, 0L, 0L, 0L, 0L),
            col(1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
    Chunk out = KernelHarness.run(k, in);
    assertArrayEquals(hms("00:00", "00:00", "00:00", "01:00"), out.times());
    assertThat(values(out, "status"), contains("off", "on", null, "on"));
    assertThat(values(out, "w_first"), contains(3.0, 1.0, 2.0, 6.0));
    assertThat(values(out, "w_last"), contains(5.0, 4.0, 2.0, 6.0));
    assertThat(values(out, "w_sum"), contains(8.0, 5.0, 2.0, 6.0));
    assertArrayEquals(new long[] {0, 1, 2, 3}, out.seqs());
  }

  @Test
  void closedRightAndLabelRight() {
    Kernel k =
        GroupByTime.every(Duration.standardHours(1))
            .aggregate("v", Agg.SUM)
            .closed(Side.RIGHT)
            .label(Side.RIGHT)
            .plan(LAYOUT, plan("g"));
    Chunk in =
        chunk(
            LAYOUT,
            key("a"),
            hms("00:10", "01:00", "01:10"),
            col("x", "x", "x"),
            col(1L, 2L, 4L),
            col(0.0, 0.0, 0.0));
    Chunk out = KernelHarness.run(k, in);
    assertArrayEquals(hms("01:00", "02:00"), out.times());
    assertThat(values(out, "v_sum"), contains(3L, 4L));
  }

  @Test
  void allNullColumnCountsZeroAndSumsZero() {
    Kernel k =
        GroupByTime.every(Duration.standardHours(1))
            .aggregate("w", Agg.SUM, Agg.COUNT, Agg.MEAN)
            .plan(LAYOUT, plan("g"));
    Chunk in = chunk(LAYOUT, key("a"), hms("00:10"), col("x"), col(1L), col((Object) null));
    Chunk out = KernelHarness.run(k, in);
    assertThat(values(out, "w_sum"), contains(0.0));
    assertThat(values(out, "w_count"), contains(0L));
    assertThat(values(out, "w_mean"), contains((Object) null));
    assertEquals(hm("00:00"), out.times()[0]);
  }

  @Test
  void rejectsMissingAggregations() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GroupByTime.every(Duration.standardHours(1)).plan(LAYOUT, plan("g")));
    assertEquals(
        "GroupByTime: aggregations is required. Got none; expected e.g. aggregate(\"v\","
            + " Agg.MEAN) (TOML aggregations = { v = [\"mean\"] }).",
        e.getMessage());
  }

  @Test
  void rejectsAKeyColumnInBy() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HOURLY.alsoBy("tag").plan(LAYOUT, plan("g")));
    assertEquals("GroupByTime: by column \"tag\" is also a key column.", e.getMessage());
  }

  @Test
  void rejectsANumericAggregationOfAString() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GroupByTime.every(Duration.standardHours(1))
                    .aggregate("status", Agg.MEAN)
                    .plan(LAYOUT, plan("g")));
    assertEquals(
        "GroupByTime: aggregation \"mean\" needs numeric columns. Got \"status\"" + " (STRING).",
        e.getMessage());
  }

  @Test
  void rejectsAnUnknownAggregationColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GroupByTime.every(Duration.standardHours(1))
                    .aggregate("x", Agg.MEAN)
                    .plan(LAYOUT, plan("g")));
    assertEquals(
        "GroupByTime: aggregations names column \"x\" which does not exist. Available"
            + " fields: [tag, status, t, v, w]",
        e.getMessage());
  }

  @Test
  void rejectsZeroWidth() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GroupByTime.every(Duration.ZERO));
    assertEquals("GroupByTime: every must be > 0. Got PT0S.", e.getMessage());
  }
}
