package io.industryts.ops;

import io.industryts.engine.Chunk;
import io.industryts.engine.Column;
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
    for (int c = 0; c < fields.length; c++) {
      Column col = seg.column(fields[c]);
      double[] v = OpColumns.doubles(col);
      boolean[] nulls = OpColumns.nulls(col);
      Stats.Moments m = moments[c];
      for (int i = 0; i < v.length; i++) {
        if (!nulls[i]) {
          m.add(v[i]);
          if (values != null) {
            push(c, v[i]);
          }
        }
      }
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

  /** The sorted non-null values of column {@code c}. */
  double[] sorted(int c) {
    double[] s = java.util.Arrays.copyOf(values[c], sizes[c]);
    java.util.Arrays.sort(s);
    return s;
  }
}
