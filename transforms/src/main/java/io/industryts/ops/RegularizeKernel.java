package io.industryts.ops;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.KernelContext;
import io.industryts.ops.Regularize.Edge;
import io.industryts.ops.Regularize.Fill;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** Emits the segment's grid points; neighbours in other segments come from both carries. */
final class RegularizeKernel extends BaseKernel implements BidirectionalCarryKernel<Edge> {
  private static final long serialVersionUID = 1L;
  private final Grid grid;
  private final int[] cols;
  private final FieldType[] outTypes;
  private final Fill fill;
  private final long maxGap;
  private final long start;
  private final long end;
  private final boolean flag;

  RegularizeKernel(
      String step,
      ChunkLayout out,
      Grid grid,
      int[] cols,
      FieldType[] outTypes,
      Fill fill,
      long maxGap,
      long start,
      long end,
      boolean flag) {
    super(step, out, ContextSpec.regrid(grid).withSeriesInfo());
    this.grid = grid;
    this.cols = cols;
    this.outTypes = outTypes;
    this.fill = fill;
    this.maxGap = maxGap;
    this.start = start;
    this.end = end;
    this.flag = flag;
  }

  /** Index of the last row of each distinct time, in order; returns the count. */
  private static int lastOfEachTime(long[] t, int[] out) {
    int u = 0;
    for (int i = 0; i < t.length; i++) {
      if (i + 1 == t.length || t[i + 1] != t[i]) {
        out[u++] = i;
      }
    }
    return u;
  }

  @Override
  public Edge summarize(Chunk seg) {
    Edge e = new Edge();
    int n = seg.size();
    int k = cols.length;
    e.has = new boolean[k];
    e.firstObsTime = new long[k];
    e.firstObs = new double[k];
    e.lastObsTime = new long[k];
    e.lastObs = new double[k];
    if (n == 0) {
      return e;
    }
    long[] t = seg.times();
    int[] rows = new int[n];
    int u = lastOfEachTime(t, rows);
    e.first = seg.slice(rows[0], rows[0] + 1);
    e.last = seg.slice(n - 1, n);
    if (fill == Fill.LINEAR) {
      for (int c = 0; c < k; c++) {
        Column col = seg.column(cols[c]);
        for (int j = 0; j < u; j++) {
          int r = rows[j];
          if (!col.isNull(r)) {
            if (!e.has[c]) {
              e.has[c] = true;
              e.firstObsTime[c] = t[r];
              e.firstObs[c] = ((Number) col.get(r)).doubleValue();
            }
            e.lastObsTime[c] = t[r];
            e.lastObs[c] = ((Number) col.get(r)).doubleValue();
          }
        }
      }
    }
    return e;
  }

  /**
   * Streaming: grid points are final once a row follows them and, for linear fill, every column has
   * an observation after them.
   */
  @Override
  public boolean settles(Edge later) {
    if (later == null || later.first == null) {
      return false;
    }
    if (fill != Fill.LINEAR) {
      return true;
    }
    for (boolean h : later.has) {
      if (!h) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Edge combine(Edge earlier, Edge later) {
    return merge(earlier, later);
  }

  private Edge merge(Edge a, Edge b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    int k = cols.length;
    Edge e = new Edge();
    e.first = a.first != null ? a.first : b.first;
    e.last = b.last != null ? b.last : a.last;
    e.has = new boolean[k];
    e.firstObsTime = new long[k];
    e.firstObs = new double[k];
    e.lastObsTime = new long[k];
    e.lastObs = new double[k];
    for (int c = 0; c < k; c++) {
      Edge f = a.has[c] ? a : b;
      Edge l = b.has[c] ? b : a;
      e.has[c] = a.has[c] || b.has[c];
      e.firstObsTime[c] = f.firstObsTime[c];
      e.firstObs[c] = f.firstObs[c];
      e.lastObsTime[c] = l.lastObsTime[c];
      e.lastObs[c] = l.lastObs[c];
    }
    return e;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    long anchor = grid.seriesAnchor(ctx.seriesFirstTime());
    Edge before = ctx.carry(this);
    Edge after = ctx.carryAfter(this);
    int n = input.size();
    long[] t = input.times();
    long kFirst = grid.bucketIndex(start != Long.MIN_VALUE ? start : ctx.seriesFirstTime(), anchor);
    long kLast = grid.bucketIndex(end != Long.MAX_VALUE ? end : ctx.seriesLastTime(), anchor);
    long segStart = ctx.segmentStart();
    long segEnd = ctx.segmentEnd();
    if (segStart != Long.MIN_VALUE) {
      long k0 = grid.bucketIndex(segStart, anchor);
      if (n > 0) {
        k0 = Math.min(k0, grid.bucketIndex(t[0], anchor));
      }
      kFirst = Math.max(kFirst, k0);
    }
    if (segEnd != Long.MAX_VALUE) {
      long k1 = grid.bucketIndex(segEnd - 1, anchor);
      if (n > 0) {
        k1 = Math.max(k1, grid.bucketIndex(t[n - 1], anchor));
      }
      kLast = Math.min(kLast, k1);
    }
    int m = (int) Math.max(0, kLast - kFirst + 1);
    // the rows a point may take values from: [row before the segment] segment [row after]
    List<Chunk> parts = new ArrayList<>(3);
    int shift = 0;
    boolean hasBefore = before != null && before.last != null;
    boolean hasAfter = after != null && after.first != null;
    if (hasBefore) {
      parts.add(before.last);
      shift = 1;
    }
    parts.add(input);
    if (hasAfter) {
      parts.add(after.first);
    }
    Chunk src = Chunk.concat(parts);
    long[] st = src.times();
    int[] rows = new int[st.length];
    int u = lastOfEachTime(st, rows);
    long[] times = new long[m];
    long[] seqs = new long[m];
    int[] exact = new int[m];
    int[] pick = new int[m];
    long inserted = 0;
    int j = 0; // first distinct time >= g
    for (int q = 0; q < m; q++) {
      long k = kFirst + q;
      long g = grid.bucketStart(k, anchor);
      times[q] = g;
      seqs[q] = k;
      while (j < u && st[rows[j]] < g) {
        j++;
      }
      boolean isExact = j < u && st[rows[j]] == g;
      exact[q] = isExact ? rows[j] : -1;
      if (isExact) {
        pick[q] = rows[j];
        continue;
      }
      inserted++;
      int p = j - 1 >= 0 ? rows[j - 1] : -1;
      int nx = j < u ? rows[j] : -1;
      long tp = p >= 0 ? st[p] : g;
      long tn = nx >= 0 ? st[nx] : g;
      int chosen;
      switch (fill) {
        case FORWARD:
          chosen = p;
          break;
        case BACKWARD:
          chosen = nx;
          break;
        case NEAREST:
          chosen = p < 0 ? nx : nx < 0 ? p : (g - tp < tn - g ? p : nx);
          break;
        default:
          chosen = -1;
      }
      if (maxGap > 0 && tn - tp > maxGap) {
        chosen = -1;
      }
      pick[q] = chosen;
    }
    ctx.count("rows_inserted", inserted);
    Column[] out = new Column[outputLayout().schema().getFieldCount()];
    int base = out.length - cols.length * (flag ? 2 : 1);
    long filled = 0;
    for (int c = 0; c < cols.length; c++) {
      Column col;
      if (fill == Fill.LINEAR) {
        col = linear(src, rows, u, cols[c], times, exact, before, after, c, shift, n);
      } else {
        col = OpColumns.gather(src.column(cols[c]), outTypes[c], pick, null);
      }
      out[base + c] = col;
      if (flag) {
        boolean[] f = new boolean[m];
        for (int q = 0; q < m; q++) {
          f[q] = exact[q] < 0 && !col.isNull(q);
          if (f[q]) {
            filled++;
          }
        }
        out[base + cols.length + c] = BooleanColumn.of(f);
      } else {
        for (int q = 0; q < m; q++) {
          if (exact[q] < 0 && !col.isNull(q)) {
            filled++;
          }
        }
      }
    }
    ctx.count("values_filled", filled);
    return new Chunk(outputLayout(), input.key(), times, seqs, out);
  }

  /**
   * Linear values of one column at the points: the column's non-null neighbours at or before and at
   * or after each point among the distinct times of {@code src}, or from the carries.
   */
  private Column linear(
      Chunk src,
      int[] rows,
      int u,
      int field,
      long[] times,
      int[] exact,
      Edge before,
      Edge after,
      int c,
      int shift,
      int n) {
    Column col = src.column(field);
    boolean[] nulls = OpColumns.nulls(col);
    double[] v = OpColumns.doubles(col);
    long[] st = src.times();
    int m = times.length;
    double[] o = new double[m];
    boolean[] on = new boolean[m];
    // previous / next non-null distinct row for each distinct index
    int[] prevObs = new int[u];
    int[] nextObs = new int[u];
    int last = -1;
    for (int j = 0; j < u; j++) {
      if (!nulls[rows[j]]) {
        last = rows[j];
      }
      prevObs[j] = last;
    }
    last = -1;
    for (int j = u - 1; j >= 0; j--) {
      if (!nulls[rows[j]]) {
        last = rows[j];
      }
      nextObs[j] = last;
    }
    boolean carriedBefore = before != null && before.has[c];
    boolean carriedAfter = after != null && after.has[c];
    int j = 0;
    for (int q = 0; q < m; q++) {
      long g = times[q];
      while (j < u && st[rows[j]] < g) {
        j++;
      }
      if (exact[q] >= 0 && !nulls[exact[q]]) {
        o[q] = v[exact[q]];
        continue;
      }
      int pr = j - 1 >= 0 ? prevObs[j - 1] : -1;
      int nxIdx = exact[q] >= 0 ? j + 1 : j;
      int nr = nxIdx < u ? nextObs[nxIdx] : -1;
      boolean hp = pr >= 0 || carriedBefore;
      boolean hn = nr >= 0 || carriedAfter;
      long tp = pr >= 0 ? st[pr] : carriedBefore ? before.lastObsTime[c] : g;
      double vp = pr >= 0 ? v[pr] : carriedBefore ? before.lastObs[c] : 0;
      long tn = nr >= 0 ? st[nr] : carriedAfter ? after.firstObsTime[c] : g;
      double vn = nr >= 0 ? v[nr] : carriedAfter ? after.firstObs[c] : 0;
      if (!hp || !hn || (maxGap > 0 && tn - tp > maxGap)) {
        on[q] = true;
        continue;
      }
      o[q] = Interpolate.InterpolateKernel.linear(tp, vp, tn, vn, g);
    }
    OpColumns.nullCreatedNans(o, on, col);
    return new DoubleColumn(o, on);
  }
}
