package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Grid;
import io.industryts.ops.Resample.Agg;
import io.industryts.ops.Resample.Interpolation;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The signal behind the {@code twa} and {@code integral} aggregations (SEMANTICS §2.8.1), shared by
 * {@link Resample} and {@link GroupByTime}: per column, the series' non-null samples (the last one
 * of equal times), joined by steps or lines, undefined across gaps longer than {@code max_gap}.
 *
 * <p>A stretch between two samples may cross any number of buckets and segments, so a segment needs
 * the last sample before it and the first after it, wherever they are: the kernels carry {@link
 * SampleEnds} summaries in both directions ({@link
 * io.industryts.engine.spi.BidirectionalCarryKernel}) and build each column's samples as {@code
 * [last before] segment [first after]}.
 */
final class TimeWeighted implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Source field indexes whose signal is needed, distinct. */
  private final int[] fields;

  private final boolean linear;

  /** Longest stretch that connects two samples, ms; 0 = no limit. */
  private final long maxGap;

  private final long unitMillis;

  TimeWeighted(int[] fields, Interpolation interpolation, long maxGap, long unitMillis) {
    this.fields = fields;
    this.linear = interpolation == Interpolation.LINEAR;
    this.maxGap = maxGap;
    this.unitMillis = unitMillis;
  }

  static boolean isTimeWeighted(Agg a) {
    return a == Agg.TWA || a == Agg.INTEGRAL;
  }

  /** The distinct sources of the time-weighted aggregations, or null when there are none. */
  static int[] sources(int[] sources, Agg[] aggs) {
    int[] out = new int[sources.length];
    int n = 0;
    for (int o = 0; o < aggs.length; o++) {
      if (isTimeWeighted(aggs[o]) && FillNull.indexOf(Arrays.copyOf(out, n), sources[o]) < 0) {
        out[n++] = sources[o];
      }
    }
    return n == 0 ? null : Arrays.copyOf(out, n);
  }

  /** The first and last sample of every column of one segment (sorted, no halo). */
  SampleEnds summarize(Chunk seg) {
    return SampleEnds.of(seg, fields, true);
  }

  /**
   * The defined stretches of one column: {@code a[j], b[j]} (ms) with values {@code ya[j], yb[j]}
   * at their ends ({@code yb = ya} for a step), in time order.
   */
  static final class Stretches {
    final int count;
    final long[] a;
    final long[] b;
    final double[] ya;
    final double[] yb;

    Stretches(int count, long[] a, long[] b, double[] ya, double[] yb) {
      this.count = count;
      this.a = a;
      this.b = b;
      this.ya = ya;
      this.yb = yb;
    }
  }

  /** Position of {@code field} among the signal's sources. */
  int position(int field) {
    return FillNull.indexOf(fields, field);
  }

  /**
   * The stretches of source {@code field} that touch this segment: from the last sample before it
   * ({@code before}) through the segment's samples to the first sample after it ({@code after}).
   */
  Stretches stretches(Chunk seg, int field, SampleEnds before, SampleEnds after) {
    int c = position(field);
    long[] t = seg.times();
    int n = t.length;
    Column col = seg.column(field);
    boolean[] nulls = OpColumns.nulls(col);
    double[] v = OpColumns.doubles(col);
    long[] st = new long[n + 2];
    double[] sv = new double[n + 2];
    int m = 0;
    if (before != null && before.has[c]) {
      st[m] = before.lastTime[c];
      sv[m++] = before.lastValue[c];
    }
    for (int r = 0; r < n; r++) {
      if (nulls[r]) {
        continue;
      }
      if (m > 0 && st[m - 1] == t[r]) {
        sv[m - 1] = v[r]; // the last sample at a time is the only one kept
      } else {
        st[m] = t[r];
        sv[m++] = v[r];
      }
    }
    if (after != null && after.has[c]) {
      st[m] = after.firstTime[c];
      sv[m++] = after.firstValue[c];
    }
    int k = Math.max(0, m - 1);
    long[] a = new long[k];
    long[] b = new long[k];
    double[] ya = new double[k];
    double[] yb = new double[k];
    int q = 0;
    for (int j = 0; j + 1 < m; j++) {
      if (maxGap > 0 && st[j + 1] - st[j] > maxGap) {
        continue;
      }
      a[q] = st[j];
      b[q] = st[j + 1];
      ya[q] = sv[j];
      yb[q] = linear ? sv[j + 1] : sv[j];
      q++;
    }
    return new Stretches(q, a, b, ya, yb);
  }

  /**
   * Area (value × ms) and covered time (ms) of the stretches inside each bucket {@code [start[q],
   * start[q] + width]} (buckets in time order, disjoint); the closed side does not change an
   * integral.
   */
  static void integrate(Stretches s, long[] start, long width, double[] area, long[] covered) {
    int j = 0;
    for (int q = 0; q < start.length; q++) {
      long b0 = start[q];
      long b1 = b0 + width;
      while (j < s.count && s.b[j] <= b0) {
        j++;
      }
      double sum = 0;
      long cov = 0;
      for (int i = j; i < s.count && s.a[i] < b1; i++) {
        long lo = Math.max(s.a[i], b0);
        long hi = Math.min(s.b[i], b1);
        if (hi <= lo) {
          continue;
        }
        double flo = valueAt(s, i, lo);
        double fhi = valueAt(s, i, hi);
        sum += (flo + fhi) / 2 * (hi - lo);
        cov += hi - lo;
      }
      area[q] = sum;
      covered[q] = cov;
    }
  }

  private static double valueAt(Stretches s, int i, long u) {
    double ya = s.ya[i];
    return ya + (s.yb[i] - ya) * (u - s.a[i]) / (s.b[i] - s.a[i]);
  }

  /**
   * The {@code twa} or {@code integral} column of {@code field} for buckets starting at {@code
   * start}: null where the defined part of a bucket has measure 0.
   */
  Column column(
      Chunk seg,
      int field,
      Agg agg,
      SampleEnds before,
      SampleEnds after,
      long[] start,
      long width) {
    int nb = start.length;
    double[] area = new double[nb];
    long[] covered = new long[nb];
    integrate(stretches(seg, field, before, after), start, width, area, covered);
    double[] out = new double[nb];
    boolean[] nulls = new boolean[nb];
    for (int q = 0; q < nb; q++) {
      if (covered[q] == 0) {
        nulls[q] = true;
      } else {
        out[q] = agg == Agg.INTEGRAL ? area[q] / unitMillis : area[q] / covered[q];
      }
    }
    return new DoubleColumn(out, nulls);
  }

  /**
   * Indexes of the buckets (edges at {@code anchor + k·w}) in {@code [kFrom, kTo]} that some
   * defined stretch of any source crosses with positive length, ascending, distinct.
   */
  long[] crossedBuckets(
      Chunk seg,
      SampleEnds before,
      SampleEnds after,
      Grid grid,
      long anchor,
      long kFrom,
      long kTo) {
    long w = grid.widthMillis();
    long[] ks = new long[16];
    int n = 0;
    for (int f : fields) {
      Stretches s = stretches(seg, f, before, after);
      for (int j = 0; j < s.count; j++) {
        long lo = Math.max(kFrom, Math.floorDiv(s.a[j] - anchor, w));
        long hi = Math.min(kTo, Math.floorDiv(s.b[j] - 1 - anchor, w));
        for (long k = lo; k <= hi; k++) {
          if (n == ks.length) {
            ks = Arrays.copyOf(ks, n * 2);
          }
          ks[n++] = k;
        }
      }
    }
    long[] all = Arrays.copyOf(ks, n);
    Arrays.sort(all);
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (u == 0 || all[u - 1] != all[i]) {
        all[u++] = all[i];
      }
    }
    return Arrays.copyOf(all, u);
  }
}
