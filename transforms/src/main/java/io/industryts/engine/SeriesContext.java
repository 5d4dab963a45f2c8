package io.industryts.engine;

import java.io.Serializable;
import java.util.Arrays;

/** A pass's view of one series: its segments' summaries in order, carries, statistics. */
final class SeriesContext implements Serializable {
  private static final long serialVersionUID = 1L;

  final long[] segments;
  final SegmentSummary[] summaries;
  /** Carry into each segment (combined summaries of all earlier, or all later, segments). */
  final Serializable[] carryIn;
  Serializable stats;
  final long first;
  final long last;
  final long count;

  SeriesContext(SegmentSummary[] sorted, Serializable[] carryIn, Serializable stats) {
    this.summaries = sorted;
    this.segments = new long[sorted.length];
    long f = Long.MAX_VALUE;
    long l = Long.MIN_VALUE;
    long n = 0;
    for (int i = 0; i < sorted.length; i++) {
      segments[i] = sorted[i].segment;
      if (sorted[i].count > 0) {
        f = Math.min(f, sorted[i].first);
        l = Math.max(l, sorted[i].last);
        n += sorted[i].count;
      }
    }
    this.first = f;
    this.last = l;
    this.count = n;
    this.carryIn = carryIn;
    this.stats = stats;
  }

  int position(long segment) {
    return Arrays.binarySearch(segments, segment);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SeriesContext)) {
      return false;
    }
    SeriesContext c = (SeriesContext) o;
    return Arrays.equals(summaries, c.summaries) && Arrays.deepEquals(carryIn, c.carryIn)
        && java.util.Objects.deepEquals(stats, c.stats);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(segments);
  }
}
