package io.industryts.engine;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;

/** What a pass needs to know about one segment of its input. */
final class SegmentSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  long segment;
  int count;
  long first;
  long last;

  /** Last rows of the segment, for later segments' halos (null when no halo before). */
  Chunk tail;

  /** First rows of the segment, for earlier segments' halos (null when no halo after). */
  Chunk head;

  /** {@link CarryKernel#summarize} of the segment. */
  Serializable carry;

  /** {@link StatsKernel} accumulator of the segment. */
  Serializable stats;

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SegmentSummary)) {
      return false;
    }
    SegmentSummary s = (SegmentSummary) o;
    return segment == s.segment
        && count == s.count
        && first == s.first
        && last == s.last
        && java.util.Objects.equals(tail, s.tail)
        && java.util.Objects.equals(head, s.head)
        && java.util.Objects.deepEquals(carry, s.carry)
        && java.util.Objects.deepEquals(stats, s.stats);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(segment) * 31 + count;
  }
}
