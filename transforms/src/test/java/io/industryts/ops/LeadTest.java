package io.industryts.ops;

import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.ShiftSupport.LAYOUT;
import static io.industryts.ops.ShiftSupport.run;
import static io.industryts.ops.ShiftSupport.seriesA;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import io.industryts.engine.Kernel;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.3.1 {@code lead}: the worked example (row and duration periods). */
class LeadTest {
  @Test
  void leadOneTakesNextRow() {
    assertThat(run(Lead.rows(1).of("v").plan(LAYOUT, plan("l")), "v_lead1"),
        contains(4L, null, 5L, 0L, 3L, null));
  }

  @Test
  void durationLeadTakesFirstRowAtOrAfterTimePlusDuration() {
    Kernel k = Lead.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertThat(values(KernelHarness.run(k, seriesA()), "v_lead_90min"),
        contains(null, 5L, 0L, 3L, null, null));
  }
}
