package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * What a {@link Kernel} needs besides its own segment, and what it does to rows. Built with the
 * static factories and {@code with*} copies; immutable.
 *
 * <ul>
 *   <li>halo: rows of neighbouring segments, by count ({@code rows}) and/or by time span ({@code
 *       millis}), before and after;
 *   <li>{@code grid}: the kernel emits rows per bucket of this grid (resample, regularize,
 *       group_by_time); the engine aligns segment boundaries to it so no bucket spans two segments;
 *   <li>{@code seriesInfo}: the kernel reads the series' first/last time and row count;
 *   <li>{@code rowPreserving}: one output row per input row, same order;
 *   <li>{@code changesTime}: the kernel rewrites the time field (series order must be rebuilt);
 *   <li>{@code rowErrors}: the kernel may report bad rows ({@link KernelContext#rowError}); the
 *       engine keeps each row's origin (file and line, see {@link Chunk}) only up to the last such
 *       kernel of a plan.
 * </ul>
 */
public final class ContextSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rowsBefore;
  private final int rowsAfter;
  private final long millisBefore;
  private final long millisAfter;
  private final Grid grid;
  private final boolean seriesInfo;
  private final boolean rowPreserving;
  private final boolean changesTime;
  private final boolean rowErrors;

  private ContextSpec(
      int rowsBefore,
      int rowsAfter,
      long millisBefore,
      long millisAfter,
      Grid grid,
      boolean seriesInfo,
      boolean rowPreserving,
      boolean changesTime,
      boolean rowErrors) {
    this.rowsBefore = rowsBefore;
    this.rowsAfter = rowsAfter;
    this.millisBefore = millisBefore;
    this.millisAfter = millisAfter;
    this.grid = grid;
    this.seriesInfo = seriesInfo;
    this.rowPreserving = rowPreserving;
    this.changesTime = changesTime;
    this.rowErrors = rowErrors;
  }

  /** Row-local and row-preserving: each output row depends only on its input row. */
  public static ContextSpec rowLocal() {
    return new ContextSpec(0, 0, 0, 0, null, false, true, false, false);
  }

  /** Needs nothing outside the segment but may drop or merge rows (e.g. drop_null, dedup). */
  public static ContextSpec segmentLocal() {
    return new ContextSpec(0, 0, 0, 0, null, false, false, false, false);
  }

  /**
   * Row-preserving with {@code before} earlier and {@code after} later rows (lag, lead, rolling).
   */
  public static ContextSpec haloRows(int before, int after) {
    return new ContextSpec(before, after, 0, 0, null, false, true, false, false);
  }

  /** Row-preserving with every row up to {@code before} ms earlier / {@code after} ms later. */
  public static ContextSpec haloMillis(long before, long after) {
    return new ContextSpec(0, 0, before, after, null, false, true, false, false);
  }

  /** Emits rows per bucket of {@code grid}; the engine aligns segments to it. */
  public static ContextSpec regrid(Grid grid) {
    return new ContextSpec(0, 0, 0, 0, grid, false, false, false, false);
  }

  public ContextSpec withHaloRows(int before, int after) {
    return new ContextSpec(
        before,
        after,
        millisBefore,
        millisAfter,
        grid,
        seriesInfo,
        rowPreserving,
        changesTime,
        rowErrors);
  }

  public ContextSpec withHaloMillis(long before, long after) {
    return new ContextSpec(
        rowsBefore,
        rowsAfter,
        before,
        after,
        grid,
        seriesInfo,
        rowPreserving,
        changesTime,
        rowErrors);
  }

  public ContextSpec withSeriesInfo() {
    return new ContextSpec(
        rowsBefore,
        rowsAfter,
        millisBefore,
        millisAfter,
        grid,
        true,
        rowPreserving,
        changesTime,
        rowErrors);
  }

  public ContextSpec withChangesTime() {
    return new ContextSpec(
        rowsBefore,
        rowsAfter,
        millisBefore,
        millisAfter,
        grid,
        seriesInfo,
        rowPreserving,
        true,
        rowErrors);
  }

  public ContextSpec notRowPreserving() {
    return new ContextSpec(
        rowsBefore,
        rowsAfter,
        millisBefore,
        millisAfter,
        grid,
        seriesInfo,
        false,
        changesTime,
        rowErrors);
  }

  /**
   * A copy declaring that the kernel may report bad rows through {@link KernelContext#rowError}, so
   * the rows reaching it still carry their origin (file and line) for the error records. The engine
   * drops the origins after the last kernel of a plan that declares this; a kernel that reports a
   * row without declaring it fails the job.
   */
  public ContextSpec withRowErrors() {
    return new ContextSpec(
        rowsBefore,
        rowsAfter,
        millisBefore,
        millisAfter,
        grid,
        seriesInfo,
        rowPreserving,
        changesTime,
        true);
  }

  public int rowsBefore() {
    return rowsBefore;
  }

  public int rowsAfter() {
    return rowsAfter;
  }

  public long millisBefore() {
    return millisBefore;
  }

  public long millisAfter() {
    return millisAfter;
  }

  public boolean hasHalo() {
    return rowsBefore > 0 || rowsAfter > 0 || millisBefore > 0 || millisAfter > 0;
  }

  /** The bucket grid, or null. */
  public Grid grid() {
    return grid;
  }

  public boolean seriesInfo() {
    return seriesInfo;
  }

  public boolean rowPreserving() {
    return rowPreserving;
  }

  public boolean changesTime() {
    return changesTime;
  }

  /** Whether the kernel may report bad rows ({@link #withRowErrors()}). */
  public boolean rowErrors() {
    return rowErrors;
  }

  @Override
  public String toString() {
    return "ContextSpec{halo rows "
        + rowsBefore
        + "/"
        + rowsAfter
        + ", ms "
        + millisBefore
        + "/"
        + millisAfter
        + (grid != null ? ", grid " + grid : "")
        + (seriesInfo ? ", seriesInfo" : "")
        + (rowPreserving ? ", rowPreserving" : "")
        + (changesTime ? ", changesTime" : "")
        + (rowErrors ? ", rowErrors" : "")
        + "}";
  }
}
