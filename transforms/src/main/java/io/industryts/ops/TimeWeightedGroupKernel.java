package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.ops.Resample.Agg;

/**
 * A {@link GroupKernel} with {@code twa} or {@code integral} (and no {@code by}): it also emits the
 * buckets that a defined stretch crosses, and carries {@link SampleEnds} both ways because the
 * samples around a segment may be any number of segments away.
 */
final class TimeWeightedGroupKernel extends GroupKernel implements TimeWeightedCarry {
  private static final long serialVersionUID = 1L;

  TimeWeightedGroupKernel(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      Grid grid,
      int[] sources,
      Agg[] aggs,
      boolean labelRight,
      int ddof,
      TimeWeighted signal) {
    super(step, out, spec, grid, new int[0], new int[0], sources, aggs, labelRight, ddof, signal);
  }

  @Override
  public TimeWeighted timeWeighted() {
    return signal;
  }
}
