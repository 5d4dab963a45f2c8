package io.industryts.engine;

import io.industryts.engine.spi.BidirectionalCarryKernel;
import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import org.apache.beam.sdk.values.Row;

/**
 * The one {@link KernelContext}: what a pass hands each of its kernels for one segment, read from
 * the segment's {@link SegmentContext} (built by the executor from the pass's {@link
 * ContextRecipe}), with counts and bad rows going to the executor's {@link Sink}. Mutable per
 * kernel as the pass runs (the kernel, its operation type, the halo rows still present).
 */
final class StageContext implements KernelContext {

  /** Where an executor sends the counts and bad rows kernels report. */
  interface Sink {
    /** Adds {@code n} to the counter {@code industryts:<step>.<name>}. */
    void count(String step, String name, long n);

    /** A bad row as an {@link ErrorRecords#SCHEMA} record. */
    void rowError(Row record);
  }

  /** Counts nothing and fails on the first bad row: for callers that hold a series in memory. */
  static final Sink FAIL_ON_BAD_ROWS =
      new Sink() {
        @Override
        public void count(String step, String name, long n) {
          // counters belong to pipeline runs
        }

        @Override
        public void rowError(Row record) {
          String source = record.getString("source");
          String message = record.getString("message");
          throw Engine.badRow(
              source == null ? message : source + ":" + record.getInt64("line") + ": " + message,
              record);
        }
      };

  private final Sink sink;
  private final SegmentContext c;
  Kernel kernel;
  String operation;
  int haloBefore;
  int haloAfter;

  /** {@code c} is null for a pass that needs no context. */
  StageContext(Sink sink, SegmentContext c) {
    this.sink = sink;
    this.c = c;
  }

  @Override
  public int haloBefore() {
    return haloBefore;
  }

  @Override
  public int haloAfter() {
    return haloAfter;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S extends Serializable> S carry(CarryKernel<S> k) {
    requireApplied(k);
    return c == null ? null : (S) c.carry;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S extends Serializable> S carryAfter(BidirectionalCarryKernel<S> k) {
    requireApplied(k);
    return c == null ? null : (S) c.carryAfter;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A extends Serializable> A stats(StatsKernel<A> k) {
    requireApplied(k);
    if (c != null && c.stats != null) {
      return (A) c.stats;
    }
    return k.createAccumulator();
  }

  /**
   * The kernel a typed state read names must be the one applied: its state is the only one here.
   */
  private void requireApplied(Kernel k) {
    if (k != kernel) {
      throw new IllegalStateException(
          kernel.stepName()
              + ": read the state of another kernel ("
              + k.stepName()
              + "); pass the kernel being applied (this)");
    }
  }

  private SegmentContext required() {
    if (c == null) {
      throw new IllegalStateException(
          kernel.stepName()
              + ": the kernel reads series facts "
              + "without declaring them; declare ContextSpec.withSeriesInfo()");
    }
    return c;
  }

  @Override
  public long seriesFirstTime() {
    return required().seriesFirst;
  }

  @Override
  public long seriesLastTime() {
    return required().seriesLast;
  }

  @Override
  public long seriesRowCount() {
    return required().seriesCount;
  }

  @Override
  public boolean firstSegment() {
    return required().firstSegment;
  }

  @Override
  public boolean lastSegment() {
    return required().lastSegment;
  }

  @Override
  public long segmentStart() {
    return c == null ? Long.MIN_VALUE : c.segmentStart;
  }

  @Override
  public long segmentEnd() {
    return c == null ? Long.MAX_VALUE : c.segmentEnd;
  }

  @Override
  public long gridAnchor() {
    return required().anchor;
  }

  @Override
  public void count(String name, long n) {
    sink.count(kernel.stepName(), name, n);
  }

  @Override
  public void rowError(Chunk chunk, int row, String reason, String field, String message) {
    // the plan drops the rows' origins after the last kernel that declares row errors, so an
    // undeclared report would lose its file and line: refuse it rather than record less
    if (!kernel.context().rowErrors()) {
      throw new IllegalStateException(
          kernel.stepName()
              + ": the kernel reported a bad row ("
              + reason
              + ") but its ContextSpec does not declare row errors, so the rows may no longer"
              + " carry their file and line. Declare it with ContextSpec.withRowErrors() in the"
              + " kernel's context().");
    }
    // the row's origin in the input (file and line) when it has one
    sink.rowError(
        ErrorRecords.of(
            chunk.source(row),
            chunk.line(row),
            kernel.stepName(),
            operation,
            reason,
            field,
            message,
            RowJson.of(chunk, row)));
    sink.count(kernel.stepName(), "errors", 1);
  }
}
