package io.industryts.ops;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.ops.Resample.Agg;

/**
 * A {@link GroupKernel} with {@code twa} or {@code integral} (and no {@code by}): it also emits the
 * buckets that a defined stretch crosses, and carries {@link SampleEnds} both ways because the
 * samples around a segment may be any number of segments away.
 */
final class TimeWeightedGroupKernel extends GroupKernel
    implements BidirectionalCarryKernel<SampleEnds> {
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
  public SampleEnds summarize(Chunk segment) {
    return signal.summarize(segment);
  }

  /** Streaming: rows are final once every column has a sample after them. */
  @Override
  public boolean settles(SampleEnds later) {
    return SampleEnds.complete(later);
  }

  @Override
  public SampleEnds combine(SampleEnds earlier, SampleEnds later) {
    return SampleEnds.combine(earlier, later);
  }
}
