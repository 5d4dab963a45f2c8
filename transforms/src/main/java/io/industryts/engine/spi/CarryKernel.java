package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * A kernel whose output depends on state carried over from all earlier (or all later) rows of the
 * series: forward/backward fill, cumulative aggregates, EWM. The engine summarizes every segment,
 * combines the summaries of the segments before (or after) each one, and passes the result as
 * {@link KernelContext#carry()}.
 *
 * @param <S> a segment summary; must be {@link Serializable}
 */
public interface CarryKernel<S extends Serializable> extends Kernel {

  /** Whether the carry comes from earlier segments ({@code true}) or later ones. */
  boolean forward();

  /** The summary of one whole segment (sorted, no halo). */
  S summarize(Chunk segment);

  /**
   * Summary of two adjacent stretches of the series, {@code earlier} before {@code later} in time.
   * Must be associative. Either argument may be {@code null} (nothing).
   */
  S combine(S earlier, S later);

  /**
   * For a carry from later rows (backward, or {@link BidirectionalCarryKernel#carryAfter}): whether
   * {@code later}, the summary of the rows that follow a stretch, already decides the stretch's
   * output whatever rows come after it, e.g. backward fill once every filled column has a value in
   * it. The streaming executor emits a stretch only then (or at the end of the stream), so the rows
   * equal the bounded run's. The default, {@code false}, holds rows until the stream ends.
   *
   * <p>Example: {@code return later != null && allTrue(later.has);}
   */
  default boolean settles(S later) {
    return false;
  }
}
