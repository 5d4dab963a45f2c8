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

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class FillNullTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  /** The SEMANTICS §2.1.1 example series. */
  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:00", "01:00", "02:00", "03:00", "04:00", "09:00", "10:00", "11:00"),
        col(1.0, null, null, 4.0, null, null, 7.0, null),
        col("a", null, "b", null, null, null, null, null));
  }

  private static final int[][] CUTS = {{}, {1}, {2}, {5}, {1, 2, 3, 4, 5, 6, 7}, {4, 6}};

  /** Runs over every segmentation in {@link #CUTS}, asserting all agree, and returns v. */
  private static List<Object> fill(FillNull op, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("2_fill_null"));
    List<Object> first = null;
    for (int[] cuts : CUTS) {
      Map<String, Long> c = new HashMap<>();
      List<Object> got = values(KernelHarness.run(k, example(), cuts, c), "v");
      if (first == null) {
        first = got;
        counters.putAll(c);
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(cuts));
        assertEquals(counters, c, "counters with cuts " + Arrays.toString(cuts));
      }
    }
    return first;
  }

  @Test
  void forwardFillsEveryRunAfterAnObservation() {
    Map<String, Long> counters = new HashMap<>();
    assertThat(
        fill(FillNull.forward("v"), counters), contains(1.0, 1.0, 1.0, 4.0, 4.0, 4.0, 7.0, 7.0));
    assertEquals(5L, counters.get("values_filled"));
  }

  @Test
  void forwardWithLimitFillsOnlyTheFirstRowsOfARun() {
    assertThat(
        fill(FillNull.forward("v").withLimit(1), new HashMap<>()),
        contains(1.0, 1.0, null, 4.0, 4.0, null, 7.0, 7.0));
  }

  @Test
  void forwardWithMaxGapLeavesWholeRunNullWhenSpanExceedsIt() {
    assertThat(
        fill(FillNull.forward("v").withMaxGap(Duration.standardHours(3)), new HashMap<>()),
        contains(1.0, 1.0, 1.0, 4.0, null, null, 7.0, 7.0));
  }

  @Test
  void backwardWithMaxGapLeavesTrailingRunNull() {
    assertThat(
        fill(FillNull.backward("v").withMaxGap(Duration.standardHours(3)), new HashMap<>()),
        contains(1.0, 4.0, 4.0, 4.0, null, null, 7.0, null));
  }

  @Test
  void maxGapTwoHoursFillsNeitherNullOfAThreeHourSpan() {
    assertThat(
        fill(FillNull.forward("v").withMaxGap(Duration.standardHours(2)), new HashMap<>()),
        contains(1.0, null, null, 4.0, null, null, 7.0, 7.0));
  }

  @Test
  void limitAreaInsideSkipsTrailingRun() {
    assertThat(
        fill(FillNull.forward("v").withLimitArea(FillNull.LimitArea.INSIDE), new HashMap<>()),
        contains(1.0, 1.0, 1.0, 4.0, 4.0, 4.0, 7.0, null));
  }

  @Test
  void limitAreaOutsideFillsOnlyTrailingRunForward() {
    assertThat(
        fill(FillNull.forward("v").withLimitArea(FillNull.LimitArea.OUTSIDE), new HashMap<>()),
        contains(1.0, null, null, 4.0, null, null, 7.0, 7.0));
  }

  @Test
  void limitAreaOutsideFillsLeadingRunBackward() {
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "01:00", "02:00", "03:00"),
            col(null, 2.0, null, 3.0),
            col(null, null, null, null));
    Kernel k =
        FillNull.backward("v").withLimitArea(FillNull.LimitArea.OUTSIDE).plan(LAYOUT, plan("f"));
    assertThat(
        values(KernelHarness.run(k, in, new int[] {2}, new HashMap<>()), "v"),
        contains(2.0, 2.0, null, 3.0));
  }

  @Test
  void meanFillsWithTheSeriesMean() {
    assertThat(
        fill(FillNull.mean("v"), new HashMap<>()),
        contains(1.0, 4.0, 4.0, 4.0, 4.0, 4.0, 7.0, 4.0));
  }

  @Test
  void medianFillsWithTheSeriesMedian() {
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "01:00", "02:00", "03:00", "04:00"),
            col(1.0, null, 2.0, 10.0, 3.0),
            col(null, null, null, null, null));
    Kernel k = FillNull.median("v").plan(LAYOUT, plan("f"));
    assertThat(
        values(KernelHarness.run(k, in, new int[] {2}, new HashMap<>()), "v"),
        contains(1.0, 2.5, 2.0, 10.0, 3.0));
  }

  @Test
  void forwardDefaultsToAllNonTimeColumnsIncludingStrings() {
    Kernel k = FillNull.forward().plan(LAYOUT, plan("f"));
    assertThat(
        values(KernelHarness.run(k, example()), "s"),
        contains("a", "a", "b", "b", "b", "b", "b", "b"));
  }

  @Test
  void constantFillsOnlyColumnsThatCanHoldTheValue() {
    Map<String, Long> counters = new HashMap<>();
    Kernel k = FillNull.constant("x").withFlag().plan(LAYOUT, plan("f"));
    Chunk out = KernelHarness.run(k, example(), counters);
    assertThat(values(out, "v"), contains(1.0, null, null, 4.0, null, null, 7.0, null));
    assertThat(values(out, "s"), contains("a", "x", "b", "x", "x", "x", "x", "x"));
    assertThat(
        values(out, "s_is_filled"), contains(false, true, false, true, true, true, true, true));
    assertEquals(6L, counters.get("values_filled"));
  }

  @Test
  void zeroFillsValueColumns() {
    Kernel k = FillNull.zero().plan(LAYOUT, plan("f"));
    assertThat(
        values(KernelHarness.run(k, example()), "v"),
        contains(1.0, 0.0, 0.0, 4.0, 0.0, 0.0, 7.0, 0.0));
  }

  @Test
  void flagMarksFilledCellsAsDerivedNeverNullBoolean() {
    Kernel k = FillNull.forward("v").withLimit(1).withFlag().plan(LAYOUT, plan("f"));
    Chunk out = KernelHarness.run(k, example());
    Schema.Field f = out.schema().getField("v_is_filled");
    assertEquals(FieldType.BOOLEAN, f.getType());
    assertTrue(OpColumns.isDerived(f));
    assertThat(
        values(out, "v_is_filled"), contains(false, true, false, false, true, false, false, true));
  }

  @Test
  void singleRowSeriesIsUnchanged() {
    Chunk in = chunk(LAYOUT, hms("00:00"), col((Object) null), col((Object) null));
    Kernel k = FillNull.forward("v").plan(LAYOUT, plan("f"));
    assertThat(values(KernelHarness.run(k, in), "v"), contains((Object) null));
  }

  @Test
  void rejectsLimitBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FillNull.forward("v").withLimit(0));
    assertEquals("FillNull: limit must be >= 1. Got 0.", e.getMessage());
  }

  @Test
  void rejectsLimitWithMean() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FillNull.mean("v").withLimit(2));
    assertEquals(
        "FillNull: \"limit\" is only valid with method forward or backward."
            + " Got method \"mean\".",
        e.getMessage());
  }

  @Test
  void rejectsConstantWithoutValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FillNull.constant(null, "v"));
    assertEquals("FillNull: method \"constant\" needs value. Got none.", e.getMessage());
  }

  @Test
  void rejectsValueTheColumnCannotHold() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FillNull.constant("abc", "v").plan(LAYOUT, plan("f")));
    assertEquals(
        "FillNull: value \"abc\" cannot be stored in column \"v\" (DOUBLE).", e.getMessage());
  }

  @Test
  void rejectsMeanOfStringColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FillNull.mean("s").plan(LAYOUT, plan("f")));
    assertEquals(
        "FillNull: method \"mean\" needs numeric columns. Got \"s\" (STRING).", e.getMessage());
  }

  @Test
  void meanWithAnInfiniteValueIsInfiniteWhateverTheSegments() {
    // pandas: Series([inf, None, 1.0, 2.0]).fillna(mean) fills inf (inf + 1 + 2 = inf)
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "01:00", "02:00", "03:00"),
            col(Double.POSITIVE_INFINITY, null, 1.0, 2.0),
            col(null, null, null, null));
    Kernel k = FillNull.mean("v").plan(LAYOUT, plan("f"));
    for (int[] cuts : new int[][] {{}, {1}, {2}, {1, 2, 3}}) {
      assertThat(
          Arrays.toString(cuts),
          values(KernelHarness.run(k, in, cuts, new HashMap<>()), "v"),
          contains(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1.0, 2.0));
    }
  }

  @Test
  void missingColumnIsReportedMissingEvenWhenItsNameReadsLikeTheNumericError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FillNull.mean("x is not numeric").plan(LAYOUT, plan("f")));
    assertEquals(
        "FillNull: column \"x is not numeric\" not found. Available fields: [t, v, s]",
        e.getMessage());
  }

  @Test
  void nonNumericColumnIsSignalledByTypeNotByMessage() {
    NotNumericColumnException e =
        assertThrows(
            NotNumericColumnException.class,
            () -> OpColumns.resolve("FillNull", LAYOUT, List.of("v", "s"), true));
    assertEquals("s", e.column());
    assertEquals(Schema.TypeName.STRING, e.type());
    assertEquals("FillNull: column \"s\" is not numeric (STRING).", e.getMessage());
    IllegalArgumentException wrapped =
        assertThrows(
            IllegalArgumentException.class, () -> FillNull.median("s").plan(LAYOUT, plan("f")));
    assertEquals(
        "FillNull: method \"median\" needs numeric columns. Got \"s\" (STRING).",
        wrapped.getMessage());
    assertTrue(wrapped.getCause() instanceof NotNumericColumnException);
  }
}
