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

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** The SEMANTICS §2.2.3 example (two rows share 00:01). */
class RollingTest {
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.DOUBLE).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:00", "00:01", "00:01", "00:03", "00:05", "00:06"),
        col(1.0, 2.0, 4.0, 8.0, null, 16.0));
  }

  private static final int[][] CUTS = {{}, {2}, {1, 3, 5}, {1, 2, 3, 4, 5}};

  private static List<Object> roll(Rolling op, String field) {
    return KernelHarness.sameOverCuts(op.plan(LAYOUT, plan("7_rolling")), example(), CUTS, field);
  }

  private static void assertClose(List<Object> got, Double... expected) {
    KernelHarness.assertCells(got, 1e-12, 0, expected);
  }

  @Test
  void meanOverThreeRowsNeedsThreeValues() {
    assertClose(
        roll(Rolling.rows(3, "v"), "v_rolling_mean_3"), null, null, 7.0 / 3, 14.0 / 3, null, null);
  }

  @Test
  void meanWithMinPeriodsOneUsesPartialWindows() {
    assertClose(
        roll(Rolling.rows(3, "v").withMinPeriods(1), "v_rolling_mean_3"),
        1.0,
        1.5,
        7.0 / 3,
        14.0 / 3,
        6.0,
        12.0);
  }

  @Test
  void stdIsExactSampleStandardDeviation() {
    assertClose(
        roll(Rolling.rows(3, "v").compute(Rolling.Fn.STD).withMinPeriods(2), "v_rolling_std_3"),
        null,
        Math.sqrt(0.5),
        Math.sqrt(7.0 / 3),
        Math.sqrt(28.0 / 3),
        Math.sqrt(8),
        Math.sqrt(32));
  }

  @Test
  void stdOfEqualValuesIsExactlyZero() {
    Chunk in = chunk(LAYOUT, hms("00:00", "00:01", "00:02"), col(0.1, 0.1, 0.1));
    Kernel k = Rolling.rows(3, "v").compute(Rolling.Fn.STD, Rolling.Fn.VAR).plan(LAYOUT, plan("r"));
    Chunk out = KernelHarness.run(k, in);
    assertEquals(0.0, values(out, "v_rolling_std_3").get(2));
    assertEquals(0.0, values(out, "v_rolling_var_3").get(2));
  }

  @Test
  void durationSumTakesRowsWithinSpanUpToTheRowPosition() {
    assertClose(
        roll(
            Rolling.over(Duration.standardMinutes(2), "v").compute(Rolling.Fn.SUM),
            "v_rolling_sum_2min"),
        1.0,
        3.0,
        7.0,
        8.0,
        null,
        16.0);
  }

  @Test
  void durationCountCountsNonNullValues() {
    assertThat(
        roll(
            Rolling.over(Duration.standardMinutes(2), "v").compute(Rolling.Fn.COUNT),
            "v_rolling_count_2min"),
        contains(1L, 2L, 3L, 1L, 0L, 1L));
  }

  @Test
  void countIsNullOnlyWhenWindowHasTooFewRows() {
    assertThat(
        roll(Rolling.rows(2, "v").compute(Rolling.Fn.COUNT), "v_rolling_count_2"),
        contains(null, 2L, 2L, 2L, 1L, 1L));
  }

  @Test
  void minMaxMedianOverRows() {
    Kernel k =
        Rolling.rows(3, "v")
            .compute(Rolling.Fn.MIN, Rolling.Fn.MAX, Rolling.Fn.MEDIAN)
            .withMinPeriods(1)
            .plan(LAYOUT, plan("r"));
    Chunk out = KernelHarness.run(k, example());
    assertThat(values(out, "v_rolling_min_3"), contains(1.0, 1.0, 1.0, 2.0, 4.0, 8.0));
    assertThat(values(out, "v_rolling_max_3"), contains(1.0, 2.0, 4.0, 8.0, 8.0, 16.0));
    assertThat(values(out, "v_rolling_median_3"), contains(1.0, 1.5, 2.0, 4.0, 6.0, 12.0));
  }

  @Test
  void closedLeftExcludesTheCurrentRow() {
    assertClose(
        roll(
            Rolling.rows(2, "v").closed(Rolling.Closed.LEFT).withMinPeriods(1), "v_rolling_mean_2"),
        null,
        1.0,
        1.5,
        3.0,
        6.0,
        8.0);
  }

  @Test
  void centeredWindowLooksAhead() {
    assertClose(
        roll(
            Rolling.rows(3, "v").centered().withMinPeriods(1).compute(Rolling.Fn.SUM),
            "v_rolling_sum_3"),
        3.0,
        7.0,
        14.0,
        12.0,
        24.0,
        16.0);
  }

  @Test
  void evenCenteredWindowTakesMoreRowsBefore() {
    assertClose(
        roll(
            Rolling.rows(4, "v").centered().withMinPeriods(1).compute(Rolling.Fn.SUM),
            "v_rolling_sum_4"),
        3.0,
        7.0,
        15.0,
        14.0,
        28.0,
        24.0);
  }

  @Test
  void stepsThatDifferInClosedCoexistThroughASuffix() {
    // SEMANTICS §1.1, §1.9: suffix is appended to the generated name
    Kernel right = Rolling.rows(2, "v").withMinPeriods(1).plan(LAYOUT, plan("r"));
    Kernel left =
        Rolling.rows(2, "v")
            .closed(Rolling.Closed.LEFT)
            .withMinPeriods(1)
            .withSuffix("_left")
            .plan(right.outputLayout(), plan("l"));
    assertEquals(
        List.of("t", "v", "v_rolling_mean_2", "v_rolling_mean_2_left"),
        left.outputLayout().schema().getFieldNames());
    Chunk out = io.industryts.engine.Engine.runInMemory(example(), List.of(right, left));
    KernelHarness.assertCells(
        values(out, "v_rolling_mean_2"), 1e-12, 0, 1.0, 1.5, 3.0, 6.0, 8.0, 16.0);
    KernelHarness.assertCells(
        values(out, "v_rolling_mean_2_left"), 1e-12, 0, null, 1.0, 1.5, 3.0, 6.0, 8.0);
  }

  @Test
  void withoutASuffixTheSecondStepClashesWithTheFirst() {
    Kernel right = Rolling.rows(2, "v").plan(LAYOUT, plan("r"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Rolling.rows(2, "v")
                    .closed(Rolling.Closed.LEFT)
                    .plan(right.outputLayout(), plan("l")));
    assertEquals(true, e.getMessage().contains("Set suffix"), e.getMessage());
  }

  @Test
  void outputsAreDerivedAndOrderedByColumnThenFunction() {
    Kernel k = Rolling.rows(10).compute(Rolling.Fn.MEAN, Rolling.Fn.STD).plan(LAYOUT, plan("r"));
    assertEquals(
        List.of("t", "v", "v_rolling_mean_10", "v_rolling_std_10"),
        k.outputLayout().schema().getFieldNames());
    assertEquals(true, OpColumns.isDerived(k.outputLayout().schema().getField(3)));
  }

  @Test
  void rejectsWindowBelowOneRow() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rolling.rows(0, "v"));
    assertEquals("Rolling: window must be >= 1 row. Got 0.", e.getMessage());
  }

  @Test
  void rejectsMinPeriodsAboveWindow() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Rolling.rows(10, "v").withMinPeriods(11));
    assertEquals("Rolling: min_periods (11) > window (10).", e.getMessage());
  }

  @Test
  void rejectsCenterWithDurationWindow() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Rolling.over(Duration.standardMinutes(1), "v").centered());
    assertEquals("Rolling: center needs a row window and closed \"right\".", e.getMessage());
  }
}
