package io.industryts.engine;

import java.io.Serializable;

/**
 * How one series is cut into segments: segment {@code k} covers {@code [anchor + k·width, anchor +
 * (k+1)·width)} (or {@code (…, …]} when {@code closedRight}), plus the series' facts.
 */
final class SeriesPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  final long anchor;
  final long width;
  final boolean closedRight;
  final long first;
  final long last;
  final long count;

  SeriesPlan(long anchor, long width, boolean closedRight, long first, long last, long count) {
    this.anchor = anchor;
    this.width = width;
    this.closedRight = closedRight;
    this.first = first;
    this.last = last;
    this.count = count;
  }

  long segmentOf(long t) {
    long d = t - anchor;
    return closedRight ? -Math.floorDiv(-d, width) - 1 : Math.floorDiv(d, width);
  }

  /** Inclusive start of segment {@code k} (exclusive when closedRight). */
  long segmentStart(long k) {
    return anchor + k * width;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SeriesPlan)) {
      return false;
    }
    SeriesPlan p = (SeriesPlan) o;
    return anchor == p.anchor
        && width == p.width
        && closedRight == p.closedRight
        && first == p.first
        && last == p.last
        && count == p.count;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(anchor, width, first, last, count);
  }
}
