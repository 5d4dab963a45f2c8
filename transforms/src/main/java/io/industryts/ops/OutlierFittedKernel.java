package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.KernelContext;
import io.industryts.ops.Outliers.Action;
import io.industryts.ops.Outliers.Method;
import java.util.Arrays;

/** zscore, iqr, hampel over the whole series. */
final class OutlierFittedKernel extends OutlierKernel implements ColumnStatsKernel {
  private static final long serialVersionUID = 1L;
  private final Method method;
  private final double k;
  private final int ddof;
  private final int minPeriods;
  private final boolean keepValues;

  OutlierFittedKernel(String step, ChunkLayout out, ContextSpec spec, int[] cols, Outliers op) {
    super(step, out, spec, cols, op.action);
    this.method = op.method;
    this.k = op.threshold;
    this.ddof = op.ddof;
    this.minPeriods = Math.max(1, op.minPeriods);
    this.keepValues = method != Method.ZSCORE || action == Action.MEDIAN;
  }

  @Override
  public int[] statsColumns() {

    return cols;
  }

  @Override
  public boolean keepsValues() {

    return keepValues;
  }

  @Override
  Bounds bounds(KernelContext ctx, int c) {
    ColumnStats s = ctx.stats(this);
    Bounds b = new Bounds();
    Stats.Moments m = s.moments[c];
    if (m.n < minPeriods || m.n == 0) {
      return b;
    }
    double[] sorted = keepValues ? s.sorted(c) : null;
    if (sorted != null) {
      b.median = Stats.quantile(sorted, 0.5);
    }
    switch (method) {
      case ZSCORE:
        {
          double sd = m.std(ddof);
          if (Double.isNaN(sd)) {
            return b;
          }
          b.lo = m.mean - k * sd;
          b.hi = m.mean + k * sd;
          break;
        }
      case IQR:
        {
          double q1 = Stats.quantile(sorted, 0.25);
          double q3 = Stats.quantile(sorted, 0.75);
          b.lo = q1 - k * (q3 - q1);
          b.hi = q3 + k * (q3 - q1);
          break;
        }
      default:
        {
          double[] dev = new double[sorted.length];
          for (int i = 0; i < dev.length; i++) {
            dev[i] = Math.abs(sorted[i] - b.median);
          }
          Arrays.sort(dev);
          double mad = Stats.quantile(dev, 0.5);
          if (!(mad > 0)) {
            return b;
          }
          b.lo = b.median - k * 1.4826 * mad;
          b.hi = b.median + k * 1.4826 * mad;
        }
    }
    b.valid = true;
    return b;
  }
}
