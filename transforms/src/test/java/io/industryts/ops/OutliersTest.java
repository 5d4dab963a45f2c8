package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** The SEMANTICS §2.1.5 example. */
class OutliersTest {
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.INT32).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00"),
        col(10, 11, 10, 12, 50, 11, 10, null));
  }

  private static final int[][] CUTS = {{}, {3}, {1, 4, 6}};

  private static Chunk run(Outliers op, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("4_outliers"));
    Chunk first = null;
    for (int[] cuts : CUTS) {
      Map<String, Long> c = new HashMap<>();
      Chunk got = KernelHarness.run(k, example(), cuts, c);
      if (first == null) {
        first = got;
        counters.putAll(c);
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(cuts));
        assertEquals(counters, c);
      }
    }
    return first;
  }

  @Test
  void zscoreNullsValuesBeyondKStandardDeviations() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Outliers.zscore(2.0, "v"), counters);
    assertThat(values(out, "v"), contains(10, 11, 10, 12, null, 11, 10, null));
    assertEquals(1L, counters.get("outliers"));
    assertEquals(1L, counters.get("values_nulled"));
  }

  @Test
  void zscoreClipSetsValueToNearestBound() {
    Chunk out = run(Outliers.zscore(2.0, "v").withAction(Outliers.Action.CLIP), new HashMap<>());
    List<Object> v = values(out, "v");
    assertEquals(FieldType.DOUBLE.withNullable(true), out.schema().getField("v").getType());
    // m = 114/7, s = std(ddof 1); bound m + 2s
    double m = 114.0 / 7;
    double ss = 0;
    for (double x : new double[] {10, 11, 10, 12, 50, 11, 10}) {
      ss += (x - m) * (x - m);
    }
    double bound = m + 2 * Math.sqrt(ss / 6);
    assertThat((Double) v.get(4), closeTo(bound, 1e-12));
    assertThat((Double) v.get(4), closeTo(46.0563, 1e-4));
    assertEquals(Arrays.asList(10.0, 11.0, 10.0, 12.0), v.subList(0, 4));
  }

  @Test
  void zscoreWithDefaultThresholdFlagsNothingHere() {
    Chunk out = run(Outliers.zscore("v").withAction(Outliers.Action.FLAG), new HashMap<>());
    assertThat(
        values(out, "v_is_outlier"),
        contains(false, false, false, false, false, false, false, false));
  }

  @Test
  void iqrFlagsOnlyTheSpike() {
    Chunk out = run(Outliers.iqr("v").withAction(Outliers.Action.FLAG), new HashMap<>());
    assertThat(
        values(out, "v_is_outlier"),
        contains(false, false, false, false, true, false, false, false));
  }

  @Test
  void hampelMedianReplacesSpikeWithSeriesMedian() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Outliers.hampel("v").withAction(Outliers.Action.MEDIAN), counters);
    assertThat(values(out, "v"), contains(10.0, 11.0, 10.0, 12.0, 11.0, 11.0, 10.0, null));
    assertEquals(1L, counters.get("values_replaced"));
  }

  @Test
  void hampelNeverFlagsWhenMadIsZero() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00", "03:00"), col(5, 5, 5, 9));
    Kernel k = Outliers.hampel("v").withAction(Outliers.Action.FLAG).plan(LAYOUT, plan("o"));
    assertThat(
        values(KernelHarness.run(k, in), "v_is_outlier"), contains(false, false, false, false));
  }

  @Test
  void dropRemovesOutlierRowsAndCountsThem() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Outliers.iqr("v").withAction(Outliers.Action.DROP), counters);
    assertThat(values(out, "v"), contains(10, 11, 10, 12, 11, 10, null));
    assertEquals(1L, counters.get("rows_dropped"));
  }

  @Test
  void rangeClipsToGivenBounds() {
    Chunk out =
        run(Outliers.range(10.5, 20.0, "v").withAction(Outliers.Action.CLIP), new HashMap<>());
    assertThat(values(out, "v"), contains(10.5, 11.0, 10.5, 12.0, 20.0, 11.0, 10.5, null));
  }

  @Test
  void singleValueSeriesHasNoZscoreOutlier() {
    Chunk in = chunk(LAYOUT, hms("00:00"), col(1));
    Kernel k = Outliers.zscore(0.1, "v").plan(LAYOUT, plan("o"));
    assertThat(values(KernelHarness.run(k, in), "v"), contains(1));
  }

  @Test
  void rejectsNonPositiveThreshold() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Outliers.zscore(-1.0, "v"));
    assertEquals("Outliers: threshold must be > 0. Got -1.0.", e.getMessage());
  }

  @Test
  void rejectsRangeWithoutBounds() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Outliers.range(null, null, "v"));
    assertEquals("Outliers: method \"range\" needs lower or upper. Got neither.", e.getMessage());
  }

  @Test
  void rejectsMedianActionWithRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Outliers.range(0.0, 1.0).withAction(Outliers.Action.MEDIAN));
    assertEquals("Outliers: action \"median\" is not valid with method \"range\".", e.getMessage());
  }

  @Test
  void hampelOverThreeRowsFlagsTheSpikeAgainstItsWindow() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Outliers.hampel("v").overRows(3).withAction(Outliers.Action.FLAG), counters);
    assertThat(
        values(out, "v_is_outlier"),
        contains(false, false, false, false, true, false, false, false));
    assertEquals(1L, counters.get("outliers"));
  }

  @Test
  void centeredHampelWindowReplacesWithWindowMedian() {
    // 04:00: window {12, 50, 11}, median 12, MAD 1
    Chunk out =
        run(
            Outliers.hampel("v").overRows(3).centered().withAction(Outliers.Action.MEDIAN),
            new HashMap<>());
    assertThat(values(out, "v"), contains(10.0, 11.0, 10.0, 12.0, 12.0, 11.0, 10.0, null));
  }

  @Test
  void rowWindowNeedsMinPeriodsValues() {
    // default min_periods = window: 01:00 ({0, 100}: band 50 ± 35.4) would flag 100 otherwise;
    // 02:00 ({0, 100, 0}: band 33.3 ± 28.9) flags 0
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(0, 100, 0));
    Kernel k =
        Outliers.zscore(0.5, "v")
            .overRows(3)
            .withAction(Outliers.Action.FLAG)
            .plan(LAYOUT, plan("o"));
    assertThat(values(KernelHarness.run(k, in), "v_is_outlier"), contains(false, false, true));
    Kernel two =
        Outliers.zscore(0.5, "v")
            .overRows(3)
            .withMinPeriods(2)
            .withAction(Outliers.Action.FLAG)
            .plan(LAYOUT, plan("o"));
    assertThat(values(KernelHarness.run(two, in), "v_is_outlier"), contains(false, true, true));
  }

  @Test
  void durationWindowDropRemovesOnlySegmentRows() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(
            Outliers.iqr(1.0, "v")
                .over(org.joda.time.Duration.standardHours(4))
                .withAction(Outliers.Action.DROP),
            counters);
    // 04:00: window 01:00..04:00 = {11, 10, 12, 50}: Q1 10.75, Q3 21.5, upper fence 32.25
    assertThat(values(out, "v"), contains(10, 11, 10, 12, 11, 10, null));
    assertEquals(1L, counters.get("rows_dropped"));
  }

  @Test
  void rejectsOneRowWindow() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Outliers.zscore("v").overRows(1));
    assertEquals("Outliers: window must be >= 2 rows. Got 1.", e.getMessage());
  }

  @Test
  void rejectsCenterWithoutRowWindow() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Outliers.zscore("v").centered());
    assertEquals("Outliers: center is only valid with a row window.", e.getMessage());
  }
}
