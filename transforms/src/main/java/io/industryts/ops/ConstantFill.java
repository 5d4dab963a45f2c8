package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.KernelContext;
import java.math.BigDecimal;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/** constant / zero: row-local. */
final class ConstantFill extends FillKernel {
  private static final long serialVersionUID = 1L;
  private final Object value;

  ConstantFill(
      String step, ChunkLayout out, int[] cols, FieldType[] outTypes, boolean flag, Object value) {
    super(step, out, ContextSpec.rowLocal(), cols, outTypes, flag);
    this.value = value instanceof BigDecimal ? ((BigDecimal) value).doubleValue() : value;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    int n = input.size();
    Column[] filled = new Column[cols.length];
    int[] src = new int[n];
    for (int c = 0; c < cols.length; c++) {
      Column col = input.column(cols[c]);
      for (int i = 0; i < n; i++) {
        src[i] = col.isNull(i) ? -2 : i;
      }
      Object v = value != null ? value : zeroOf(col);
      if (v instanceof Number && !(col instanceof io.industryts.engine.spi.ObjectColumn)) {
        v =
            col instanceof io.industryts.engine.spi.LongColumn
                ? (Object) ((Number) v).longValue()
                : (Object) ((Number) v).doubleValue();
      } else if (v instanceof Number && outTypes[c].getTypeName() == TypeName.DOUBLE) {
        v = ((Number) v).doubleValue();
      }
      filled[c] = OpColumns.gather(col, outTypes[c], src, v);
    }
    return assemble(input, filled, ctx);
  }

  private static Object zeroOf(Column col) {
    return col instanceof io.industryts.engine.spi.LongColumn ? (Object) 0L : (Object) 0.0;
  }
}
