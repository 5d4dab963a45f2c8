package io.industryts.engine;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;

/**
 * What a {@link Pass} computes for each segment before its kernels run, derived once from the
 * kernels' declarations when the plan is compiled: the state its first kernel keeps across segments
 * (a carry in one or both directions, statistics per series or over all series, or both a carry and
 * statistics), the halo every kernel of the pass needs together (rows and duration before and
 * after), and whether series facts are read. An executor builds exactly this context: the pipeline
 * from segment summaries, the in-memory executor from the one segment it holds, and a streaming
 * executor from the state it keeps per series.
 *
 * @param carry the carry of the pass's first kernel ({@link CarryKernel})
 * @param statistics the statistics of the pass's first kernel ({@link StatsKernel})
 * @param rowsBefore halo rows before each segment (summed over the pass's kernels)
 * @param rowsAfter halo rows after each segment
 * @param millisBefore halo duration before each segment, in ms
 * @param millisAfter halo duration after each segment, in ms
 * @param seriesInfo whether kernels read the series' first/last time, row count or grid anchor
 */
record ContextRecipe(
    Carry carry,
    Statistics statistics,
    int rowsBefore,
    int rowsAfter,
    long millisBefore,
    long millisAfter,
    boolean seriesInfo)
    implements Serializable {

  /** Which neighbouring segments' summaries a kernel reads. */
  enum Carry {
    NONE,
    /** The combined summaries of all earlier segments ({@link CarryKernel#forward()}). */
    FORWARD,
    /** The combined summaries of all later segments. */
    BACKWARD,
    /** Both ({@link BidirectionalCarryKernel}). */
    BOTH;

    /** The carry {@code k} declares. */
    static Carry of(Kernel k) {
      if (k instanceof BidirectionalCarryKernel) {
        return BOTH;
      }
      if (k instanceof CarryKernel) {
        return ((CarryKernel<?>) k).forward() ? FORWARD : BACKWARD;
      }
      return NONE;
    }
  }

  /** Over which rows a kernel's statistics are fitted. */
  enum Statistics {
    NONE,
    /** The segment's whole series ({@link StatsKernel}). */
    PER_SERIES,
    /** All series together ({@link StatsKernel#globalFit()}). */
    GLOBAL;

    /** The statistics {@code k} declares. */
    static Statistics of(Kernel k) {
      if (k instanceof StatsKernel) {
        return ((StatsKernel<?>) k).globalFit() ? GLOBAL : PER_SERIES;
      }
      return NONE;
    }
  }

  /** Whether {@code k} keeps state across segments, so must start a pass of its own. */
  static boolean ownState(Kernel k) {
    return Carry.of(k) != Carry.NONE || Statistics.of(k) != Statistics.NONE;
  }

  boolean hasHalo() {
    return rowsBefore > 0 || rowsAfter > 0 || millisBefore > 0 || millisAfter > 0;
  }

  boolean carries() {
    return carry != Carry.NONE;
  }

  boolean fitsStatistics() {
    return statistics != Statistics.NONE;
  }

  /** Whether the pass needs a context computed from its input segments. */
  boolean needsSummary() {
    return hasHalo() || seriesInfo || carries() || fitsStatistics();
  }
}
