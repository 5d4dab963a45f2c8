package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * A kernel that needs statistics of the whole series (z-score, scaling, Box-Cox λ, mean fill): the
 * engine folds every segment into an accumulator, merges accumulators per series (or over all
 * series when {@link #globalFit()}), and passes the result as {@link KernelContext#stats()}.
 *
 * @param <A> accumulator; must be {@link Serializable}
 */
public interface StatsKernel<A extends Serializable> extends Kernel {

  A createAccumulator();

  /** Folds a segment (sorted, no halo) into {@code acc}; may mutate and return {@code acc}. */
  A addSegment(A acc, Chunk segment);

  /** Merges two accumulators; may mutate and return {@code a}. */
  A merge(A a, A b);

  /**
   * The construction error for an unbounded input (SEMANTICS §1.14): whole-series statistics need
   * every row first. Operations override it to name their bounded-input alternative.
   */
  default String unboundedInputMessage() {
    return stepName()
        + ": fits statistics over whole series and needs bounded input. Got an "
        + "unbounded PCollection; use a variant of the operation with fixed parameters.";
  }

  /** Whether statistics span all series (scale {@code fit = "global"}). */
  default boolean globalFit() {
    return false;
  }
}
