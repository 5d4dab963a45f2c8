package io.industryts.ops;

import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.ObjectColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Column conventions shared by the operations (SEMANTICS §1.5, §1.9, §2 intro): value-column
 * selection, the {@code industryts.derived} field option, column validation with the shared
 * messages, numeric views of columns and type-preserving gathers.
 */
final class OpColumns {
  /** Schema field option marking a column an operation added as a feature (§1.5). */
  static final String DERIVED_OPTION = "industryts.derived";

  private OpColumns() {}

  static boolean isNumeric(FieldType type) {
    switch (type.getTypeName()) {
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
        return true;
      default:
        return false;
    }
  }

  static boolean isIntegral(FieldType type) {
    switch (type.getTypeName()) {
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
        return true;
      default:
        return false;
    }
  }

  static boolean isDerived(Field field) {
    Schema.Options o = field.getOptions();
    return o.hasOption(DERIVED_OPTION) && Boolean.TRUE.equals(o.getValue(DERIVED_OPTION));
  }

  /** A nullable added feature column, marked derived. */
  static Field derived(String name, FieldType type) {
    return Field.nullable(name, type).withOptions(derivedOptions());
  }

  /** A never-null added flag column (BOOLEAN), marked derived. */
  static Field derivedFlag(String name) {
    return Field.of(name, FieldType.BOOLEAN).withOptions(derivedOptions());
  }

  private static Schema.Options derivedOptions() {
    return Schema.Options.builder().setOption(DERIVED_OPTION, FieldType.BOOLEAN, true).build();
  }

  /** The value columns of {@code layout}: numeric, not time, not key, not derived (§1.5). */
  static List<String> valueColumns(ChunkLayout layout) {
    List<String> out = new ArrayList<>();
    Schema s = layout.schema();
    for (int f = 0; f < s.getFieldCount(); f++) {
      Field field = s.getField(f);
      if (!layout.isTimeOrKey(f) && isNumeric(field.getType()) && !isDerived(field)) {
        out.add(field.getName());
      }
    }
    return out;
  }

  /** Every field but the time and key fields, in schema order. */
  static List<String> nonTimeKeyColumns(ChunkLayout layout) {
    List<String> out = new ArrayList<>();
    Schema s = layout.schema();
    for (int f = 0; f < s.getFieldCount(); f++) {
      if (!layout.isTimeOrKey(f)) {
        out.add(s.getField(f).getName());
      }
    }
    return out;
  }

  /**
   * Field indexes of {@code columns}, checked against the layout with the shared messages of
   * SEMANTICS §2: missing field, time or key column, and (when {@code numeric}) non-numeric type,
   * the last as a {@link NotNumericColumnException} so that an operation can word it its own way.
   */
  static int[] resolve(String op, ChunkLayout layout, List<String> columns, boolean numeric) {
    Schema s = layout.schema();
    int[] out = new int[columns.size()];
    for (int i = 0; i < out.length; i++) {
      String c = columns.get(i);
      if (!s.hasField(c)) {
        throw new IllegalArgumentException(
            op + ": column \"" + c + "\" not found. Available fields: " + s.getFieldNames());
      }
      int f = s.indexOf(c);
      if (f == layout.timeIndex()) {
        throw new IllegalArgumentException(
            op + ": \"" + c + "\" is the time column and cannot be in columns.");
      }
      if (layout.isTimeOrKey(f)) {
        throw new IllegalArgumentException(
            op + ": \"" + c + "\" is a key column and cannot be in columns.");
      }
      if (numeric && !isNumeric(s.getField(f).getType())) {
        throw new NotNumericColumnException(op, c, s.getField(f).getType().getTypeName());
      }
      out[i] = f;
    }
    return out;
  }

  /** Output type of "values selected from the input" (§1.5): the input type, DECIMAL as DOUBLE. */
  static FieldType selectedType(FieldType in) {
    return in.getTypeName() == TypeName.DECIMAL ? FieldType.DOUBLE : in.withNullable(false);
  }

  /** Schema builder seeded with the input fields, DECIMAL replaced where {@code asDouble[f]}. */
  static Schema.Builder copyOf(Schema s) {
    Schema.Builder b = Schema.builder();
    for (Field f : s.getFields()) {
      b.addField(f);
    }
    return b;
  }

  /** The cells of a numeric column as doubles (the column's own array for DOUBLE storage). */
  static double[] doubles(Column c) {
    if (c instanceof DoubleColumn) {
      return ((DoubleColumn) c).values();
    }
    int n = c.size();
    double[] out = new double[n];
    if (c instanceof LongColumn) {
      long[] v = ((LongColumn) c).values();
      for (int i = 0; i < n; i++) {
        out[i] = v[i];
      }
    } else {
      Object[] v = ((ObjectColumn) c).values();
      for (int i = 0; i < n; i++) {
        out[i] = v[i] == null ? 0.0 : ((Number) v[i]).doubleValue();
      }
    }
    return out;
  }

  /** The null mask of a column (shared for primitive columns). */
  /**
   * SEMANTICS §1.10, "our operations never create NaN": marks as null every NaN of {@code out} that
   * arithmetic made from non-NaN values ({@code inf − inf}, {@code inf / inf}, {@code 0 · inf}).
   * When {@code source} itself holds a present NaN (read with {@code nan_as_null = false}) the NaNs
   * of {@code out} are that NaN propagating (IEEE 754) and stay.
   */
  static void nullCreatedNans(double[] out, boolean[] outNulls, Column source) {
    if (hasPresentNan(source)) {
      return;
    }
    for (int i = 0; i < out.length; i++) {
      if (Double.isNaN(out[i]) && !outNulls[i]) {
        outNulls[i] = true;
        out[i] = 0;
      }
    }
  }

  /** Whether a non-null cell of {@code c} is a DOUBLE or FLOAT NaN. */
  static boolean hasPresentNan(Column c) {
    if (!(c instanceof DoubleColumn)) {
      return false;
    }
    double[] v = ((DoubleColumn) c).values();
    boolean[] n = ((DoubleColumn) c).nulls();
    for (int i = 0; i < v.length; i++) {
      if (!n[i] && Double.isNaN(v[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first fields of a row per bucket or grid point (SEMANTICS §2.7 "Column order"): the key
   * fields in key order, then {@code by} (group_by_time), then the time field, whatever their
   * positions in the input, as pandas' {@code groupby(keys).resample(...).reset_index()} gives.
   */
  static Schema.Builder keysThenTime(ChunkLayout input, int... by) {
    Schema in = input.schema();
    Schema.Builder b = Schema.builder();
    for (int k : input.keyIndexes()) {
      b.addField(in.getField(k));
    }
    for (int f : by) {
      b.addField(in.getField(f));
    }
    b.addField(in.getField(input.timeIndex()));
    return b;
  }

  static boolean[] nulls(Column c) {
    if (c instanceof io.industryts.engine.spi.PrimitiveColumn) {
      return ((io.industryts.engine.spi.PrimitiveColumn) c).nulls();
    }
    int n = c.size();
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = c.isNull(i);
    }
    return out;
  }

  /**
   * A column of {@code outType}'s storage kind whose cell {@code i} is {@code src[idx[i]]}, null
   * when {@code idx[i] == -1}, and {@code extra} (a boxed cell of the source kind) when {@code
   * idx[i] == -2}. DECIMAL sources become DOUBLE when {@code outType} is DOUBLE.
   */
  static Column gather(Column src, FieldType outType, int[] idx, Object extra) {
    int n = idx.length;
    if (src instanceof DoubleColumn) {
      double[] v = ((DoubleColumn) src).values();
      double x = extra == null ? 0 : ((Number) extra).doubleValue();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        int j = idx[i];
        out[i] = j >= 0 ? v[j] : (j == -2 ? x : 0);
      }
      return new DoubleColumn(out, gatherNulls(((DoubleColumn) src).nulls(), idx, extra != null));
    }
    if (src instanceof LongColumn) {
      long[] v = ((LongColumn) src).values();
      long x = extra == null ? 0 : ((Number) extra).longValue();
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        int j = idx[i];
        out[i] = j >= 0 ? v[j] : (j == -2 ? x : 0);
      }
      return new LongColumn(out, gatherNulls(((LongColumn) src).nulls(), idx, extra != null));
    }
    if (src instanceof BooleanColumn) {
      boolean[] v = ((BooleanColumn) src).values();
      boolean x = extra != null && (Boolean) extra;
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        int j = idx[i];
        out[i] = j >= 0 ? v[j] : j == -2 && x;
      }
      return new BooleanColumn(out, gatherNulls(((BooleanColumn) src).nulls(), idx, extra != null));
    }
    Object[] v = ((ObjectColumn) src).values();
    if (outType.getTypeName() == TypeName.DOUBLE) {
      boolean[] nulls = new boolean[n];
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        int j = idx[i];
        Object o = j >= 0 ? v[j] : (j == -2 ? extra : null);
        if (o == null) {
          nulls[i] = true;
        } else {
          out[i] = ((Number) o).doubleValue();
        }
      }
      return new DoubleColumn(out, nulls);
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      int j = idx[i];
      out[i] = j >= 0 ? v[j] : (j == -2 ? extra : null);
    }
    return new ObjectColumn(out);
  }

  /**
   * The null mask of {@link #gather}: source nulls at {@code idx[i] ≥ 0}, else null unless filled.
   */
  private static boolean[] gatherNulls(boolean[] sn, int[] idx, boolean hasExtra) {
    boolean[] nulls = new boolean[idx.length];
    for (int i = 0; i < idx.length; i++) {
      int j = idx[i];
      nulls[i] = j >= 0 ? sn[j] : !(j == -2 && hasExtra);
    }
    return nulls;
  }

  /**
   * {@code src} converted to {@code outType}'s storage (only DECIMAL to DOUBLE changes anything).
   */
  static Column asType(Column src, FieldType outType) {
    if (src instanceof ObjectColumn && outType.getTypeName() == TypeName.DOUBLE) {
      return new DoubleColumn(doubles(src).clone(), nulls(src));
    }
    return src;
  }

  /** A boxed cell for carries and summaries (Double, Long, Boolean or the object). */
  static Object cell(Column c, int i) {
    return c.get(i);
  }
}
