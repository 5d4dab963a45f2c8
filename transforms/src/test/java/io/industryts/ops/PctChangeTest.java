package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.ShiftSupport.KEY_A;
import static io.industryts.ops.ShiftSupport.LAYOUT;
import static io.industryts.ops.ShiftSupport.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import io.industryts.engine.Chunk;
import io.industryts.engine.Kernel;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.3.2 {@code pct_change}: the worked example and the zero-denominator rule. */
class PctChangeTest {
  @Test
  void pctChangeGivesInfinityAfterZero() {
    assertThat(run(PctChange.periods(1).of("v").plan(LAYOUT, plan("d")), "v_pct_change1"),
        contains(null, 1.0, null, null, -1.0, Double.POSITIVE_INFINITY));
  }

  @Test
  void pctChangeOfZeroOverZeroIsNull() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00", "01:00"), col(0L, 0L), col("a", "b"));
    Kernel k = PctChange.periods(1).of("v").plan(LAYOUT, plan("p"));
    assertThat(values(KernelHarness.run(k, in), "v_pct_change1"), contains(null, null));
  }
}
