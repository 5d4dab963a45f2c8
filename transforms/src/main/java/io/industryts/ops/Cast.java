package io.industryts.ops;

import io.industryts.NaTokens;
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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Converts columns to another type — SEMANTICS §2.6.4 {@code cast}.
 *
 * <pre>{@code
 * input.apply(Cast.to(FieldType.DOUBLE, "level").alsoTo(FieldType.INT32, "count"));
 * input.apply(Cast.to(FieldType.INT64, "code").onInvalid(Invalid.ERROR));
 * }</pre>
 *
 * <p>Targets: DOUBLE, FLOAT, INT64, INT32, STRING, BOOLEAN; sources: numeric, STRING, BOOLEAN.
 * Number → integer truncates toward zero; a non-finite or out-of-range value is invalid. String →
 * number: trimmed, {@code Double.parseDouble} / {@code Long.parseLong} ({@code "3.0"} is invalid
 * for integers). String → boolean: {@code true}/{@code false} ignoring case. Boolean → number 1/0.
 * Number → string: integers plainly, doubles by {@code Double.toString} (FLOAT by {@code
 * Float.toString}). Number → boolean: 0 is false, anything else true (pandas {@code astype(bool)}).
 * Example: STRING {@code " 7", "x", "3.5"} to INT64 gives {@code 7, ·, ·} (two invalid).
 *
 * <p>Output schema: each cast field keeps its position, name and options and takes the nullable
 * target type. Other fields are unchanged.
 *
 * <p>Edges: nulls stay null. An invalid value becomes null (counter {@code invalid_input}) or, with
 * {@link Invalid#ERROR}, its row goes to the errors output (reason {@code cast_invalid}). A string
 * that is one of pandas' NA tokens ({@code "NaN"}, {@code "nan"}, {@code "NA"}, {@code "null"}, …,
 * {@link io.industryts.NaTokens}) is a missing value (null) for every non-string target, not an
 * invalid one, as pandas reads it. Class {@code row}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for an unsupported target or source type, a missing column, a
 *     column named twice, or the time or a key column
 */
public final class Cast extends TimeSeriesTransform<Cast> {
  private static final long serialVersionUID = 1L;

  private static final List<TypeName> TARGETS =
      List.of(
          TypeName.DOUBLE,
          TypeName.FLOAT,
          TypeName.INT64,
          TypeName.INT32,
          TypeName.STRING,
          TypeName.BOOLEAN);

  private final Map<String, TypeName> types;
  private final Invalid invalid;

  private Cast(SeriesOptions options, Map<String, TypeName> types, Invalid invalid) {
    super(options);
    this.types = new LinkedHashMap<>(types);
    this.invalid = invalid;
  }

  /** Casts {@code columns} to {@code type}. */
  public static Cast to(FieldType type, String... columns) {
    return new Cast(SeriesOptions.defaults(), Map.of(), Invalid.NULL).alsoTo(type, columns);
  }

  /** A copy that also casts {@code columns} to {@code type}. */
  public Cast alsoTo(FieldType type, String... columns) {
    TypeName t = type.getTypeName();
    if (!TARGETS.contains(t)) {
      throw new IllegalArgumentException(
          "Cast: type "
              + t
              + " is not a cast target. Got "
              + t
              + "; expected one of [double, float, int64, int32, string, boolean].");
    }
    if (columns.length == 0) {
      throw new IllegalArgumentException(
          "Cast: no column to cast to " + name(t) + ". Name at least one column.");
    }
    Map<String, TypeName> m = new LinkedHashMap<>(types);
    for (String c : columns) {
      if (m.containsKey(c)) {
        throw new IllegalArgumentException("Cast: column \"" + c + "\" is cast twice.");
      }
      m.put(c, t);
    }
    return new Cast(options(), m, invalid);
  }

  /** A copy that treats values that do not convert as {@code i} says. */
  public Cast onInvalid(Invalid i) {
    return new Cast(options(), types, i);
  }

  private static String name(TypeName t) {
    return t.name().toLowerCase(Locale.ROOT);
  }

  @Override
  protected Cast withOptions(SeriesOptions o) {
    return new Cast(o, types, invalid);
  }

  @Override
  public String typeName() {
    return "cast";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    Map<String, String> typeNames = new LinkedHashMap<>();
    types.forEach((c, t) -> typeNames.put(c, name(t)));
    p.put("types", typeNames);
    p.put("invalid", Names.lower(invalid));
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = new ArrayList<>(types.keySet());
    int[] idx = ColumnMap.resolve("Cast", input, cols, "cast");
    Schema in = input.schema();
    TypeName[] from = new TypeName[idx.length];
    TypeName[] to = new TypeName[idx.length];
    for (int c = 0; c < idx.length; c++) {
      from[c] = in.getField(idx[c]).getType().getTypeName();
      to[c] = types.get(cols.get(c));
      if (!OpColumns.isNumeric(in.getField(idx[c]).getType())
          && from[c] != TypeName.STRING
          && from[c] != TypeName.BOOLEAN) {
        throw new IllegalArgumentException(
            "Cast: column \""
                + cols.get(c)
                + "\" has type "
                + from[c]
                + ", which cannot be cast. Got "
                + from[c]
                + "; expected a numeric, STRING or BOOLEAN column.");
      }
    }
    Schema.Builder b = Schema.builder();
    for (int f = 0; f < in.getFieldCount(); f++) {
      Field field = in.getField(f);
      int pos = FillNull.indexOf(idx, f);
      b.addField(pos < 0 ? field : field.withType(FieldType.of(to[pos]).withNullable(true)));
    }
    return new CastKernel(context.stepName(), input.withSchema(b.build()), idx, from, to, invalid);
  }

  /** Converts each cast column cell by cell. */
  static final class CastKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private static final double TWO_63 = 9.223372036854775808E18;
    private final int[] cols;
    private final TypeName[] from;
    private final TypeName[] to;
    private final boolean toErrors;

    CastKernel(
        String step, ChunkLayout out, int[] cols, TypeName[] from, TypeName[] to, Invalid invalid) {
      super(
          step,
          out,
          invalid == Invalid.ERROR
              ? ContextSpec.segmentLocal().withRowErrors()
              : ContextSpec.rowLocal());
      this.cols = cols;
      this.from = from;
      this.to = to;
      this.toErrors = invalid == Invalid.ERROR;
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      Column[] out = input.columnsCopy();
      boolean[] bad = toErrors ? new boolean[n] : null;
      long invalidCount = 0;
      for (int c = 0; c < cols.length; c++) {
        Column src = input.column(cols[c]);
        boolean[] wrong = new boolean[n];
        out[cols[c]] = convert(src, from[c], to[c], wrong);
        for (int i = 0; i < n; i++) {
          if (!wrong[i]) {
            continue;
          }
          if (!toErrors) {
            invalidCount++;
          } else if (!bad[i]) {
            bad[i] = true;
            String field = input.schema().getField(cols[c]).getName();
            Object v = src.get(i);
            ctx.rowError(
                input,
                i,
                "cast_invalid",
                field,
                "Cast: \""
                    + field
                    + "\" = "
                    + (v instanceof String ? "\"" + v + "\"" : String.valueOf(v))
                    + " cannot be cast to "
                    + name(to[c])
                    + ". Set invalid = \"null\" to write null"
                    + " instead.");
          }
        }
      }
      if (invalidCount > 0) {
        ctx.count("invalid_input", invalidCount);
      }
      Chunk result = input.withColumns(outputLayout(), out);
      return toErrors ? Rows.without(result, bad) : result;
    }

    /** {@code src} converted to {@code to}; marks cells that do not convert in {@code wrong}. */
    private Column convert(Column src, TypeName fromType, TypeName toType, boolean[] wrong) {
      int n = src.size();
      boolean[] nulls = new boolean[n];
      double[] d = toType == TypeName.DOUBLE || toType == TypeName.FLOAT ? new double[n] : null;
      long[] l = toType == TypeName.INT64 || toType == TypeName.INT32 ? new long[n] : null;
      boolean[] z = toType == TypeName.BOOLEAN ? new boolean[n] : null;
      Object[] s = toType == TypeName.STRING ? new Object[n] : null;
      for (int i = 0; i < n; i++) {
        if (src.isNull(i)) {
          nulls[i] = true;
          continue;
        }
        boolean ok;
        if (src instanceof LongColumn) {
          ok = fromLong(((LongColumn) src).value(i), toType, i, d, l, z, s);
        } else if (src instanceof DoubleColumn) {
          ok =
              fromDouble(
                  ((DoubleColumn) src).value(i), fromType == TypeName.FLOAT, toType, i, d, l, z, s);
        } else if (src instanceof BooleanColumn) {
          ok = fromLong(((BooleanColumn) src).value(i) ? 1 : 0, toType, i, d, l, z, s);
          if (s != null) {
            s[i] = Boolean.toString(((BooleanColumn) src).value(i));
          }
        } else if (fromType == TypeName.STRING && toType == TypeName.STRING) {
          s[i] = src.get(i);
          ok = true;
        } else if (fromType == TypeName.STRING) {
          ok = fromString(((String) src.get(i)).trim(), toType, i, d, l, z, s, nulls);
        } else {
          ok = fromDecimal((BigDecimal) src.get(i), toType, i, d, l, z, s);
        }
        if (!ok) {
          wrong[i] = true;
          nulls[i] = true;
        }
      }
      if (d != null) {
        return new DoubleColumn(d, nulls);
      }
      if (l != null) {
        return new LongColumn(l, nulls);
      }
      if (z != null) {
        return new BooleanColumn(z, nulls);
      }
      return new ObjectColumn(s);
    }

    private static boolean fromLong(
        long v, TypeName t, int i, double[] d, long[] l, boolean[] z, Object[] s) {
      switch (t) {
        case DOUBLE:
          d[i] = v;
          return true;
        case FLOAT:
          d[i] = (float) v;
          return true;
        case INT64:
          l[i] = v;
          return true;
        case INT32:
          l[i] = v;
          return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
        case BOOLEAN:
          z[i] = v != 0;
          return true;
        default:
          s[i] = Long.toString(v);
          return true;
      }
    }

    private static boolean fromDouble(
        double v,
        boolean isFloat,
        TypeName t,
        int i,
        double[] d,
        long[] l,
        boolean[] z,
        Object[] s) {
      switch (t) {
        case DOUBLE:
          d[i] = v;
          return true;
        case FLOAT:
          d[i] = (float) v;
          return !(Double.isFinite(v) && Float.isInfinite((float) v));
        case INT64:
        case INT32:
          {
            if (!Double.isFinite(v)) {
              return false;
            }
            double tr = v < 0 ? Math.ceil(v) : Math.floor(v);
            boolean inRange =
                t == TypeName.INT64
                    ? tr >= -TWO_63 && tr < TWO_63
                    : tr >= Integer.MIN_VALUE && tr <= Integer.MAX_VALUE;
            l[i] = inRange ? (long) tr : 0;
            return inRange;
          }
        case BOOLEAN:
          z[i] = v != 0;
          return !Double.isNaN(v);
        default:
          s[i] = isFloat ? Float.toString((float) v) : Double.toString(v);
          return true;
      }
    }

    private static boolean fromDecimal(
        BigDecimal v, TypeName t, int i, double[] d, long[] l, boolean[] z, Object[] s) {
      if (t == TypeName.INT64 || t == TypeName.INT32) {
        BigInteger b = v.toBigInteger(); // truncates toward zero
        boolean inRange = b.bitLength() <= (t == TypeName.INT64 ? 63 : 31);
        l[i] = inRange ? b.longValue() : 0;
        return inRange;
      }
      return fromDouble(v.doubleValue(), false, t, i, d, l, z, s);
    }

    private static boolean fromString(
        String v,
        TypeName t,
        int i,
        double[] d,
        long[] l,
        boolean[] z,
        Object[] s,
        boolean[] nulls) {
      if (t != TypeName.STRING && NaTokens.isNaToken(v)) {
        nulls[i] = true; // missing, not invalid: pandas' to_numeric reads these as NaN
        return true;
      }
      try {
        switch (t) {
          case DOUBLE:
          case FLOAT:
            {
              if (v.isEmpty() || "dDfF".indexOf(v.charAt(v.length() - 1)) >= 0) {
                return false; // Java's float suffixes are not numbers in a data file
              }
              double x = Double.parseDouble(v);
              if (Double.isNaN(x)) {
                nulls[i] = true;
                return true;
              }
              d[i] = t == TypeName.FLOAT ? (float) x : x;
              return t == TypeName.DOUBLE || !(Double.isFinite(x) && Float.isInfinite((float) x));
            }
          case INT64:
            l[i] = Long.parseLong(v);
            return true;
          case INT32:
            l[i] = Integer.parseInt(v);
            return true;
          case BOOLEAN:
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
              z[i] = v.equalsIgnoreCase("true");
              return true;
            }
            return false;
          default:
            s[i] = v;
            return true;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
