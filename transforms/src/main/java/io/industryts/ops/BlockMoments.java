package io.industryts.ops;

/**
 * Count, sum and sum of squared deviations of duration windows in O(1) per row, with results that
 * depend only on the window's values, never on where a chunk starts.
 *
 * <p>Time is cut into blocks {@code [k·d, (k+1)·d)} of the window's length {@code d}, aligned to
 * the epoch. A window {@code (t_i − d, t_i]} (or {@code [t_i − d, …]}) then spans at most two
 * blocks: a suffix of block {@code k−1} and a prefix of block {@code k}. Each prefix (suffix) is
 * accumulated from its block's first (last) row, so it is a function of rows inside the window
 * alone. A part holds {@code Σ(x − r)} and {@code Σ(x − r)²} around a reference {@code r}, its
 * first value, in double-double arithmetic (about 32 significant digits): large offsets such as 1e9
 * + noise stay out of the squares, and what cancellation remains costs digits far below the 1e-9
 * that SEMANTICS §2.7 asks for. Two parts are merged with Chan et al.'s formula.
 */
final class BlockMoments {
  private final long[] block;
  private final Part pre;
  private final Part suf;

  // the merged moments of the last window asked for
  private int count;
  private double sum;
  private double m2;
  // a double-double accumulator for the sum, reused across rows
  private double accHi;
  private double accLo;

  /** Per position: the moments of one block's values from its start (or end) to the position. */
  private static final class Part {
    final int[] count;
    final double[] ref;
    final double[] s1;
    final double[] s1lo;
    final double[] s2;
    final double[] s2lo;

    Part(int n) {
      count = new int[n];
      ref = new double[n];
      s1 = new double[n];
      s1lo = new double[n];
      s2 = new double[n];
      s2lo = new double[n];
    }
  }

  private BlockMoments(int n) {
    block = new long[n];
    pre = new Part(n);
    suf = new Part(n);
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
      accumulate(v, nulls, from, to, 1, b.pre);
      accumulate(v, nulls, to - 1, from - 1, -1, b.suf);
      from = to;
    }
    return b;
  }

  private static void accumulate(double[] v, boolean[] nulls, int from, int to, int step, Part p) {
    int c = 0;
    double r = 0;
    double s1 = 0;
    double s1lo = 0;
    double s2 = 0;
    double s2lo = 0;
    for (int j = from; j != to; j += step) {
      double x = v[j];
      if (!nulls[j] && Double.isFinite(x)) {
        if (c == 0) {
          r = x;
        }
        c++;
        // d = x − r exactly, as dh + dl
        double dh = x - r;
        double dl = twoSumError(x, -r, dh);
        // s1 += d
        double h = s1 + dh;
        double lo = twoSumError(s1, dh, h) + s1lo + dl;
        s1 = h + lo;
        s1lo = lo - (s1 - h);
        // s2 += d², with dh² exact as sq + sqlo
        double sq = dh * dh;
        double sqlo = Math.fma(dh, dh, -sq) + 2 * dh * dl;
        h = s2 + sq;
        lo = twoSumError(s2, sq, h) + s2lo + sqlo;
        s2 = h + lo;
        s2lo = lo - (s2 - h);
      }
      p.count[j] = c;
      p.ref[j] = r;
      p.s1[j] = s1;
      p.s1lo[j] = s1lo;
      p.s2[j] = s2;
      p.s2lo[j] = s2lo;
    }
  }

  /** The rounding error of {@code s = a + b} (Knuth's TwoSum). */
  private static double twoSumError(double a, double b, double s) {
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
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
        takeOne(pre, last);
        return true;
      }
      if (endsBlock) {
        takeOne(suf, s);
        return true;
      }
      return false;
    }
    if (block[last] != block[s] + 1) {
      return false;
    }
    int na = suf.count[s];
    int nb = pre.count[last];
    if (na == 0) {
      takeOne(pre, last);
      return true;
    }
    if (nb == 0) {
      takeOne(suf, s);
      return true;
    }
    int n = na + nb;
    // sum: na·ra + s1a + nb·rb + s1b, in double-double
    accHi = 0;
    accLo = 0;
    addProduct(na, suf.ref[s]);
    addDd(suf.s1[s], suf.s1lo[s]);
    addProduct(nb, pre.ref[last]);
    addDd(pre.s1[last], pre.s1lo[last]);
    // delta = mean_b − mean_a = (rb − ra) + s1b/nb − s1a/na, with rb − ra exact
    double dr = pre.ref[last] - suf.ref[s];
    double drlo = twoSumError(pre.ref[last], -suf.ref[s], dr);
    double delta =
        dr + (drlo + (pre.s1[last] + pre.s1lo[last]) / nb - (suf.s1[s] + suf.s1lo[s]) / na);
    count = n;
    sum = accHi + accLo;
    m2 = squared(suf, s) + squared(pre, last) + delta * delta * ((double) na * nb / n);
    return true;
  }

  private void takeOne(Part p, int j) {
    count = p.count[j];
    if (count == 0) {
      sum = 0;
      m2 = 0;
      return;
    }
    accHi = 0;
    accLo = 0;
    addProduct(count, p.ref[j]);
    addDd(p.s1[j], p.s1lo[j]);
    sum = accHi + accLo;
    m2 = squared(p, j);
  }

  /** Σ(x − mean)² of a part: s2 − s1²/count in double-double, then rounded. */
  private static double squared(Part p, int j) {
    int c = p.count[j];
    if (c == 0) {
      return 0;
    }
    double a = p.s1[j];
    double q = a * a;
    double qlo = Math.fma(a, a, -q) + 2 * a * p.s1lo[j];
    double qh = q / c;
    double ql = (Math.fma(-qh, c, q) + qlo) / c;
    double h = p.s2[j] - qh;
    double lo = twoSumError(p.s2[j], -qh, h) + p.s2lo[j] - ql;
    return Math.max(0.0, h + lo);
  }

  private void addProduct(int c, double r) {
    double p = c * r;
    addDd(p, Math.fma(c, r, -p));
  }

  private void addDd(double hi, double lo) {
    double h = accHi + hi;
    double l = twoSumError(accHi, hi, h) + accLo + lo;
    accHi = h + l;
    accLo = l - (accHi - h);
  }

  int count() {
    return count;
  }

  double sum() {
    return sum;
  }

  /** Σ(x − mean)² of the window, at least 0. */
  double squaredDeviations() {
    return m2;
  }
}
