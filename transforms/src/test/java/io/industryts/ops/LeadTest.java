package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.ShiftSupport.KEY_A;
import static io.industryts.ops.ShiftSupport.LAYOUT;
import static io.industryts.ops.ShiftSupport.run;
import static io.industryts.ops.ShiftSupport.seriesA;
import static io.industryts.ops.ShiftSupport.seriesB;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.3.1 {@code lead}: the worked example (row and duration periods). */
class LeadTest {
  @Test
  void leadOneTakesNextRow() {
    assertThat(
        run(Lead.rows(1).of("v").plan(LAYOUT, plan("l")), "v_lead1"),
        contains(4L, null, 5L, 0L, 3L, null));
  }

  @Test
  void durationLeadTakesFirstRowAtOrAfterTimePlusDuration() {
    Kernel k = Lead.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertThat(
        values(KernelHarness.run(k, seriesA()), "v_lead_90min"),
        contains(null, 5L, 0L, 3L, null, null));
  }

  @Test
  void leadExampleSeriesB() {
    Kernel k = Lead.rows(1).of("v").plan(LAYOUT, plan("l"));
    assertThat(values(KernelHarness.run(k, seriesB()), "v_lead1"), contains(20L, null));
    Kernel d = Lead.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertThat(values(KernelHarness.run(d, seriesB()), "v_lead_90min"), contains(null, null));
  }

  @Test
  void leadKeepsInputTypeAndNamesTheDuration() {
    Kernel k = Lead.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    Schema out = k.outputLayout().schema();
    assertEquals(List.of("tag", "t", "v", "s", "v_lead_90min"), out.getFieldNames());
    assertEquals(FieldType.INT64.withNullable(true), out.getField("v_lead_90min").getType());
    assertTrue(OpColumns.isDerived(out.getField("v_lead_90min")));
  }

  @Test
  void durationLeadTakesTheFirstOfSeveralRowsAtTheMatchedTime() {
    Chunk in =
        chunk(LAYOUT, KEY_A, hms("00:00", "01:30", "01:30"), col(1L, 2L, 3L), col("a", "b", "c"));
    Kernel k = Lead.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertThat(
        KernelHarness.sameOverCuts(k, in, new int[][] {{}, {1}, {2}}, "v_lead_90min"),
        contains(2L, null, null));
  }

  @Test
  void durationLeadWithToleranceRejectsDistantMatches() {
    Chunk in =
        chunk(LAYOUT, KEY_A, hms("00:00", "01:00", "05:00"), col(1L, 2L, 3L), col("a", "b", "c"));
    Kernel k =
        Lead.by(Duration.standardHours(1))
            .of("v")
            .withTolerance(Duration.standardHours(1))
            .plan(LAYOUT, plan("l"));
    assertThat(
        KernelHarness.sameOverCuts(k, in, new int[][] {{}, {1}, {2}}, "v_lead_1h"),
        contains(2L, null, null));
  }

  @Test
  void leadSingleRowIsNull() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00"), col(1L), col("a"));
    assertThat(
        values(KernelHarness.run(Lead.rows(1).of("v").plan(LAYOUT, plan("l")), in), "v_lead1"),
        contains((Object) null));
  }

  @Test
  void leadRejectsPeriodBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lead.rows(0));
    assertEquals("Lead: periods must be >= 1. Got 0.", e.getMessage());
  }
}
