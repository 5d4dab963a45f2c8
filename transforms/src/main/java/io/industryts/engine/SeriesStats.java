package io.industryts.engine;

import java.io.Serializable;

/** First time, last time and row count of a series (or part of one); mergeable. */
final class SeriesStats implements Serializable {
  private static final long serialVersionUID = 1L;

  long first = Long.MAX_VALUE;
  long last = Long.MIN_VALUE;
  long count;

  void add(long[] times) {
    for (long t : times) {
      if (t < first) {
        first = t;
      }
      if (t > last) {
        last = t;
      }
    }
    count += times.length;
  }

  void merge(SeriesStats o) {
    first = Math.min(first, o.first);
    last = Math.max(last, o.last);
    count += o.count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeriesStats
        && ((SeriesStats) o).first == first
        && ((SeriesStats) o).last == last
        && ((SeriesStats) o).count == count;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(first * 31 + last) * 31 + Long.hashCode(count);
  }
}
