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
}
