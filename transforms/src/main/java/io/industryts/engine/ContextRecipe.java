package io.industryts.engine;

import java.io.Serializable;

/**
 * What a {@link Pass} computes for each segment before its kernels run, derived once from the
 * kernels' declarations when the plan is compiled: the state its first kernel keeps across
 * segments (a carry in one or both directions, or statistics per series or over all series), the
 * halo every kernel of the pass needs together (rows and duration before and after), and whether
 * series facts are read. An executor builds exactly this context: the pipeline from segment
 * summaries, the in-memory executor from the one segment it holds, and a streaming executor from
 * the state it keeps per series.
 *
 * @param state the state of the pass's first kernel
 * @param rowsBefore halo rows before each segment (summed over the pass's kernels)
 * @param rowsAfter halo rows after each segment
 * @param millisBefore halo duration before each segment, in ms
 * @param millisAfter halo duration after each segment, in ms
 * @param seriesInfo whether kernels read the series' first/last time, row count or grid anchor
 */
record ContextRecipe(State state, int rowsBefore, int rowsAfter, long millisBefore,
    long millisAfter, boolean seriesInfo) implements Serializable {

  /** The state a pass keeps across segments; only the first kernel of a pass may keep one. */
  enum State {
    /** Nothing beyond the halo and series facts. */
    NONE,
    /** The combined summaries of all earlier segments ({@link CarryKernel#forward()}). */
    CARRY_FORWARD,
    /** The combined summaries of all later segments. */
    CARRY_BACKWARD,
    /** Both ({@link BidirectionalCarryKernel}). */
    CARRY_BOTH,
    /** Statistics of the segment's series ({@link StatsKernel}). */
    SERIES_STATISTICS,
    /** Statistics over all series ({@link StatsKernel#globalFit()}). */
    GLOBAL_STATISTICS
  }

  /** The state {@code k} declares. */
  static State stateOf(Kernel k) {
    if (k instanceof BidirectionalCarryKernel) {
      return State.CARRY_BOTH;
    }
    if (k instanceof CarryKernel) {
      return ((CarryKernel<?>) k).forward() ? State.CARRY_FORWARD : State.CARRY_BACKWARD;
    }
    if (k instanceof StatsKernel) {
      return ((StatsKernel<?>) k).globalFit() ? State.GLOBAL_STATISTICS : State.SERIES_STATISTICS;
    }
    return State.NONE;
  }

  /** Whether {@code k} keeps state across segments, so must start a pass of its own. */
  static boolean ownState(Kernel k) {
    return stateOf(k) != State.NONE;
  }

  boolean hasHalo() {
    return rowsBefore > 0 || rowsAfter > 0 || millisBefore > 0 || millisAfter > 0;
  }

  boolean carries() {
    return state == State.CARRY_FORWARD || state == State.CARRY_BACKWARD
        || state == State.CARRY_BOTH;
  }

  boolean fitsStatistics() {
    return state == State.SERIES_STATISTICS || state == State.GLOBAL_STATISTICS;
  }

  /** Whether the pass needs a context computed from its input segments. */
  boolean needsSummary() {
    return hasHalo() || seriesInfo || state != State.NONE;
  }
}
