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
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §2.3.1 {@code lag}: the worked example (row and duration periods), tolerance and
 * errors.
 */
class LagTest {
  @Test
  void lagOneTakesPreviousRowIncludingNulls() {
    assertThat(
        run(Lag.rows(1).of("v").plan(LAYOUT, plan("l")), "v_lag1"),
        contains(null, 2L, 4L, null, 5L, 0L));
  }

  @Test
  void lagKeepsInputTypeAndMarksOutputDerived() {
    Kernel k = Lag.rows(1, 2).of("v", "s").plan(LAYOUT, plan("l"));
    Schema out = k.outputLayout().schema();
    assertEquals(
        List.of("tag", "t", "v", "s", "v_lag1", "v_lag2", "s_lag1", "s_lag2"), out.getFieldNames());
    assertEquals(FieldType.INT64.withNullable(true), out.getField("v_lag2").getType());
    assertTrue(OpColumns.isDerived(out.getField("s_lag1")));
    assertThat(run(k, "s_lag2"), contains(null, null, "p", "q", "r", "s"));
  }

  @Test
  void durationLagTakesLastRowAtOrBeforeTimeMinusDuration() {
    Kernel k = Lag.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertEquals("v_lag_90min", k.outputLayout().schema().getField(4).getName());
    assertThat(
        values(KernelHarness.run(k, seriesA()), "v_lag_90min"),
        contains(null, null, 2L, 4L, null, 5L));
  }

  @Test
  void durationLagWithToleranceRejectsDistantMatches() {
    Chunk in =
        chunk(LAYOUT, KEY_A, hms("00:00", "01:00", "05:00"), col(1L, 2L, 3L), col("a", "b", "c"));
    Kernel k =
        Lag.by(Duration.standardHours(1))
            .of("v")
            .withTolerance(Duration.standardHours(1))
            .plan(LAYOUT, plan("l"));
    assertThat(
        values(KernelHarness.run(k, in, new int[] {2}, new HashMap<>()), "v_lag_1h"),
        contains(null, 1L, null));
  }

  @Test
  void mixedRowAndDurationPeriodsGiveOneOutputEachInTheGivenOrder() {
    // SEMANTICS §2.3.1 periods = [1, "90min", 2]: v_lag1, v_lag_90min, v_lag2 (§1.9 order)
    Kernel k =
        Lag.rows(1).andBy(Duration.standardMinutes(90)).andRows(2).of("v").plan(LAYOUT, plan("l"));
    assertEquals(
        List.of("tag", "t", "v", "s", "v_lag1", "v_lag_90min", "v_lag2"),
        k.outputLayout().schema().getFieldNames());
    assertThat(run(k, "v_lag1"), contains(null, 2L, 4L, null, 5L, 0L));
    assertThat(run(k, "v_lag_90min"), contains(null, null, 2L, 4L, null, 5L));
    assertThat(run(k, "v_lag2"), contains(null, null, 2L, 4L, null, 5L));
  }

  @Test
  void toleranceOfAMixedLagAppliesToItsDurationPeriodsOnly() {
    Chunk in =
        chunk(LAYOUT, KEY_A, hms("00:00", "01:00", "05:00"), col(1L, 2L, 3L), col("a", "b", "c"));
    Kernel k =
        Lag.rows(1)
            .andBy(Duration.standardHours(1))
            .of("v")
            .withTolerance(Duration.standardHours(1))
            .plan(LAYOUT, plan("l"));
    Chunk out = KernelHarness.run(k, in, new int[] {2}, new HashMap<>());
    assertThat(values(out, "v_lag1"), contains(null, 1L, 2L));
    assertThat(values(out, "v_lag_1h"), contains(null, 1L, null));
  }

  @Test
  void suffixIsAppendedToEveryGeneratedName() {
    Kernel first = Lag.rows(1).of("v").plan(LAYOUT, plan("l"));
    Kernel second =
        Lag.rows(1, 2).of("v").withSuffix("_again").plan(first.outputLayout(), plan("l2"));
    assertEquals(
        List.of("tag", "t", "v", "s", "v_lag1", "v_lag1_again", "v_lag2_again"),
        second.outputLayout().schema().getFieldNames());
    assertTrue(OpColumns.isDerived(second.outputLayout().schema().getField("v_lag1_again")));
  }

  @Test
  void aFactoryAloneIsATransformOverTheValueColumns() {
    // Lag.rows(1) without of(...) is already a PTransform; keyedBy and the other options chain
    Lag lag = Lag.rows(1).keyedBy("tag");
    assertEquals(List.of("tag"), lag.options().keyColumns());
    assertEquals(
        List.of("tag", "t", "v", "s", "v_lag1"),
        lag.plan(LAYOUT, plan("l")).outputLayout().schema().getFieldNames());
  }

  @Test
  void rejectsPeriodBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lag.rows(0));
    assertEquals("Lag: periods must be >= 1. Got 0. Use lead for later rows.", e.getMessage());
  }

  @Test
  void rejectsToleranceWithRowPeriods() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lag.rows(1).of("v").withTolerance(Duration.standardMinutes(1)));
    assertEquals(
        "Lag: tolerance is only valid with duration periods. Use Lag.by(Duration...).",
        e.getMessage());
  }

  @Test
  void rejectsExistingOutputName() {
    Kernel first = Lag.rows(1).of("v").plan(LAYOUT, plan("l"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lag.rows(1).of("v").plan(first.outputLayout(), plan("l2")));
    assertEquals(
        "Lag: output column \"v_lag1\" already exists. Set suffix or rename the existing"
            + " column.",
        e.getMessage());
  }

  @Test
  void lagExampleSeriesB() {
    Kernel k = Lag.rows(1).of("v").plan(LAYOUT, plan("l"));
    assertThat(values(KernelHarness.run(k, seriesB()), "v_lag1"), contains(null, 10L));
    Kernel d = Lag.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertThat(values(KernelHarness.run(d, seriesB()), "v_lag_90min"), contains(null, null));
  }

  @Test
  void lagTwoCountsPositionsIncludingNulls() {
    assertThat(
        run(Lag.rows(2).of("v").plan(LAYOUT, plan("l")), "v_lag2"),
        contains(null, null, 2L, 4L, null, 5L));
  }

  @Test
  void durationLagTakesTheLastOfSeveralRowsAtTheMatchedTime() {
    Chunk in =
        chunk(LAYOUT, KEY_A, hms("00:00", "00:00", "01:30"), col(1L, 2L, 3L), col("a", "b", "c"));
    Kernel k = Lag.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertThat(
        KernelHarness.sameOverCuts(k, in, new int[][] {{}, {1}, {2}}, "v_lag_90min"),
        contains(null, null, 2L));
  }

  @Test
  void lagOfEmptyInputKeepsTheOutputSchema() {
    Kernel k = Lag.rows(1).of("v").plan(LAYOUT, plan("l"));
    Chunk out = KernelHarness.run(k, chunk(LAYOUT, KEY_A, new long[0], col(), col()));
    assertEquals(0, out.size());
    assertEquals(List.of("tag", "t", "v", "s", "v_lag1"), out.schema().getFieldNames());
  }

  @Test
  void lagSingleRowIsNull() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00"), col(1L), col("a"));
    assertThat(
        values(KernelHarness.run(Lag.rows(1).of("v").plan(LAYOUT, plan("l")), in), "v_lag1"),
        contains((Object) null));
  }

  @Test
  void rejectsANonPositiveDuration() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lag.by(Duration.ZERO));
    assertEquals("Lag: periods must be > 0. Got PT0S.", e.getMessage());
  }
}
