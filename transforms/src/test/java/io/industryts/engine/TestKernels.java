package io.industryts.engine;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.StatsKernel;
import java.util.Arrays;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** Small kernels exercising each kind of context, for engine tests. */
final class TestKernels {
  private TestKernels() {}

  static ChunkLayout addDouble(ChunkLayout in, String name) {
    Schema.Builder b = Schema.builder();
    in.schema().getFields().forEach(b::addField);
    b.addNullableField(name, FieldType.DOUBLE);
    return in.withSchema(b.build());
  }

  abstract static class Base implements Kernel {
    final String step;
    final ChunkLayout out;
    final int v;

    Base(String step, ChunkLayout in, ChunkLayout out) {
      this.step = step;
      this.out = out;
      this.v = in.schema().indexOf("v");
    }

    @Override
    public String stepName() {
      return step;
    }

    @Override
    public ChunkLayout outputLayout() {
      return out;
    }

    Chunk append(Chunk in, double[] vals, boolean[] nulls) {
      Column[] cols = Arrays.copyOf(in.columns(), in.columns().length + 1);
      cols[cols.length - 1] = new DoubleColumn(vals, nulls);
      return in.withColumns(out, cols);
    }
  }

  /** v_lag = v of the row {@code k} positions earlier. */
  static final class Lag extends Base {
    final int k;

    Lag(ChunkLayout in, int k) {
      super("lag", in, addDouble(in, "v_lag"));
      this.k = k;
    }

    @Override
    public ContextSpec context() {
      return ContextSpec.haloRows(k, 0);
    }

    @Override
    public Chunk apply(Chunk in, KernelContext ctx) {
      DoubleColumn src = (DoubleColumn) in.column(v);
      int n = in.size();
      double[] o = new double[n];
      boolean[] nulls = new boolean[n];
      for (int i = 0; i < n; i++) {
        nulls[i] = i < k || src.isNull(i - k);
        o[i] = nulls[i] ? 0 : src.value(i - k);
      }
      return append(in, o, nulls);
    }
  }

  /** v_cum = running sum of v over the series. */
  static final class CumSum extends Base implements CarryKernel<Double> {
    CumSum(ChunkLayout in) {
      super("cum", in, addDouble(in, "v_cum"));
    }

    @Override
    public ContextSpec context() {
      return ContextSpec.rowLocal();
    }

    @Override
    public boolean forward() {
      return true;
    }

    @Override
    public Double summarize(Chunk segment) {
      double s = 0;
      for (double x : ((DoubleColumn) segment.column(v)).values()) {
        s += x;
      }
      return s;
    }

    @Override
    public Double combine(Double earlier, Double later) {
      return (earlier == null ? 0 : earlier) + (later == null ? 0 : later);
    }

    @Override
    public Chunk apply(Chunk in, KernelContext ctx) {
      double s = ctx.carry(this) == null ? 0 : ctx.carry(this);
      double[] x = ((DoubleColumn) in.column(v)).values();
      double[] o = new double[in.size()];
      for (int i = 0; i < o.length; i++) {
        s += x[i];
        o[i] = s;
      }
      return append(in, o, new boolean[o.length]);
    }
  }

  /**
   * v_around = sum of v over all earlier segments plus all later ones plus the segment itself, so
   * the series total on every row only when both carries of a bidirectional kernel arrive.
   */
  static final class Around extends Base implements BidirectionalCarryKernel<Double> {
    Around(ChunkLayout in) {
      super("around", in, addDouble(in, "v_around"));
    }

    @Override
    public ContextSpec context() {
      return ContextSpec.rowLocal();
    }

    @Override
    public Double summarize(Chunk segment) {
      double s = 0;
      for (double x : ((DoubleColumn) segment.column(v)).values()) {
        s += x;
      }
      return s;
    }

    @Override
    public Double combine(Double earlier, Double later) {
      return (earlier == null ? 0 : earlier) + (later == null ? 0 : later);
    }

    @Override
    public Chunk apply(Chunk in, KernelContext ctx) {
      double s =
          summarize(in)
              + (ctx.carry(this) == null ? 0 : ctx.carry(this))
              + (ctx.carryAfter(this) == null ? 0 : ctx.carryAfter(this));
      double[] o = new double[in.size()];
      java.util.Arrays.fill(o, s);
      return append(in, o, new boolean[o.length]);
    }
  }

  /** v_centered = v - mean(v of the series). */
  static final class Center extends Base implements StatsKernel<double[]> {
    Center(ChunkLayout in) {
      super("center", in, addDouble(in, "v_centered"));
    }

    @Override
    public ContextSpec context() {
      return ContextSpec.rowLocal();
    }

    @Override
    public double[] createAccumulator() {
      return new double[2];
    }

    @Override
    public double[] addSegment(double[] acc, Chunk segment) {
      for (double x : ((DoubleColumn) segment.column(v)).values()) {
        acc[0] += x;
        acc[1]++;
      }
      return acc;
    }

    @Override
    public double[] merge(double[] a, double[] b) {
      return new double[] {a[0] + b[0], a[1] + b[1]};
    }

    @Override
    public Chunk apply(Chunk in, KernelContext ctx) {
      double[] s = ctx.stats(this);
      double mean = s[0] / s[1];
      double[] x = ((DoubleColumn) in.column(v)).values();
      double[] o = new double[in.size()];
      for (int i = 0; i < o.length; i++) {
        o[i] = x[i] - mean;
      }
      return append(in, o, new boolean[o.length]);
    }
  }

  /** One row per bucket of width {@code w} from the series' first to last bucket: v = row count. */
  static final class BucketCount implements Kernel {
    final ChunkLayout out;
    final Grid grid;

    BucketCount(ChunkLayout in, long w) {
      Schema.Builder b = Schema.builder();
      for (String k : in.keyFields()) {
        b.addField(in.schema().getField(k));
      }
      b.addField(in.timeField(), FieldType.DATETIME);
      b.addNullableField("v", FieldType.DOUBLE);
      this.out = ChunkLayout.of(b.build(), in.timeField(), in.keyFields());
      this.grid = Grid.fixed(w, 0, false);
    }

    @Override
    public String stepName() {
      return "buckets";
    }

    @Override
    public ChunkLayout outputLayout() {
      return out;
    }

    @Override
    public ContextSpec context() {
      return ContextSpec.regrid(grid);
    }

    @Override
    public Chunk apply(Chunk in, KernelContext ctx) {
      long w = grid.widthMillis();
      long firstB =
          Math.max(
              grid.bucketIndex(ctx.seriesFirstTime(), 0), grid.bucketIndex(ctx.segmentStart(), 0));
      long lastB = grid.bucketIndex(ctx.seriesLastTime(), 0);
      if (ctx.segmentEnd() != Long.MAX_VALUE) {
        lastB = Math.min(lastB, grid.bucketIndex(ctx.segmentEnd() - 1, 0));
      }
      int n = (int) Math.max(0, lastB - firstB + 1);
      long[] t = new long[n];
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = (firstB + i) * w;
      }
      for (long x : in.times()) {
        c[(int) (grid.bucketIndex(x, 0) - firstB)]++;
      }
      Column[] cols = new Column[out.schema().getFieldCount()];
      cols[out.schema().indexOf("v")] = new DoubleColumn(c, new boolean[n]);
      return new Chunk(out, in.key(), t, t.clone(), cols);
    }
  }

  /** Wraps a kernel factory as an operation for Engine.plan. */
  interface Factory extends java.io.Serializable {
    Kernel make(ChunkLayout in);
  }

  static Operation op(String type, Factory f) {
    return new Operation() {
      @Override
      public String typeName() {
        return type;
      }

      @Override
      public Kernel plan(ChunkLayout input, PlanContext context) {
        return f.make(input);
      }
    };
  }
}
