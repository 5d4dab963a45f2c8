package io.industryts.ops;

import java.io.Serializable;
import java.util.Arrays;

/** Numerically stable statistics shared by the operations (SEMANTICS §1.11). */
final class Stats {
  private Stats() {}

  /** {@code a} followed by {@code b[0..m)}. */
  static double[] concat(double[] a, double[] b, int m) {
    double[] out = Arrays.copyOf(a, a.length + m);
    System.arraycopy(b, 0, out, a.length, m);
    return out;
  }

  static double[] sorted(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s;
  }

  /** Quantile {@code q} of sorted values, numpy {@code linear} (§1.11); NaN when empty. */
  static double quantile(double[] sorted, double q) {
    return quantile(sorted, 0, sorted.length, q);
  }

  /** Quantile of the sorted range {@code [from, to)}. */
  static double quantile(double[] sorted, int from, int to, double q) {
    int n = to - from;
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[from + n - 1];
    }
    double a = sorted[from + lo];
    double b = sorted[from + lo + 1];
    return a + (h - lo) * (b - a);
  }

  /**
   * Count, mean and sum of squared deviations, merged with Chan et al.'s parallel formula. A set of
   * equal values keeps {@code m2} exactly 0.
   */
  static final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;
    long n;
    double mean;
    double m2;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    void add(double x) {
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }

    Moments merge(Moments o) {
      if (o.n == 0) {
        return this;
      }
      if (n == 0) {
        n = o.n;
        mean = o.mean;
        m2 = o.m2;
        min = o.min;
        max = o.max;
        return this;
      }
      long total = n + o.n;
      double d = o.mean - mean;
      if (Double.isFinite(mean) && Double.isFinite(o.mean)) {
        mean += d * o.n / total;
      } else {
        // an infinite part: the weighted sum gives what a plain sum would (inf, or NaN for
        // inf - inf), where the update above would give inf - inf = NaN for inf and a finite mean
        mean = (n * mean + o.n * o.mean) / total;
      }
      m2 += o.m2 + d * d * ((double) n * o.n / total);
      n = total;
      min = Math.min(min, o.min);
      max = Math.max(max, o.max);
      return this;
    }

    /** Variance with {@code ddof}; NaN when fewer than {@code ddof + 1} values. */
    double variance(int ddof) {
      if (n <= ddof) {
        return Double.NaN;
      }
      if (min == max) {
        return 0.0;
      }
      return Math.max(0.0, m2 / (n - ddof));
    }

    double std(int ddof) {
      return Math.sqrt(variance(ddof));
    }
  }

  /** Neumaier-compensated sum of {@code vals[0..m)}: exact to about one rounding of the total. */
  static double compensatedSum(double[] vals, int m) {
    double sum = 0;
    double c = 0;
    for (int i = 0; i < m; i++) {
      double v = vals[i];
      double t = sum + v;
      c += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
      sum = t;
    }
    return sum + c;
  }

  /** Exact (two-pass) variance of {@code v[idx[0..m)]}; NaN when {@code m <= ddof}. */
  static double variance(double[] vals, int m, int ddof) {
    if (m <= ddof) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += vals[i];
    }
    double mean = sum / m;
    double ss = 0;
    double comp = 0;
    boolean constant = true;
    for (int i = 0; i < m; i++) {
      double d = vals[i] - mean;
      ss += d * d;
      comp += d;
      constant &= vals[i] == vals[0];
    }
    if (constant) {
      return 0.0;
    }
    // corrected two-pass (Chan, Golub, LeVeque): removes the round-off of the mean
    return Math.max(0.0, (ss - comp * comp / m) / (m - ddof));
  }
}
