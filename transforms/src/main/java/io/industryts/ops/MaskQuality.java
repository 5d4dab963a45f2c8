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
import io.industryts.engine.spi.ObjectColumn;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Nulls the values that a quality (status) column marks bad — SEMANTICS §2.8.4 {@code
 * mask_quality}.
 *
 * <pre>{@code
 * input.apply(MaskQuality.by("quality").of("flow", "temp"));    // OPC DA: 192..255 good
 * input.apply(MaskQuality.by("status").withGood(0L).keepQuality()); // OPC UA: 0 good
 * input.apply(MaskQuality.pairs(Map.of("flow", "flow_q", "temp", "temp_q"))
 *     .withGood("Good", "OK"));
 * }</pre>
 *
 * <p>A value whose quality is not good becomes null (counter {@code values_masked}: values that
 * were present and are now null); a null quality is not good. Good qualities: for a numeric quality
 * column the OPC DA range 192–255 (inclusive, compared as numbers) unless {@link
 * #withGood(long...)} lists the codes; for a STRING column {@code "good"} unless {@link
 * #withGood(String...)} lists the words; words compare case-insensitively. Default columns: the
 * value columns (§1.5) that are not quality columns. The quality columns are dropped from the
 * output unless {@link #keepQuality()}; kept ones are marked derived, so they are not value columns
 * of later steps. Masked columns keep their type and position. Example (OPC DA): {@code (flow=5,
 * q=192), (flow=6, q=0), (flow=7, q=·)} gives {@code flow = 5, ·, ·} and {@code values_masked = 2}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException (when applied) for a missing, time or key column, a quality
 *     column that is neither numeric nor STRING, good codes of the wrong kind for a quality column,
 *     or a column that is its own quality column
 */
public final class MaskQuality extends TimeSeriesTransform<MaskQuality> {
  private static final long serialVersionUID = 1L;

  /** OPC DA: quality codes 192 to 255 are good (the quality bits {@code 11xxxxxx}). */
  static final long OPC_DA_GOOD_FIRST = 192;

  static final long OPC_DA_GOOD_LAST = 255;

  private final String qualityColumn;
  private final Map<String, String> pairs;
  private final List<String> columns;
  private final List<Long> goodCodes;
  private final List<String> goodWords;
  private final boolean dropQuality;

  private MaskQuality(
      SeriesOptions options,
      String qualityColumn,
      Map<String, String> pairs,
      List<String> columns,
      List<Long> goodCodes,
      List<String> goodWords,
      boolean dropQuality) {
    super(options);
    this.qualityColumn = qualityColumn;
    this.pairs =
        pairs == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    this.columns = List.copyOf(columns);
    this.goodCodes = goodCodes == null ? null : List.copyOf(goodCodes);
    this.goodWords = goodWords == null ? null : List.copyOf(goodWords);
    this.dropQuality = dropQuality;
  }

  /** One quality column for all masked columns; name them with {@link #of}. */
  public static MaskQuality by(String qualityColumn) {
    if (qualityColumn == null || qualityColumn.isEmpty()) {
      throw new IllegalArgumentException(
          "MaskQuality: quality_column must name a column. Got " + qualityColumn + ".");
    }
    return new MaskQuality(
        SeriesOptions.defaults(), qualityColumn, null, List.of(), null, null, true);
  }

  /** A quality column per value column: {@code column → quality column}, in the map's order. */
  public static MaskQuality pairs(Map<String, String> columnToQuality) {
    if (columnToQuality == null || columnToQuality.isEmpty()) {
      throw new IllegalArgumentException(
          "MaskQuality: pairs must map at least one column to its"
              + " quality column. Got "
              + columnToQuality
              + "; expected e.g. {flow = \"flow_q\"}.");
    }
    return new MaskQuality(
        SeriesOptions.defaults(), null, columnToQuality, List.of(), null, null, true);
  }

  /** A copy that masks {@code columns} (with {@link #by}); default: the value columns. */
  public MaskQuality of(String... columns) {
    if (pairs != null) {
      throw new IllegalArgumentException(
          "MaskQuality: columns cannot be set with pairs. Got "
              + Arrays.asList(columns)
              + "; expected the columns as the keys of pairs.");
    }
    return new MaskQuality(
        options(), qualityColumn, pairs, Arrays.asList(columns), goodCodes, goodWords, dropQuality);
  }

  /** A copy whose good qualities are exactly these integer codes (numeric quality columns). */
  public MaskQuality withGood(long... codes) {
    if (codes.length == 0) {
      throw new IllegalArgumentException(
          "MaskQuality: good must list at least one code. Got [];"
              + " expected e.g. [192] or leave it unset for OPC DA 192..255.");
    }
    List<Long> c = new ArrayList<>();
    for (long x : codes) {
      c.add(x);
    }
    return new MaskQuality(options(), qualityColumn, pairs, columns, c, null, dropQuality);
  }

  /** A copy whose good qualities are these words, compared case-insensitively (STRING columns). */
  public MaskQuality withGood(String... words) {
    if (words.length == 0) {
      throw new IllegalArgumentException(
          "MaskQuality: good must list at least one word. Got [];"
              + " expected e.g. [\"Good\"] or leave it unset for \"good\".");
    }
    return new MaskQuality(
        options(), qualityColumn, pairs, columns, null, Arrays.asList(words), dropQuality);
  }

  /** A copy that keeps the quality columns in the output (marked derived). */
  public MaskQuality keepQuality() {
    return withDropQuality(false);
  }

  /** A copy that drops ({@code true}, the default) or keeps the quality columns. */
  public MaskQuality withDropQuality(boolean drop) {
    return new MaskQuality(options(), qualityColumn, pairs, columns, goodCodes, goodWords, drop);
  }

  @Override
  protected MaskQuality withOptions(SeriesOptions o) {
    return new MaskQuality(o, qualityColumn, pairs, columns, goodCodes, goodWords, dropQuality);
  }

  @Override
  public String typeName() {
    return "mask_quality";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    if (pairs != null) {
      p.put("pairs", pairs);
    } else {
      p.put("quality_column", qualityColumn);
      p.put("columns", columns);
    }
    p.put(
        "good",
        goodCodes != null
            ? goodCodes.toString()
            : goodWords != null ? goodWords.toString() : "default");
    p.put("drop_quality", dropQuality);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    Map<String, String> byColumn = new LinkedHashMap<>();
    if (pairs != null) {
      byColumn.putAll(pairs);
    } else {
      OpColumns.resolve("MaskQuality", input, List.of(qualityColumn), false);
      List<String> cols = columns;
      if (cols.isEmpty()) {
        cols = new ArrayList<>(OpColumns.valueColumns(input));
        cols.remove(qualityColumn);
      }
      for (String c : cols) {
        byColumn.put(c, qualityColumn);
      }
    }
    Set<String> qualities = new LinkedHashSet<>(byColumn.values());
    int[] cols = OpColumns.resolve("MaskQuality", input, new ArrayList<>(byColumn.keySet()), false);
    int[] quals =
        OpColumns.resolve("MaskQuality", input, new ArrayList<>(byColumn.values()), false);
    Schema in = input.schema();
    for (int i = 0; i < cols.length; i++) {
      String c = in.getField(cols[i]).getName();
      if (qualities.contains(c)) {
        throw new IllegalArgumentException(
            "MaskQuality: column \""
                + c
                + "\" is a quality column and cannot be masked. Got columns "
                + byColumn.keySet()
                + " and quality columns "
                + qualities
                + "; expected them apart. Available fields: "
                + in.getFieldNames());
      }
    }
    for (int q : quals) {
      checkGood(in.getField(q));
    }
    Schema.Builder b = Schema.builder();
    List<Integer> keptFields = new ArrayList<>();
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      boolean isQuality = qualities.contains(field.getName());
      if (isQuality && dropQuality) {
        continue;
      }
      keptFields.add(f);
      if (isQuality) {
        b.addField(
            field.withOptions(
                Schema.Options.builder()
                    .setOption(OpColumns.DERIVED_OPTION, FieldType.BOOLEAN, true)
                    .build()));
      } else if (indexOf(cols, f) >= 0) {
        b.addField(field.withNullable(true));
      } else {
        b.addField(field);
      }
    }
    int[] kept = keptFields.stream().mapToInt(Integer::intValue).toArray();
    Set<String> words = new LinkedHashSet<>();
    for (String w : goodWords == null ? List.of("good") : goodWords) {
      words.add(w.toLowerCase(Locale.ROOT));
    }
    double[] codes =
        goodCodes == null ? null : goodCodes.stream().mapToDouble(Long::doubleValue).toArray();
    boolean[] numericQuality = new boolean[quals.length];
    for (int i = 0; i < quals.length; i++) {
      numericQuality[i] = OpColumns.isNumeric(in.getField(quals[i]).getType());
    }
    return new MaskKernel(
        context.stepName(),
        input.withSchema(b.build()),
        cols,
        quals,
        numericQuality,
        kept,
        codes,
        words);
  }

  private void checkGood(Field q) {
    FieldType t = q.getType();
    boolean numeric = OpColumns.isNumeric(t);
    if (!numeric && t.getTypeName() != TypeName.STRING) {
      throw new IllegalArgumentException(
          "MaskQuality: quality column \""
              + q.getName()
              + "\" must hold numeric codes or words. Got "
              + t.getTypeName()
              + "; expected an integer (OPC DA/UA codes) or STRING column.");
    }
    if (numeric && goodWords != null) {
      throw new IllegalArgumentException(
          "MaskQuality: good lists words "
              + goodWords
              + " but quality column \""
              + q.getName()
              + "\" is "
              + t.getTypeName()
              + ". Got words; expected integer codes such as good = [192] (Java withGood(192L)).");
    }
    if (!numeric && goodCodes != null) {
      throw new IllegalArgumentException(
          "MaskQuality: good lists codes "
              + goodCodes
              + " but quality column \""
              + q.getName()
              + "\" is STRING. Got codes; expected words"
              + " such as good = [\"Good\"] (Java withGood(\"Good\")).");
    }
  }

  static int indexOf(int[] a, int x) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** Nulls each masked cell whose quality cell is not good, then drops the quality columns. */
  static final class MaskKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private final int[] cols;
    private final int[] quals;
    private final boolean[] numericQuality;
    private final int[] kept;
    private final double[] codes;
    private final Set<String> words;

    MaskKernel(
        String step,
        ChunkLayout out,
        int[] cols,
        int[] quals,
        boolean[] numericQuality,
        int[] kept,
        double[] codes,
        Set<String> words) {
      super(step, out, ContextSpec.rowLocal());
      this.cols = cols;
      this.quals = quals;
      this.numericQuality = numericQuality;
      this.kept = kept;
      this.codes = codes;
      this.words = words;
    }

    /** Per row, whether quality column {@code q} says good. */
    private boolean[] good(Column q, boolean numeric) {
      int n = q.size();
      boolean[] ok = new boolean[n];
      if (!numeric) {
        Object[] v = ((ObjectColumn) q).values();
        for (int i = 0; i < n; i++) {
          ok[i] = v[i] != null && words.contains(v[i].toString().toLowerCase(Locale.ROOT));
        }
        return ok;
      }
      boolean[] nul = OpColumns.nulls(q);
      double[] v = OpColumns.doubles(q);
      for (int i = 0; i < n; i++) {
        if (nul[i]) {
          continue;
        }
        if (codes == null) {
          ok[i] = v[i] >= OPC_DA_GOOD_FIRST && v[i] <= OPC_DA_GOOD_LAST;
        } else {
          for (double c : codes) {
            if (v[i] == c) {
              ok[i] = true;
              break;
            }
          }
        }
      }
      return ok;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      Column[] in = input.columns();
      Column[] masked = input.columnsCopy();
      Map<Integer, boolean[]> goodByQuality = new LinkedHashMap<>();
      long count = 0;
      for (int c = 0; c < cols.length; c++) {
        boolean numeric = numericQuality[c];
        boolean[] ok = goodByQuality.computeIfAbsent(quals[c], q -> good(in[q], numeric));
        Column col = in[cols[c]];
        boolean[] nulls = OpColumns.nulls(col).clone();
        long before = col.nullCount();
        for (int i = 0; i < n; i++) {
          if (!ok[i]) {
            nulls[i] = true;
          }
        }
        long after = 0;
        for (boolean x : nulls) {
          if (x) {
            after++;
          }
        }
        count += after - before;
        masked[cols[c]] = withNulls(col, nulls);
      }
      ctx.count("values_masked", count);
      Column[] out = new Column[kept.length];
      for (int j = 0; j < kept.length; j++) {
        out[j] = masked[kept[j]];
      }
      return input.withColumns(outputLayout(), out);
    }

    private static Column withNulls(Column c, boolean[] nulls) {
      if (c instanceof DoubleColumn) {
        return new DoubleColumn(((DoubleColumn) c).values(), nulls);
      }
      if (c instanceof LongColumn) {
        return new LongColumn(((LongColumn) c).values(), nulls);
      }
      if (c instanceof BooleanColumn) {
        return new BooleanColumn(((BooleanColumn) c).values(), nulls);
      }
      Object[] v = ((ObjectColumn) c).values().clone();
      for (int i = 0; i < v.length; i++) {
        if (nulls[i]) {
          v[i] = null;
        }
      }
      return new ObjectColumn(v);
    }
  }
}
