package io.industryts.ops;

import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.KernelContext;
import java.util.Arrays;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** Shared output assembly: replaced columns plus optional flags. */
abstract class FillKernel extends BaseKernel {
  private static final long serialVersionUID = 1L;
  final int[] cols;
  final FieldType[] outTypes;
  final boolean flag;

  FillKernel(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      int[] cols,
      FieldType[] outTypes,
      boolean flag) {
    super(step, out, spec);
    this.cols = cols;
    this.outTypes = outTypes;
    this.flag = flag;
  }

  /** Builds the output chunk from the filled columns; counts filled cells of the segment. */
  Chunk assemble(Chunk input, Column[] filled, KernelContext ctx) {
    int n = input.size();
    int from = ctx.haloBefore();
    int to = n - ctx.haloAfter();
    Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
    long count = 0;
    for (int c = 0; c < cols.length; c++) {
      Column before = input.column(cols[c]);
      Column after = filled[c];
      out[cols[c]] = after;
      if (before == after) {
        if (flag) {
          out[input.columns().length + c] = BooleanColumn.of(new boolean[n]);
        }
        continue;
      }
      boolean[] wasNull = OpColumns.nulls(before);
      boolean[] isNull = OpColumns.nulls(after);
      boolean[] isFilled = new boolean[n];
      for (int i = 0; i < n; i++) {
        isFilled[i] = wasNull[i] && !isNull[i];
        if (isFilled[i] && i >= from && i < to) {
          count++;
        }
      }
      if (flag) {
        out[input.columns().length + c] = BooleanColumn.of(isFilled);
      }
    }
    ctx.count("values_filled", count);
    return input.withColumns(outputLayout(), out);
  }
}
