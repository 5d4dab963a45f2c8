package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.KernelContext;

/** Fixed bounds: row-local. */
final class OutlierRangeKernel extends OutlierKernel {
  private static final long serialVersionUID = 1L;
  private final double lo;
  private final double hi;

  OutlierRangeKernel(String step, ChunkLayout out, ContextSpec spec, int[] cols, Outliers op) {
    super(step, out, spec, cols, op.action);
    this.lo = op.lower == null ? Double.NEGATIVE_INFINITY : op.lower;
    this.hi = op.upper == null ? Double.POSITIVE_INFINITY : op.upper;
  }

  @Override
  Bounds bounds(KernelContext ctx, int c) {
    Bounds b = new Bounds();
    b.valid = true;
    b.lo = lo;
    b.hi = hi;
    return b;
  }
}
