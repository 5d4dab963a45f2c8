package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.StatsKernel;

/**
 * A kernel fitted on {@link ColumnStats} of some of its input columns (fill with mean or median,
 * fitted outliers, scale, normalize): accumulating, per segment, and merging are the same for all
 * of them; each says which columns and whether the values are kept (for medians and quantiles).
 */
interface ColumnStatsKernel extends StatsKernel<ColumnStats> {
  /** Indices of the columns the statistics are fitted on. */
  int[] statsColumns();

  /** Whether the accumulator keeps every value (medians, quantiles) besides the moments. */
  boolean keepsValues();

  @Override
  default ColumnStats createAccumulator() {
    return new ColumnStats(statsColumns().length, keepsValues());
  }

  @Override
  default ColumnStats addSegment(ColumnStats acc, Chunk segment) {
    return acc.add(segment, statsColumns());
  }

  @Override
  default ColumnStats merge(ColumnStats a, ColumnStats b) {
    return a.merge(b);
  }
}
