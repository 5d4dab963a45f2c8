package io.industryts.engine;

/**
 * What the engine hands a {@link Kernel} with each segment: halo sizes, the carry, fitted
 * statistics, series facts and the segment's bounds. Only what the kernel declared is filled in.
 */
public interface KernelContext {

  /** Rows at the start of the input that belong to earlier segments (none by default). */
  default int haloBefore() {
    return 0;
  }

  /** Rows at the end of the input that belong to later segments (none by default). */
  default int haloAfter() {
    return 0;
  }

  /**
   * The carry of a {@link CarryKernel}: the combined summaries of every earlier segment (forward)
   * or every later segment (backward) of the series; {@code null} when there is none.
   */
  default Object carry() {
    return null;
  }

  /**
   * For a {@link BidirectionalCarryKernel}: the combined summaries of every later segment of the
   * series; {@code null} when there is none (and for every other kernel).
   */
  default Object carryAfter() {
    return null;
  }

  /**
   * The statistics of a {@link StatsKernel} over the whole series (or input); never null for a
   * statistics kernel, null for every other kernel.
   */
  default Object stats() {
    return null;
  }

  /** First time of the series (declared {@code seriesInfo} or a grid). */
  long seriesFirstTime();

  /** Last time of the series. */
  long seriesLastTime();

  /** Rows in the series. */
  long seriesRowCount();

  /** Whether this is the first segment of its series. */
  boolean firstSegment();

  /** Whether this is the last segment of its series. */
  boolean lastSegment();

  /** Inclusive lower time bound of the segment; by default unbounded ({@code Long.MIN_VALUE}). */
  default long segmentStart() {
    return Long.MIN_VALUE;
  }

  /** Exclusive upper time bound of the segment; by default unbounded ({@code Long.MAX_VALUE}). */
  default long segmentEnd() {
    return Long.MAX_VALUE;
  }

  /** Grid anchor used for this series (for per-series origins). */
  long gridAnchor();

  /** Adds {@code n} to the counter {@code industryts:<step>.<name>}. */
  void count(String name, long n);

  /**
   * Reports a bad row: it goes to the errors output when one is attached, else the job fails with
   * {@code message}. The kernel must leave the row out of its output (row-preserving kernels
   * instead null the offending cell and report it here).
   */
  void rowError(Chunk chunk, int row, String reason, String field, String message);
}
