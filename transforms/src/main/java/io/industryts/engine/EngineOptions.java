package io.industryts.engine;

import java.io.Serializable;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Tuning of the engine for one pipeline, fixed when the pipeline is built (so every worker sees the
 * same values), from its {@link EngineTuningOptions}.
 *
 * <p>Segment size: {@link EngineTuningOptions#getSegmentRows()}, by default {@link
 * #DIRECT_SEGMENT_ROWS} on the DirectRunner and {@link #DEFAULT_SEGMENT_ROWS} elsewhere. On the
 * DirectRunner grouped chunks stay in memory (no encoding), and every pass over segments costs a
 * fixed number of pipeline stages, so bigger segments win there: a series of up to about a million
 * rows fits in one segment and runs all its kernels in one step (measured on the 1M-row benchmark
 * pipeline, 2 cores: see docs/architecture.md). Runners that serialize elements keep segments of
 * tens of thousands of rows.
 *
 * <p>{@link EngineTuningOptions#getWholeSeries()} {@code false} sends one-segment series through
 * the passes too (tests compare both ways).
 *
 * <p>{@link #withWholeSeriesOnly()} is a promise that every series fits in one segment (the
 * launcher makes it when its input is estimated to hold at most one segment's rows): the pipeline
 * then holds only the one-step route and none of the passes' stages, which are a fixed cost in
 * building, translating and running it. A series bigger than promised is still computed right, in
 * one piece.
 */
final class EngineOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Rows per segment the engine aims at: big enough to amortize per-element cost, small enough to
   * spread.
   */
  public static final int DEFAULT_SEGMENT_ROWS = 65_536;

  /** Rows per segment on the DirectRunner (2^20). */
  public static final int DIRECT_SEGMENT_ROWS = 1 << 20;

  private final int segmentRows;
  private final boolean wholeSeries;
  private final boolean wholeSeriesOnly;

  private EngineOptions(int segmentRows, boolean wholeSeries) {
    this(segmentRows, wholeSeries, false);
  }

  private EngineOptions(int segmentRows, boolean wholeSeries, boolean wholeSeriesOnly) {
    if (segmentRows < 1) {
      throw new IllegalArgumentException(
          "industryts: segmentRows must be >= 1. Got "
              + segmentRows
              + ". Set a row count such as --segmentRows=65536.");
    }
    this.segmentRows = segmentRows;
    this.wholeSeries = wholeSeries;
    this.wholeSeriesOnly = wholeSeriesOnly;
  }

  /** The tuning set in {@code options} ({@link EngineTuningOptions}), defaults for its runner. */
  public static EngineOptions forPipeline(PipelineOptions options) {
    EngineTuningOptions tuning = options.as(EngineTuningOptions.class);
    return new EngineOptions(tuning.getSegmentRows(), tuning.getWholeSeries());
  }

  public static EngineOptions withSegmentRows(int rows) {
    return new EngineOptions(rows, true);
  }

  public int segmentRows() {
    return segmentRows;
  }

  /** Whether series that fit in one segment run all their kernels in one step. */
  public boolean wholeSeries() {
    return wholeSeries;
  }

  /** These options, promising that every series fits in one segment (see the class comment). */
  public EngineOptions withWholeSeriesOnly() {
    return new EngineOptions(segmentRows, wholeSeries, true);
  }

  /** Whether every series is promised to fit in one segment (and the route is on). */
  public boolean wholeSeriesOnly() {
    return wholeSeriesOnly && wholeSeries;
  }
}
