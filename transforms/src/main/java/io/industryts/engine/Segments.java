package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * A series collection inside the engine: sorted, non-overlapping segments of each series, keyed by
 * (series key, segment index). Segment {@code i} of a series holds rows strictly before those of
 * segment {@code i + 1} in series order.
 *
 * <p>Right after a segmentation, the series that fit in one segment are held apart ({@link
 * #whole()}): the engine runs all their kernels in one step, with no context to exchange. {@link
 * #collection()} is always every segment.
 */
final class Segments {
  private final String name;
  private final PCollection<KV<KV<Row, Long>, Chunk>> split;
  private final PCollection<KV<KV<Row, Long>, Chunk>> whole;
  private PCollection<KV<KV<Row, Long>, Chunk>> all;
  private final ChunkLayout layout;
  private final SegmentPlanning planning;

  /** How each series was cut (one element per series). */
  private final PCollection<KV<Row, SeriesPlan>> plans;

  private final int segmentRows;

  /**
   * {@code split} is null when every series was held apart ({@link
   * EngineOptions#wholeSeriesOnly()}); {@code whole} when none was.
   */
  Segments(
      String name,
      PCollection<KV<KV<Row, Long>, Chunk>> split,
      PCollection<KV<KV<Row, Long>, Chunk>> whole,
      ChunkLayout layout,
      SegmentPlanning planning,
      PCollection<KV<Row, SeriesPlan>> plans,
      int segmentRows) {
    this.name = name;
    this.split = split;
    this.whole = whole;
    this.layout = layout;
    this.planning = planning;
    this.plans = plans;
    this.segmentRows = segmentRows;
  }

  /** The same segmentation with another collection (every segment) and layout (after a pass). */
  Segments next(
      PCollection<KV<KV<Row, Long>, Chunk>> newCollection,
      ChunkLayout newLayout,
      SegmentPlanning newPlanning) {
    return new Segments(name, newCollection, null, newLayout, newPlanning, plans, segmentRows);
  }

  /** These segments without the series held apart in {@link #whole()}. */
  Segments withoutWhole() {
    return new Segments(name, split, null, layout, planning, plans, segmentRows);
  }

  PCollection<KV<Row, SeriesPlan>> plans() {
    return plans;
  }

  /** Every segment. */
  public PCollection<KV<KV<Row, Long>, Chunk>> collection() {
    if (whole == null || split == null) {
      return whole == null ? split : whole;
    }
    if (all == null) {
      all =
          PCollectionList.of(split)
              .and(whole)
              .apply(name + "/AllSegments", Flatten.pCollections())
              .setCoder(split.getCoder());
    }
    return all;
  }

  /** The segments of series that did not fit in one segment (null when all did). */
  PCollection<KV<KV<Row, Long>, Chunk>> split() {
    return split;
  }

  /** The series that fit in one segment, one element each (null when not held apart). */
  PCollection<KV<KV<Row, Long>, Chunk>> whole() {
    return whole;
  }

  public ChunkLayout layout() {
    return layout;
  }

  /** How the segments were cut (grid alignment, bounds), for later grid kernels. */
  SegmentPlanning planning() {
    return planning;
  }

  /** The segment size the segmentation planned with. */
  int segmentRows() {
    return segmentRows;
  }
}
