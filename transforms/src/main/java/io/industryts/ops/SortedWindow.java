package io.industryts.ops;

import java.util.Arrays;

/**
 * A sliding window's values kept sorted (in {@link Arrays#sort(double[])} order), for medians:
 * insertion and removal by binary search and one array shift, O(log n + n) with a small constant
 * instead of sorting each window.
 */
final class SortedWindow {
  private final double[] sorted;
  private int size;

  SortedWindow(int capacity) {
    this.sorted = new double[capacity];
  }

  void add(double x) {
    int i = find(x);
    if (i < 0) {
      i = -i - 1;
    }
    System.arraycopy(sorted, i, sorted, i + 1, size - i);
    sorted[i] = x;
    size++;
  }

  /** Removes one copy of {@code x}, which must be present. */
  void remove(double x) {
    int i = find(x);
    if (i < 0) {
      throw new IllegalStateException("SortedWindow: value " + x + " is not in the window.");
    }
    System.arraycopy(sorted, i + 1, sorted, i, size - i - 1);
    size--;
  }

  int size() {
    return size;
  }

  /** Quantile {@code q} of the values (SEMANTICS §1.11; not empty). */
  double quantile(double q) {
    return Stats.quantile(sorted, 0, size, q);
  }

  private int find(double x) {
    return Arrays.binarySearch(sorted, 0, size, x);
  }
}
