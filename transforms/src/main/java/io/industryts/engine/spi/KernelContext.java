package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * What the engine hands a {@link Kernel} with each segment: halo sizes, the carry, fitted
 * statistics, series facts and the segment's bounds. Only what the kernel declared is filled in:
 * halo, grid and series facts in its {@link ContextSpec}, the state it keeps across segments by the
 * type it implements ({@link CarryKernel}, {@link BidirectionalCarryKernel}, {@link StatsKernel}),
 * whose type parameter is the type of its carry or statistics.
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
   * The carry of {@code kernel} (the kernel being applied, passed as {@code this}): the combined
   * summaries of every earlier segment (forward) or every later segment (backward) of the series;
   * {@code null} when there is none. The kernel's declared summary type is the result type, so a
   * kernel reads its carry without a cast.
   */
  default <S extends Serializable> S carry(CarryKernel<S> kernel) {
    return null;
  }

  /**
   * For a {@link BidirectionalCarryKernel} ({@code kernel}, passed as {@code this}): the combined
   * summaries of every later segment of the series; {@code null} when there is none.
   */
  default <S extends Serializable> S carryAfter(BidirectionalCarryKernel<S> kernel) {
    return null;
  }

  /**
   * The statistics of {@code kernel} (passed as {@code this}) over the whole series (or input, for
   * a {@link StatsKernel#globalFit() global fit}); never null when the engine applies a statistics
   * kernel.
   */
  default <A extends Serializable> A stats(StatsKernel<A> kernel) {
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
