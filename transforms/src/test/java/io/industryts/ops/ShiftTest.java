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

import io.industryts.engine.Chunk;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** lag, lead, diff and pct_change on the SEMANTICS §2.3.1–2.3.2 example (series "a"). */
class ShiftTest {
  private static final Schema SCHEMA = Schema.builder().addStringField("tag")
      .addDateTimeField("t").addNullableField("v", FieldType.INT64)
      .addNullableField("s", FieldType.STRING).build();
  private static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of("tag"));
  private static final Row KEY_A = Row.withSchema(LAYOUT.keySchema()).addValue("a").build();

  private static Chunk seriesA() {
    return chunk(LAYOUT, KEY_A, hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00"),
        col(2L, 4L, null, 5L, 0L, 3L), col("p", "q", "r", "s", "t", "u"));
  }

  private static final int[][] CUTS = {{}, {1}, {3}, {1, 2, 3, 4, 5}};

  private static List<Object> run(Kernel k, String field) {
    List<Object> first = null;
    for (int[] cuts : CUTS) {
      List<Object> got = values(KernelHarness.run(k, seriesA(), cuts, new HashMap<>()), field);
      if (first == null) {
        first = got;
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(cuts));
      }
    }
    return first;
  }

  @Test
  void lagOneTakesPreviousRowIncludingNulls() {
    assertThat(run(Lag.rows(1).of("v").plan(LAYOUT, plan("l")), "v_lag1"),
        contains(null, 2L, 4L, null, 5L, 0L));
  }

  @Test
  void lagKeepsInputTypeAndMarksOutputDerived() {
    Kernel k = Lag.rows(1, 2).of("v", "s").plan(LAYOUT, plan("l"));
    Schema out = k.outputLayout().schema();
    assertEquals(List.of("tag", "t", "v", "s", "v_lag1", "v_lag2", "s_lag1", "s_lag2"),
        out.getFieldNames());
    assertEquals(FieldType.INT64.withNullable(true), out.getField("v_lag2").getType());
    assertTrue(OpColumns.isDerived(out.getField("s_lag1")));
    assertThat(run(k, "s_lag2"), contains(null, null, "p", "q", "r", "s"));
  }

  @Test
  void leadOneTakesNextRow() {
    assertThat(run(Lead.rows(1).of("v").plan(LAYOUT, plan("l")), "v_lead1"),
        contains(4L, null, 5L, 0L, 3L, null));
  }

  @Test
  void durationLagTakesLastRowAtOrBeforeTimeMinusDuration() {
    Kernel k = Lag.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertEquals("v_lag_90min", k.outputLayout().schema().getField(4).getName());
    assertThat(values(KernelHarness.run(k, seriesA()), "v_lag_90min"),
        contains(null, null, 2L, 4L, null, 5L));
  }

  @Test
  void durationLeadTakesFirstRowAtOrAfterTimePlusDuration() {
    Kernel k = Lead.by(Duration.standardMinutes(90)).of("v").plan(LAYOUT, plan("l"));
    assertThat(values(KernelHarness.run(k, seriesA()), "v_lead_90min"),
        contains(null, 5L, 0L, 3L, null, null));
  }

  @Test
  void durationLagWithToleranceRejectsDistantMatches() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00", "01:00", "05:00"), col(1L, 2L, 3L),
        col("a", "b", "c"));
    Kernel k = Lag.by(Duration.standardHours(1)).of("v").withTolerance(Duration.standardHours(1))
        .plan(LAYOUT, plan("l"));
    assertThat(values(KernelHarness.run(k, in, new int[] {2}, new HashMap<>()), "v_lag_1h"),
        contains(null, 1L, null));
  }

  @Test
  void diffSubtractsPreviousRowAndIsNullAroundNulls() {
    assertThat(run(Diff.periods(1).of("v").plan(LAYOUT, plan("d")), "v_diff1"),
        contains(null, 2.0, null, null, -5.0, 3.0));
  }

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

  @Test
  void defaultColumnsAreValueColumnsExcludingDerived() {
    Kernel first = Lag.rows(1).of().plan(LAYOUT, plan("l"));
    Kernel second = Diff.periods(1).of().plan(first.outputLayout(), plan("d"));
    assertEquals(List.of("tag", "t", "v", "s", "v_lag1", "v_diff1"),
        second.outputLayout().schema().getFieldNames());
  }

  @Test
  void singleRowSeriesGetsNull() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00"), col(1L), col("a"));
    assertThat(values(KernelHarness.run(Diff.periods(1).of("v").plan(LAYOUT, plan("d")), in),
        "v_diff1"), contains((Object) null));
  }

  @Test
  void rejectsPeriodBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lag.rows(0));
    assertEquals("Lag: periods must be >= 1. Got 0. Use lead for later rows.", e.getMessage());
  }

  @Test
  void rejectsToleranceWithRowPeriods() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lag.rows(1).of("v").withTolerance(Duration.standardMinutes(1)));
    assertEquals("Lag: tolerance is only valid with duration periods. Use Lag.by(Duration...).",
        e.getMessage());
  }

  @Test
  void rejectsNonNumericDiffColumn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Diff.periods(1).of("s").plan(LAYOUT, plan("d")));
    assertEquals("Diff: column \"s\" is not numeric (STRING).", e.getMessage());
  }

  @Test
  void rejectsExistingOutputName() {
    Kernel first = Lag.rows(1).of("v").plan(LAYOUT, plan("l"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Lag.rows(1).of("v").plan(first.outputLayout(), plan("l2")));
    assertEquals("Lag: output column \"v_lag1\" already exists. Set suffix or rename the existing"
        + " column.", e.getMessage());
  }
}
