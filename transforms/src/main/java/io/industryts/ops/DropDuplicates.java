package io.industryts.ops;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.KernelContext;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Keeps one row per (key, time) — SEMANTICS §2.1.4 {@code drop_duplicates}.
 *
 * <pre>{@code
 * input.apply(DropDuplicates.keepFirst().keyedBy("tag"));
 * input.apply(DropDuplicates.mean().alsoOn("status"));
 * }</pre>
 *
 * <p>Rows are duplicates when their key values, time and the {@link #alsoOn} columns are equal
 * (null equals null). {@code first}/{@code last} keep one row of each group unchanged (input order,
 * §1.4); {@code none} keeps only groups of one row; {@code mean} emits one row per group at the
 * position of its first row, with every numeric column outside {@code alsoOn} replaced by the mean
 * of the group's non-null values (DOUBLE, null if none) and every other column by its first
 * non-null value.
 *
 * <p>Output schema: the input schema; with {@code mean} the averaged columns become DOUBLE. Rows
 * keep their element timestamps. Counter {@code rows_dropped}. Example (key {@code tag}, file
 * order): {@code a 00:00 1}, {@code b 00:00 5}, {@code a 00:00 2} → {@code first} keeps rows 1 and
 * 2, {@code last} rows 2 and 3, {@code none} row 2, {@code mean} gives {@code a 00:00 1.5} and
 * {@code b 00:00 5}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): rows are emitted when the watermark passes them; the
 * earlier rows, duration or carry the operation reads are kept per series. On windowed input, a
 * trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException when an {@code alsoOn} column is missing or is the time or a key
 *     column
 */
public final class DropDuplicates extends TimeSeriesTransform<DropDuplicates> {
  private static final long serialVersionUID = 1L;

  /** Which rows of a duplicate group survive (TOML {@code keep}). */
  public enum Keep {
    FIRST,
    LAST,
    NONE,
    MEAN
  }

  private final Keep keep;
  private final List<String> alsoOn;

  private DropDuplicates(SeriesOptions options, Keep keep, List<String> alsoOn) {
    super(options);
    this.keep = keep;
    this.alsoOn = List.copyOf(alsoOn);
  }

  /** Keeps the first row of each group in input order. */
  public static DropDuplicates keepFirst() {
    return keeping(Keep.FIRST);
  }

  /** Keeps the last row of each group in input order. */
  public static DropDuplicates keepLast() {
    return keeping(Keep.LAST);
  }

  /** Drops every row of a duplicated group. */
  public static DropDuplicates keepNone() {
    return keeping(Keep.NONE);
  }

  /** Replaces each group by one row of means (numeric columns) and first non-null values. */
  public static DropDuplicates mean() {
    return keeping(Keep.MEAN);
  }

  /** The operation for a {@link Keep} value (TOML {@code keep}). */
  public static DropDuplicates keeping(Keep keep) {
    return new DropDuplicates(
        SeriesOptions.defaults(), Objects.requireNonNull(keep, "keep"), List.of());
  }

  /**
   * A copy where rows must also agree on {@code columns} to be duplicates (TOML {@code columns}).
   */
  public DropDuplicates alsoOn(String... columns) {
    return new DropDuplicates(options(), keep, Arrays.asList(columns));
  }

  /** Which row of a group of duplicates is kept. */
  public Keep keep() {
    return keep;
  }

  /** Columns that, besides keys and time, must also be equal for rows to be duplicates. */
  public List<String> alsoOnColumns() {
    return alsoOn;
  }

  @Override
  protected DropDuplicates withOptions(SeriesOptions newOptions) {
    return new DropDuplicates(newOptions, keep, alsoOn);
  }

  @Override
  public String typeName() {
    return "drop_duplicates";
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    int[] on = OpColumns.resolve("DropDuplicates", input, alsoOn, false);
    Schema in = input.schema();
    boolean[] averaged = new boolean[in.getFieldCount()];
    Schema.Builder b = Schema.builder();
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      final int ff = f;
      boolean listed = Arrays.stream(on).anyMatch(x -> x == ff);
      if (keep == Keep.MEAN
          && !input.isTimeOrKey(f)
          && !listed
          && OpColumns.isNumeric(field.getType())) {
        averaged[f] = true;
        // the mean of a group of present values is present: NOT NULL stays NOT NULL
        b.addField(field.withType(FieldType.DOUBLE.withNullable(field.getType().getNullable())));
      } else {
        b.addField(field);
      }
    }
    ChunkLayout out = keep == Keep.MEAN ? input.withSchema(b.build()) : input;
    return new DedupKernel(context.stepName(), out, keep, on, averaged);
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("keep", Names.lower(keep));
    p.put("columns", alsoOn);
    return p;
  }

  /** Groups equal times (and equal {@code on} cells) inside a sorted segment. */
  static final class DedupKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final Keep keep;
    private final int[] on;
    private final boolean[] averaged;

    DedupKernel(String step, ChunkLayout out, Keep keep, int[] on, boolean[] averaged) {
      super(step, out, ContextSpec.segmentLocal());
      this.keep = keep;
      this.on = on;
      this.averaged = averaged;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      long[] t = input.times();
      // group[i]: the first row of i's duplicate group
      int[] group = new int[n];
      int[] size = new int[n];
      int[] last = new int[n];
      int a = 0;
      while (a < n) {
        int b = a + 1;
        while (b < n && t[b] == t[a]) {
          b++;
        }
        for (int i = a; i < b; i++) {
          int g = i;
          for (int j = a; j < i; j++) {
            if (group[j] == j && sameOn(input, i, j)) {
              g = j;
              break;
            }
          }
          group[i] = g;
          size[g]++;
          last[g] = i;
        }
        a = b;
      }
      int[] kept = new int[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        int g = group[i];
        boolean keepRow;
        switch (keep) {
          case LAST:
            keepRow = last[g] == i;
            break;
          case NONE:
            keepRow = size[g] == 1;
            break;
          default:
            keepRow = g == i;
        }
        if (keepRow) {
          kept[k++] = i;
        }
      }
      ctx.count("rows_dropped", n - k);
      if (k == n && keep != Keep.MEAN) {
        return input;
      }
      Chunk taken = input.take(kept, k);
      if (keep != Keep.MEAN) {
        return taken;
      }
      return aggregate(input, taken, group, kept, k);
    }

    private Chunk aggregate(Chunk input, Chunk taken, int[] group, int[] kept, int k) {
      int n = input.size();
      int[] pos = new int[n];
      for (int o = 0; o < k; o++) {
        pos[kept[o]] = o;
      }
      Column[] cols = taken.columnsCopy();
      ChunkLayout out = outputLayout();
      for (int f = 0; f < cols.length; f++) {
        if (cols[f] == null) {
          continue;
        }
        Column src = input.column(f);
        boolean[] sn = OpColumns.nulls(src);
        if (averaged[f]) {
          double[] v = OpColumns.doubles(src);
          double[] sum = new double[k];
          int[] cnt = new int[k];
          for (int i = 0; i < n; i++) {
            if (!sn[i]) {
              int o = pos[group[i]];
              sum[o] += v[i];
              cnt[o]++;
            }
          }
          boolean[] nulls = new boolean[k];
          for (int o = 0; o < k; o++) {
            if (cnt[o] == 0) {
              nulls[o] = true;
              sum[o] = 0;
            } else {
              sum[o] /= cnt[o];
            }
          }
          cols[f] = new DoubleColumn(sum, nulls);
        } else {
          int[] idx = new int[k];
          Arrays.fill(idx, -1);
          for (int i = 0; i < n; i++) {
            int o = pos[group[i]];
            if (idx[o] == -1 && !sn[i]) {
              idx[o] = i;
            }
          }
          cols[f] = OpColumns.gather(src, out.fieldType(f), idx, null);
        }
      }
      return taken.withColumns(out, cols);
    }

    private boolean sameOn(Chunk c, int i, int j) {
      for (int f : on) {
        if (!cellsEqual(c.column(f), i, j)) {
          return false;
        }
      }
      return true;
    }

    static boolean cellsEqual(Column c, int i, int j) {
      boolean ni = c.isNull(i);
      boolean nj = c.isNull(j);
      if (ni || nj) {
        return ni && nj;
      }
      if (c instanceof DoubleColumn) {
        return Double.compare(((DoubleColumn) c).value(i), ((DoubleColumn) c).value(j)) == 0;
      } else if (c instanceof LongColumn) {
        return ((LongColumn) c).value(i) == ((LongColumn) c).value(j);
      } else if (c instanceof BooleanColumn) {
        return ((BooleanColumn) c).value(i) == ((BooleanColumn) c).value(j);
      }
      return Objects.equals(c.get(i), c.get(j));
    }
  }
}
