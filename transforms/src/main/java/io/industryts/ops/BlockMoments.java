package io.industryts.ops;

/**
 * Count, sum and sum of squared deviations of duration windows in O(1) per row, with results that
 * depend only on the window's values, never on where a chunk starts.
 *
 * <p>Time is cut into blocks {@code [k·d, (k+1)·d)} of the window's length {@code d}, aligned to
 * the epoch. A window {@code (t_i − d, t_i]} (or {@code [t_i − d, …]}) then spans at most two
 * blocks: a suffix of block {@code k−1} and a prefix of block {@code k}. Prefix and suffix
 * moments are accumulated per block (Welford, with a compensated sum), so each is a function of
 * rows inside the window alone, and the two are merged with Chan et al.'s formula. Welford keeps
 * large offsets out of the squares and gives exactly 0 for equal values.
 */
final class BlockMoments {
  private final long[] block;
  private final int[] preCount;
  private final double[] preMean;
  private final double[] preM2;
  private final double[] preSum;
  private final double[] preComp;
  private final int[] sufCount;
  private final double[] sufMean;
  private final double[] sufM2;
  private final double[] sufSum;
  private final double[] sufComp;

  // the merged moments of the last window asked for
  private int count;
  private double sum;
  private double m2;

  private BlockMoments(int n) {
    block = new long[n];
    preCount = new int[n];
    preMean = new double[n];
    preM2 = new double[n];
    preSum = new double[n];
    preComp = new double[n];
    sufCount = new int[n];
    sufMean = new double[n];
    sufM2 = new double[n];
    sufSum = new double[n];
    sufComp = new double[n];
  }

  /**
   * Prefix and suffix moments of the finite non-null values {@code v} (times {@code t}) within
   * blocks of {@code millis}.
   */
  static BlockMoments over(long[] t, double[] v, boolean[] nulls, long millis) {
    int n = t.length;
    BlockMoments b = new BlockMoments(n);
    for (int j = 0; j < n; j++) {
      b.block[j] = Math.floorDiv(t[j], millis);
    }
    for (int from = 0; from < n; ) {
      int to = from;
      while (to < n && b.block[to] == b.block[from]) {
        to++;
      }
      b.accumulate(v, nulls, from, to, 1, b.preCount, b.preMean, b.preM2, b.preSum, b.preComp);
      b.accumulate(v, nulls, to - 1, from - 1, -1, b.sufCount, b.sufMean, b.sufM2, b.sufSum,
          b.sufComp);
      from = to;
    }
    return b;
  }

  private static void accumulate(double[] v, boolean[] nulls, int from, int to, int step,
      int[] cnt, double[] mean, double[] m2, double[] sum, double[] comp) {
    int c = 0;
    double mu = 0;
    double q = 0;
    double s = 0;
    double err = 0;
    for (int j = from; j != to; j += step) {
      double x = v[j];
      if (!nulls[j] && Double.isFinite(x)) {
        c++;
        double delta = x - mu;
        mu += delta / c;
        q += delta * (x - mu);
        // Neumaier: keep the low-order part the running sum loses
        double u = s + x;
        err += Math.abs(s) >= Math.abs(x) ? (s - u) + x : (x - u) + s;
        s = u;
      }
      cnt[j] = c;
      mean[j] = mu;
      m2[j] = q;
      sum[j] = s;
      comp[j] = err;
    }
  }

  /**
   * Merges the moments of the window {@code [s, e)} (not empty); false when it is not a suffix
   * and/or prefix of two consecutive blocks, which the window of a segment row never is.
   */
  boolean window(int s, int e) {
    int last = e - 1;
    boolean startsBlock = s == 0 || block[s - 1] != block[s];
    boolean endsBlock = last == block.length - 1 || block[last + 1] != block[last];
    if (block[s] == block[last]) {
      if (startsBlock) {
        take(preCount[last], preSum[last] + preComp[last], preM2[last]);
        return true;
      }
      if (endsBlock) {
        take(sufCount[s], sufSum[s] + sufComp[s], sufM2[s]);
        return true;
      }
      return false;
    }
    if (block[last] != block[s] + 1) {
      return false;
    }
    int na = sufCount[s];
    int nb = preCount[last];
    if (na == 0 || nb == 0) {
      take(na + nb, sufSum[s] + sufComp[s] + preSum[last] + preComp[last], sufM2[s] + preM2[last]);
      return true;
    }
    int n = na + nb;
    double delta = preMean[last] - sufMean[s];
    take(n, (sufSum[s] + preSum[last]) + (sufComp[s] + preComp[last]),
        sufM2[s] + preM2[last] + delta * delta * ((double) na * nb / n));
    return true;
  }

  private void take(int c, double s, double q) {
    count = c;
    sum = s;
    m2 = q;
  }

  int count() {
    return count;
  }

  double sum() {
    return sum;
  }

  /** Σ(x − mean)² of the window, at least 0. */
  double squaredDeviations() {
    return Math.max(0.0, m2);
  }
}
