package io.industryts.engine.spi;

/** Series order (SEMANTICS §1.4): time ascending, ties by input order (seq) ascending. */
public final class SeriesOrder {
  private SeriesOrder() {}

  /** A permutation that sorts rows by (time, seq); stable merge sort on primitive ints. */
  public static int[] sortIndex(long[] times, long[] seqs) {
    int n = times.length;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] tmp = new int[n];
    mergeSort(idx, tmp, 0, n, times, seqs);
    return idx;
  }

  private static boolean lessOrEqual(int a, int b, long[] t, long[] s) {
    return t[a] < t[b] || (t[a] == t[b] && s[a] <= s[b]);
  }

  private static void mergeSort(int[] a, int[] tmp, int from, int to, long[] t, long[] s) {
    int n = to - from;
    if (n < 32) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && !lessOrEqual(a[j], v, t, s)) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, t, s);
    mergeSort(a, tmp, mid, to, t, s);
    if (lessOrEqual(a[mid - 1], a[mid], t, s)) {
      return; // already ordered: the common case for mostly sorted sensor files
    }
    System.arraycopy(a, from, tmp, from, n);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      a[k++] = lessOrEqual(tmp[i], tmp[j], t, s) ? tmp[i++] : tmp[j++];
    }
    while (i < mid) {
      a[k++] = tmp[i++];
    }
    while (j < to) {
      a[k++] = tmp[j++];
    }
  }
}
