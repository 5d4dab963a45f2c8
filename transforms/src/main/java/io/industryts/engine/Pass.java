package io.industryts.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive kernels fused into one traversal of the segments. A pass computes at most one context
 * per segment from its input segments (halo tails and heads, the carry or the statistics of its
 * first kernel, series facts) and then runs all its kernels on each segment without materializing
 * rows.
 */
final class Pass implements Serializable {
  private static final long serialVersionUID = 1L;

  final List<Kernel> kernels = new ArrayList<>();
  /** Re-cut the segments before this pass (time changed, or a grid the segments are not aligned to). */
  boolean resegmentBefore;
  int rowsBefore;
  int rowsAfter;
  long millisBefore;
  long millisAfter;
  boolean seriesInfo;
  private boolean allRowPreserving = true;
  private boolean hasCarry;

  boolean hasHalo() {
    return rowsBefore > 0 || rowsAfter > 0 || millisBefore > 0 || millisAfter > 0;
  }

  /** Whether the pass needs a context computed from its input segments. */
  boolean needsSummary() {
    return hasHalo() || seriesInfo || first() instanceof CarryKernel || first() instanceof StatsKernel;
  }

  Kernel first() {
    return kernels.get(0);
  }

  /** Whether {@code k} can run in this pass after the kernels already in it. */
  boolean accepts(Kernel k) {
    ContextSpec c = k.context();
    if (k instanceof CarryKernel || k instanceof StatsKernel || c.grid() != null) {
      return false; // needs context computed from its own input
    }
    Kernel last = kernels.get(kernels.size() - 1);
    if (last.context().changesTime()) {
      return false;
    }
    if (c.hasHalo()) {
      // Halo rows go through every earlier kernel of the pass, so those must keep rows 1:1 and
      // must not depend on a carry (which is only right for the segment's own first row).
      return allRowPreserving && !hasCarry;
    }
    if (c.seriesInfo()) {
      return allRowPreserving; // series first/last/count of the pass input still hold
    }
    return c.rowPreserving() || !hasHalo();
  }

  /** A grid kernel joins when the series facts of the pass input still hold and nothing is haloed. */
  boolean acceptsGrid() {
    return allRowPreserving && !hasHalo() && !hasCarry
        && !kernels.get(kernels.size() - 1).context().changesTime();
  }

  void add(Kernel k) {
    ContextSpec c = k.context();
    kernels.add(k);
    rowsBefore += c.rowsBefore();
    rowsAfter += c.rowsAfter();
    millisBefore += c.millisBefore();
    millisAfter += c.millisAfter();
    seriesInfo |= c.seriesInfo() || c.grid() != null;
    hasCarry |= k instanceof CarryKernel;
    allRowPreserving &= c.rowPreserving() && !c.changesTime();
  }

  /** Splits kernels into passes; marks where the segments must be re-cut. */
  static List<Pass> plan(List<Kernel> kernels, Grid alignedTo) {
    List<Pass> passes = new ArrayList<>();
    Pass current = null;
    Grid aligned = alignedTo;
    boolean timeChanged = false;
    for (Kernel k : kernels) {
      Grid g = k.context().grid();
      // a carry or statistics kernel (also a grid one) needs context from its own input
      boolean ownContext = k instanceof CarryKernel || k instanceof StatsKernel;
      boolean joins = current != null && !(g != null && ownContext)
          && (g == null ? current.accepts(k) : current.acceptsGrid() && g.equals(aligned));
      if (!joins) {
        current = new Pass();
        passes.add(current);
        if (timeChanged || (g != null && !g.equals(aligned))) {
          current.resegmentBefore = true;
          aligned = g;
          timeChanged = false;
        }
      }
      current.add(k);
      if (g != null) {
        aligned = null; // bucket labels may sit on the segment edge: a second grid re-cuts
      }
      if (k.context().changesTime()) {
        timeChanged = true;
      }
    }
    if (timeChanged) {
      Pass resort = new Pass();
      resort.resegmentBefore = true;
      passes.add(resort); // no kernels: only restores series order
    }
    return passes;
  }
}
