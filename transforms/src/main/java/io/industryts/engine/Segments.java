package io.industryts.engine;

import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * A series collection inside the engine: sorted, non-overlapping segments of each series, keyed
 * by (series key, segment index). Segment {@code i} of a series holds rows strictly before those
 * of segment {@code i + 1} in series order.
 */
public final class Segments {
  private final PCollection<KV<KV<Row, Long>, Chunk>> collection;
  private final ChunkLayout layout;
  private final SegmentPlanning planning;

  Segments(PCollection<KV<KV<Row, Long>, Chunk>> collection, ChunkLayout layout,
      SegmentPlanning planning) {
    this.collection = collection;
    this.layout = layout;
    this.planning = planning;
  }

  public PCollection<KV<KV<Row, Long>, Chunk>> collection() {
    return collection;
  }

  public ChunkLayout layout() {
    return layout;
  }

  /** How the segments were cut (grid alignment, bounds), for later grid kernels. */
  SegmentPlanning planning() {
    return planning;
  }
}
