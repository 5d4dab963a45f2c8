package io.industryts.ops;

/**
 * The minimum or maximum of a sliding window in amortized O(1) per row: positions whose values can
 * still become the extreme, in position order with their values strictly ordered.
 *
 * <p>Positions are added in increasing order and each at most once, so one array of the series'
 * length holds them without wrapping. Values are ordered as {@link Math#min} / {@link Math#max}
 * order them (−0.0 below 0.0); the caller keeps NaN out.
 */
final class MonotonicDeque {
  private final double[] v;
  private final boolean max;
  private final int[] pos;
  private int head;
  private int tail;

  private MonotonicDeque(double[] v, int capacity, boolean max) {
    this.v = v;
    this.max = max;
    this.pos = new int[capacity];
  }

  static MonotonicDeque ofMinimum(double[] v, int capacity) {
    return new MonotonicDeque(v, capacity, false);
  }

  static MonotonicDeque ofMaximum(double[] v, int capacity) {
    return new MonotonicDeque(v, capacity, true);
  }

  /** Adds position {@code j}, after every position added before. */
  void add(int j) {
    double x = v[j];
    // a later value at least as extreme makes earlier ones irrelevant
    while (tail > head
        && (max
            ? Double.compare(v[pos[tail - 1]], x) <= 0
            : Double.compare(v[pos[tail - 1]], x) >= 0)) {
      tail--;
    }
    pos[tail++] = j;
  }

  /** Drops positions before {@code start}. */
  void dropBefore(int start) {
    while (tail > head && pos[head] < start) {
      head++;
    }
  }

  boolean isEmpty() {
    return tail == head;
  }

  /** The extreme value of the window (not empty). */
  double value() {
    return v[pos[head]];
  }
}
