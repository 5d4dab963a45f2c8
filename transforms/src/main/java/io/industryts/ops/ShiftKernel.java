package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import java.util.Arrays;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Row shifts shared by lag, lead, diff and pct_change: for each (column, period) output, the row
 * {@code j} paired with row {@code i} (by position or by time), then either that row's value or an
 * arithmetic combination of both.
 */
final class ShiftKernel extends BaseKernel {
  private static final long serialVersionUID = 1L;

  /** What an output holds. */
  enum Kind {
    VALUE,
    DIFF,
    PCT_CHANGE
  }

  private final int[] sources;
  private final FieldType[] types;

  /** Row offset per output (negative = earlier rows), used where {@code millis} is 0. */
  private final int[] offsets;

  /** Duration per output (lag > 0, lead < 0), or 0 for a row period. */
  private final long[] millis;

  private final long tolerance;
  private final Kind kind;

  ShiftKernel(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      int[] sources,
      FieldType[] types,
      int[] offsets,
      long[] millis,
      long tolerance,
      Kind kind) {
    super(step, out, spec);
    this.sources = sources;
    this.types = types;
    this.offsets = offsets;
    this.millis = millis;
    this.tolerance = tolerance;
    this.kind = kind;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    int n = input.size();
    int base = input.columns().length;
    Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
    int[] idx = new int[n];
    for (int o = 0; o < sources.length; o++) {
      if (millis[o] == 0) {
        int off = offsets[o];
        for (int i = 0; i < n; i++) {
          int j = i + off;
          idx[i] = j >= 0 && j < n ? j : -1;
        }
      } else {
        matchByTime(input.times(), millis[o], idx);
      }
      Column src = input.column(sources[o]);
      out[base + o] =
          kind == Kind.VALUE ? OpColumns.gather(src, types[o], idx, null) : arithmetic(src, idx);
    }
    return input.withColumns(outputLayout(), out);
  }

  /**
   * As-of match: lag {@code d > 0}: last row with t ≤ t_i − d; lead: first row with t ≥ t_i + |d|.
   */
  private void matchByTime(long[] t, long d, int[] idx) {
    int n = t.length;
    if (d > 0) {
      int j = -1;
      for (int i = 0; i < n; i++) {
        long target = t[i] - d;
        while (j + 1 < n && t[j + 1] <= target) {
          j++;
        }
        idx[i] = j >= 0 && (tolerance < 0 || target - t[j] <= tolerance) ? j : -1;
      }
    } else {
      long dd = -d;
      int j = n;
      for (int i = n - 1; i >= 0; i--) {
        long target = t[i] + dd;
        while (j - 1 >= 0 && t[j - 1] >= target) {
          j--;
        }
        idx[i] = j < n && (tolerance < 0 || t[j] - target <= tolerance) ? j : -1;
      }
    }
  }

  private Column arithmetic(Column src, int[] idx) {
    int n = idx.length;
    double[] v = OpColumns.doubles(src);
    boolean[] nulls = OpColumns.nulls(src);
    double[] out = new double[n];
    boolean[] outNulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      int j = idx[i];
      if (j < 0 || nulls[i] || nulls[j]) {
        outNulls[i] = true;
        continue;
      }
      if (kind == Kind.DIFF) {
        out[i] = v[i] - v[j];
      } else if (v[j] != 0) {
        out[i] = v[i] / v[j] - 1;
      } else if (v[i] != 0) {
        out[i] = v[i] > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      } else {
        outNulls[i] = true;
      }
      // §1.10: inf − inf and inf / inf are null, not NaN; a NaN operand (nan_as_null = false)
      // propagates
      if (Double.isNaN(out[i]) && !Double.isNaN(v[i]) && !Double.isNaN(v[j])) {
        outNulls[i] = true;
        out[i] = 0;
      }
    }
    return new DoubleColumn(out, outNulls);
  }
}
