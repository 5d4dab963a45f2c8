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
  /** How each series was cut (one element per series). */
  private final PCollection<KV<Row, SeriesPlan>> plans;

  Segments(PCollection<KV<KV<Row, Long>, Chunk>> collection, ChunkLayout layout,
      SegmentPlanning planning, PCollection<KV<Row, SeriesPlan>> plans) {
    this.collection = collection;
    this.layout = layout;
    this.planning = planning;
    this.plans = plans;
  }

  /** The same segmentation with another collection and layout (after a pass). */
  Segments next(PCollection<KV<KV<Row, Long>, Chunk>> newCollection, ChunkLayout newLayout,
      SegmentPlanning newPlanning) {
    return new Segments(newCollection, newLayout, newPlanning, plans);
  }

  PCollection<KV<Row, SeriesPlan>> plans() {
    return plans;
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
