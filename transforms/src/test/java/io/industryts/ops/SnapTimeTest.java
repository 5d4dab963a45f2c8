package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.RowOpsSupport.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.Chunk;
import io.industryts.engine.Kernel;
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
