package io.industryts.ops;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.Chunk;

/**
 * The carry of a bucketing kernel with {@code twa} or {@code integral} (resample, group_by_time):
 * each segment needs the last sample before it and the first after it, any number of segments away,
 * so both directions carry {@link SampleEnds} of the kernel's {@link TimeWeighted} signal.
 */
interface TimeWeightedCarry extends BidirectionalCarryKernel<SampleEnds> {
  /** The time-weighted signal whose sample ends are carried. */
  TimeWeighted timeWeighted();

  @Override
  default SampleEnds summarize(Chunk segment) {
    return timeWeighted().summarize(segment);
  }

  /** Streaming: rows are final once every column has a sample after them. */
  @Override
  default boolean settles(SampleEnds later) {
    return SampleEnds.complete(later);
  }

  @Override
  default SampleEnds combine(SampleEnds earlier, SampleEnds later) {
    return SampleEnds.combine(earlier, later);
  }
}
