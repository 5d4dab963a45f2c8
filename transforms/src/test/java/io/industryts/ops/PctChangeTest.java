package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.ShiftSupport.KEY_A;
import static io.industryts.ops.ShiftSupport.LAYOUT;
import static io.industryts.ops.ShiftSupport.run;
import static io.industryts.ops.ShiftSupport.seriesB;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.3.2 {@code pct_change}: the worked example and the zero-denominator rule. */
class PctChangeTest {
  @Test
  void pctChangeGivesInfinityAfterZero() {
    assertThat(
        run(PctChange.periods(1).of("v").plan(LAYOUT, plan("d")), "v_pct_change1"),
        contains(null, 1.0, null, null, -1.0, Double.POSITIVE_INFINITY));
  }

  @Test
  void pctChangeOfZeroOverZeroIsNull() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00", "01:00"), col(0L, 0L), col("a", "b"));
    Kernel k = PctChange.periods(1).of("v").plan(LAYOUT, plan("p"));
    assertThat(values(KernelHarness.run(k, in), "v_pct_change1"), contains(null, null));
  }

  @Test
  void pctChangeExampleSeriesB() {
    Kernel k = PctChange.periods(1).of("v").plan(LAYOUT, plan("p"));
    assertThat(values(KernelHarness.run(k, seriesB()), "v_pct_change1"), contains(null, 1.0));
  }

  @Test
  void pctChangeTwoDividesByTheRowTwoPositionsBack() {
    List<Object> got = run(PctChange.periods(2).of("v").plan(LAYOUT, plan("p")), "v_pct_change2");
    // 5/4 − 1 and 3/5 − 1; rows reaching the null at 02:00 stay null (no forward fill)
    KernelHarness.assertCells(got, 1e-15, 0, null, null, null, 0.25, null, -0.4);
  }

  @Test
  void pctChangeOfANegativeValueAfterZeroIsMinusInfinity() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00", "01:00"), col(0L, -3L), col("a", "b"));
    Kernel k = PctChange.periods(1).of("v").plan(LAYOUT, plan("p"));
    assertThat(
        values(KernelHarness.run(k, in), "v_pct_change1"),
        contains(null, Double.NEGATIVE_INFINITY));
  }

  @Test
  void pctChangeSingleRowIsNull() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00"), col(1L), col("a"));
    assertThat(
        values(
            KernelHarness.run(PctChange.periods(1).of("v").plan(LAYOUT, plan("p")), in),
            "v_pct_change1"),
        contains((Object) null));
  }

  @Test
  void pctChangeOfIntegersIsDouble() {
    Schema out = PctChange.periods(1).of("v").plan(LAYOUT, plan("p")).outputLayout().schema();
    assertEquals(FieldType.DOUBLE.withNullable(true), out.getField("v_pct_change1").getType());
  }

  @Test
  void pctChangeRejectsANonNumericColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PctChange.periods(1).of("s").plan(LAYOUT, plan("p")));
    assertEquals("PctChange: column \"s\" is not numeric (STRING).", e.getMessage());
  }
}
