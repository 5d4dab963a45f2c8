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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.3.2 {@code diff}: the worked example, single rows, default columns and errors. */
class DiffTest {
  @Test
  void diffSubtractsPreviousRowAndIsNullAroundNulls() {
    assertThat(
        run(Diff.periods(1).of("v").plan(LAYOUT, plan("d")), "v_diff1"),
        contains(null, 2.0, null, null, -5.0, 3.0));
  }

  @Test
  void defaultColumnsAreValueColumnsExcludingDerived() {
    Kernel first = Lag.rows(1).of().plan(LAYOUT, plan("l"));
    Kernel second = Diff.periods(1).of().plan(first.outputLayout(), plan("d"));
    assertEquals(
        List.of("tag", "t", "v", "s", "v_lag1", "v_diff1"),
        second.outputLayout().schema().getFieldNames());
  }

  @Test
  void singleRowSeriesGetsNull() {
    Chunk in = chunk(LAYOUT, KEY_A, hms("00:00"), col(1L), col("a"));
    assertThat(
        values(KernelHarness.run(Diff.periods(1).of("v").plan(LAYOUT, plan("d")), in), "v_diff1"),
        contains((Object) null));
  }

  @Test
  void diffWithSuffixCoexistsWithTheUnsuffixedDiff() {
    Kernel first = Diff.periods(1).of("v").plan(LAYOUT, plan("d"));
    Kernel second = Diff.periods(1).withSuffix("_b").plan(first.outputLayout(), plan("d2"));
    assertEquals(
        List.of("tag", "t", "v", "s", "v_diff1", "v_diff1_b"),
        second.outputLayout().schema().getFieldNames());
    Chunk out =
        io.industryts.engine.Engine.runInMemory(ShiftSupport.seriesA(), List.of(first, second));
    assertThat(values(out, "v_diff1_b"), contains(null, 2.0, null, null, -5.0, 3.0));
  }

  @Test
  void rejectsNonNumericDiffColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Diff.periods(1).of("s").plan(LAYOUT, plan("d")));
    assertEquals("Diff: column \"s\" is not numeric (STRING).", e.getMessage());
  }

  @Test
  void diffExampleSeriesB() {
    Kernel k = Diff.periods(1).of("v").plan(LAYOUT, plan("d"));
    assertThat(values(KernelHarness.run(k, seriesB()), "v_diff1"), contains(null, 10.0));
  }

  @Test
  void diffTwoSubtractsTheRowTwoPositionsBack() {
    assertThat(
        run(Diff.periods(2).of("v").plan(LAYOUT, plan("d")), "v_diff2"),
        contains(null, null, null, 1.0, null, -2.0));
  }

  @Test
  void diffOfIntegersIsDoubleAndDerived() {
    Schema out = Diff.periods(1).of("v").plan(LAYOUT, plan("d")).outputLayout().schema();
    assertEquals(FieldType.DOUBLE.withNullable(true), out.getField("v_diff1").getType());
    assertTrue(OpColumns.isDerived(out.getField("v_diff1")));
  }

  @Test
  void diffOfEmptyInputKeepsTheOutputSchema() {
    Kernel k = Diff.periods(1).of("v").plan(LAYOUT, plan("d"));
    Chunk out = KernelHarness.run(k, chunk(LAYOUT, KEY_A, new long[0], col(), col()));
    assertEquals(0, out.size());
    assertEquals(List.of("tag", "t", "v", "s", "v_diff1"), out.schema().getFieldNames());
  }

  @Test
  void diffRejectsPeriodBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Diff.periods(0));
    assertEquals("Diff: periods must be >= 1. Got 0.", e.getMessage());
  }
}
