package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * One operation's work on a chunk: a columnar function plus a declaration of the context it needs
 * (ARCHITECTURE §2). Kernels never sort, segment, group by key, or read past the chunk and the
 * context the engine hands them; they loop over primitive arrays and build new columns.
 *
 * <p>A kernel is created by its operation for one input layout (the operation resolves column names
 * to field indexes once) and states its {@link #outputLayout()}. The engine calls {@link #apply}
 * once per segment (a time-sorted slice of one series), inside a Beam {@code DoFn}; Beam metrics
 * may be incremented there.
 *
 * <p>Further context is declared by also implementing {@link CarryKernel} (state carried from all
 * earlier or all later segments) or {@link StatsKernel} (statistics over the whole series).
 */
public interface Kernel extends Serializable {

  /** The operation's step name (SEMANTICS §1.1 {@code name}), used for counters and messages. */
  String stepName();

  /** Layout of the chunks {@link #apply} returns. */
  ChunkLayout outputLayout();

  /** What the kernel needs besides its segment. */
  ContextSpec context();

  /**
   * Computes the output for one segment.
   *
   * <p>The input holds the segment's rows in series order, preceded by {@link
   * KernelContext#haloBefore()} rows of earlier segments and followed by {@link
   * KernelContext#haloAfter()} rows of later ones when the kernel declared a halo. A {@link
   * ContextSpec#rowPreserving() row-preserving} kernel returns exactly one output row per input
   * row, in the same order (halo rows included; the engine trims them). Any other kernel returns
   * only the rows of its segment, in series order.
   */
  Chunk apply(Chunk input, KernelContext context);
}
