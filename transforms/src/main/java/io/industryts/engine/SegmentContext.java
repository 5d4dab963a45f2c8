package io.industryts.engine;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.Chunk;
import java.io.Serializable;
import java.util.Objects;

/** Everything a pass hands the kernels of one segment besides the segment itself. */
final class SegmentContext implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows of earlier segments to prepend (null: none). */
  Chunk haloBefore;

  /** Rows of later segments to append (null: none). */
  Chunk haloAfter;

  Serializable carry;

  /** Combined summaries of the later segments, for a {@link BidirectionalCarryKernel}. */
  Serializable carryAfter;

  Serializable stats;
  long seriesFirst;
  long seriesLast;
  long seriesCount;
  boolean firstSegment;
  boolean lastSegment;
  long segmentStart;
  long segmentEnd;
  long anchor;

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SegmentContext)) {
      return false;
    }
    SegmentContext c = (SegmentContext) o;
    return Objects.equals(haloBefore, c.haloBefore)
        && Objects.equals(haloAfter, c.haloAfter)
        && Objects.deepEquals(carry, c.carry)
        && Objects.deepEquals(carryAfter, c.carryAfter)
        && Objects.deepEquals(stats, c.stats)
        && seriesFirst == c.seriesFirst
        && seriesLast == c.seriesLast
        && seriesCount == c.seriesCount
        && firstSegment == c.firstSegment
        && lastSegment == c.lastSegment
        && segmentStart == c.segmentStart
        && segmentEnd == c.segmentEnd
        && anchor == c.anchor;
  }

  @Override
  public int hashCode() {
    return Objects.hash(seriesFirst, seriesLast, seriesCount, segmentStart);
  }
}
