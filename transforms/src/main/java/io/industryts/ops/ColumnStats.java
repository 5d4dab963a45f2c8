package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Column;
import java.io.Serializable;

/**
 * Per-column accumulator of a series' non-null values: moments (Chan et al. merge) and, when
 * quantiles are needed, the values themselves.
 */
final class ColumnStats implements Serializable {
  private static final long serialVersionUID = 1L;

  final Stats.Moments[] moments;
  final double[][] values;
  final int[] sizes;

  ColumnStats(int columns, boolean keepValues) {
    moments = new Stats.Moments[columns];
    for (int c = 0; c < columns; c++) {
      moments[c] = new Stats.Moments();
    }
    values = keepValues ? new double[columns][] : null;
    sizes = keepValues ? new int[columns] : null;
    if (keepValues) {
      for (int c = 0; c < columns; c++) {
        values[c] = new double[16];
      }
    }
  }

  /** Folds the non-null cells of {@code fields} of {@code seg}. */
  ColumnStats add(Chunk seg, int[] fields) {
    sortedCache = null;
    for (int c = 0; c < fields.length; c++) {
      Column col = seg.column(fields[c]);
      double[] v = OpColumns.doubles(col);
      boolean[] nulls = OpColumns.nulls(col);
      // two passes over the segment (exact, no division per value), then Chan's merge
      long n = 0;
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < v.length; i++) {
        if (!nulls[i]) {
          n++;
          sum += v[i];
          min = Math.min(min, v[i]);
          max = Math.max(max, v[i]);
          if (values != null) {
            push(c, v[i]);
          }
        }
      }
      if (n == 0) {
        continue;
      }
      double mean = sum / n;
      double ss = 0;
      double comp = 0;
      for (int i = 0; i < v.length; i++) {
        if (!nulls[i]) {
          double d = v[i] - mean;
          ss += d * d;
          comp += d;
        }
      }
      Stats.Moments part = new Stats.Moments();
      part.n = n;
      part.mean = mean;
      part.m2 = min == max ? 0.0 : Math.max(0.0, ss - comp * comp / n);
      part.min = min;
      part.max = max;
      moments[c].merge(part);
    }
    return this;
  }

  private void push(int c, double x) {
    if (sizes[c] == values[c].length) {
      values[c] = java.util.Arrays.copyOf(values[c], values[c].length * 2);
    }
    values[c][sizes[c]++] = x;
  }

  ColumnStats merge(ColumnStats o) {
    sortedCache = null;
    for (int c = 0; c < moments.length; c++) {
      moments[c].merge(o.moments[c]);
      if (values != null) {
        for (int i = 0; i < o.sizes[c]; i++) {
          push(c, o.values[c][i]);
        }
      }
    }
    return this;
  }

  /** Sorted copies, computed once per fitted series (every segment of it reads them). */
  private transient volatile double[][] sortedCache;

  /** The sorted non-null values of column {@code c}; never modify the result. */
  double[] sorted(int c) {
    double[][] cache = sortedCache;
    if (cache == null) {
      cache = new double[values.length][];
      for (int k = 0; k < values.length; k++) {
        cache[k] = java.util.Arrays.copyOf(values[k], sizes[k]);
        java.util.Arrays.sort(cache[k]);
      }
      sortedCache = cache;
    }
    return cache[c];
  }
}
