package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.KernelContext;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** mean / median: fitted per series. */
final class StatsFill extends FillKernel implements ColumnStatsKernel {
  private static final long serialVersionUID = 1L;
  private final boolean median;

  StatsFill(
      String step,
      ChunkLayout out,
      int[] cols,
      FieldType[] outTypes,
      boolean flag,
      boolean median) {
    super(step, out, ContextSpec.rowLocal(), cols, outTypes, flag);
    this.median = median;
  }

  @Override
  public String unboundedInputMessage() {
    return "FillNull: method \""
        + (median ? "median" : "mean")
        + "\" fits per series and needs "
        + "bounded input. Got an unbounded PCollection; fill with a value that needs no "
        + "statistics: FillNull.forward(...) (with withLimit or withMaxGap), "
        + "FillNull.constant(value, ...) or FillNull.zero(...).";
  }

  @Override
  public int[] statsColumns() {

    return cols;
  }

  @Override
  public boolean keepsValues() {

    return median;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    ColumnStats s = ctx.stats(this);
    int n = input.size();
    Column[] filled = new Column[cols.length];
    for (int c = 0; c < cols.length; c++) {
      Column col = input.column(cols[c]);
      double[] v = OpColumns.doubles(col);
      boolean[] nulls = OpColumns.nulls(col);
      double[] out = new double[n];
      boolean[] outNulls = new boolean[n];
      boolean has = s.moments[c].n > 0;
      double fill = !has ? 0 : median ? Stats.quantile(s.sorted(c), 0.5) : s.moments[c].mean;
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          out[i] = v[i];
        } else if (has) {
          out[i] = fill;
        } else {
          outNulls[i] = true;
        }
      }
      OpColumns.nullCreatedNans(out, outNulls, col);
      filled[c] = new DoubleColumn(out, outNulls);
    }
    return assemble(input, filled, ctx);
  }
}
