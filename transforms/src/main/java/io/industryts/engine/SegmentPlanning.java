package io.industryts.engine;

import io.industryts.engine.spi.Grid;
import java.io.Serializable;

/** How a collection was segmented: the grid its boundaries align to (or none). */
final class SegmentPlanning implements Serializable {
  private static final long serialVersionUID = 1L;
  final Grid alignedTo;

  SegmentPlanning(Grid alignedTo) {
    this.alignedTo = alignedTo;
  }
}
