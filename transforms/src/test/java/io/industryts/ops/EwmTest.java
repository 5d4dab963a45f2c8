package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.3.4; expected values are pandas 1.5.3's for the example series. */
class EwmTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("x", FieldType.DOUBLE)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  /** The example series {@code 1, 2, ·, 4} at 00:00, 01:00, 03:00, 04:00. */
  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:00", "01:00", "03:00", "04:00"),
        col(1.0, 2.0, null, 4.0),
        col("a", "b", "c", "d"));
  }

  private static final int[][] CUTS = {{}, {1}, {2}, {3}, {1, 2, 3}};

  /** The output column over every segmentation (all must agree exactly). */
  private static List<Object> run(Ewm op, String field) {
    return KernelHarness.sameOverCuts(op.plan(LAYOUT, plan("5_ewm")), example(), CUTS, field);
  }

  private static void assertClose(List<Object> got, Double... want) {
    KernelHarness.assertCells(got, 0, 1e-12, want);
  }

  @Test
  void adjustedMeanCarriesTheAverageThroughNullRows() {
    assertClose(
        run(Ewm.alpha(0.5).of("x"), "x_ewm_mean_alpha0_5"),
        1.0,
        1.6666666666666667,
        1.6666666666666667,
        3.3636363636363638);
  }

  @Test
  void unadjustedMean() {
    assertClose(
        run(Ewm.alpha(0.5).adjust(false).of("x"), "x_ewm_mean_alpha0_5"),
        1.0,
        1.5,
        1.5,
        3.1666666666666665);
  }

  @Test
  void ignoreNaDoesNotDecayOverNullRows() {
    assertClose(
        run(Ewm.alpha(0.5).ignoreNa(true).of("x"), "x_ewm_mean_alpha0_5"),
        1.0,
        1.6666666666666667,
        1.6666666666666667,
        3.0);
  }

  @Test
  void biasCorrectedVarianceAndStd() {
    Ewm op = Ewm.alpha(0.5).compute(Ewm.Fn.VAR, Ewm.Fn.STD).of("x");
    assertClose(run(op, "x_ewm_var_alpha0_5"), null, 0.5, 0.5, 2.6538461538461546);
    assertClose(
        run(op, "x_ewm_std_alpha0_5"),
        null,
        0.7071067811865476,
        0.7071067811865476,
        1.6290629680421056);
  }

  @Test
  void unadjustedAndIgnoreNaVariance() {
    assertClose(
        run(Ewm.alpha(0.5).adjust(false).compute(Ewm.Fn.VAR).of("x"), "x_ewm_var_alpha0_5"),
        null,
        0.5,
        0.5,
        2.944444444444444);
    assertClose(
        run(Ewm.alpha(0.5).ignoreNa(true).compute(Ewm.Fn.VAR).of("x"), "x_ewm_var_alpha0_5"),
        null,
        0.5,
        0.5,
        2.5);
  }

  @Test
  void durationHalflifeDecaysByElapsedTime() {
    assertClose(
        run(Ewm.halflife(Duration.standardHours(1)).of("x"), "x_ewm_mean_halflife_1h"),
        1.0,
        1.6666666666666667,
        1.6666666666666667,
        3.6315789473684212);
  }

  @Test
  void minPeriodsCountsNonNullValues() {
    assertClose(
        run(Ewm.span(3).withMinPeriods(2).of("x"), "x_ewm_mean_span3"),
        null,
        1.6666666666666667,
        1.6666666666666667,
        3.3636363636363638);
  }

  @Test
  void comAndRowHalflifeGiveTheirAlpha() {
    assertEquals(0.5, Ewm.com(1).alphaValue(), 0);
    assertEquals(0.5, Ewm.halflife(1).alphaValue(), 1e-15);
    assertEquals(2.0 / 11, Ewm.span(10).alphaValue(), 0);
  }

  @Test
  void outputNamesFollowTheParameter() {
    Kernel k = Ewm.span(10).compute(Ewm.Fn.MEAN, Ewm.Fn.STD).of("x").plan(LAYOUT, plan("e"));
    assertEquals(
        List.of("t", "x", "s", "x_ewm_mean_span10", "x_ewm_std_span10"),
        k.outputLayout().schema().getFieldNames());
    assertTrue(OpColumns.isDerived(k.outputLayout().schema().getField("x_ewm_mean_span10")));
    assertEquals(
        List.of("t", "x", "s", "x_ewm_mean_alpha0_3"),
        Ewm.alpha(0.3).plan(LAYOUT, plan("e")).outputLayout().schema().getFieldNames());
  }

  @Test
  void leadingNullsStayNullUntilTheFirstObservation() {
    Chunk in =
        chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(null, 3.0, 5.0), col("a", "b", "c"));
    Kernel k = Ewm.alpha(0.5).compute(Ewm.Fn.MEAN, Ewm.Fn.VAR).of("x").plan(LAYOUT, plan("e"));
    Chunk out = KernelHarness.run(k, in, new int[] {1}, new HashMap<>());
    // pandas: mean [nan, 3, 4.3333], var [nan, nan, 2]
    assertClose(values(out, "x_ewm_mean_alpha0_5"), null, 3.0, 13.0 / 3);
    assertClose(values(out, "x_ewm_var_alpha0_5"), null, null, 2.0);
  }

  @Test
  void alphaOutOfRangeIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ewm.alpha(1.5));
    assertEquals("Ewm: alpha must be in (0, 1]. Got 1.5.", e.getMessage());
  }

  @Test
  void durationHalflifeNeedsAdjustAndMeanOnly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ewm.halflife(Duration.standardHours(1)).compute(Ewm.Fn.STD));
    assertEquals(
        "Ewm: a duration halflife needs adjust = true and functions = [\"mean\"].", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Ewm.halflife(Duration.standardHours(1)).adjust(false));
  }

  @Test
  void spanBelowOneAndMinPeriodsBelowOneAreRejected() {
    assertEquals(
        "Ewm: span must be >= 1. Got 0.5.",
        assertThrows(IllegalArgumentException.class, () -> Ewm.span(0.5)).getMessage());
    assertEquals(
        "Ewm: min_periods must be >= 1. Got 0.",
        assertThrows(IllegalArgumentException.class, () -> Ewm.span(2).withMinPeriods(0))
            .getMessage());
  }

  @Test
  void existingOutputNameIsRejected() {
    Schema s =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("x", FieldType.DOUBLE)
            .addNullableField("x_ewm_mean_span2", FieldType.DOUBLE)
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ewm.span(2).of("x").plan(KernelHarness.layout(s, "t"), plan("e")));
    assertEquals(
        "Ewm: output column \"x_ewm_mean_span2\" already exists. Set suffix or rename the"
            + " existing column.",
        e.getMessage());
  }
}
