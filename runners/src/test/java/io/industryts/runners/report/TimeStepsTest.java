package io.industryts.runners.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cadence (median step, as {@code np.median(np.diff(t))}) and longest gaps. */
class TimeStepsTest {
  private static List<String> gaps(TimeSteps s) {
    List<String> out = new ArrayList<>();
    for (TimeSteps.Gap g : s.longestGaps()) {
      out.add(g.start() + "-" + g.end());
    }
    return out;
  }

  @Test
  void medianOfAnOddNumberOfStepsIsTheMiddleOne() {
    // steps 10, 10, 30, 10, 50 -> sorted 10 10 10 30 50 -> 10
    TimeSteps s = TimeSteps.of(new long[] {0, 10, 20, 50, 60, 110});
    assertEquals(10.0, s.medianStep());
    assertEquals(5, s.stepCount());
  }

  @Test
  void medianOfAnEvenNumberOfStepsIsTheMeanOfTheMiddleTwo() {
    // steps 10, 20, 40, 100 -> (20 + 40) / 2
    assertEquals(30.0, TimeSteps.of(new long[] {0, 10, 30, 70, 170}).medianStep());
  }

  @Test
  void noStepsHaveNoCadence() {
    assertTrue(Double.isNaN(TimeSteps.of(new long[] {5}).medianStep()));
    assertTrue(Double.isNaN(TimeSteps.empty().medianStep()));
    assertEquals(List.of(), TimeSteps.empty().longestGaps());
  }

  @Test
  void longestGapsComeLongestFirstThenEarliest() {
    TimeSteps s = TimeSteps.of(new long[] {0, 60, 120, 600, 660, 1140});
    assertEquals(List.of("120-600", "660-1140", "0-60", "60-120", "600-660"), gaps(s));
  }

  @Test
  void onlyTheTenLongestGapsAreKept() {
    long[] t = new long[30];
    for (int i = 1; i < t.length; i++) {
      t[i] = t[i - 1] + i; // steps 1 .. 29
    }
    List<TimeSteps.Gap> g = TimeSteps.of(t).longestGaps();
    assertEquals(TimeSteps.LONGEST, g.size());
    assertEquals(29, g.get(0).length());
    assertEquals(20, g.get(9).length());
  }

  @Test
  void mergingSegmentsWithTheEdgeStepEqualsTheWholeSeries() {
    long[] whole = {0, 10, 20, 35, 45, 200, 210, 220};
    TimeSteps a = TimeSteps.of(new long[] {0, 10, 20, 35});
    TimeSteps b = TimeSteps.of(new long[] {45, 200, 210, 220});
    b.addStep(35, 45);
    TimeSteps merged = a.merge(b);
    TimeSteps direct = TimeSteps.of(whole);
    assertEquals(direct.medianStep(), merged.medianStep());
    assertEquals(gaps(direct), gaps(merged));
  }

  @Test
  void manyDistinctStepsAreCountedAtThreeSignificantDigits() {
    int n = TimeSteps.MAX_DISTINCT + 100;
    long[] t = new long[n + 1];
    for (int i = 1; i <= n; i++) {
      t[i] = t[i - 1] + 100_000 + i; // every step distinct, 100001 .. 104196
    }
    TimeSteps s = TimeSteps.of(t);
    assertTrue(s.approximate());
    // exact median of 100001 .. 100000 + n
    double exact = 100_000 + (n + 1) / 2.0;
    assertEquals(exact, s.medianStep(), exact * 0.005);
    assertFalse(TimeSteps.of(new long[] {0, 1, 2}).approximate());
  }

  @Test
  void roundingKeepsThreeSignificantDigits() {
    assertEquals(123_000, TimeSteps.roundStep(123_456));
    assertEquals(999, TimeSteps.roundStep(999));
    assertEquals(1_000_000, TimeSteps.roundStep(999_999));
  }

  @Test
  void runsOfEqualStepsCountAsEveryStep() {
    // steps 1000 x3, 4000, 1000 x2, 4000: the two 4000 gaps tie and the earlier comes first;
    // 7 steps, the 4th smallest is 1000
    TimeSteps s = TimeSteps.of(new long[] {0, 1000, 2000, 3000, 7000, 8000, 9000, 13000});
    assertEquals(7, s.stepCount());
    assertEquals(1000.0, s.medianStep());
    assertEquals(
        List.of(
            "3000-7000",
            "9000-13000",
            "0-1000",
            "1000-2000",
            "2000-3000",
            "7000-8000",
            "8000-9000"),
        gaps(s));
  }

  @Test
  void ofEqualsAddingEveryStepOneByOne() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    long[] t = new long[20_000];
    for (int i = 1; i < t.length; i++) {
      int k = r.nextInt(100);
      // mostly the cadence, some repeats of a time, some gaps of a few lengths (ties)
      t[i] = t[i - 1] + (k < 80 ? 1000 : k < 85 ? 0 : k < 95 ? 3000 : 1000L * r.nextInt(2, 30));
    }
    TimeSteps one = TimeSteps.empty();
    for (int i = 1; i < t.length; i++) {
      one.addStep(t[i - 1], t[i]);
    }
    TimeSteps runs = TimeSteps.of(t);
    assertEquals(one.stepCount(), runs.stepCount());
    assertEquals(t.length - 1, runs.stepCount());
    assertEquals(one.medianStep(), runs.medianStep());
    assertEquals(1000.0, runs.medianStep());
    assertEquals(gaps(one), gaps(runs));
    assertEquals(29000, runs.longestGaps().get(0).length());
  }
}
