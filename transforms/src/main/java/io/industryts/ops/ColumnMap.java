package io.industryts.ops;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.KernelContext;
import java.util.List;

/**
 * Kernel of the column utilities ({@link Select}, {@link DropColumns}, {@link Rename}): each output
 * field is an input column moved as is; no cell is touched. A renamed time or key field gets a key
 * row of the new key schema.
 */
final class ColumnMap extends BaseKernel {
  private static final long serialVersionUID = 1L;

  /** Input field of each output field. */
  private final int[] sources;

  private final boolean rebuildKey;

  ColumnMap(String step, ChunkLayout out, int[] sources, boolean rebuildKey) {
    super(step, out, ContextSpec.rowLocal());
    this.sources = sources;
    this.rebuildKey = rebuildKey;
  }

  /** Checks the listed columns exist and are neither the time nor a key column. */
  static int[] resolve(String op, ChunkLayout layout, List<String> columns, String verb) {
    int[] out = new int[columns.size()];
    for (int i = 0; i < out.length; i++) {
      String c = columns.get(i);
      if (!layout.schema().hasField(c)) {
        throw new IllegalArgumentException(
            op
                + ": column \""
                + c
                + "\" not found. Available fields: "
                + layout.schema().getFieldNames());
      }
      int f = layout.schema().indexOf(c);
      if (f == layout.timeIndex()) {
        throw new IllegalArgumentException(
            op + ": \"" + c + "\" is the time column and cannot be " + verb + ".");
      }
      if (layout.isTimeOrKey(f)) {
        throw new IllegalArgumentException(
            op + ": \"" + c + "\" is a key column and cannot be " + verb + ".");
      }
      if (columns.indexOf(c) != i) {
        throw new IllegalArgumentException(op + ": column \"" + c + "\" is listed twice.");
      }
      out[i] = f;
    }
    return out;
  }

  @Override
  public Chunk apply(Chunk input, KernelContext ctx) {
    Column[] out = new Column[sources.length];
    for (int f = 0; f < sources.length; f++) {
      out[f] = outputLayout().isTimeOrKey(f) ? null : input.column(sources[f]);
    }
    if (!rebuildKey) {
      return input.withColumns(outputLayout(), out);
    }
    org.apache.beam.sdk.values.Row key =
        org.apache.beam.sdk.values.Row.withSchema(outputLayout().keySchema())
            .addValues(input.key().getValues())
            .build();
    return new Chunk(
        outputLayout(), key, input.times(), input.seqs(), out, input.sources(), input.origins());
  }
}
