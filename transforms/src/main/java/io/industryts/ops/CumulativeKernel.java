package io.industryts.ops;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.ops.Cumulative.Acc;
import io.industryts.ops.Cumulative.CumFn;
import java.util.Arrays;

/** Running aggregates with the carry of every earlier segment of the series. */
final class CumulativeKernel extends BaseKernel implements CarryKernel<Acc> {
  private static final long serialVersionUID = 1L;
  private final int[] cols;
  private final boolean[] integral;
  private final CumFn[] fns;
  private final boolean count;
  private final long resetEvery;
  private final long offset;
  private final int firstOut;

  CumulativeKernel(
      String step,
      ChunkLayout out,
      int[] cols,
      boolean[] integral,
      CumFn[] fns,
      boolean count,
      long resetEvery,
      long offset,
      int firstOut) {
    super(step, out, ContextSpec.rowLocal());
    this.cols = cols;
    this.integral = integral;
    this.fns = fns;
    this.count = count;
    this.resetEvery = resetEvery;
    this.offset = offset;
    this.firstOut = firstOut;
  }

  private long bucket(long t) {
    return resetEvery == 0 ? 0 : Math.floorDiv(t - offset, resetEvery);
  }

  @Override
  public boolean forward() {
    return true;
  }

  @Override
  public Acc summarize(Chunk segment) {
    int n = segment.size();
    if (n == 0) {
      return null;
    }
    return run(segment, null, null);
  }

  @Override
  public Acc combine(Acc earlier, Acc later) {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    Acc out;
    if (later.oneBucket && later.firstBucket == earlier.lastBucket) {
      out = earlier.copy();
      out.absorb(later);
    } else {
      out = later.copy();
    }
    out.firstBucket = earlier.firstBucket;
    out.lastBucket = later.lastBucket;
    out.oneBucket = earlier.oneBucket && later.oneBucket && earlier.lastBucket == later.firstBucket;
    return out;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
    run(input, ctx.carry(this), out);
    return input.withColumns(outputLayout(), out);
  }

  /**
   * Runs the aggregates over {@code seg} starting from {@code carry}; writes output columns into
   * {@code out} when it is not null; returns the state at the segment's end.
   */
  private Acc run(Chunk seg, Acc carry, Column[] out) {
    int n = seg.size();
    long[] t = seg.times();
    Acc acc = new Acc(cols.length);
    long b0 = n == 0 ? 0 : bucket(t[0]);
    if (carry != null && n > 0 && carry.lastBucket == b0) {
      acc.absorb(carry);
    }
    acc.firstBucket = b0;
    acc.oneBucket = true;
    double[][] dv = new double[cols.length][];
    long[][] lv = new long[cols.length][];
    boolean[][] nulls = new boolean[cols.length][];
    for (int c = 0; c < cols.length; c++) {
      Column col = seg.column(cols[c]);
      nulls[c] = OpColumns.nulls(col);
      if (integral[c]) {
        lv[c] = ((LongColumn) col).values();
      } else {
        dv[c] = OpColumns.doubles(col);
      }
    }
    int nf = fns.length;
    double[][] dOut = out == null ? null : new double[cols.length * nf][];
    long[][] lOut = out == null ? null : new long[cols.length * nf][];
    boolean[][] nOut = out == null ? null : new boolean[cols.length * nf][];
    long[] counts = out != null && count ? new long[n] : null;
    if (out != null) {
      for (int k = 0; k < cols.length * nf; k++) {
        nOut[k] = new boolean[n];
        if (integral[k / nf]) {
          lOut[k] = new long[n];
        } else {
          dOut[k] = new double[n];
        }
      }
    }
    long current = b0;
    for (int i = 0; i < n; i++) {
      long b = bucket(t[i]);
      if (b != current) {
        acc.reset();
        acc.oneBucket = false;
        current = b;
      }
      if (counts != null) {
        counts[i] = acc.rows;
      }
      acc.rows++;
      for (int c = 0; c < cols.length; c++) {
        boolean isNull = nulls[c][i];
        if (!isNull) {
          if (integral[c]) {
            acc.addLong(c, lv[c][i]);
          } else {
            acc.addDouble(c, dv[c][i]);
          }
        }
        if (out == null) {
          continue;
        }
        for (int f = 0; f < nf; f++) {
          int k = c * nf + f;
          if (isNull) {
            nOut[k][i] = true;
          } else if (integral[c]) {
            lOut[k][i] = pickLong(acc, c, fns[f]);
          } else {
            dOut[k][i] = pickDouble(acc, c, fns[f]);
          }
        }
      }
    }
    acc.lastBucket = current;
    if (out != null) {
      for (int k = 0; k < cols.length * nf; k++) {
        if (!integral[k / nf]) {
          OpColumns.nullCreatedNans(dOut[k], nOut[k], seg.column(cols[k / nf]));
        }
        out[firstOut + k] =
            integral[k / nf]
                ? new LongColumn(lOut[k], nOut[k])
                : new DoubleColumn(dOut[k], nOut[k]);
      }
      if (count) {
        out[firstOut + cols.length * nf] = new LongColumn(counts, new boolean[n]);
      }
    }
    return acc;
  }

  private static long pickLong(Acc a, int c, CumFn fn) {
    switch (fn) {
      case CUMSUM:
        return a.lsum[c];
      case CUMPROD:
        return a.lprod[c];
      case CUMMAX:
        return a.lmax[c];
      default:
        return a.lmin[c];
    }
  }

  private static double pickDouble(Acc a, int c, CumFn fn) {
    switch (fn) {
      case CUMSUM:
        return a.dsum[c];
      case CUMPROD:
        return a.dprod[c];
      case CUMMAX:
        return a.dmax[c];
      default:
        return a.dmin[c];
    }
  }
}
