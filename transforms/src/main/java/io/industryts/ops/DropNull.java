package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops rows with missing values — SEMANTICS §2.1.3 {@code drop_null}.
 *
 * <pre>{@code
 * input.apply(DropNull.any("temp", "flow"));   // drop a row if temp or flow is null
 * input.apply(DropNull.all());                 // drop a row only if every non-time, non-key cell is null
 * }</pre>
 *
 * <p>Default columns: every field but the time and key fields. Rows that stay are unchanged and
 * keep their order and element timestamps; the output schema equals the input schema. Counter
 * {@code rows_dropped}. Example: {@code (00:00, a=1, b=·), (01:00, a=·, b=·), (02:00, a=3, b=4)}:
 * {@code any} keeps 02:00, {@code all} keeps 00:00 and 02:00. Empty input gives empty output.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException (when applied) for a missing, time or key column
 */
public final class DropNull extends TimeSeriesTransform<DropNull> {
  private static final long serialVersionUID = 1L;

  /** When a row is dropped (TOML {@code how}). */
  public enum How {
    /** If any listed cell is null. */
    ANY,
    /** Only if every listed cell is null. */
    ALL
  }

  private final How how;
  private final List<String> columns;

  private DropNull(SeriesOptions options, How how, List<String> columns) {
    super(options);
    this.how = how;
    this.columns = List.copyOf(columns);
  }

  /** Drops a row when any of {@code columns} (default: all but time and keys) is null. */
  public static DropNull any(String... columns) {
    return new DropNull(SeriesOptions.defaults(), How.ANY, Arrays.asList(columns));
  }

  /** Drops a row only when all of {@code columns} (default: all but time and keys) are null. */
  public static DropNull all(String... columns) {
    return new DropNull(SeriesOptions.defaults(), How.ALL, Arrays.asList(columns));
  }

  /** Whether a row is dropped when {@code ANY} or {@code ALL} of the columns are null. */
  public How how() {
    return how;
  }

  /** The columns examined; empty = all but time and keys. */
  public List<String> columns() {
    return columns;
  }

  @Override
  protected DropNull withOptions(SeriesOptions o) {
    return new DropNull(o, how, columns);
  }

  @Override
  public String typeName() {
    return "drop_null";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("how", Names.lower(how));
    p.put("columns", columns);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.nonTimeKeyColumns(input) : columns;
    int[] idx = OpColumns.resolve("DropNull", input, cols, false);
    return new DropNullKernel(context.stepName(), input, idx, how == How.ALL);
  }

  /** Keeps the rows whose listed cells pass the test; segment-local. */
  static final class DropNullKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final boolean all;

    DropNullKernel(String step, ChunkLayout layout, int[] cols, boolean all) {
      super(step, layout, ContextSpec.segmentLocal());
      this.cols = cols;
      this.all = all;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      Column[] c = new Column[cols.length];
      boolean anyNull = false;
      for (int j = 0; j < cols.length; j++) {
        c[j] = input.column(cols[j]);
        anyNull |= c[j].nullCount() > 0;
      }
      if (!anyNull || cols.length == 0) {
        ctx.count("rows_dropped", 0);
        return input; // nothing to drop; with no columns, "all null" of nothing keeps every row
      }
      int[] keep = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        int nulls = 0;
        for (Column col : c) {
          if (col.isNull(i)) {
            nulls++;
          }
        }
        boolean drop = all ? nulls == cols.length : nulls > 0;
        if (!drop) {
          keep[m++] = i;
        }
      }
      ctx.count("rows_dropped", n - m);
      return m == n ? input : input.take(keep, m);
    }
  }
}
