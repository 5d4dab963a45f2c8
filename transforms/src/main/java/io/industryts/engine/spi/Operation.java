package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * An operation as the engine sees it: something that, given its input layout, plans a {@link
 * Kernel}. Every public operation class is both a Beam {@code PTransform} (see {@link
 * TimeSeriesTransform}) and an {@code Operation}, so a chain of operations can be fused into one
 * engine run without materializing rows between them.
 */
public interface Operation extends Serializable {

  /** The TOML {@code type} of the operation (e.g. {@code "fill_null"}). */
  String typeName();

  /**
   * Resolves columns against {@code input}, validates, and returns the kernel.
   *
   * @throws IllegalArgumentException with a SEMANTICS §1.13 message when the configuration does not
   *     fit the input schema
   */
  Kernel plan(ChunkLayout input, PlanContext context);
}
