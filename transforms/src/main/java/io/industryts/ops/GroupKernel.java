package io.industryts.ops;

import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.ops.Resample.Agg;
import java.util.Arrays;

/**
 * The kernel of {@link GroupByTime}: emits one row per non-empty (bucket, by values) group of the
 * segment.
 */
class GroupKernel extends BaseKernel {
  private static final long serialVersionUID = 1L;
  private final Grid grid;
  private final int[] by;
  private final int[] byOut;
  private final int[] sources;
  private final Agg[] aggs;
  private final boolean labelRight;
  private final int ddof;

  /** The signal of {@code twa} and {@code integral} (then there is no by); else null. */
  final TimeWeighted signal;

  GroupKernel(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      Grid grid,
      int[] by,
      int[] byOut,
      int[] sources,
      Agg[] aggs,
      boolean labelRight,
      int ddof,
      TimeWeighted signal) {
    super(step, out, spec);
    this.signal = signal;
    this.grid = grid;
    this.by = by;
    this.byOut = byOut;
    this.sources = sources;
    this.aggs = aggs;
    this.labelRight = labelRight;
    this.ddof = ddof;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    if (signal != null) {
      return applyTimeWeighted(input, ctx);
    }
    int n = input.size();
    if (n == 0) {
      return Chunk.empty(outputLayout(), input.key());
    }
    long anchor = grid.seriesAnchor(ctx.seriesFirstTime());
    long[] t = input.times();
    long[] k = new long[n];
    for (int i = 0; i < n; i++) {
      k[i] = grid.bucketIndex(t[i], anchor);
    }
    Chunk data = input;
    if (by.length > 0) {
      // series order within each bucket, regrouped by the by values (stable: first/last hold)
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Column[] byCols = new Column[by.length];
      for (int j = 0; j < by.length; j++) {
        byCols[j] = input.column(by[j]);
      }
      int[] tmp = new int[n];
      for (int from = 0; from < n; ) {
        int to = from + 1;
        while (to < n && k[to] == k[from]) {
          to++;
        }
        mergeSort(order, tmp, from, to, byCols);
        from = to;
      }
      data = input.take(order, n);
    }
    // groups: runs of equal (bucket, by values) in data; k is unchanged by the regrouping
    int[] starts = new int[n + 1];
    int nb = 0;
    Column[] dataBy = new Column[by.length];
    for (int j = 0; j < by.length; j++) {
      dataBy[j] = data.column(by[j]);
    }
    for (int i = 0; i < n; i++) {
      if (i == 0 || k[i] != k[i - 1] || compare(dataBy, i - 1, i) != 0) {
        starts[nb++] = i;
      }
    }
    starts[nb] = n;
    int[] rowStart = Arrays.copyOf(starts, nb + 1);
    long[] times = new long[nb];
    long[] seqs = new long[nb];
    int[] firstRow = new int[nb];
    for (int q = 0; q < nb; q++) {
      times[q] = grid.bucketStart(k[rowStart[q]], anchor) + (labelRight ? grid.widthMillis() : 0);
      seqs[q] = q;
      firstRow[q] = rowStart[q];
    }
    Column[] out = new Column[outputLayout().schema().getFieldCount()];
    for (int j = 0; j < by.length; j++) {
      out[byOut[j]] =
          OpColumns.gather(data.column(by[j]), outputLayout().fieldType(byOut[j]), firstRow, null);
    }
    int base = out.length - aggs.length;
    double[] buf = new double[Math.max(1, ResampleKernel.maxBucket(rowStart, nb))];
    for (int o = 0; o < aggs.length; o++) {
      out[base + o] =
          ResampleKernel.aggregate(
              data.column(sources[o]),
              aggs[o],
              outputLayout().fieldType(base + o),
              rowStart,
              nb,
              buf,
              ddof);
    }
    return new Chunk(outputLayout(), input.key(), times, seqs, out);
  }

  /**
   * Groups are buckets: every bucket with a row of the segment, and every bucket of the segment's
   * range that a defined stretch of a {@code twa} / {@code integral} column crosses.
   */
  private Chunk applyTimeWeighted(Chunk input, KernelContext ctx) {
    int n = input.size();
    long anchor = grid.seriesAnchor(ctx.seriesFirstTime());
    long[] t = input.times();
    // only the time-weighted subclass declares the two-way carry this path reads
    TimeWeightedGroupKernel self = (TimeWeightedGroupKernel) this;
    SampleEnds before = ctx.carry(self);
    SampleEnds after = ctx.carryAfter(self);
    boolean right = grid.closedRight();
    long segStart = ctx.segmentStart();
    long segEnd = ctx.segmentEnd();
    long kFrom =
        segStart == Long.MIN_VALUE
            ? Long.MIN_VALUE
            : grid.bucketIndex(right ? segStart + 1 : segStart, anchor);
    long kTo =
        segEnd == Long.MAX_VALUE
            ? Long.MAX_VALUE
            : grid.bucketIndex(right ? segEnd : segEnd - 1, anchor);
    long[] crossed = signal.crossedBuckets(input, before, after, grid, anchor, kFrom, kTo);
    // merge the buckets of the rows (ascending) with the crossed ones
    long[] ks = new long[n + crossed.length];
    int[] rowStart = new int[n + crossed.length + 1];
    int nb = 0;
    int r = 0;
    int c = 0;
    while (r < n || c < crossed.length) {
      long kr = r < n ? grid.bucketIndex(t[r], anchor) : Long.MAX_VALUE;
      long k = c < crossed.length ? Math.min(kr, crossed[c]) : kr;
      ks[nb] = k;
      rowStart[nb] = r;
      nb++;
      while (r < n && grid.bucketIndex(t[r], anchor) == k) {
        r++;
      }
      while (c < crossed.length && crossed[c] == k) {
        c++;
      }
    }
    rowStart[nb] = n;
    ks = Arrays.copyOf(ks, nb);
    rowStart = Arrays.copyOf(rowStart, nb + 1);
    long[] times = new long[nb];
    long[] starts = new long[nb];
    long[] seqs = new long[nb];
    for (int q = 0; q < nb; q++) {
      starts[q] = grid.bucketStart(ks[q], anchor);
      times[q] = starts[q] + (labelRight ? grid.widthMillis() : 0);
      seqs[q] = ks[q];
    }
    Column[] out = new Column[outputLayout().schema().getFieldCount()];
    int base = out.length - aggs.length;
    double[] buf = new double[Math.max(1, ResampleKernel.maxBucket(rowStart, nb))];
    for (int o = 0; o < aggs.length; o++) {
      out[base + o] =
          TimeWeighted.isTimeWeighted(aggs[o])
              ? signal.column(input, sources[o], aggs[o], before, after, starts, grid.widthMillis())
              : ResampleKernel.aggregate(
                  input.column(sources[o]),
                  aggs[o],
                  outputLayout().fieldType(base + o),
                  rowStart,
                  nb,
                  buf,
                  ddof);
    }
    return new Chunk(outputLayout(), input.key(), times, seqs, out);
  }

  /** Stable merge sort of {@code a[from, to)} by the by values. */
  private static void mergeSort(int[] a, int[] tmp, int from, int to, Column[] cols) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, cols);
    mergeSort(a, tmp, mid, to, cols);
    if (compare(cols, a[mid - 1], a[mid]) <= 0) {
      return;
    }
    int i = from;
    int j = mid;
    int o = from;
    while (i < mid && j < to) {
      tmp[o++] = compare(cols, a[j], a[i]) < 0 ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[o++] = a[i++];
    }
    while (j < to) {
      tmp[o++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
  }

  /** Compares rows {@code x} and {@code y} by the by values, nulls last. */
  static int compare(Column[] cols, int x, int y) {
    for (Column c : cols) {
      boolean nx = c.isNull(x);
      boolean ny = c.isNull(y);
      int r;
      if (nx || ny) {
        r = nx == ny ? 0 : nx ? 1 : -1;
      } else if (c instanceof LongColumn) {
        r = Long.compare(((LongColumn) c).value(x), ((LongColumn) c).value(y));
      } else if (c instanceof DoubleColumn) {
        r = Double.compare(((DoubleColumn) c).value(x), ((DoubleColumn) c).value(y));
      } else if (c instanceof BooleanColumn) {
        r = Boolean.compare(((BooleanColumn) c).value(x), ((BooleanColumn) c).value(y));
      } else {
        r = compareObjects(c.get(x), c.get(y));
      }
      if (r != 0) {
        return r;
      }
    }
    return 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareObjects(Object a, Object b) {
    if (a instanceof Comparable && a.getClass() == b.getClass()) {
      return ((Comparable) a).compareTo(b);
    }
    // types without a natural order (rows, arrays): a deterministic order by text
    return String.valueOf(a).compareTo(String.valueOf(b));
  }
}
