package io.industryts.ops;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.ObjectColumn;
import io.industryts.ops.StateIntervals.Runs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.joda.time.Instant;

/**
 * Finds the runs of a segment. The earlier carry tells whether the segment's first run goes on from
 * before (then an earlier segment emits it); the later carry completes the segment's last run (its
 * rows and end), however many segments it spans.
 */
final class StateKernel extends BaseKernel implements BidirectionalCarryKernel<Runs> {
  private static final long serialVersionUID = 1L;
  private final int src;
  private final Double above;
  private final Double below;
  private final boolean skipNulls;
  private final long maxGap;
  private final long minDuration;

  StateKernel(
      String step,
      ChunkLayout out,
      int src,
      Double above,
      Double below,
      boolean skipNulls,
      long maxGap,
      long minDuration) {
    super(step, out, ContextSpec.segmentLocal());
    this.src = src;
    this.above = above;
    this.below = below;
    this.skipNulls = skipNulls;
    this.maxGap = maxGap;
    this.minDuration = minDuration;
  }

  /** The state of every row (null for a null state), boxed, compared by {@link #same}. */
  private Object[] states(Chunk c) {
    Column col = c.column(src);
    int n = c.size();
    Object[] s = new Object[n];
    if (above != null || below != null) {
      double[] v = OpColumns.doubles(col);
      boolean[] nul = OpColumns.nulls(col);
      for (int i = 0; i < n; i++) {
        if (!nul[i]) {
          // a NaN kept by nan_as_null = false is neither above nor below (§1.10)
          s[i] = (above != null && v[i] > above) || (below != null && v[i] < below);
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        s[i] = col.isNull(i) ? null : col.get(i);
      }
    }
    return s;
  }

  /** Positions of the rows that take part in runs (all, or the non-null ones). */
  private int[] kept(Object[] s) {
    int[] k = new int[s.length];
    int m = 0;
    for (int i = 0; i < s.length; i++) {
      if (!skipNulls || s[i] != null) {
        k[m++] = i;
      }
    }
    return java.util.Arrays.copyOf(k, m);
  }

  /** Equal states: numbers by value (0.0 = -0.0, NaN = NaN, 1.0 = 1.00), null = null. */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double || a instanceof Float) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return x == y || (Double.isNaN(x) && Double.isNaN(y));
    }
    if (a instanceof BigDecimal) {
      return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
    }
    return a.equals(b);
  }

  private boolean close(long earlier, long later) {
    return maxGap < 0 || later - earlier <= maxGap;
  }

  private boolean continues(Object stateBefore, long timeBefore, Object state, long time) {
    return same(stateBefore, state) && close(timeBefore, time);
  }

  @Override
  public Runs summarize(Chunk segment) {
    Object[] s = states(segment);
    int[] k = kept(s);
    if (k.length == 0) {
      return null;
    }
    long[] t = segment.times();
    int m = k.length;
    long leading = m;
    long end = 0;
    for (int j = 1; j < m; j++) {
      int p = k[j - 1];
      int i = k[j];
      if (!continues(s[p], t[p], s[i], t[i])) {
        leading = j;
        end = close(t[p], t[i]) ? t[i] : t[p];
        break;
      }
    }
    return new Runs(m, t[k[0]], s[k[0]], t[k[m - 1]], s[k[m - 1]], leading, end);
  }

  /** Streaming: a run is final once a row of another state follows it. */
  @Override
  public boolean settles(Runs later) {
    return later != null && later.leadingRows < later.rows;
  }

  @Override
  public Runs combine(Runs earlier, Runs later) {
    if (earlier == null) {
      return later;
    }
    if (later == null) {
      return earlier;
    }
    long leadingRows = earlier.leadingRows;
    long leadingEnd = earlier.leadingEnd;
    if (earlier.whole()) {
      if (continues(earlier.lastState, earlier.lastTime, later.firstState, later.firstTime)) {
        leadingRows = earlier.rows + later.leadingRows;
        leadingEnd = later.leadingEnd;
      } else {
        leadingEnd = close(earlier.lastTime, later.firstTime) ? later.firstTime : earlier.lastTime;
      }
    }
    return new Runs(
        earlier.rows + later.rows,
        earlier.firstTime,
        earlier.firstState,
        later.lastTime,
        later.lastState,
        leadingRows,
        leadingEnd);
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    Object[] s = states(input);
    int[] k = kept(s);
    int m = k.length;
    long[] t = input.times();
    long[] seqs = input.seqs();
    Runs before = ctx.carry(this);
    Runs after = ctx.carryAfter(this);
    ChunkLayout out = outputLayout();
    Schema os = out.schema();
    int stateField = out.keyIndexes().length;
    ColumnBuilder state = ColumnBuilder.forType(os.getField(stateField).getType(), 16);
    List<Long> starts = new ArrayList<>();
    List<Long> runSeqs = new ArrayList<>();
    List<Long> ends = new ArrayList<>();
    List<Long> rowCounts = new ArrayList<>();
    long shortRuns = 0;
    int j = 0;
    if (m > 0 && before != null && continues(before.lastState, before.lastTime, s[k[0]], t[k[0]])) {
      // the first run started in an earlier segment, which emits it: skip its rows here
      j = 1;
      while (j < m && continues(s[k[j - 1]], t[k[j - 1]], s[k[j]], t[k[j]])) {
        j++;
      }
    }
    while (j < m) {
      int first = j;
      j++;
      while (j < m && continues(s[k[j - 1]], t[k[j - 1]], s[k[j]], t[k[j]])) {
        j++;
      }
      int last = k[j - 1];
      long rows = j - first;
      long end;
      if (j < m) {
        end = close(t[last], t[k[j]]) ? t[k[j]] : t[last];
      } else if (after == null) {
        end = t[last];
      } else if (continues(s[last], t[last], after.firstState, after.firstTime)) {
        rows += after.leadingRows;
        end = after.whole() ? after.lastTime : after.leadingEnd;
      } else {
        end = close(t[last], after.firstTime) ? after.firstTime : t[last];
      }
      long start = t[k[first]];
      if (minDuration >= 0 && end - start < minDuration) {
        shortRuns++;
        continue;
      }
      state.appendValue(s[k[first]]);
      starts.add(start);
      runSeqs.add(seqs[k[first]]);
      ends.add(end);
      rowCounts.add(rows);
    }
    ctx.count("intervals_short", shortRuns);
    int r = starts.size();
    long[] times = new long[r];
    long[] outSeqs = new long[r];
    Object[] endValues = new Object[r];
    double[] durations = new double[r];
    long[] rowValues = new long[r];
    for (int i = 0; i < r; i++) {
      times[i] = starts.get(i);
      outSeqs[i] = runSeqs.get(i);
      endValues[i] = new Instant(ends.get(i));
      durations[i] = (ends.get(i) - times[i]) / 1000.0;
      rowValues[i] = rowCounts.get(i);
    }
    Column[] cols = new Column[os.getFieldCount()];
    cols[stateField] = state.build();
    cols[os.indexOf("end")] = new ObjectColumn(endValues);
    cols[os.indexOf("duration_s")] = new DoubleColumn(durations, new boolean[r]);
    cols[os.indexOf("rows")] = new LongColumn(rowValues, new boolean[r]);
    return new Chunk(out, input.key(), times, outSeqs, cols);
  }
}
