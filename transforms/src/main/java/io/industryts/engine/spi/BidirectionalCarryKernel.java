package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * A {@link CarryKernel} that needs the carry from both sides at once: interpolation and re-gridding
 * need, for every gap, the last observation before it and the first after it, and either may lie
 * any number of segments away. The engine summarizes each segment once and hands every segment the
 * combination of all earlier summaries as {@link KernelContext#carry()} and of all later summaries
 * as {@link KernelContext#carryAfter()}.
 *
 * <p>{@link #combine} must be associative; it is applied in time order in both directions.
 *
 * @param <S> a segment summary; must be {@link Serializable}
 */
public interface BidirectionalCarryKernel<S extends Serializable> extends CarryKernel<S> {

  /** Both carries are delivered; {@link KernelContext#carry()} is always the earlier one. */
  @Override
  default boolean forward() {
    return true;
  }
}
