package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.ops.Rolling.Closed;
import io.industryts.ops.Rolling.Fn;
import java.util.Arrays;

/** Computes every function per row over its window's non-null values. */
final class RollingKernel extends BaseKernel {
  private static final long serialVersionUID = 1L;
  private final int[] cols;
  private final Fn[] fns;
  private final boolean byRows;
  private final int lo;
  private final int hi;
  private final long millis;
  private final Closed closed;
  private final int minPeriods;
  private final int ddof;

  RollingKernel(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      int[] cols,
      Fn[] fns,
      boolean byRows,
      int lo,
      int hi,
      long millis,
      Closed closed,
      int minPeriods,
      int ddof) {
    super(step, out, spec);
    this.cols = cols;
    this.fns = fns;
    this.byRows = byRows;
    this.lo = lo;
    this.hi = hi;
    this.millis = millis;
    this.closed = closed;
    this.minPeriods = minPeriods;
    this.ddof = ddof;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    int n = input.size();
    int[] start = new int[n];
    int[] end = new int[n];
    windows(input.times(), start, end);
    int base = input.columns().length;
    Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
    int o = base;
    for (int c = 0; c < cols.length; c++) {
      Column col = input.column(cols[c]);
      double[][] res = new double[fns.length][];
      long[][] counts = new long[fns.length][];
      boolean[][] resNull = new boolean[fns.length][n];
      for (int f = 0; f < fns.length; f++) {
        if (fns[f] == Fn.COUNT) {
          counts[f] = new long[n];
        } else {
          res[f] = new double[n];
        }
      }
      slide(
          input.times(),
          OpColumns.doubles(col),
          OpColumns.nulls(col),
          start,
          end,
          res,
          counts,
          resNull);
      for (int f = 0; f < fns.length; f++) {
        out[o++] =
            fns[f] == Fn.COUNT
                ? new LongColumn(counts[f], resNull[f])
                : new DoubleColumn(res[f], resNull[f]);
      }
    }
    return input.withColumns(outputLayout(), out);
  }

  /**
   * Every function of one column, sliding one window along the rows: values enter at the window's
   * end and leave at its start (both only move forward): min/max as {@link MonotonicDeque}s,
   * medians as a {@link SortedWindow}, counts as running counters. Each result depends only on the
   * window's values, never on where the chunk starts, so every segmentation of a series gives the
   * same bits: sums and variances of duration windows merge per-block moments ({@link
   * BlockMoments}); those of row windows are the corrected two-pass over the window ({@link
   * RowMoments} for windows without nulls). A window holding NaN or an infinity is computed as
   * before, from scratch.
   */
  private void slide(
      long[] t,
      double[] v,
      boolean[] nulls,
      int[] start,
      int[] end,
      double[][] res,
      long[][] counts,
      boolean[][] resNull) {
    int n = v.length;
    boolean needSum = false;
    boolean needVar = false;
    boolean needMin = false;
    boolean needMax = false;
    boolean needMedian = false;
    for (Fn fn : fns) {
      needSum |= fn == Fn.SUM || fn == Fn.MEAN;
      needVar |= fn == Fn.STD || fn == Fn.VAR;
      needMin |= fn == Fn.MIN;
      needMax |= fn == Fn.MAX;
      needMedian |= fn == Fn.MEDIAN;
    }
    int maxWindow = 0;
    for (int i = 0; i < n; i++) {
      maxWindow = Math.max(maxWindow, end[i] - start[i]);
    }
    BlockMoments blocks =
        !byRows && (needSum || needVar) ? BlockMoments.over(t, v, nulls, millis) : null;
    double[] rowSum = null;
    double[] rowSs = null;
    boolean[] rowDone = null;
    if (byRows && (needSum || needVar)) {
      rowSum = new double[n];
      rowSs = needVar ? new double[n] : null;
      rowDone = new boolean[n];
      RowMoments.fill(v, nulls, start, end, needVar, rowSum, rowSs, rowDone);
    }
    MonotonicDeque lows = needMin ? MonotonicDeque.ofMinimum(v, n) : null;
    MonotonicDeque highs = needMax ? MonotonicDeque.ofMaximum(v, n) : null;
    SortedWindow sorted = needMedian ? new SortedWindow(maxWindow) : null;
    double[] buf = null;
    int lo = 0;
    int hi = 0;
    // non-null values in the window, and non-finite ones among them
    int m = 0;
    int bad = 0;
    int run = 0;
    double prev = Double.NaN;
    for (int i = 0; i < n; i++) {
      int s = start[i];
      int e = end[i];
      // leave, then enter, so the window never holds more than its own rows
      int leave = Math.min(s, hi);
      for (; lo < leave; lo++) {
        if (!nulls[lo]) {
          m--;
          if (!Double.isFinite(v[lo])) {
            bad--;
          } else if (sorted != null) {
            sorted.remove(v[lo]);
          }
        }
      }
      if (lo < s) {
        lo = s;
        hi = s;
      }
      for (; hi < e; hi++) {
        if (!nulls[hi]) {
          double x = v[hi];
          m++;
          // run: how many values entered since the last one differing from its predecessor
          run = x == prev ? run + 1 : 1;
          prev = x;
          if (!Double.isFinite(x)) {
            bad++;
          } else {
            if (lows != null) {
              lows.add(hi);
            }
            if (highs != null) {
              highs.add(hi);
            }
            if (sorted != null) {
              sorted.add(x);
            }
          }
        }
      }
      if (lows != null) {
        lows.dropBefore(s);
      }
      if (highs != null) {
        highs.dropBefore(s);
      }
      boolean enough = m >= minPeriods && m > 0;
      if (enough && bad > 0) {
        if (buf == null) {
          buf = new double[maxWindow];
        }
        scratch(v, nulls, s, e, i, buf, res, counts, resNull);
        continue;
      }
      double sum = 0;
      double var = Double.NaN;
      if (enough && (needSum || needVar)) {
        double ss;
        if (blocks != null && blocks.window(s, e)) {
          sum = blocks.sum();
          ss = blocks.squaredDeviations();
        } else if (rowDone != null && rowDone[i]) {
          sum = rowSum[i];
          ss = needVar ? rowSs[i] : 0;
        } else {
          // rows: the corrected two-pass over the window, as cheap as sliding for short windows
          boolean full = m == e - s;
          sum = 0;
          for (int j = s; j < e; j++) {
            if (full || !nulls[j]) {
              sum += v[j];
            }
          }
          ss = 0;
          if (needVar) {
            double mean = sum / m;
            double dev = 0;
            double comp = 0;
            for (int j = s; j < e; j++) {
              if (full || !nulls[j]) {
                double d = v[j] - mean;
                dev += d * d;
                comp += d;
              }
            }
            ss = dev - comp * comp / m;
          }
        }
        if (needVar && m > ddof) {
          // the last m values entered are equal: exactly 0, no round-off
          boolean constant = run >= m;
          var = constant ? 0.0 : Math.max(0.0, ss / (m - ddof));
        }
      }
      double min = enough && lows != null ? lows.value() : Double.NaN;
      double max = enough && highs != null ? highs.value() : Double.NaN;
      double median = enough && sorted != null ? sorted.quantile(0.5) : Double.NaN;
      for (int f = 0; f < fns.length; f++) {
        double r =
            fns[f] == Fn.COUNT || enough
                ? value(fns[f], e - s, m, sum, var, min, max, median)
                : Double.NaN;
        store(f, i, r, res, counts, resNull);
      }
    }
  }

  /**
   * The value of {@code fn} for a window of {@code rows} rows of which {@code m} hold values, given
   * their statistics (those {@code fn} does not use may be anything).
   */
  private double value(
      Fn fn, int rows, int m, double sum, double var, double min, double max, double median) {
    switch (fn) {
      case COUNT:
        return rows >= minPeriods ? m : Double.NaN;
      case SUM:
        return sum;
      case MEAN:
        return sum / m;
      case MIN:
        return min;
      case MAX:
        return max;
      case VAR:
        return var;
      case STD:
        return Math.sqrt(var);
      default:
        return median;
    }
  }

  /** Result {@code r} of function {@code f} for row {@code i}; NaN is a null cell. */
  private void store(int f, int i, double r, double[][] res, long[][] counts, boolean[][] resNull) {
    boolean isNull = Double.isNaN(r);
    resNull[f][i] = isNull;
    if (counts[f] != null) {
      counts[f][i] = isNull ? 0 : (long) r;
    } else {
      res[f][i] = isNull ? 0 : r;
    }
  }

  /** Row {@code i} over the window {@code [s, e)} computed directly from its values. */
  private void scratch(
      double[] v,
      boolean[] nulls,
      int s,
      int e,
      int i,
      double[] buf,
      double[][] res,
      long[][] counts,
      boolean[][] resNull) {
    int m = 0;
    for (int j = s; j < e; j++) {
      if (!nulls[j]) {
        buf[m++] = v[j];
      }
    }
    double sum = 0;
    double min = buf[0];
    double max = buf[0];
    for (int j = 0; j < m; j++) {
      sum += buf[j];
      // Math.min/max: a NaN in the window makes the result NaN, as in pandas
      min = Math.min(min, buf[j]);
      max = Math.max(max, buf[j]);
    }
    double var = Stats.variance(buf, m, ddof);
    double median = Double.NaN;
    for (Fn fn : fns) {
      if (fn == Fn.MEDIAN) {
        Arrays.sort(buf, 0, m);
        median = Stats.quantile(buf, 0, m, 0.5);
        break;
      }
    }
    for (int f = 0; f < fns.length; f++) {
      store(f, i, value(fns[f], e - s, m, sum, var, min, max, median), res, counts, resNull);
    }
  }

  /** Window of each row as positions {@code [start, end)} of the input. */
  private void windows(long[] t, int[] start, int[] end) {
    int n = t.length;
    if (byRows) {
      for (int i = 0; i < n; i++) {
        start[i] = Math.max(0, i + lo);
        end[i] = Math.max(start[i], Math.min(n, i + hi + 1));
      }
      return;
    }
    boolean includeLeftEdge = closed == Closed.LEFT || closed == Closed.BOTH;
    boolean includeSelf = closed == Closed.RIGHT || closed == Closed.BOTH;
    int s = 0;
    for (int i = 0; i < n; i++) {
      long edge = t[i] - millis;
      while (s < i && (includeLeftEdge ? t[s] < edge : t[s] <= edge)) {
        s++;
      }
      start[i] = s;
      end[i] = Math.max(s, includeSelf ? i + 1 : i);
    }
  }
}
