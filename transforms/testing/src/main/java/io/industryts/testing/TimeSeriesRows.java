package io.industryts.testing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;

/**
 * Assertions on time-series rows: the actual rows must equal the expected ones series by series and
 * timestamp by timestamp, whatever order the runner delivered them in, with floating-point values
 * compared within a tolerance. A row is identified by its key fields and its time field; the
 * failure message lists every missing, unexpected and differing row (up to a limit) by that
 * identity and names each differing field.
 *
 * <p>Inside a pipeline, hand the comparison to {@code PAssert}; it is a serializable function:
 *
 * <pre>{@code
 * @ExtendWith(BeamPipelineExtension.class)
 * class FillTest {
 *   @Test
 *   void forwardFillCarriesLastValue(TestPipeline p) {
 *     PCollection<Row> out = p.apply(Create.of(input).withRowSchema(SCHEMA))
 *         .apply(FillNull.forward("v").keyedBy("tag"));
 *     PAssert.that(out).satisfies(
 *         TimeSeriesRows.equalTo(expected).keyedBy("tag").withTolerance(1e-9));
 *     p.run();
 *   }
 * }
 * }</pre>
 *
 * <p>Outside a pipeline (rows collected some other way) call {@link Comparison#check(Iterable)}.
 *
 * <p>Rules: the schemas must have the same field names in the same order with the same types
 * (nullability ignored: operations may make a field nullable); {@code FLOAT} and {@code DOUBLE}
 * values match when {@code |actual - expected| <= absolute + relative * |expected|}, NaN matches
 * NaN, null matches only null; every other value matches by {@code equals}. Rows sharing an
 * identity are matched as a multiset.
 */
public final class TimeSeriesRows {
  /** How many problems a failure message lists before it says how many more there are. */
  static final int MAX_REPORTED = 20;

  private static final List<String> TIME_NAMES =
      List.of("datetime", "tagtime", "timestamp", "time", "date");

  private TimeSeriesRows() {}

  /**
   * A comparison against {@code expected}: no key fields, the time field found as the library finds
   * it (see {@link Comparison#withTimeColumn(String)}), exact values. Refine it with the {@code
   * keyedBy}/{@code with*} methods, each of which returns a copy.
   *
   * @throws IllegalArgumentException if {@code expected} is empty (then there is no schema to
   *     check; use {@code PAssert.that(out).empty()})
   */
  public static Comparison equalTo(List<Row> expected) {
    if (expected.isEmpty()) {
      throw new IllegalArgumentException(
          "TimeSeriesRows.equalTo: no expected rows, so no schema to compare against. For an"
              + " empty output use PAssert.that(output).empty().");
    }
    return new Comparison(List.copyOf(expected), List.of(), null, 0.0, 0.0);
  }

  /** As {@link #equalTo(List)}. */
  public static Comparison equalTo(Row... expected) {
    return equalTo(Arrays.asList(expected));
  }

  /**
   * A configured comparison of actual rows with expected rows; immutable, serializable, usable as
   * {@code PAssert.that(output).satisfies(comparison)}.
   */
  public static final class Comparison
      implements SerializableFunction<Iterable<Row>, Void>, Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Row> expected;
    private final List<String> keys;
    private final String timeColumn;
    private final double absolute;
    private final double relative;

    private Comparison(
        List<Row> expected,
        List<String> keys,
        String timeColumn,
        double absolute,
        double relative) {
      this.expected = expected;
      this.keys = keys;
      this.timeColumn = timeColumn;
      this.absolute = absolute;
      this.relative = relative;
    }

    /** A copy that identifies series by these fields (in addition to the time field). */
    public Comparison keyedBy(String... keyColumns) {
      return new Comparison(expected, List.of(keyColumns), timeColumn, absolute, relative);
    }

    /**
     * A copy whose time field is {@code name}. Without it, the time field is the first field named,
     * case-insensitively, {@code DateTime}, {@code tagTime}, {@code timestamp}, {@code time} or
     * {@code date}, else the first {@code DATETIME} field, else the first field.
     */
    public Comparison withTimeColumn(String name) {
      return new Comparison(expected, keys, Objects.requireNonNull(name), absolute, relative);
    }

    /**
     * A copy whose floating-point values may differ by up to {@code absolute}.
     *
     * @throws IllegalArgumentException if {@code absolute} is negative or NaN
     */
    public Comparison withTolerance(double absolute) {
      checkTolerance("withTolerance", absolute);
      return new Comparison(expected, keys, timeColumn, absolute, relative);
    }

    /**
     * A copy whose floating-point values may also differ by {@code relative} times the expected
     * value's magnitude (as numpy's {@code isclose}).
     *
     * @throws IllegalArgumentException if {@code relative} is negative or NaN
     */
    public Comparison withRelativeTolerance(double relative) {
      checkTolerance("withRelativeTolerance", relative);
      return new Comparison(expected, keys, timeColumn, absolute, relative);
    }

    /** Runs {@link #check(Iterable)}; the {@code PAssert.satisfies} form. */
    @Override
    public Void apply(Iterable<Row> actual) {
      check(actual);
      return null;
    }

    /**
     * Compares {@code actual} with the expected rows.
     *
     * @throws AssertionError listing the schema difference, or every missing, unexpected and
     *     differing row by its identity
     */
    public void check(Iterable<Row> actual) {
      Schema schema = expected.get(0).getSchema();
      String time = timeColumn != null ? timeColumn : detectTime(schema);
      for (String k : keys) {
        if (!schema.hasField(k)) {
          throw new AssertionError(
              "key field \""
                  + k
                  + "\" is not in the expected rows' schema "
                  + schema.getFieldNames()
                  + ". Fix keyedBy(...).");
        }
      }
      if (!schema.hasField(time)) {
        throw new AssertionError(
            "time field \""
                + time
                + "\" is not in the expected rows' schema "
                + schema.getFieldNames()
                + ". Fix withTimeColumn(...).");
      }
      List<Row> actualRows = new ArrayList<>();
      actual.forEach(actualRows::add);
      if (!actualRows.isEmpty()) {
        String schemaProblem = schemaDifference(schema, actualRows.get(0).getSchema());
        if (schemaProblem != null) {
          throw new AssertionError(schemaProblem);
        }
      }
      Map<List<Object>, List<Row>> want = byIdentity(expected, time);
      Map<List<Object>, List<Row>> got = byIdentity(actualRows, time);
      List<String> problems = new ArrayList<>();
      for (Map.Entry<List<Object>, List<Row>> e : want.entrySet()) {
        List<Row> candidates = new ArrayList<>(got.getOrDefault(e.getKey(), List.of()));
        for (Row w : e.getValue()) {
          int match = -1;
          for (int i = 0; i < candidates.size() && match < 0; i++) {
            if (differences(schema, w, candidates.get(i)).isEmpty()) {
              match = i;
            }
          }
          if (match >= 0) {
            candidates.remove(match);
          } else if (candidates.size() == 1 && e.getValue().size() == 1) {
            problems.add(
                identity(e.getKey(), time)
                    + ": "
                    + String.join("; ", differences(schema, w, candidates.remove(0))));
          } else {
            problems.add(identity(e.getKey(), time) + ": missing row " + w.getValues());
          }
        }
        for (Row extra : candidates) {
          problems.add(identity(e.getKey(), time) + ": unexpected row " + extra.getValues());
        }
        got.remove(e.getKey());
      }
      for (Map.Entry<List<Object>, List<Row>> e : got.entrySet()) {
        for (Row extra : e.getValue()) {
          problems.add(identity(e.getKey(), time) + ": unexpected row " + extra.getValues());
        }
      }
      if (!problems.isEmpty()) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size())
            .append(" problem(s) comparing ")
            .append(actualRows.size())
            .append(" actual with ")
            .append(expected.size())
            .append(" expected rows (identity ")
            .append(keys.isEmpty() ? "" : String.join(", ", keys) + ", ")
            .append(time)
            .append(", tolerance ")
            .append(absolute)
            .append(relative > 0 ? " + " + relative + " relative" : "")
            .append("):");
        for (int i = 0; i < Math.min(problems.size(), MAX_REPORTED); i++) {
          sb.append("\n  ").append(problems.get(i));
        }
        if (problems.size() > MAX_REPORTED) {
          sb.append("\n  ... and ").append(problems.size() - MAX_REPORTED).append(" more");
        }
        throw new AssertionError(sb.toString());
      }
    }

    private Map<List<Object>, List<Row>> byIdentity(List<Row> rows, String time) {
      Map<List<Object>, List<Row>> out = new LinkedHashMap<>();
      for (Row r : rows) {
        List<Object> id = new ArrayList<>(keys.size() + 1);
        for (String k : keys) {
          id.add(r.getValue(k));
        }
        id.add(r.getValue(time));
        out.computeIfAbsent(Collections.unmodifiableList(id), k -> new ArrayList<>()).add(r);
      }
      return out;
    }

    private String identity(List<Object> id, String time) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        sb.append(keys.get(i)).append('=').append(id.get(i)).append(", ");
      }
      return sb.append(time).append('=').append(id.get(keys.size())).toString();
    }

    private List<String> differences(Schema schema, Row want, Row got) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < schema.getFieldCount(); i++) {
        Field f = schema.getField(i);
        Object w = want.getValue(i);
        Object g = got.getValue(i);
        if (!matches(f.getType().getTypeName(), w, g)) {
          out.add("field " + f.getName() + " expected " + w + " but was " + g);
        }
      }
      return out;
    }

    private boolean matches(TypeName type, Object want, Object got) {
      if (want == null || got == null) {
        return want == got;
      }
      if ((type == TypeName.DOUBLE || type == TypeName.FLOAT)
          && want instanceof Number
          && got instanceof Number) {
        double w = ((Number) want).doubleValue();
        double g = ((Number) got).doubleValue();
        if (Double.isNaN(w) || Double.isNaN(g)) {
          return Double.isNaN(w) && Double.isNaN(g);
        }
        if (Double.isInfinite(w) || Double.isInfinite(g)) {
          return w == g;
        }
        return Math.abs(g - w) <= absolute + relative * Math.abs(w);
      }
      return Objects.equals(want, got);
    }

    private static String schemaDifference(Schema want, Schema got) {
      List<String> wantFields = describe(want);
      List<String> gotFields = describe(got);
      if (wantFields.equals(gotFields)) {
        return null;
      }
      return "schemas differ (nullability ignored).\n  expected: "
          + wantFields
          + "\n  actual:   "
          + gotFields;
    }

    private static List<String> describe(Schema schema) {
      List<String> out = new ArrayList<>();
      for (Field f : schema.getFields()) {
        out.add(f.getName() + " " + f.getType().withNullable(false));
      }
      return out;
    }

    private static String detectTime(Schema schema) {
      for (Field f : schema.getFields()) {
        if (TIME_NAMES.contains(f.getName().toLowerCase(Locale.ROOT))) {
          return f.getName();
        }
      }
      for (Field f : schema.getFields()) {
        if (f.getType().getTypeName() == TypeName.DATETIME) {
          return f.getName();
        }
      }
      return schema.getField(0).getName();
    }

    private static void checkTolerance(String method, double value) {
      if (!(value >= 0)) {
        throw new IllegalArgumentException(method + ": tolerance must be >= 0. Got " + value + ".");
      }
    }
  }
}
