package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.ops.Cumulative.CumFn;
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.4.2 {@code cumulative}: the worked example, types, resets, carries. */
class CumulativeTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("v", FieldType.INT64)
          .addNullableField("d", FieldType.DOUBLE)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");
  private static final Kernel ALL =
      Cumulative.of(CumFn.CUMSUM, CumFn.CUMPROD, CumFn.CUMMAX, CumFn.CUMMIN, CumFn.CUMCOUNT)
          .on("v", "d")
          .plan(LAYOUT, plan("cum"));

  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:00", "01:00", "02:00", "03:00", "04:00"),
        col(1L, null, 3L, -2L, 5L),
        col(1.0, null, 3.0, -2.0, 5.0));
  }

  @Test
  void exampleOnIntegersInEverySegmentation() {
    for (int[] cuts : new int[][] {{}, {1}, {2, 3}, {1, 2, 3, 4}}) {
      Chunk out = KernelHarness.run(ALL, example(), cuts, new HashMap<>());
      assertThat(values(out, "v_cumsum"), contains(1L, null, 4L, 2L, 7L));
      assertThat(values(out, "v_cumprod"), contains(1L, null, 3L, -6L, -30L));
      assertThat(values(out, "v_cummax"), contains(1L, null, 3L, 3L, 5L));
      assertThat(values(out, "v_cummin"), contains(1L, null, 1L, -2L, -2L));
      assertThat(values(out, "cumcount"), contains(0L, 1L, 2L, 3L, 4L));
    }
  }

  @Test
  void exampleOnDoubles() {
    Chunk out = KernelHarness.run(ALL, example(), new int[] {2}, new HashMap<>());
    assertThat(values(out, "d_cumsum"), contains(1.0, null, 4.0, 2.0, 7.0));
    assertThat(values(out, "d_cumprod"), contains(1.0, null, 3.0, -6.0, -30.0));
    assertThat(values(out, "d_cummax"), contains(1.0, null, 3.0, 3.0, 5.0));
    assertThat(values(out, "d_cummin"), contains(1.0, null, 1.0, -2.0, -2.0));
  }

  @Test
  void outputNamesOrderAndTypes() {
    Schema out = ALL.outputLayout().schema();
    assertEquals(
        List.of(
            "t",
            "v",
            "d",
            "v_cumsum",
            "v_cumprod",
            "v_cummax",
            "v_cummin",
            "d_cumsum",
            "d_cumprod",
            "d_cummax",
            "d_cummin",
            "cumcount"),
        out.getFieldNames());
    assertEquals(FieldType.INT64, out.getField("v_cumsum").getType().withNullable(false));
    assertEquals(FieldType.DOUBLE, out.getField("d_cumprod").getType().withNullable(false));
    assertTrue(OpColumns.isDerived(out.getField("cumcount")));
  }

  @Test
  void cummaxKeepsAnInt32Type() {
    Schema s =
        Schema.builder().addDateTimeField("t").addNullableField("n", FieldType.INT32).build();
    Kernel k =
        Cumulative.of(CumFn.CUMMAX, CumFn.CUMSUM).plan(KernelHarness.layout(s, "t"), plan("c"));
    assertEquals(
        FieldType.INT32,
        k.outputLayout().schema().getField("n_cummax").getType().withNullable(false));
    assertEquals(
        FieldType.INT64,
        k.outputLayout().schema().getField("n_cumsum").getType().withNullable(false));
  }

  @Test
  void leadingNullsStayNullAndAllNullStaysNull() {
    Kernel k = Cumulative.of(CumFn.CUMSUM).on("d").plan(LAYOUT, plan("c"));
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1L, 2L, 3L), col(null, null, 2.0));
    assertThat(
        values(KernelHarness.run(k, in, new int[] {1}, new HashMap<>()), "d_cumsum"),
        contains(null, null, 2.0));
  }

  @Test
  void resetEveryRestartsAtEachBucketAcrossSegments() {
    // 1h buckets; rows 00:10, 00:40 | 01:05, 01:30, 01:50 | 02:00
    Kernel k =
        Cumulative.of(CumFn.CUMSUM, CumFn.CUMCOUNT)
            .on("v")
            .resetEvery(Duration.standardHours(1))
            .plan(LAYOUT, plan("c"));
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:10", "00:40", "01:05", "01:30", "01:50", "02:00"),
            col(1L, 2L, 3L, 4L, 5L, 6L),
            col(1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    for (int[] cuts : new int[][] {{}, {3}, {1, 4}, {2, 5}, {1, 2, 3, 4, 5}}) {
      Chunk out = KernelHarness.run(k, in, cuts, new HashMap<>());
      assertThat(values(out, "v_cumsum"), contains(1L, 3L, 3L, 7L, 12L, 6L));
      assertThat(values(out, "cumcount"), contains(0L, 1L, 0L, 1L, 2L, 0L));
    }
  }

  @Test
  void resetOffsetShiftsTheBuckets() {
    Kernel k =
        Cumulative.of(CumFn.CUMSUM)
            .on("v")
            .resetEvery(Duration.standardHours(1))
            .withOffset(Duration.standardMinutes(30))
            .plan(LAYOUT, plan("c"));
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:10", "00:40", "01:05", "01:30"),
            col(1L, 2L, 3L, 4L),
            col(1.0, 1.0, 1.0, 1.0));
    assertThat(
        values(KernelHarness.run(k, in, new int[] {2}, new HashMap<>()), "v_cumsum"),
        contains(1L, 2L, 5L, 4L));
  }

  @Test
  void carryIsAssociative() {
    CumulativeKernel k =
        (CumulativeKernel)
            Cumulative.of(CumFn.CUMSUM)
                .on("v")
                .resetEvery(Duration.standardHours(1))
                .plan(LAYOUT, plan("c"));
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:10", "00:40", "01:05", "01:30", "02:50"),
            col(1L, 2L, 3L, 4L, 5L),
            col(1.0, 1.0, 1.0, 1.0, 1.0));
    Cumulative.Acc a = k.summarize(in.slice(0, 1));
    Cumulative.Acc b = k.summarize(in.slice(1, 3));
    Cumulative.Acc c = k.summarize(in.slice(3, 5));
    assertEquals(k.combine(k.combine(a, b), c), k.combine(a, k.combine(b, c)));
  }

  @Test
  void rejectsNoFunctions() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cumulative.of());
    assertEquals(
        "Cumulative: functions is required. Got []; expected one or more of [cumsum,"
            + " cumprod, cummax, cummin, cumcount].",
        e.getMessage());
  }

  @Test
  void rejectsAnExistingOutputName() {
    Schema s =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("v", FieldType.DOUBLE)
            .addNullableField("v_cumsum", FieldType.DOUBLE)
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Cumulative.of(CumFn.CUMSUM).on("v").plan(KernelHarness.layout(s, "t"), plan("c")));
    assertEquals(
        "Cumulative: output column \"v_cumsum\" already exists. Set suffix or rename the"
            + " existing column.",
        e.getMessage());
  }

  @Test
  void rejectsZeroReset() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Cumulative.of(CumFn.CUMSUM).resetEvery(Duration.ZERO));
    assertEquals("Cumulative: reset_every must be > 0. Got PT0S.", e.getMessage());
  }
}
