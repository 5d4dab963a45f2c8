package io.industryts.ops;

/**
 * Largest-Triangle-Three-Buckets point selection (Steinarsson 2013) exactly as SEMANTICS §2.8.5
 * defines it: plain arrays in, selected positions out. {@link DownsampleLttb} uses it on each
 * series and the job report uses it to thin its plots.
 *
 * <pre>{@code
 * long[] x = {0, 1, 2, 3, 4};
 * double[] y = {0.0, 5.0, 1.0, 1.0, 0.0};
 * int[] kept = Lttb.select(x, y, 3);   // {0, 1, 4}: first, the spike, last
 * }</pre>
 *
 * <p>The bucket means are summed as numpy sums a slice (pairwise, in blocks of eight), so that
 * near-equal triangles resolve to the same row as the numpy reference.
 */
public final class Lttb {
  private Lttb() {}

  /**
   * Positions (ascending) of the {@code points} points of {@code (x[i], y[i])}, {@code i < n}, that
   * keep the shape; every position when {@code n <= points}. Ties go to the earliest position.
   *
   * @param x ascending x values (times in ms); read up to {@code n}
   * @param y the values, none NaN; read up to {@code n}
   * @param n how many points of the arrays to consider
   * @param points how many to keep, at least 3
   * @throws IllegalArgumentException when {@code points < 3}
   */
  public static int[] select(long[] x, double[] y, int n, int points) {
    if (points < 3) {
      throw new IllegalArgumentException(
          "DownsampleLttb: points must be >= 3. Got " + points + ".");
    }
    if (n <= points) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int buckets = points - 2;
    int[] keep = new int[points];
    int kept = 0;
    keep[kept++] = 0;
    for (int j = 0; j < buckets; j++) {
      int lo = edge(j, n, buckets);
      int hi = edge(j + 1, n, buckets);
      double nx;
      double ny;
      if (j + 1 < buckets) {
        int nhi = edge(j + 2, n, buckets);
        nx = sum(x, hi, nhi) / (nhi - hi);
        ny = sum(y, hi, nhi) / (nhi - hi);
      } else {
        nx = x[n - 1];
        ny = y[n - 1];
      }
      long ax = x[keep[kept - 1]];
      double ay = y[keep[kept - 1]];
      int best = lo;
      double bestArea = -1;
      for (int i = lo; i < hi; i++) {
        // the reference's operation order, so equal areas compare equal
        double area = Math.abs((ax - nx) * (y[i] - ay) - (double) (ax - x[i]) * (ny - ay));
        if (area > bestArea) {
          bestArea = area;
          best = i;
        }
      }
      keep[kept++] = best;
    }
    keep[kept] = n - 1;
    return keep;
  }

  /** {@link #select(long[], double[], int, int)} over whole arrays. */
  public static int[] select(long[] x, double[] y, int points) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "Lttb: x and y differ in length. Got " + x.length + " and " + y.length + ".");
    }
    return select(x, y, x.length, points);
  }

  /** First position of bucket {@code j}: {@code floor(j (n - 2) / buckets) + 1}. */
  private static int edge(int j, int n, int buckets) {
    return (int) ((long) j * (n - 2) / buckets) + 1;
  }

  private static double sum(long[] x, int from, int to) {
    double[] d = new double[to - from];
    for (int i = from; i < to; i++) {
      d[i - from] = x[i];
    }
    return pairwise(d, 0, d.length);
  }

  private static double sum(double[] y, int from, int to) {
    return pairwise(y, from, to - from);
  }

  /** numpy's pairwise summation of {@code n} values from {@code from} (its float64 add.reduce). */
  private static double pairwise(double[] a, int from, int n) {
    if (n < 8) {
      double s = 0.0;
      for (int i = 0; i < n; i++) {
        s += a[from + i];
      }
      return s;
    }
    if (n <= 128) {
      double[] r = new double[8];
      System.arraycopy(a, from, r, 0, 8);
      int i = 8;
      for (; i < n - n % 8; i += 8) {
        for (int k = 0; k < 8; k++) {
          r[k] += a[from + i + k];
        }
      }
      double s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        s += a[from + i];
      }
      return s;
    }
    int half = n / 2;
    half -= half % 8;
    return pairwise(a, from, half) + pairwise(a, from + half, n - half);
  }
}
