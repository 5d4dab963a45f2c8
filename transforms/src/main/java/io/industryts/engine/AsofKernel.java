package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The kernel of an as-of join (SEMANTICS §2.2.4): for each left segment the engine supplies the
 * right rows whose times fall in the segment, the last right row before it and the first right row
 * after it (see {@code AsofJoiner}); the kernel matches and appends the right columns. The engine
 * never fuses it into a pass: {@link #apply} is not called.
 */
public interface AsofKernel extends Kernel {

  /**
   * The right layout for rows of {@code schema} (as read or as built in Java): the time field
   * becomes a non-null DATETIME, exactly as the engine converts the right rows.
   */
  static ChunkLayout rightLayoutFor(Schema schema, String timeField, List<String> keys) {
    return RowEdges.layoutFor(schema, timeField, keys);
  }

  /** The name of the right input (the key {@link RunPlan#withRightInput} binds it under). */
  String rightInput();

  /**
   * Layout the right chunks must have: the right schema with its time field as DATETIME, keyed by
   * the join's {@code by} fields (right names) in join order.
   */
  ChunkLayout rightLayout();

  /**
   * For each right key field (in {@link #rightLayout()} key order), its position among the left
   * layout's key fields: the join key of a left series is that projection of its key.
   */
  int[] leftKeyPositions();

  /**
   * Joins one left segment.
   *
   * @param left the segment, in series order
   * @param right the right rows whose times fall in the segment's range, in series order (maybe
   *     empty)
   * @param before the last right row (in series order) before the segment's range, or null
   * @param after the first right row after the segment's range, or null
   * @return the left rows, unchanged and in order, with the right columns appended ({@link
   *     #outputLayout()})
   */
  Chunk join(Chunk left, Chunk right, Chunk before, Chunk after, KernelContext context);

  @Override
  default Chunk apply(Chunk input, KernelContext context) {
    throw new UnsupportedOperationException(
        stepName()
            + ": an as-of join runs in its own engine stage (AsofJoiner), never inside a pass");
  }
}
