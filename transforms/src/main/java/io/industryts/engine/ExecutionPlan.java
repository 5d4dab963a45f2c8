package io.industryts.engine;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The physical plan of a chain of kernels, compiled once: the stages every executor runs, in order,
 * and the only thing that describes how a job runs ({@code explain}). Immutable.
 *
 * <p>The stages are:
 *
 * <ul>
 *   <li>{@link SegmentStage} (always first): cut the input into sorted segments per series, aligned
 *       to the first grid the kernels bucket on;
 *   <li>{@link Pass}: consecutive kernels fused into one traversal of the segments, with the {@link
 *       ContextRecipe} each segment's context is built from (halo, carry, statistics, series
 *       facts);
 *   <li>{@link ResegmentStage}: cut the segments again (times changed, or a grid the segments are
 *       not aligned to);
 *   <li>{@link JoinStage}: an as-of join with its right input, co-segmented with the left segments.
 * </ul>
 *
 * <p>Executors: on a Beam runner every stage becomes a few transforms ({@code PipelineExecutor});
 * for a series held in memory ({@link InMemoryExecutor}: the whole-series route, {@link
 * Engine#runInMemory}) the pass and re-segment stages run one after the other on the one segment.
 */
final class ExecutionPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One stage of the plan. */
  sealed interface Stage extends Serializable
      permits SegmentStage, Pass, ResegmentStage, JoinStage {
    /** One readable line (without the pass number) for {@code explain}. */
    String describe();
  }

  /** Cut the input into sorted segments, edges on {@code grid} (null: no grid). */
  record SegmentStage(Grid grid) implements Stage {
    @Override
    public String describe() {
      return "segment: one shuffle by (series, time segment)"
          + (grid != null ? ", edges on the " + grid : "");
    }
  }

  /**
   * Cut the segments again, edges on {@code grid} (null: no grid); {@code restoreOrderOnly} when no
   * kernel follows (only the series order is rebuilt after times changed).
   */
  record ResegmentStage(Grid grid, boolean restoreOrderOnly) implements Stage {
    @Override
    public String describe() {
      return "re-segment: one shuffle ("
          + (restoreOrderOnly ? "restore series order" : "times changed or a new grid")
          + ")";
    }
  }

  /** An as-of join; {@code operation} is its operation type for error records. */
  record JoinStage(AsofKernel kernel, String operation) implements Stage {
    @Override
    public String describe() {
      return "as-of join: "
          + kernel.stepName()
          + " with input \""
          + kernel.rightInput()
          + "\" (right rows co-segmented with the left segments; keys "
          + Arrays.toString(kernel.rightLayout().keyFields().toArray())
          + ")";
    }
  }

  private final ChunkLayout inputLayout;
  private final List<Kernel> kernels;
  private final List<Stage> stages;

  private ExecutionPlan(ChunkLayout inputLayout, List<Kernel> kernels, List<Stage> stages) {
    this.inputLayout = inputLayout;
    this.kernels = List.copyOf(kernels);
    this.stages = List.copyOf(stages);
  }

  /**
   * Compiles planned {@code kernels} (each for the output layout of the one before, as {@link
   * Engine#plan} makes them) into stages; {@code operationTypes} names each kernel's operation type
   * for error records.
   */
  static ExecutionPlan compile(
      ChunkLayout inputLayout, List<Kernel> kernels, List<String> operationTypes) {
    return compile(inputLayout, kernels, operationTypes, firstGrid(kernels, 0));
  }

  /**
   * As {@link #compile(ChunkLayout, List, List)} for input segments aligned to {@code alignedTo}.
   */
  static ExecutionPlan compile(
      ChunkLayout inputLayout, List<Kernel> kernels, List<String> operationTypes, Grid alignedTo) {
    if (operationTypes.size() != kernels.size()) {
      throw new IllegalArgumentException(
          "industryts: "
              + kernels.size()
              + " kernels but "
              + operationTypes.size()
              + " operation types; name one type per kernel.");
    }
    List<Stage> stages = new ArrayList<>();
    stages.add(new SegmentStage(alignedTo));
    Pass.Builder current = null;
    // two alignments: the grid the segments really are cut on, and the one the choice of passes
    // compares grid kernels with (unset after a grid kernel: its labels may sit on segment edges)
    Grid segmentsAligned = alignedTo;
    Grid comparedAligned = alignedTo;
    Grid passAligned = alignedTo;
    boolean timeChanged = false;
    for (int i = 0; i <= kernels.size(); i++) {
      Kernel k = i < kernels.size() ? kernels.get(i) : null;
      if (k == null || k instanceof AsofKernel) {
        // the end of a section between joins: close its pass and restore series order
        if (current != null) {
          Pass pass = current.build(passAligned);
          stages.add(pass);
          segmentsAligned = pass.alignedAfter;
          current = null;
        }
        if (timeChanged) {
          stages.add(new ResegmentStage(null, true));
          segmentsAligned = null;
          timeChanged = false;
        }
        if (k != null) {
          stages.add(new JoinStage((AsofKernel) k, operationTypes.get(i))); // keeps the segments
          comparedAligned = segmentsAligned;
        }
        continue;
      }
      Grid g = k.context().grid();
      // a carry or statistics kernel (also a grid one) needs context from its own input
      boolean joins =
          current != null
              && !(g != null && ContextRecipe.ownState(k))
              && (g == null
                  ? current.accepts(k)
                  : current.acceptsGrid() && g.equals(comparedAligned));
      if (!joins) {
        if (current != null) {
          Pass pass = current.build(passAligned);
          stages.add(pass);
          segmentsAligned = pass.alignedAfter;
        }
        current = new Pass.Builder();
        if (timeChanged || (g != null && !g.equals(comparedAligned))) {
          Grid grid = firstGrid(kernels, i, true);
          stages.add(new ResegmentStage(grid, false));
          segmentsAligned = grid;
          comparedAligned = g;
          timeChanged = false;
        }
        passAligned = segmentsAligned;
      }
      current.add(k, operationTypes.get(i));
      if (g != null) {
        comparedAligned = null;
      }
      if (k.context().changesTime()) {
        timeChanged = true;
      }
    }
    return new ExecutionPlan(inputLayout, kernels, withOriginsDropped(stages));
  }

  /**
   * The stages with each pass told where the rows' origins stop being needed: after the last kernel
   * of the plan that may report bad rows ({@link ContextSpec#rowErrors()}), nothing reads them.
   */
  private static List<Stage> withOriginsDropped(List<Stage> stages) {
    List<Stage> out = new ArrayList<>(stages);
    boolean laterReports = false;
    for (int i = out.size() - 1; i >= 0; i--) {
      if (out.get(i) instanceof Pass) {
        Pass pass = (Pass) out.get(i);
        out.set(i, pass.withOriginsFor(laterReports));
        laterReports |= pass.reportsRowErrors();
      }
    }
    return out;
  }

  /**
   * Whether some kernel may report bad rows, so the input rows should carry their origin (file and
   * line, see {@link io.industryts.engine.spi.Chunk}) into the plan; without one the origins can be
   * dropped where rows enter it (or not built by the reader at all).
   */
  boolean reportsRowErrors() {
    for (Kernel k : kernels) {
      if (k.context().rowErrors()) {
        return true;
      }
    }
    return false;
  }

  /** The first grid among {@code kernels} from {@code from}, before any kernel changes times. */
  static Grid firstGrid(List<Kernel> kernels, int from) {
    return firstGrid(kernels, from, false);
  }

  /** As {@link #firstGrid(List, int)}; a re-segmentation looks no further than the next join. */
  private static Grid firstGrid(List<Kernel> kernels, int from, boolean stopAtJoin) {
    for (int i = from; i < kernels.size(); i++) {
      if (stopAtJoin && kernels.get(i) instanceof AsofKernel) {
        return null;
      }
      ContextSpec c = kernels.get(i).context();
      if (c.grid() != null) {
        return c.grid();
      }
      if (c.changesTime()) {
        return null;
      }
    }
    return null;
  }

  /** The stages, the {@link SegmentStage} first. */
  List<Stage> stages() {
    return stages;
  }

  /** The stages after the first segmentation. */
  List<Stage> stagesAfterSegmenting() {
    return stages.subList(1, stages.size());
  }

  /** The grid the input is segmented on (null: none). */
  Grid segmentGrid() {
    return ((SegmentStage) stages.get(0)).grid();
  }

  /** Layout of the plan's input chunks. */
  public ChunkLayout inputLayout() {
    return inputLayout;
  }

  /** Layout of the plan's output segments. */
  public ChunkLayout outputLayout() {
    return kernels.isEmpty() ? inputLayout : kernels.get(kernels.size() - 1).outputLayout();
  }

  /** The kernels, in step order. */
  public List<Kernel> kernels() {
    return kernels;
  }

  /** The as-of joins of the plan, in step order. */
  List<AsofKernel> joins() {
    List<AsofKernel> joins = new ArrayList<>();
    for (Stage s : stages) {
      if (s instanceof JoinStage) {
        joins.add(((JoinStage) s).kernel());
      }
    }
    return joins;
  }

  /** Whether some kernel fits statistics over whole series (so the input must be bounded). */
  boolean fitsStatistics() {
    for (Stage s : stages) {
      if (s instanceof Pass && ((Pass) s).recipe.fitsStatistics()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the in-memory executor can run every stage for series held whole (no as-of join, no
   * statistics fitted over all series).
   */
  boolean runsWholeSeries() {
    for (Stage s : stages) {
      if (s instanceof JoinStage || (s instanceof Pass && ((Pass) s).globalGroup())) {
        return false;
      }
    }
    return true;
  }

  /** The grid the segments are aligned to after running {@code section} from {@code aligned}. */
  static Grid alignmentAfter(List<Stage> section, Grid aligned) {
    Grid current = aligned;
    for (Stage s : section) {
      if (s instanceof ResegmentStage) {
        current = ((ResegmentStage) s).grid();
      } else if (s instanceof Pass) {
        current = ((Pass) s).alignedAfter;
      }
    }
    return current;
  }

  /**
   * The plan, one readable line per stage, for the launcher's {@code explain}: e.g. {@code "pass 2:
   * 4_outliers + 5_resample (context: statistics per series)"}.
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    int pass = 0;
    for (Stage s : stages) {
      lines.add(s instanceof Pass ? "pass " + (++pass) + ": " + s.describe() : s.describe());
    }
    return lines;
  }

  @Override
  public String toString() {
    return String.join("\n", describe());
  }
}
