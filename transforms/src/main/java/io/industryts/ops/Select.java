package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;

/**
 * Keeps only the time column, the key columns and the named columns — SEMANTICS §2.6.1 {@code
 * select}.
 *
 * <pre>{@code
 * input.apply(Select.columns("flow", "temp"));
 * }</pre>
 *
 * <p>pandas {@code df[[t, *keys, *columns]]}. Output schema: the time field, the key fields (in key
 * order), then {@code columns} in the given order, each field unchanged (type, nullability, derived
 * mark). Example: fields {@code temp, DateTime, flow, status} with {@code columns = [status, temp]}
 * give {@code DateTime, status, temp}.
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
 *     time or a key column in {@code columns} (they are always kept)
 */
public final class Select extends TimeSeriesTransform<Select> {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;

  private Select(SeriesOptions options, List<String> columns) {
    super(options);
    this.columns = List.copyOf(columns);
  }

  /** Keeps time, keys and {@code columns}, in that order. */
  public static Select columns(String... columns) {
    if (columns.length == 0) {
      throw new IllegalArgumentException(
          "Select: columns is required. Got []; expected the"
              + " columns to keep besides the time and key columns.");
    }
    return new Select(SeriesOptions.defaults(), Arrays.asList(columns));
  }

  @Override
  protected Select withOptions(SeriesOptions o) {
    return new Select(o, columns);
  }

  @Override
  public String typeName() {
    return "select";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("columns", columns);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    int[] idx = ColumnMap.resolve("Select", input, columns, "in columns; it is always kept");
    Schema in = input.schema();
    int[] keys = input.keyIndexes();
    int[] sources = new int[1 + keys.length + idx.length];
    sources[0] = input.timeIndex();
    System.arraycopy(keys, 0, sources, 1, keys.length);
    System.arraycopy(idx, 0, sources, 1 + keys.length, idx.length);
    Schema.Builder b = Schema.builder();
    for (int f : sources) {
      b.addField(in.getField(f));
    }
    return new ColumnMap(context.stepName(), input.withSchema(b.build()), sources, false);
  }
}
