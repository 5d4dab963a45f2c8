package io.industryts.ops;

/**
 * Sums and squared deviations of row windows free of nulls and non-finite values, by the corrected
 * two-pass method, four rows at a time.
 *
 * <p>Each row's sums run over its window in position order, exactly as one row alone would, so the
 * results are the same bits; interleaving four independent rows only lets the processor overlap
 * their additions, which a single row's chain of dependent additions cannot.
 */
final class RowMoments {
  private RowMoments() {}

  /**
   * For each row whose window {@code [start, end)} is not empty and holds only finite non-null
   * values: {@code sum[i]}, {@code ss[i]} = Σ(x − mean)² (when {@code needVar}), and {@code done[i]
   * = true}.
   */
  static void fill(
      double[] v,
      boolean[] nulls,
      int[] start,
      int[] end,
      boolean needVar,
      double[] sum,
      double[] ss,
      boolean[] done) {
    int n = start.length;
    // clean[i]: the window of row i is not empty and has no null or non-finite value
    int dirty = 0;
    int lo = 0;
    int hi = 0;
    for (int i = 0; i < n; i++) {
      int s = start[i];
      int e = end[i];
      for (; lo < Math.min(s, hi); lo++) {
        dirty -= nulls[lo] || !Double.isFinite(v[lo]) ? 1 : 0;
      }
      if (lo < s) {
        lo = s;
        hi = s;
      }
      for (; hi < e; hi++) {
        dirty += nulls[hi] || !Double.isFinite(v[hi]) ? 1 : 0;
      }
      done[i] = dirty == 0 && e > s;
    }
    int i = 0;
    while (i < n) {
      if (i + 3 < n
          && done[i]
          && done[i + 1]
          && done[i + 2]
          && done[i + 3]
          && end[i] - start[i] == end[i + 3] - start[i + 3]
          && end[i + 1] - start[i + 1] == end[i] - start[i]
          && end[i + 2] - start[i + 2] == end[i] - start[i]) {
        four(v, start, end[i] - start[i], i, needVar, sum, ss);
        i += 4;
      } else {
        if (done[i]) {
          one(v, start[i], end[i], i, needVar, sum, ss);
        }
        i++;
      }
    }
  }

  private static void one(
      double[] v, int s, int e, int i, boolean needVar, double[] sum, double[] ss) {
    double a = 0;
    for (int j = s; j < e; j++) {
      a += v[j];
    }
    sum[i] = a;
    if (needVar) {
      int m = e - s;
      double mean = a / m;
      double dev = 0;
      double comp = 0;
      for (int j = s; j < e; j++) {
        double d = v[j] - mean;
        dev += d * d;
        comp += d;
      }
      ss[i] = dev - comp * comp / m;
    }
  }

  private static void four(
      double[] v, int[] start, int len, int i, boolean needVar, double[] sum, double[] ss) {
    int s0 = start[i];
    int s1 = start[i + 1];
    int s2 = start[i + 2];
    int s3 = start[i + 3];
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    for (int k = 0; k < len; k++) {
      a0 += v[s0 + k];
      a1 += v[s1 + k];
      a2 += v[s2 + k];
      a3 += v[s3 + k];
    }
    sum[i] = a0;
    sum[i + 1] = a1;
    sum[i + 2] = a2;
    sum[i + 3] = a3;
    if (!needVar) {
      return;
    }
    double m0 = a0 / len;
    double m1 = a1 / len;
    double m2 = a2 / len;
    double m3 = a3 / len;
    double d0 = 0;
    double d1 = 0;
    double d2 = 0;
    double d3 = 0;
    double c0 = 0;
    double c1 = 0;
    double c2 = 0;
    double c3 = 0;
    for (int k = 0; k < len; k++) {
      double x0 = v[s0 + k] - m0;
      double x1 = v[s1 + k] - m1;
      double x2 = v[s2 + k] - m2;
      double x3 = v[s3 + k] - m3;
      d0 += x0 * x0;
      d1 += x1 * x1;
      d2 += x2 * x2;
      d3 += x3 * x3;
      c0 += x0;
      c1 += x1;
      c2 += x2;
      c3 += x3;
    }
    ss[i] = d0 - c0 * c0 / len;
    ss[i + 1] = d1 - c1 * c1 / len;
    ss[i + 2] = d2 - c2 * c2 / len;
    ss[i + 3] = d3 - c3 * c3 / len;
  }
}
