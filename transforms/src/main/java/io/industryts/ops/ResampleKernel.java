package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.ops.Resample.Agg;
import java.util.Arrays;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** The kernel of {@link Resample}: emits one row per bucket of the segment. */
class ResampleKernel extends BaseKernel {
  private static final long serialVersionUID = 1L;
  private final Grid grid;
  private final int[] sources;
  private final Agg[] aggs;
  private final boolean labelRight;
  private final boolean emitEmpty;
  private final int ddof;

  /** The signal of {@code twa} and {@code integral}; null when neither is asked for. */
  final TimeWeighted signal;

  ResampleKernel(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      Grid grid,
      int[] sources,
      Agg[] aggs,
      boolean labelRight,
      boolean emitEmpty,
      int ddof,
      TimeWeighted signal) {
    super(step, out, spec);
    this.grid = grid;
    this.sources = sources;
    this.aggs = aggs;
    this.labelRight = labelRight;
    this.emitEmpty = emitEmpty;
    this.ddof = ddof;
    this.signal = signal;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    long anchor = grid.seriesAnchor(ctx.seriesFirstTime());
    int n = input.size();
    long[] t = input.times();
    // bucket range to emit: the series' buckets that fall in this segment's time range
    long kFirst;
    long kLast;
    if (n == 0 && !emitEmpty) {
      return Chunk.empty(outputLayout(), input.key());
    }
    long seriesFirst = grid.bucketIndex(ctx.seriesFirstTime(), anchor);
    long seriesLast = grid.bucketIndex(ctx.seriesLastTime(), anchor);
    long segStart = ctx.segmentStart();
    long segEnd = ctx.segmentEnd();
    boolean right = grid.closedRight();
    kFirst =
        segStart == Long.MIN_VALUE
            ? seriesFirst
            : Math.max(seriesFirst, grid.bucketIndex(right ? segStart + 1 : segStart, anchor));
    kLast =
        segEnd == Long.MAX_VALUE
            ? seriesLast
            : Math.min(seriesLast, grid.bucketIndex(right ? segEnd : segEnd - 1, anchor));
    if (n > 0) {
      kFirst = Math.min(kFirst, grid.bucketIndex(t[0], anchor));
      kLast = Math.max(kLast, grid.bucketIndex(t[n - 1], anchor));
    }
    // row range [rowStart[b], rowStart[b + 1]) of each emitted bucket
    int nb;
    long[] ks;
    int[] rowStart;
    if (emitEmpty) {
      nb = (int) Math.max(0, kLast - kFirst + 1);
      ks = new long[nb];
      rowStart = new int[nb + 1];
      int r = 0;
      for (int q = 0; q < nb; q++) {
        ks[q] = kFirst + q;
        rowStart[q] = r;
        while (r < n && grid.bucketIndex(t[r], anchor) <= ks[q]) {
          r++;
        }
      }
      rowStart[nb] = r;
    } else {
      long[] kk = new long[n];
      int[] rs = new int[n + 1];
      int q = 0;
      for (int r = 0; r < n; r++) {
        long k = grid.bucketIndex(t[r], anchor);
        if (q == 0 || kk[q - 1] != k) {
          kk[q] = k;
          rs[q] = r;
          q++;
        }
      }
      rs[q] = n;
      nb = q;
      ks = Arrays.copyOf(kk, nb);
      rowStart = Arrays.copyOf(rs, nb + 1);
    }
    long empty = 0;
    long[] times = new long[nb];
    for (int q = 0; q < nb; q++) {
      times[q] = grid.bucketStart(ks[q], anchor) + (labelRight ? grid.widthMillis() : 0);
      if (rowStart[q + 1] == rowStart[q]) {
        empty++;
      }
    }
    ctx.count("buckets_empty", empty);
    Column[] out = new Column[outputLayout().schema().getFieldCount()];
    int base = out.length - aggs.length;
    double[] buf = new double[Math.max(1, maxBucket(rowStart, nb))];
    long[] starts = new long[nb];
    for (int q = 0; q < nb; q++) {
      starts[q] = grid.bucketStart(ks[q], anchor);
    }
    // only the time-weighted subclass declares the two-way carry that twa/integral read
    TimeWeightedResampleKernel self =
        this instanceof TimeWeightedResampleKernel ? (TimeWeightedResampleKernel) this : null;
    for (int o = 0; o < aggs.length; o++) {
      out[base + o] =
          TimeWeighted.isTimeWeighted(aggs[o])
              ? signal.column(
                  input,
                  sources[o],
                  aggs[o],
                  ctx.carry(self),
                  ctx.carryAfter(self),
                  starts,
                  grid.widthMillis())
              : aggregate(
                  input.column(sources[o]),
                  aggs[o],
                  outputLayout().fieldType(base + o),
                  rowStart,
                  nb,
                  buf);
    }
    return new Chunk(outputLayout(), input.key(), times, ks.clone(), out);
  }

  static int maxBucket(int[] rowStart, int nb) {
    int m = 0;
    for (int q = 0; q < nb; q++) {
      m = Math.max(m, rowStart[q + 1] - rowStart[q]);
    }
    return m;
  }

  private Column aggregate(
      Column src, Agg agg, FieldType outType, int[] rowStart, int nb, double[] buf) {
    return aggregate(src, agg, outType, rowStart, nb, buf, ddof);
  }

  /** {@code agg} of {@code src} over each row range {@code [rowStart[q], rowStart[q + 1])}. */
  static Column aggregate(
      Column src, Agg agg, FieldType outType, int[] rowStart, int nb, double[] buf, int ddof) {
    boolean[] nulls = OpColumns.nulls(src);
    if (agg == Agg.FIRST || agg == Agg.LAST || agg == Agg.MIN || agg == Agg.MAX) {
      int[] idx = new int[nb];
      for (int q = 0; q < nb; q++) {
        idx[q] = pick(src, nulls, agg, rowStart[q], rowStart[q + 1]);
      }
      return OpColumns.gather(src, outType, idx, null);
    }
    boolean[] outNulls = new boolean[nb];
    if (agg == Agg.COUNT || (agg == Agg.SUM && src instanceof LongColumn)) {
      long[] out = new long[nb];
      long[] lv = src instanceof LongColumn ? ((LongColumn) src).values() : null;
      for (int q = 0; q < nb; q++) {
        long s = 0;
        for (int r = rowStart[q]; r < rowStart[q + 1]; r++) {
          if (!nulls[r]) {
            s += agg == Agg.COUNT ? 1 : lv[r];
          }
        }
        out[q] = s;
      }
      return new LongColumn(out, outNulls);
    }
    double[] v = OpColumns.doubles(src);
    double[] out = new double[nb];
    for (int q = 0; q < nb; q++) {
      int m = 0;
      for (int r = rowStart[q]; r < rowStart[q + 1]; r++) {
        if (!nulls[r]) {
          buf[m++] = v[r];
        }
      }
      double x;
      switch (agg) {
        case SUM:
        case MEAN:
          {
            double s = 0;
            for (int j = 0; j < m; j++) {
              s += buf[j];
            }
            x = agg == Agg.SUM ? s : m == 0 ? Double.NaN : s / m;
            break;
          }
        case MEDIAN:
          Arrays.sort(buf, 0, m);
          x = Stats.quantile(buf, 0, m, 0.5);
          break;
        case VAR:
          x = Stats.variance(buf, m, ddof);
          break;
        default:
          x = Math.sqrt(Stats.variance(buf, m, ddof));
      }
      if (Double.isNaN(x)) {
        outNulls[q] = true;
      } else {
        out[q] = x;
      }
    }
    return new DoubleColumn(out, outNulls);
  }

  /** Row of the first/last non-null value, or of the min/max (first occurrence); -1 if none. */
  private static int pick(Column src, boolean[] nulls, Agg agg, int from, int to) {
    int best = -1;
    if (agg == Agg.LAST) {
      for (int r = to - 1; r >= from; r--) {
        if (!nulls[r]) {
          return r;
        }
      }
      return -1;
    }
    for (int r = from; r < to; r++) {
      if (nulls[r]) {
        continue;
      }
      if (best < 0) {
        best = r;
        if (agg == Agg.FIRST) {
          return r;
        }
      } else if (agg == Agg.MIN ? less(src, r, best) : less(src, best, r)) {
        best = r;
      }
    }
    return best;
  }

  private static boolean less(Column c, int a, int b) {
    if (c instanceof LongColumn) {
      return ((LongColumn) c).value(a) < ((LongColumn) c).value(b);
    }
    if (c instanceof DoubleColumn) {
      return ((DoubleColumn) c).value(a) < ((DoubleColumn) c).value(b);
    }
    return ((Number) c.get(a)).doubleValue() < ((Number) c.get(b)).doubleValue();
  }
}
