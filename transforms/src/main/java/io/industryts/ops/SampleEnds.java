package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Column;
import java.io.Serializable;

/**
 * The first and last non-null sample of each of some numeric columns in a stretch of one series:
 * the two-way carry of the kernels that connect samples across segments ({@code interpolate},
 * {@code twa} and {@code integral}). Per column position, {@code has} is false when the stretch
 * holds no non-null value of that column.
 */
final class SampleEnds implements Serializable {
  private static final long serialVersionUID = 1L;
  final boolean[] has;
  final long[] firstTime;
  final double[] firstValue;
  final long[] lastTime;
  final double[] lastValue;

  private SampleEnds(int k) {
    has = new boolean[k];
    firstTime = new long[k];
    firstValue = new double[k];
    lastTime = new long[k];
    lastValue = new double[k];
  }

  /**
   * The ends of columns {@code cols} of a sorted chunk. With {@code lastOfFirstTime}, the first
   * sample is the last one at the earliest time that has one (where samples at equal times are
   * replaced by the last, as the time-weighted signal does); otherwise the very first.
   */
  static SampleEnds of(Chunk seg, int[] cols, boolean lastOfFirstTime) {
    SampleEnds e = new SampleEnds(cols.length);
    long[] t = seg.times();
    for (int c = 0; c < cols.length; c++) {
      Column col = seg.column(cols[c]);
      boolean[] nulls = OpColumns.nulls(col);
      double[] v = OpColumns.doubles(col);
      int first = -1;
      int last = -1;
      for (int i = 0; i < t.length; i++) {
        if (!nulls[i]) {
          if (first < 0 || (lastOfFirstTime && t[i] == t[first])) {
            first = i;
          }
          last = i;
        }
      }
      if (first >= 0) {
        e.has[c] = true;
        e.firstTime[c] = t[first];
        e.firstValue[c] = v[first];
        e.lastTime[c] = t[last];
        e.lastValue[c] = v[last];
      }
    }
    return e;
  }

  /** Whether {@code e} has a sample of every column (null: no). */
  static boolean complete(SampleEnds e) {
    if (e == null) {
      return false;
    }
    for (boolean h : e.has) {
      if (!h) {
        return false;
      }
    }
    return true;
  }

  /** {@code earlier} followed by {@code later}; either may be null. Associative. */
  static SampleEnds combine(SampleEnds earlier, SampleEnds later) {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    int k = earlier.has.length;
    SampleEnds e = new SampleEnds(k);
    for (int c = 0; c < k; c++) {
      SampleEnds f = earlier.has[c] ? earlier : later;
      SampleEnds l = later.has[c] ? later : earlier;
      e.has[c] = earlier.has[c] || later.has[c];
      e.firstTime[c] = f.firstTime[c];
      e.firstValue[c] = f.firstValue[c];
      e.lastTime[c] = l.lastTime[c];
      e.lastValue[c] = l.lastValue[c];
    }
    return e;
  }
}
