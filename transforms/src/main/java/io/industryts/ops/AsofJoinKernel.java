package io.industryts.ops;

import io.industryts.engine.AsofKernel;
import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.ObjectColumn;
import io.industryts.ops.AsofJoin.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Matches each left row to at most one right row and gathers its columns. */
final class AsofJoinKernel extends BaseKernel implements AsofKernel {
  private static final long serialVersionUID = 1L;
  private final String rightName;
  private final ChunkLayout rightLayout;
  private final int[] leftKeyPositions;
  private final int[] sources;
  private final Direction direction;
  private final long tolerance;
  private final boolean exact;

  AsofJoinKernel(
      String step,
      ChunkLayout out,
      String rightName,
      ChunkLayout rightLayout,
      int[] leftKeyPositions,
      int[] sources,
      Direction direction,
      long tolerance,
      boolean exact) {
    super(step, out, ContextSpec.rowLocal());
    this.rightName = rightName;
    this.rightLayout = rightLayout;
    this.leftKeyPositions = leftKeyPositions;
    this.sources = sources;
    this.direction = direction;
    this.tolerance = tolerance;
    this.exact = exact;
  }

  @Override
  public String rightInput() {
    return rightName;
  }

  @Override
  public ChunkLayout rightLayout() {
    return rightLayout;
  }

  @Override
  public int[] leftKeyPositions() {
    return leftKeyPositions.clone();
  }

  @Override
  public Chunk join(Chunk left, Chunk right, Chunk before, Chunk after, KernelContext ctx) {
    List<Chunk> parts = new ArrayList<>(3);
    if (before != null) {
      parts.add(before);
    }
    if (right.size() > 0 || parts.isEmpty()) {
      parts.add(right);
    }
    if (after != null) {
      parts.add(after);
    }
    Chunk r = Chunk.concat(parts);
    int[] match = match(left.times(), r.times());
    int n = left.size();
    long matched = 0;
    for (int m : match) {
      if (m >= 0) {
        matched++;
      }
    }
    Column[] in = left.columns();
    Column[] out = Arrays.copyOf(in, in.length + sources.length);
    for (int c = 0; c < sources.length; c++) {
      out[in.length + c] = gather(r.column(sources[c]), match);
    }
    ctx.count("rows_matched", matched);
    ctx.count("rows_unmatched", n - matched);
    return left.withColumns(outputLayout(), out);
  }

  /** Index of the matched right row per left row, or -1; both arrays in series order. */
  int[] match(long[] lt, long[] rt) {
    int n = lt.length;
    int m = rt.length;
    int[] match = new int[n];
    int b = -1; // last right row before (or at) the left time
    int f = 0; // first right row after (or at) the left time
    for (int i = 0; i < n; i++) {
      long t = lt[i];
      while (b + 1 < m && (exact ? rt[b + 1] <= t : rt[b + 1] < t)) {
        b++;
      }
      while (f < m && (exact ? rt[f] < t : rt[f] <= t)) {
        f++;
      }
      int back = b;
      int fwd = f < m ? f : -1;
      int pick;
      if (direction == Direction.BACKWARD) {
        pick = back;
      } else if (direction == Direction.FORWARD) {
        pick = fwd;
      } else if (back < 0) {
        pick = fwd;
      } else if (fwd < 0) {
        pick = back;
      } else {
        pick = t - rt[back] <= rt[fwd] - t ? back : fwd;
      }
      if (pick >= 0 && tolerance >= 0 && Math.abs(t - rt[pick]) > tolerance) {
        pick = -1;
      }
      match[i] = pick;
    }
    return match;
  }

  static Column gather(Column src, int[] match) {
    int n = match.length;
    boolean[] nulls = new boolean[n];
    if (src instanceof DoubleColumn) {
      DoubleColumn s = (DoubleColumn) src;
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        int m = match[i];
        nulls[i] = m < 0 || s.isNull(m);
        v[i] = nulls[i] ? 0 : s.value(m);
      }
      return new DoubleColumn(v, nulls);
    }
    if (src instanceof LongColumn) {
      LongColumn s = (LongColumn) src;
      long[] v = new long[n];
      for (int i = 0; i < n; i++) {
        int m = match[i];
        nulls[i] = m < 0 || s.isNull(m);
        v[i] = nulls[i] ? 0 : s.value(m);
      }
      return new LongColumn(v, nulls);
    }
    if (src instanceof BooleanColumn) {
      BooleanColumn s = (BooleanColumn) src;
      boolean[] v = new boolean[n];
      for (int i = 0; i < n; i++) {
        int m = match[i];
        nulls[i] = m < 0 || s.isNull(m);
        v[i] = !nulls[i] && s.value(m);
      }
      return new BooleanColumn(v, nulls);
    }
    Object[] s = ((ObjectColumn) src).values();
    Object[] v = new Object[n];
    for (int i = 0; i < n; i++) {
      v[i] = match[i] < 0 ? null : s[match[i]];
    }
    return new ObjectColumn(v);
  }
}
