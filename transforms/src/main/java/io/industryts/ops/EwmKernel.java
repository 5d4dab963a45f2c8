package io.industryts.ops;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.ops.Ewm.Fn;
import io.industryts.ops.Ewm.State;
import io.industryts.ops.Ewm.Summary;
import java.util.Arrays;

/** Runs the recursions over the segment, starting from the state of all earlier values. */
final class EwmKernel extends BaseKernel implements CarryKernel<Summary> {
  private static final long serialVersionUID = 1L;
  private final int[] cols;
  private final Fn[] fns;
  private final double alpha;
  private final boolean adjust;
  private final boolean ignoreNa;
  private final int minPeriods;
  private final long tau;

  EwmKernel(
      String step,
      ChunkLayout out,
      int[] cols,
      Fn[] fns,
      double alpha,
      boolean adjust,
      boolean ignoreNa,
      int minPeriods,
      long tau) {
    super(step, out, ContextSpec.rowLocal());
    this.cols = cols;
    this.fns = fns;
    this.alpha = alpha;
    this.adjust = adjust;
    this.ignoreNa = ignoreNa;
    this.minPeriods = minPeriods;
    this.tau = tau;
  }

  @Override
  public boolean forward() {
    return true;
  }

  /** The weight factor of a row {@code dt} ms after the previous one. */
  private double decay(long dt) {
    return tau > 0 ? Math.pow(0.5, (double) dt / (double) tau) : 1 - alpha;
  }

  @Override
  public Summary summarize(Chunk seg) {
    int n = seg.size();
    if (n == 0) {
      return null;
    }
    long[] t = seg.times();
    double nw = adjust ? 1 : alpha;
    Summary s = new Summary(t[0], t[n - 1], cols.length);
    for (int c = 0; c < cols.length; c++) {
      Column col = seg.column(cols[c]);
      double[] v = OpColumns.doubles(col);
      boolean[] nulls = OpColumns.nulls(col);
      s.firstActive[c] = !nulls[0] || !ignoreNa;
      long nobs = 0;
      double pre = 1;
      double w1 = 0;
      double trail = 1;
      if (!nulls[0]) {
        nobs = 1;
        s.x1[c] = v[0];
        w1 = 1;
      }
      for (int i = 1; i < n; i++) {
        boolean obs = !nulls[i];
        if (!obs && ignoreNa) {
          continue;
        }
        double g = decay(t[i] - t[i - 1]);
        if (nobs == 0) {
          pre *= g;
          if (obs) {
            nobs = 1;
            s.x1[c] = v[i];
            w1 = 1;
          }
          continue;
        }
        trail *= g;
        if (!obs) {
          continue;
        }
        nobs++;
        w1 *= trail;
        s.rw[c] *= trail;
        s.rsq[c] *= trail * trail;
        trail = 1;
        s.addToRest(c, nobs == 2, nw, v[i], 0, nw * nw);
        if (!adjust) {
          // pandas rescales the weights to sum to one after every observation
          double total = w1 + s.rw[c];
          w1 /= total;
          s.rw[c] /= total;
          s.rsq[c] /= total * total;
        }
      }
      s.nobs[c] = nobs;
      s.pre[c] = pre;
      s.w1[c] = w1;
      s.trail[c] = trail;
    }
    return s;
  }

  @Override
  public Summary combine(Summary earlier, Summary later) {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    Summary s = new Summary(earlier.firstTime, later.lastTime, cols.length);
    double nw = adjust ? 1 : alpha;
    for (int c = 0; c < cols.length; c++) {
      double boundary = later.firstActive[c] ? decay(later.firstTime - earlier.lastTime) : 1;
      double toFirst = boundary * later.pre[c];
      if (later.nobs[c] == 0) {
        s.copy(earlier, c);
        if (earlier.nobs[c] == 0) {
          s.pre[c] = earlier.pre[c] * toFirst;
        } else {
          s.trail[c] = earlier.trail[c] * toFirst;
        }
        continue;
      }
      if (earlier.nobs[c] == 0) {
        s.copy(later, c);
        s.firstActive[c] = earlier.firstActive[c];
        s.pre[c] = earlier.pre[c] * toFirst;
        continue;
      }
      s.copy(earlier, c);
      s.nobs[c] = earlier.nobs[c] + later.nobs[c];
      s.trail[c] = later.trail[c];
      // at the later stretch's first observation: the earlier weights (decayed) against nw
      double before = (earlier.w1[c] + earlier.rw[c]) * earlier.trail[c] * toFirst;
      double norm = adjust ? 1 : before + nw;
      double scale = earlier.trail[c] * toFirst * later.w1[c] / norm;
      double firstWeight = later.w1[c] * nw / norm;
      s.w1[c] = earlier.w1[c] * scale;
      s.rw[c] = earlier.rw[c] * scale;
      s.rsq[c] = earlier.rsq[c] * scale * scale;
      s.addToRest(c, earlier.nobs[c] == 1, firstWeight, later.x1[c], 0, firstWeight * firstWeight);
      if (later.nobs[c] > 1) {
        s.addToRest(c, false, later.rw[c], later.rmean[c], later.rcov[c], later.rsq[c]);
      }
    }
    return s;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    int n = input.size();
    long[] t = input.times();
    Summary before = ctx.carry(this);
    int base = input.columns().length;
    Column[] out = Arrays.copyOf(input.columnsCopy(), base + cols.length * fns.length);
    for (int c = 0; c < cols.length; c++) {
      State s = new State(alpha, adjust, ignoreNa, tau);
      if (before != null) {
        s.resume(before, c);
      }
      Column col = input.column(cols[c]);
      double[] v = OpColumns.doubles(col);
      boolean[] nulls = OpColumns.nulls(col);
      double[][] o = new double[fns.length][n];
      boolean[][] on = new boolean[fns.length][n];
      for (int i = 0; i < n; i++) {
        s.step(t[i], !nulls[i], v[i]);
        boolean enough = s.nobs >= minPeriods;
        for (int k = 0; k < fns.length; k++) {
          double x;
          if (!enough) {
            x = Double.NaN;
          } else if (fns[k] == Fn.MEAN) {
            x = s.hasY ? s.y : Double.NaN;
          } else {
            double var = s.variance();
            x = fns[k] == Fn.VAR ? var : Math.sqrt(var);
          }
          if (Double.isNaN(x) && (!enough || fns[k] != Fn.MEAN || !s.hasY)) {
            on[k][i] = true;
          } else {
            o[k][i] = x;
          }
        }
      }
      for (int k = 0; k < fns.length; k++) {
        OpColumns.nullCreatedNans(o[k], on[k], col);
        out[base + c * fns.length + k] = new DoubleColumn(o[k], on[k]);
      }
    }
    return input.withColumns(outputLayout(), out);
  }
}
