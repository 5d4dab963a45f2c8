package io.industryts.engine;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage of an {@link ExecutionPlan}: consecutive kernels fused into one traversal of the
 * segments. A pass computes at most one context per segment from its input segments (its {@link
 * ContextRecipe}: halo tails and heads, the carry or the statistics of its first kernel, series
 * facts) and then runs all its kernels on each segment without materializing rows. Immutable; built
 * only by {@link ExecutionPlan#compile}.
 */
final class Pass implements ExecutionPlan.Stage {
  private static final long serialVersionUID = 3L;

  /** {@link #dropOriginsAt} of a pass whose output rows keep their origins. */
  static final int KEEP_ORIGINS = Integer.MAX_VALUE;

  final List<Kernel> kernels;

  /** The operation type of each kernel, for error records. */
  final List<String> operations;

  final ContextRecipe recipe;
  final int rowsBefore;
  final int rowsAfter;
  final long millisBefore;
  final long millisAfter;
  final boolean seriesInfo;

  /** The grid the segments are aligned to after this pass (null: none). */
  final Grid alignedAfter;

  /**
   * The index of the kernel before which the rows' origins (file and line) are dropped, because
   * neither it nor any later kernel of the plan reports bad rows; {@code kernels.size()}: after the
   * last kernel; {@link #KEEP_ORIGINS}: a later stage still needs them. Carrying origins costs a
   * {@code long} per row in every copy of the rows; nothing but an error record reads them.
   */
  final int dropOriginsAt;

  private Pass(
      List<Kernel> kernels, List<String> operations, ContextRecipe recipe, Grid alignedAfter) {
    this(kernels, operations, recipe, alignedAfter, KEEP_ORIGINS);
  }

  private Pass(
      List<Kernel> kernels,
      List<String> operations,
      ContextRecipe recipe,
      Grid alignedAfter,
      int dropOriginsAt) {
    this.kernels = List.copyOf(kernels);
    this.operations = List.copyOf(operations);
    this.recipe = recipe;
    this.rowsBefore = recipe.rowsBefore();
    this.rowsAfter = recipe.rowsAfter();
    this.millisBefore = recipe.millisBefore();
    this.millisAfter = recipe.millisAfter();
    this.seriesInfo = recipe.seriesInfo();
    this.alignedAfter = alignedAfter;
    this.dropOriginsAt = dropOriginsAt;
  }

  /**
   * This pass dropping the rows' origins when no kernel after it in the plan reports bad rows
   * ({@code laterReports} false): after its own last kernel that does, or before its first kernel.
   */
  Pass withOriginsFor(boolean laterReports) {
    int at = KEEP_ORIGINS;
    if (!laterReports) {
      at = 0;
      for (int i = 0; i < kernels.size(); i++) {
        if (kernels.get(i).context().rowErrors()) {
          at = i + 1;
        }
      }
    }
    return new Pass(kernels, operations, recipe, alignedAfter, at);
  }

  /** Whether a kernel of this pass may report bad rows. */
  boolean reportsRowErrors() {
    for (Kernel k : kernels) {
      if (k.context().rowErrors()) {
        return true;
      }
    }
    return false;
  }

  boolean hasHalo() {
    return recipe.hasHalo();
  }

  /** Whether the pass needs a context computed from its input segments. */
  boolean needsSummary() {
    return recipe.needsSummary();
  }

  /** Whether the pass fits its statistics over all series together (one group). */
  boolean globalGroup() {
    return recipe.statistics() == ContextRecipe.Statistics.GLOBAL;
  }

  Kernel first() {
    return kernels.get(0);
  }

  ChunkLayout outputLayout() {
    return kernels.get(kernels.size() - 1).outputLayout();
  }

  /** The kernels' step names joined by {@code +}, for stage names and descriptions. */
  String stepNames() {
    List<String> names = new ArrayList<>();
    for (Kernel k : kernels) {
      names.add(k.stepName());
    }
    return String.join("+", names);
  }

  @Override
  public String describe() {
    List<String> context = new ArrayList<>();
    if (recipe.fitsStatistics()) {
      context.add("statistics per series");
    } else if (recipe.carries()) {
      context.add("carry from neighbouring segments");
    }
    if (rowsBefore > 0 || rowsAfter > 0) {
      context.add("halo " + rowsBefore + " rows before, " + rowsAfter + " after");
    }
    if (millisBefore > 0 || millisAfter > 0) {
      context.add("halo " + millisBefore + " ms before, " + millisAfter + " ms after");
    }
    if (seriesInfo) {
      context.add("series first/last time");
    }
    List<String> names = new ArrayList<>();
    for (Kernel k : kernels) {
      names.add(k.stepName());
    }
    return String.join(" + ", names)
        + (context.isEmpty() ? "" : " (context: " + String.join("; ", context) + ")");
  }

  /**
   * Collects the kernels of one pass while {@link ExecutionPlan#compile} decides where passes end.
   */
  static final class Builder {
    private final List<Kernel> kernels = new ArrayList<>();
    private final List<String> operations = new ArrayList<>();
    private int rowsBefore;
    private int rowsAfter;
    private long millisBefore;
    private long millisAfter;
    private boolean seriesInfo;
    private boolean allRowPreserving = true;
    private boolean hasCarry;
    private boolean changesGrid;

    private boolean hasHalo() {
      return rowsBefore > 0 || rowsAfter > 0 || millisBefore > 0 || millisAfter > 0;
    }

    private Kernel last() {
      return kernels.get(kernels.size() - 1);
    }

    /** Whether {@code k} can run in this pass after the kernels already in it. */
    boolean accepts(Kernel k) {
      ContextSpec c = k.context();
      if (ContextRecipe.ownState(k) || c.grid() != null) {
        return false; // needs context computed from its own input
      }
      if (last().context().changesTime()) {
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

    /**
     * A grid kernel joins when the series facts of the pass input still hold and nothing is haloed.
     */
    boolean acceptsGrid() {
      return allRowPreserving && !hasHalo() && !hasCarry && !last().context().changesTime();
    }

    void add(Kernel k, String operation) {
      ContextSpec c = k.context();
      kernels.add(k);
      operations.add(operation);
      rowsBefore += c.rowsBefore();
      rowsAfter += c.rowsAfter();
      millisBefore += c.millisBefore();
      millisAfter += c.millisAfter();
      seriesInfo |= c.seriesInfo() || c.grid() != null;
      hasCarry |= k instanceof CarryKernel;
      allRowPreserving &= c.rowPreserving() && !c.changesTime();
      changesGrid |= c.grid() != null || c.changesTime();
    }

    /** The pass, on segments aligned to {@code alignedBefore}. */
    Pass build(Grid alignedBefore) {
      Kernel first = kernels.get(0);
      ContextRecipe recipe =
          new ContextRecipe(
              ContextRecipe.Carry.of(first),
              ContextRecipe.Statistics.of(first),
              rowsBefore,
              rowsAfter,
              millisBefore,
              millisAfter,
              seriesInfo);
      return new Pass(kernels, operations, recipe, changesGrid ? null : alignedBefore);
    }
  }
}
