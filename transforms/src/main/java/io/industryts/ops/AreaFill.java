package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.StatsKernel;
import io.industryts.ops.FillNull.LimitArea;
import java.io.Serializable;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Forward/backward fill with {@code limit_area}: also a statistics kernel, because whether a run
 * has an observation beyond it (inside) may depend on rows far away in the series.
 */
final class AreaFill extends CarryFill implements StatsKernel<AreaFill.ObservedRange> {
  private static final long serialVersionUID = 1L;

  AreaFill(
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
    super(step, out, spec, cols, outTypes, flag, fwd, limit, maxGap, area);
  }

  @Override
  public ObservedRange createAccumulator() {
    return new ObservedRange(cols.length);
  }

  @Override
  public ObservedRange addSegment(ObservedRange acc, Chunk seg) {
    long[] t = seg.times();
    long[] q = seg.seqs();
    for (int c = 0; c < cols.length; c++) {
      Column col = seg.column(cols[c]);
      for (int i = 0; i < seg.size(); i++) {
        if (!col.isNull(i)) {
          note(acc, c, t[i], q[i]);
        }
      }
    }
    return acc;
  }

  private static void note(ObservedRange a, int c, long t, long q) {
    if (!a.has[c]) {
      a.has[c] = true;
      a.firstTime[c] = a.lastTime[c] = t;
      a.firstSeq[c] = a.lastSeq[c] = q;
      return;
    }
    if (t < a.firstTime[c] || (t == a.firstTime[c] && q < a.firstSeq[c])) {
      a.firstTime[c] = t;
      a.firstSeq[c] = q;
    }
    if (t > a.lastTime[c] || (t == a.lastTime[c] && q > a.lastSeq[c])) {
      a.lastTime[c] = t;
      a.lastSeq[c] = q;
    }
  }

  @Override
  public ObservedRange merge(ObservedRange a, ObservedRange b) {
    for (int c = 0; c < cols.length; c++) {
      if (b.has[c]) {
        note(a, c, b.firstTime[c], b.firstSeq[c]);
        note(a, c, b.lastTime[c], b.lastSeq[c]);
      }
    }
    return a;
  }

  @Override
  boolean inside(KernelContext ctx, Chunk input, int c, int i) {
    ObservedRange r = ctx.stats(this);
    long t = input.times()[i];
    long q = input.seqs()[i];
    // the source side exists (checked by the caller); inside iff the other side has one too
    return fwd
        ? (t < r.lastTime[c] || (t == r.lastTime[c] && q < r.lastSeq[c]))
        : (t > r.firstTime[c] || (t == r.firstTime[c] && q > r.firstSeq[c]));
  }

  /** First and last observation (time, seq) of each column in a series. */
  static final class ObservedRange implements Serializable {
    private static final long serialVersionUID = 1L;
    final boolean[] has;
    final long[] firstTime;
    final long[] firstSeq;
    final long[] lastTime;
    final long[] lastSeq;

    ObservedRange(int k) {
      has = new boolean[k];
      firstTime = new long[k];
      firstSeq = new long[k];
      lastTime = new long[k];
      lastSeq = new long[k];
    }
  }
}
