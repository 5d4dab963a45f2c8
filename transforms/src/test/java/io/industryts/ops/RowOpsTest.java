package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.Chunk;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** drop_null (§2.1.3), clip (§2.1.6), filter_time (§2.2.5) and snap_time (§2.2.6) kernels. */
class RowOpsTest {
  private static final Schema AB = Schema.builder().addDateTimeField("t")
      .addNullableField("a", FieldType.DOUBLE).addNullableField("b", FieldType.INT64).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(AB, "t");

  private static Chunk dropExample() {
    return chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, null, 3.0), col(null, null, 4L));
  }

  @Test
  void dropNullAnyKeepsOnlyCompleteRows() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = KernelHarness.run(DropNull.any().plan(LAYOUT, plan("d")), dropExample(), counters);
    assertEquals(List.of(hm("02:00")), Arrays.asList(out.times()[0]));
    assertEquals(1, out.size());
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void dropNullAllDropsOnlyRowsWhereEveryListedCellIsNull() {
    Chunk out = KernelHarness.run(DropNull.all("a", "b").plan(LAYOUT, plan("d")), dropExample());
    assertEquals(Arrays.asList(1.0, 3.0), values(out, "a"));
  }

  @Test
  void dropNullOnOneColumnIgnoresTheOthers() {
    Chunk out = KernelHarness.run(DropNull.any("a").plan(LAYOUT, plan("d")), dropExample());
    assertEquals(Arrays.asList(null, 4L), values(out, "b"));
  }

  @Test
  void dropNullRejectsTheTimeColumn() {
    assertEquals("DropNull: \"t\" is the time column and cannot be in columns.",
        assertThrows(IllegalArgumentException.class,
            () -> DropNull.any("t").plan(LAYOUT, plan("d"))).getMessage());
  }

  @Test
  void clipBoundsBothSidesAndKeepsNulls() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00", "03:00"), col(-5.0, 3.0, null, 120.0),
        col(-5L, 3L, null, 120L));
    Map<String, Long> counters = new HashMap<>();
    Chunk out = KernelHarness.run(Clip.between(0.0, 100.0).plan(LAYOUT, plan("c")), in, counters);
    assertEquals(Arrays.asList(0.0, 3.0, null, 100.0), values(out, "a"));
    assertEquals(Arrays.asList(0L, 3L, null, 100L), values(out, "b"));
    assertEquals(4L, counters.get("values_clipped"));
  }

  @Test
  void clipWithANonIntegralBoundMakesIntegralColumnsDouble() {
    Kernel k = Clip.atMost(2.5, "b").plan(LAYOUT, plan("c"));
    assertEquals(FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("b").getType());
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(1.0, 1.0), col(2L, 3L));
    assertEquals(List.of(2.0, 2.5), values(KernelHarness.run(k, in), "b"));
  }

  @Test
  void clipWithIntegralBoundsKeepsIntegralType() {
    Kernel k = Clip.atLeast(0, "b").plan(LAYOUT, plan("c"));
    assertEquals(FieldType.INT64.withNullable(true), k.outputLayout().schema().getField("b").getType());
  }

  @Test
  void clipErrors() {
    assertEquals("Clip: lower (10.0) > upper (5.0).", assertThrows(IllegalArgumentException.class,
        () -> Clip.between(10.0, 5.0)).getMessage());
    assertEquals("Clip: needs lower or upper.", assertThrows(IllegalArgumentException.class,
        () -> Clip.between(null, null)).getMessage());
    Schema s = Schema.builder().addDateTimeField("t").addStringField("status").build();
    assertEquals("Clip: column \"status\" is not numeric (STRING).",
        assertThrows(IllegalArgumentException.class,
            () -> Clip.atLeast(0, "status").plan(KernelHarness.layout(s, "t"), plan("c")))
            .getMessage());
  }

  @Test
  void filterTimeKeepsStartInclusiveEndExclusive() {
    long[] t = {hm("00:59"), hm("01:00"), hm("03:00") - 1, hm("03:00")};
    Chunk in = chunk(LAYOUT, t, col(1.0, 2.0, 3.0, 4.0), col(1L, 2L, 3L, 4L));
    Map<String, Long> counters = new HashMap<>();
    Chunk out = KernelHarness.run(FilterTime.between(new Instant(hm("01:00")),
        new Instant(hm("03:00"))).plan(LAYOUT, plan("f")), in, counters);
    assertEquals(List.of(2.0, 3.0), values(out, "a"));
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void filterTimeWithOneBound() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, 2.0, 3.0), col(1L, 2L, 3L));
    assertEquals(List.of(2.0, 3.0), values(KernelHarness.run(
        FilterTime.from(new Instant(hm("01:00"))).plan(LAYOUT, plan("f")), in), "a"));
    assertEquals(List.of(1.0), values(KernelHarness.run(
        FilterTime.until(new Instant(hm("01:00"))).plan(LAYOUT, plan("f")), in), "a"));
  }

  @Test
  void filterTimeStartMustBeBeforeEnd() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FilterTime.between(Instant.parse("2024-02-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:00Z")));
    assertEquals("FilterTime: start (2024-02-01T00:00Z) is not before end (2024-01-01T00:00Z).",
        e.getMessage());
  }

  @Test
  void snapRoundSendsExactHalvesToTheEvenMultiple() {
    long s0 = hm("00:00");
    long w = 1000;
    assertEquals(s0, SnapTime.snap(s0 + 500, w, SnapTime.Mode.ROUND));
    assertEquals(s0 + 2000, SnapTime.snap(s0 + 1500, w, SnapTime.Mode.ROUND));
    assertEquals(s0 + 1000, SnapTime.snap(s0 + 1499, w, SnapTime.Mode.ROUND));
    assertEquals(hm("02:00"), SnapTime.snap(hm("01:30"), 3_600_000, SnapTime.Mode.ROUND));
    assertEquals(hm("02:00"), SnapTime.snap(hm("02:30"), 3_600_000, SnapTime.Mode.ROUND));
  }

  @Test
  void snapFloorAndCeilIncludingBeforeTheEpoch() {
    assertEquals(-2000, SnapTime.snap(-1500, 1000, SnapTime.Mode.FLOOR));
    assertEquals(-1000, SnapTime.snap(-1500, 1000, SnapTime.Mode.CEIL));
    assertEquals(-2000, SnapTime.snap(-1500, 1000, SnapTime.Mode.ROUND));
    assertEquals(3000, SnapTime.snap(3000, 1000, SnapTime.Mode.CEIL));
  }

  @Test
  void snapKernelRewritesOnlyTimesAndDeclaresIt() {
    Kernel k = SnapTime.round(Duration.standardSeconds(1)).plan(LAYOUT, plan("s"));
    assertTrue(k.context().changesTime());
    Chunk in = chunk(LAYOUT, new long[] {hm("00:00") + 400, hm("00:00") + 1600}, col(1.0, 2.0),
        col(1L, 2L));
    Chunk out = KernelHarness.run(k, in);
    assertEquals(hm("00:00"), out.times()[0]);
    assertEquals(hm("00:00") + 2000, out.times()[1]);
    assertEquals(List.of(1.0, 2.0), values(out, "a"));
  }

  @Test
  void snapFreqMustBePositive() {
    assertEquals("SnapTime: freq must be > 0. Got PT0S.", assertThrows(
        IllegalArgumentException.class, () -> SnapTime.round(Duration.ZERO)).getMessage());
  }
}
