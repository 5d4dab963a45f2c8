package io.industryts.engine;

import java.io.Serializable;

/**
 * Tuning of the engine, fixed when the pipeline is built (so every worker sees the same values).
 * The segment size can be lowered for tests with the system property {@code
 * industryts.segmentRows} read at pipeline construction.
 */
public final class EngineOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows per segment the engine aims at: big enough to amortize per-element cost, small enough to spread. */
  public static final int DEFAULT_SEGMENT_ROWS = 65_536;

  private final int segmentRows;

  private EngineOptions(int segmentRows) {
    if (segmentRows < 1) {
      throw new IllegalArgumentException("segment rows must be >= 1. Got " + segmentRows + ".");
    }
    this.segmentRows = segmentRows;
  }

  /** Defaults, or {@code -Dindustryts.segmentRows=N} when set. */
  public static EngineOptions fromSystemProperties() {
    String v = System.getProperty("industryts.segmentRows");
    return new EngineOptions(v == null ? DEFAULT_SEGMENT_ROWS : Integer.parseInt(v.trim()));
  }

  public static EngineOptions withSegmentRows(int rows) {
    return new EngineOptions(rows);
  }

  public int segmentRows() {
    return segmentRows;
  }
}
