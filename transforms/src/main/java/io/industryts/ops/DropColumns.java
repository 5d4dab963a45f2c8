package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Removes the named columns — SEMANTICS §2.6.2 {@code drop_columns}.
 *
 * <pre>{@code
 * input.apply(DropColumns.of("status", "comment"));
 * }</pre>
 *
 * <p>pandas {@code df.drop(columns=columns)}. Output schema: the input fields without {@code
 * columns}, the others unchanged and in their order. Example: fields {@code DateTime, flow, status}
 * with {@code columns = [status]} give {@code DateTime, flow}.
 *
 * <p>Edges: rows and values are untouched; empty input gives an empty output of the new schema.
 * Class {@code row}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for no columns, a missing column, a column listed twice, or the
 *     time or a key column
 */
public final class DropColumns extends TimeSeriesTransform<DropColumns> {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;

  private DropColumns(SeriesOptions options, List<String> columns) {
    super(options);
    this.columns = List.copyOf(columns);
  }

  /** Drops {@code columns}. */
  public static DropColumns of(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException(
          "DropColumns: columns is required. Got []; expected the" + " columns to remove.");
    }
    return new DropColumns(SeriesOptions.defaults(), Arrays.asList(columns));
  }

  @Override
  protected DropColumns withOptions(SeriesOptions o) {
    return new DropColumns(o, columns);
  }

  @Override
  public String typeName() {
    return "drop_columns";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("columns", columns);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    int[] idx = ColumnMap.resolve("DropColumns", input, columns, "dropped");
    Schema in = input.schema();
    List<Integer> keep = new ArrayList<>();
    Schema.Builder b = Schema.builder();
    for (int f = 0; f < in.getFieldCount(); f++) {
      if (FillNull.indexOf(idx, f) < 0) {
        keep.add(f);
        b.addField(in.getField(f));
      }
    }
    return new ColumnMap(
        context.stepName(),
        input.withSchema(b.build()),
        keep.stream().mapToInt(Integer::intValue).toArray(),
        false);
  }
}
