package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.KernelContext;
import io.industryts.ops.Outliers.Action;
import io.industryts.ops.Outliers.Method;
import java.util.Arrays;

/** Statistics of the window of each row (rolling, closed right; SEMANTICS §2.2.3). */
final class OutlierWindowedKernel extends OutlierKernel {
  private static final long serialVersionUID = 1L;
  private final Method method;
  private final double k;
  private final int ddof;
  private final int minPeriods;
  private final int rows;
  private final long millis;
  private final boolean center;

  OutlierWindowedKernel(String step, ChunkLayout out, ContextSpec spec, int[] cols, Outliers op) {
    super(step, out, spec, cols, op.action);
    this.method = op.method;
    this.k = op.threshold;
    this.ddof = op.ddof;
    this.minPeriods = op.minPeriods > 0 ? op.minPeriods : op.windowRows > 0 ? op.windowRows : 1;
    this.rows = op.windowRows;
    this.millis = op.windowMillis;
    this.center = op.center;
  }

  @Override
  boolean uniformBounds() {
    return false;
  }

  @Override
  void rowBounds(
      KernelContext ctx,
      Chunk input,
      int c,
      double[] v,
      boolean[] nulls,
      double[] lo,
      double[] hi,
      double[] med,
      boolean[] valid) {
    int n = v.length;
    long[] t = input.times();
    double[] buf = new double[rows > 0 ? rows : n];
    double[] dev = new double[buf.length];
    int s = 0;
    for (int i = 0; i < n; i++) {
      int start;
      int end;
      if (rows > 0) {
        start = Math.max(0, center ? i - rows / 2 : i - rows + 1);
        end = Math.min(n, center ? i + (rows + 1) / 2 : i + 1);
      } else {
        while (t[s] <= t[i] - millis) {
          s++;
        }
        start = s;
        end = i + 1;
      }
      int m = 0;
      for (int j = start; j < end; j++) {
        if (!nulls[j]) {
          buf[m++] = v[j];
        }
      }
      valid[i] = false;
      if (m < minPeriods || m == 0) {
        continue;
      }
      if (method == Method.ZSCORE) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += buf[j];
        }
        double mean = sum / m;
        double sd = Math.sqrt(Stats.variance(buf, m, ddof));
        if (Double.isNaN(sd)) {
          continue;
        }
        lo[i] = mean - k * sd;
        hi[i] = mean + k * sd;
        if (action == Action.MEDIAN) {
          Arrays.sort(buf, 0, m);
          med[i] = Stats.quantile(buf, 0, m, 0.5);
        }
      } else {
        Arrays.sort(buf, 0, m);
        med[i] = Stats.quantile(buf, 0, m, 0.5);
        if (method == Method.IQR) {
          double q1 = Stats.quantile(buf, 0, m, 0.25);
          double q3 = Stats.quantile(buf, 0, m, 0.75);
          lo[i] = q1 - k * (q3 - q1);
          hi[i] = q3 + k * (q3 - q1);
        } else {
          for (int j = 0; j < m; j++) {
            dev[j] = Math.abs(buf[j] - med[i]);
          }
          Arrays.sort(dev, 0, m);
          double mad = Stats.quantile(dev, 0, m, 0.5);
          if (!(mad > 0)) {
            continue;
          }
          lo[i] = med[i] - k * 1.4826 * mad;
          hi[i] = med[i] + k * 1.4826 * mad;
        }
      }
      valid[i] = true;
    }
  }
}
