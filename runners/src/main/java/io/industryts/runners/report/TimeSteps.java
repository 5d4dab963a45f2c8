package io.industryts.runners.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps between consecutive rows of a series (or a segment of it): how often each step occurs,
 * for the cadence (the median step, as {@code np.median(np.diff(t))}), and the longest gaps with
 * where they start. Mergeable in any order; a series' steps are its segments' steps plus the steps
 * across segment edges ({@link #addStep}).
 *
 * <pre>{@code
 * TimeSteps s = TimeSteps.of(new long[] {0, 60_000, 120_000, 600_000});
 * s.medianStep();   // 60000.0
 * s.longestGaps();  // [120000 .. 600000], [0 .. 60000], [60000 .. 120000]
 * }</pre>
 *
 * <p>Distinct steps are counted exactly up to {@value #MAX_DISTINCT}; beyond that (irregular
 * timestamps) each step is counted at three significant digits, so the median is within 0.5 %.
 */
public final class TimeSteps implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many distinct step values are counted exactly. */
  static final int MAX_DISTINCT = 4096;

  /** How many of the longest gaps are kept. */
  public static final int LONGEST = 10;

  private final TreeMap<Long, Long> counts = new TreeMap<>();
  private boolean rounded;
  private final List<Gap> longest = new ArrayList<>();

  /** A step from {@code start} to {@code end} (ms) with no row between. */
  public static final class Gap implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long start;
    private final long end;

    public Gap(long start, long end) {
      this.start = start;
      this.end = end;
    }

    public long start() {
      return start;
    }

    public long end() {
      return end;
    }

    public long length() {
      return end - start;
    }

    @Override
    public String toString() {
      return "[" + start + " .. " + end + "]";
    }
  }

  /** No steps. */
  public static TimeSteps empty() {
    return new TimeSteps();
  }

  /** The steps of ascending times {@code t}. */
  public static TimeSteps of(long[] t) {
    return of(t, t.length);
  }

  /** The steps of the first {@code n} ascending times of {@code t}. */
  public static TimeSteps of(long[] t, int n) {
    TimeSteps s = new TimeSteps();
    // runs of equal steps (a regular cadence) are counted at once, and a gap is only looked at
    // when it is longer than the shortest kept: the same result as addStep per step
    long run = 0;
    long runStep = 0;
    for (int i = 1; i < n; i++) {
      long step = t[i] - t[i - 1];
      if (step != runStep || run == 0) {
        if (run > 0) {
          s.count(runStep, run);
        }
        runStep = step;
        run = 0;
      }
      run++;
      if (s.longest.size() < LONGEST || step > s.longest.get(LONGEST - 1).length()) {
        s.keepGap(t[i - 1], t[i]);
      }
    }
    if (run > 0) {
      s.count(runStep, run);
    }
    return s;
  }

  /** Counts the step from {@code from} to {@code to}. */
  public void addStep(long from, long to) {
    count(to - from, 1);
    if (longest.size() < LONGEST || to - from > longest.get(longest.size() - 1).length()) {
      keepGap(from, to);
    }
  }

  private void keepGap(long from, long to) {
    longest.add(new Gap(from, to));
    sortAndTrim();
  }

  /** Adds every step of {@code other}; returns this. */
  public TimeSteps merge(TimeSteps other) {
    if (other.rounded && !rounded) {
      round();
    }
    for (Map.Entry<Long, Long> e : other.counts.entrySet()) {
      count(e.getKey(), e.getValue());
    }
    longest.addAll(other.longest);
    sortAndTrim();
    return this;
  }

  /** Number of steps (rows − 1 for a whole series). */
  public long stepCount() {
    long n = 0;
    for (long c : counts.values()) {
      n += c;
    }
    return n;
  }

  /** The median step in ms (mean of the two middle steps for an even count); NaN without steps. */
  public double medianStep() {
    long n = stepCount();
    if (n == 0) {
      return Double.NaN;
    }
    long lower = (n - 1) / 2;
    long upper = n / 2;
    long seen = 0;
    Long lo = null;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (lo == null && seen > lower) {
        lo = e.getKey();
      }
      if (seen > upper) {
        return (lo + (double) e.getKey()) / 2;
      }
    }
    throw new IllegalStateException("unreachable: counts sum to " + n);
  }

  /** Whether steps were counted at three significant digits (see the class comment). */
  public boolean approximate() {
    return rounded;
  }

  /** The longest gaps, longest first (ties: earliest first), at most {@value #LONGEST}. */
  public List<Gap> longestGaps() {
    return List.copyOf(longest);
  }

  private void count(long step, long n) {
    counts.merge(rounded ? roundStep(step) : step, n, Long::sum);
    if (!rounded && counts.size() > MAX_DISTINCT) {
      round();
    }
  }

  private void round() {
    TreeMap<Long, Long> exact = new TreeMap<>(counts);
    counts.clear();
    rounded = true;
    exact.forEach((step, n) -> counts.merge(roundStep(step), n, Long::sum));
  }

  /** {@code step} at three significant decimal digits. */
  static long roundStep(long step) {
    long scale = 1;
    while (Math.abs(step) / scale >= 1000) {
      scale *= 10;
    }
    return Math.round((double) step / scale) * scale;
  }

  private void sortAndTrim() {
    longest.sort(Comparator.comparingLong(Gap::length).reversed().thenComparingLong(Gap::start));
    while (longest.size() > LONGEST) {
      longest.remove(longest.size() - 1);
    }
  }
}
