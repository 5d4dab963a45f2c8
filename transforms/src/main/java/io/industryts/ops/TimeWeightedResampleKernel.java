package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.ops.Resample.Agg;

/**
 * A {@link ResampleKernel} with {@code twa} or {@code integral}: every segment needs the last
 * sample before it and the first after it, any number of segments away, so it carries {@link
 * SampleEnds} both ways.
 */
final class TimeWeightedResampleKernel extends ResampleKernel implements TimeWeightedCarry {
  private static final long serialVersionUID = 1L;

  TimeWeightedResampleKernel(
      String step,
      ChunkLayout out,
      ContextSpec spec,
      Grid grid,
      int[] sources,
      Agg[] aggs,
      boolean labelRight,
      int ddof,
      TimeWeighted signal) {
    super(step, out, spec, grid, sources, aggs, labelRight, true, ddof, signal);
  }

  @Override
  public TimeWeighted timeWeighted() {
    return signal;
  }
}
