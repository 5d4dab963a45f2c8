package io.industryts.ops;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.ops.Resample.Agg;

/**
 * A {@link ResampleKernel} with {@code twa} or {@code integral}: every segment needs the last
 * sample before it and the first after it, any number of segments away, so it carries {@link
 * SampleEnds} both ways.
 */
final class TimeWeightedResampleKernel extends ResampleKernel
    implements BidirectionalCarryKernel<SampleEnds> {
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
