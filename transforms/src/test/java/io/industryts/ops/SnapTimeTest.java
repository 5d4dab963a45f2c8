package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.RowOpsSupport.AB;
import static io.industryts.ops.RowOpsSupport.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.2.6 {@code snap_time}: the worked example, modes, ties and errors. */
class SnapTimeTest {
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
    Chunk in =
        chunk(
            LAYOUT, new long[] {hm("00:00") + 400, hm("00:00") + 1600}, col(1.0, 2.0), col(1L, 2L));
    Chunk out = KernelHarness.run(k, in);
    assertEquals(hm("00:00"), out.times()[0]);
    assertEquals(hm("00:00") + 2000, out.times()[1]);
    assertEquals(List.of(1.0, 2.0), values(out, "a"));
  }

  @Test
  void snapFreqMustBePositive() {
    assertEquals(
        "SnapTime: freq must be > 0. Got PT0S.",
        assertThrows(IllegalArgumentException.class, () -> SnapTime.round(Duration.ZERO))
            .getMessage());
  }

  @Test
  void snapExampleOneSecondThroughTheKernel() {
    long s0 = hm("00:00");
    Chunk in =
        chunk(
            LAYOUT,
            new long[] {s0 + 500, s0 + 1499, s0 + 1500},
            col(1.0, 2.0, 3.0),
            col(1L, 2L, 3L));
    Chunk out =
        KernelHarness.run(SnapTime.round(Duration.standardSeconds(1)).plan(LAYOUT, plan("s")), in);
    assertEquals(
        List.of(s0, s0 + 1000, s0 + 2000), List.of(out.times()[0], out.times()[1], out.times()[2]));
  }

  @Test
  void snapExampleOneHourThroughTheKernel() {
    Chunk in = chunk(LAYOUT, hms("01:30", "02:30"), col(1.0, 2.0), col(1L, 2L));
    Chunk out =
        KernelHarness.run(SnapTime.round(Duration.standardHours(1)).plan(LAYOUT, plan("s")), in);
    assertEquals(List.of(hm("02:00"), hm("02:00")), List.of(out.times()[0], out.times()[1]));
    // rows now sharing a time keep their input order
    assertEquals(List.of(1.0, 2.0), values(out, "a"));
  }

  @Test
  void snapFloorAndCeilKernels() {
    Chunk in = chunk(LAYOUT, hms("00:01", "00:05", "00:09"), col(1.0, 2.0, 3.0), col(1L, 2L, 3L));
    Chunk floor =
        KernelHarness.run(SnapTime.floor(Duration.standardMinutes(5)).plan(LAYOUT, plan("s")), in);
    Chunk ceil =
        KernelHarness.run(SnapTime.ceil(Duration.standardMinutes(5)).plan(LAYOUT, plan("s")), in);
    assertEquals(
        List.of(hm("00:00"), hm("00:05"), hm("00:05")),
        List.of(floor.times()[0], floor.times()[1], floor.times()[2]));
    assertEquals(
        List.of(hm("00:05"), hm("00:05"), hm("00:10")),
        List.of(ceil.times()[0], ceil.times()[1], ceil.times()[2]));
  }

  @Test
  void snapRoundSendsHalvesToTheEvenMultipleOfAWiderFreq() {
    // 5 min grid: 00:07:30 is 1.5 steps (→ 2, 00:10), 00:12:30 is 2.5 steps (→ 2, 00:10)
    assertEquals(hm("00:10"), SnapTime.snap(hm("00:07:30"), 300_000, SnapTime.Mode.ROUND));
    assertEquals(hm("00:10"), SnapTime.snap(hm("00:12:30"), 300_000, SnapTime.Mode.ROUND));
  }

  @Test
  void snapOfEmptyInputIsEmpty() {
    Kernel k = SnapTime.round(Duration.standardSeconds(1)).plan(LAYOUT, plan("s"));
    Chunk out = KernelHarness.run(k, chunk(LAYOUT, new long[0], col(), col()));
    assertEquals(0, out.size());
    assertEquals(AB, out.schema());
  }
}
