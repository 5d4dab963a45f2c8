package io.industryts.ops;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.ops.FillNull.LimitArea;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** Forward/backward fill with limit and max_gap, carried across segments. */
class CarryFill extends FillKernel implements CarryKernel<CarryFill.Summary> {
  private static final long serialVersionUID = 1L;
  final boolean fwd;
  final int limit;
  final long maxGap;
  final LimitArea area;

  CarryFill(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      int[] cols,
      FieldType[] outTypes,
      boolean flag,
      boolean fwd,
      int limit,
      long maxGap,
      LimitArea area) {
    super(step, out, spec, cols, outTypes, flag);
    this.fwd = fwd;
    this.limit = limit;
    this.maxGap = maxGap;
    this.area = area;
  }

  @Override
  public boolean forward() {
    return fwd;
  }

  @Override
  public Summary summarize(Chunk seg) {
    int n = seg.size();
    int k = cols.length;
    boolean[] has = new boolean[k];
    Object[] value = new Object[k];
    long[] time = new long[k];
    long[] run = new long[k];
    for (int c = 0; c < k; c++) {
      Column col = seg.column(cols[c]);
      int found = -1;
      if (fwd) {
        for (int i = n - 1; i >= 0; i--) {
          if (!col.isNull(i)) {
            found = i;
            break;
          }
        }
        run[c] = found < 0 ? n : n - 1 - found;
      } else {
        for (int i = 0; i < n; i++) {
          if (!col.isNull(i)) {
            found = i;
            break;
          }
        }
        run[c] = found < 0 ? n : found;
      }
      if (found >= 0) {
        has[c] = true;
        value[c] = OpColumns.cell(col, found);
        time[c] = seg.times()[found];
      }
    }
    return new Summary(n, has, value, time, run);
  }

  /** Streaming (backward fill): rows are final once every column has a value after them. */
  @Override
  public boolean settles(Summary later) {
    if (later == null) {
      return false;
    }
    for (boolean h : later.has) {
      if (!h) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Summary combine(Summary earlier, Summary later) {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    int k = earlier.has.length;
    boolean[] has = new boolean[k];
    Object[] value = new Object[k];
    long[] time = new long[k];
    long[] run = new long[k];
    // forward: the observation nearest the end wins; backward: the one nearest the start
    Summary near = fwd ? later : earlier;
    Summary far = fwd ? earlier : later;
    for (int c = 0; c < k; c++) {
      Summary src = near.has[c] ? near : far;
      has[c] = src.has[c];
      value[c] = src.value[c];
      time[c] = src.time[c];
      run[c] = near.has[c] ? near.run[c] : near.rows + far.run[c];
    }
    return new Summary(earlier.rows + later.rows, has, value, time, run);
  }

  /** Whether row {@code i} lies inside the observed range of column {@code c} (limit_area). */
  boolean inside(KernelContext ctx, Chunk input, int c, int i) {
    return true;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    int n = input.size();
    long[] t = input.times();
    Summary carry = ctx.carry(this);
    Column[] filled = new Column[cols.length];
    int[] src = new int[n];
    for (int c = 0; c < cols.length; c++) {
      Column col = input.column(cols[c]);
      boolean[] nulls = OpColumns.nulls(col);
      if (col.nullCount() == 0) {
        filled[c] = OpColumns.asType(col, outTypes[c]);
        continue;
      }
      boolean carried = carry != null && carry.has[c];
      Object carryValue = carried ? carry.value[c] : null;
      if (limit == 0
          && maxGap < 0
          && area == null
          && col instanceof DoubleColumn
          && outTypes[c].getTypeName() == Schema.TypeName.DOUBLE
          && (carryValue == null || carryValue instanceof Double)) {
        filled[c] = fillDoubles((DoubleColumn) col, carried, carryValue);
        continue;
      }
      // the observation on the far side of each run, for max_gap spans
      long[] other = maxGap >= 0 ? otherSideTimes(t, nulls, ctx) : null;
      int source = carried ? -2 : -1;
      long sourceTime = carried ? carry.time[c] : 0;
      long run = carry == null ? 0 : carry.run[c];
      for (int s = 0; s < n; s++) {
        int i = fwd ? s : n - 1 - s;
        if (!nulls[i]) {
          src[i] = i;
          source = i;
          sourceTime = t[i];
          run = 0;
          continue;
        }
        run++;
        boolean ok = source != -1 && (limit == 0 || run <= limit);
        if (ok && maxGap >= 0) {
          long span = fwd ? other[i] - sourceTime : sourceTime - other[i];
          ok = span <= maxGap;
        }
        if (ok && area != null) {
          ok = inside(ctx, input, c, i) == (area == LimitArea.INSIDE);
        }
        src[i] = ok ? source : -1;
      }
      filled[c] = OpColumns.gather(col, outTypes[c], src, carryValue);
    }
    return assemble(input, filled, ctx);
  }

  /** Fill without limits of a double column: one pass, the carry (if any) before the first row. */
  private DoubleColumn fillDoubles(DoubleColumn col, boolean carried, Object carryValue) {
    double[] v = col.values();
    boolean[] nulls = col.nulls();
    int n = v.length;
    double[] r = new double[n];
    boolean[] rn = new boolean[n];
    boolean has = carried;
    double last = carried ? (Double) carryValue : 0;
    for (int s = 0; s < n; s++) {
      int i = fwd ? s : n - 1 - s;
      if (!nulls[i]) {
        last = v[i];
        has = true;
        r[i] = last;
      } else if (has) {
        r[i] = last;
      } else {
        rn[i] = true;
      }
    }
    return new DoubleColumn(r, rn);
  }

  /**
   * For each row, the time of the next (forward) or previous (backward) non-null row of the input,
   * or the series' last (first) time when none is visible: a run whose far observation is outside
   * the max_gap halo is too long anyway (§1.12).
   */
  private long[] otherSideTimes(long[] t, boolean[] nulls, KernelContext ctx) {
    int n = t.length;
    long[] out = new long[n];
    if (fwd) {
      long next = ctx.seriesLastTime();
      for (int i = n - 1; i >= 0; i--) {
        if (!nulls[i]) {
          next = t[i];
        }
        out[i] = next;
      }
    } else {
      long prev = ctx.seriesFirstTime();
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          prev = t[i];
        }
        out[i] = prev;
      }
    }
    return out;
  }

  /** What crosses a segment boundary for one direction of fill, per column. */
  static final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;
    final long rows;
    final boolean[] has;
    final Object[] value;
    final long[] time;

    /** Null rows between the observation and the boundary (all rows when none). */
    final long[] run;

    Summary(long rows, boolean[] has, Object[] value, long[] time, long[] run) {
      this.rows = rows;
      this.has = has;
      this.value = value;
      this.time = time;
      this.run = run;
    }
  }
}
