package io.industryts.ops;

import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.ops.Outliers.Action;
import java.util.Arrays;

/** Applies bounds and the action; shared by the fitted, windowed and range kernels. */
abstract class OutlierKernel extends BaseKernel {
  private static final long serialVersionUID = 1L;
  final int[] cols;
  final Action action;

  OutlierKernel(String step, ChunkLayout out, ContextSpec spec, int[] cols, Action action) {
    super(step, out, spec);
    this.cols = cols;
    this.action = action;
  }

  /** Bounds of column {@code c} for the whole series (kernels without windows). */
  Bounds bounds(KernelContext ctx, int c) {
    throw new UnsupportedOperationException();
  }

  /** Whether every row of a column has the same bounds ({@link #bounds}); false when windowed. */
  boolean uniformBounds() {
    return true;
  }

  /**
   * Fills {@code b[i]}'s fields for every row of the input; by default the series bounds for every
   * row.
   */
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
    Bounds bd = bounds(ctx, c);
    java.util.Arrays.fill(lo, bd.lo);
    java.util.Arrays.fill(hi, bd.hi);
    java.util.Arrays.fill(med, bd.median);
    java.util.Arrays.fill(valid, bd.valid);
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    int n = input.size();
    // halo rows are computed but not counted; a dropping kernel returns its segment only
    int from = ctx.haloBefore();
    int to = n - ctx.haloAfter();
    int base = input.columns().length;
    Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
    boolean[] dropRow = action == Action.DROP ? new boolean[n] : null;
    long outliers = 0;
    long treated = 0;
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] med = new double[n];
    boolean[] valid = new boolean[n];
    for (int c = 0; c < cols.length; c++) {
      Column col = input.column(cols[c]);
      double[] v = OpColumns.doubles(col);
      boolean[] nulls = OpColumns.nulls(col);
      if (action == Action.CLIP && uniformBounds()) {
        // the common case in one pass: one pair of bounds for the column
        Bounds b = bounds(ctx, c);
        boolean usable = b.valid;
        double low = b.lo;
        double high = b.hi;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
          double x = v[i];
          if (usable && !nulls[i] && (x < low || x > high)) {
            r[i] = x < low ? low : high;
            if (i >= from && i < to) {
              outliers++;
              treated++;
            }
          } else {
            r[i] = x;
          }
        }
        out[cols[c]] = new DoubleColumn(r, nulls); // masks are shared, never modified
        continue;
      }
      rowBounds(ctx, input, c, v, nulls, lo, hi, med, valid);
      boolean[] flag = new boolean[n];
      for (int i = 0; i < n; i++) {
        flag[i] = valid[i] && !nulls[i] && (v[i] < lo[i] || v[i] > hi[i]);
        if (flag[i] && i >= from && i < to) {
          outliers++;
        }
      }
      switch (action) {
        case FLAG:
          out[base + c] = BooleanColumn.of(flag);
          break;
        case DROP:
          for (int i = 0; i < n; i++) {
            dropRow[i] |= flag[i];
          }
          break;
        case NULL:
          {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
              idx[i] = flag[i] ? -1 : i;
              treated += flag[i] && i >= from && i < to ? 1 : 0;
            }
            out[cols[c]] = OpColumns.gather(col, outputLayout().fieldType(cols[c]), idx, null);
            break;
          }
        default:
          {
            double[] r = new double[n];
            boolean[] rn = new boolean[n];
            for (int i = 0; i < n; i++) {
              rn[i] = nulls[i];
              if (!flag[i]) {
                r[i] = v[i];
              } else {
                treated += i >= from && i < to ? 1 : 0;
                r[i] = action == Action.MEDIAN ? med[i] : v[i] < lo[i] ? lo[i] : hi[i];
              }
            }
            out[cols[c]] = new DoubleColumn(r, rn);
          }
      }
    }
    ctx.count("outliers", outliers);
    if (action == Action.NULL) {
      ctx.count("values_nulled", treated);
    } else if (action == Action.CLIP) {
      ctx.count("values_clipped", treated);
    } else if (action == Action.MEDIAN) {
      ctx.count("values_replaced", treated);
    }
    Chunk result = input.withColumns(outputLayout(), out);
    if (dropRow == null) {
      return result;
    }
    int[] keep = new int[n];
    int k = 0;
    for (int i = from; i < to; i++) {
      if (!dropRow[i]) {
        keep[k++] = i;
      }
    }
    ctx.count("rows_dropped", (to - from) - k);
    return k == n ? result : result.take(keep, k);
  }

  /** Bounds of one column for one series; {@code valid} false when nothing can be an outlier. */
  static final class Bounds {
    boolean valid;
    double lo;
    double hi;
    double median;
  }
}
