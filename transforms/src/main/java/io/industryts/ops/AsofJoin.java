package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.AsofKernel;
import io.industryts.engine.Engine;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.JoinOperation;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.engine.spi.TimeColumn;
import io.industryts.time.TimeParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

// Over 500 lines: the public surface of one join — factories, about twenty documented builder
// methods and accessors, validation of both layouts, and planning; the kernel is in
// AsofJoinKernel. It stays one file because every builder step feeds the same validated plan.

/**
 * Aligns another input by nearest earlier / later time — SEMANTICS §2.2.4 {@code asof_join} ({@code
 * pd.merge_asof}).
 *
 * <pre>{@code
 * // right: weather rows (time, site, air_temp, humidity), sensors keyed by site
 * PCollection<Row> withWeather = sensors.apply(
 *     AsofJoin.with(right).on("site").backward().withTolerance(Duration.standardMinutes(30))
 *         .columns("air_temp", "humidity"));
 * PCollection<Row> next = input.apply(TimeSeriesPipeline.named("plant").keyedBy("site")
 *     .withInput("weather", right)
 *     .then(AsofJoin.withInput("weather").nearest().disallowExactMatches()));
 * }</pre>
 *
 * <p>For each left row (time {@code t}, keys {@code k}) only right rows with equal {@code by}
 * values (null = null) are candidates. {@link #backward()} (default): the greatest {@code t_r ≤ t},
 * several at that time → the last in right input order; {@link #forward()}: the least {@code t_r ≥
 * t}, several → the first; {@link #nearest()}: the closer of both, equal distance → backward.
 * {@link #disallowExactMatches()} makes the bounds strict; {@link #withTolerance} drops candidates
 * farther than the tolerance (inclusive). Every added column comes from the one matched right row,
 * nulls included; unmatched rows get nulls. Left outer: each left row appears once, unchanged;
 * right rows never create rows.
 *
 * <p>Output schema: the left fields, then {@link #columns} (default: every right field except its
 * time column and the {@code by} fields) in right order, nullable; a name that exists on the left
 * gets {@link #withSuffix the suffix} ({@code "_right"}). The right input gets the same time
 * parsing and tie order as the left (§1.3, §1.4); its time column is auto-detected unless {@link
 * #withRightTimeColumn set}. Counters {@code rows_matched}, {@code rows_unmatched}.
 *
 * <p>{@code by} ({@link #on}) defaults to the left key columns and must name left key columns; a
 * lone join without {@code keyedBy} is keyed by its {@code on} columns.
 *
 * <p>On the engine the right rows are co-segmented with the left segments; no worker ever holds a
 * whole series of either side (docs/architecture.md).
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window is not
 * supported yet (rejected when the transform is applied, naming fixed windows as the fix). On
 * windowed input, a trigger that fires early or repeatedly, and late panes on unbounded input are
 * rejected when the transform is applied ({@code IllegalArgumentException} naming the fix, see
 * docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a tolerance ≤ 0 or (when applied) an unregistered input, a
 *     {@code by} key missing on either side, a missing or reserved column, or a name clash
 */
public final class AsofJoin extends TimeSeriesTransform<AsofJoin> implements JoinOperation {
  private static final long serialVersionUID = 1L;

  /** Which right rows are candidates (SEMANTICS §2.2.4). */
  public enum Direction {
    BACKWARD,
    FORWARD,
    NEAREST;

    /** The TOML spelling. */
    public String tomlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final transient PCollection<Row> right;
  private final String rightName;
  private final String rightTimeColumn;
  private final List<String> by;
  private final Direction direction;
  private final Duration tolerance;
  private final boolean allowExactMatches;
  private final List<String> columns;
  private final String suffix;

  private AsofJoin(
      SeriesOptions options,
      PCollection<Row> right,
      String rightName,
      String rightTimeColumn,
      List<String> by,
      Direction direction,
      Duration tolerance,
      boolean allowExactMatches,
      List<String> columns,
      String suffix) {
    super(options);
    if (tolerance != null && !tolerance.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("AsofJoin: tolerance must be > 0. Got " + tolerance + ".");
    }
    if (suffix == null) {
      throw new IllegalArgumentException(
          "AsofJoin: suffix must not be null. Got null; expected "
              + "a string such as \"_right\" (withSuffix / suffix).");
    }
    this.right = right;
    this.rightName = rightName;
    this.rightTimeColumn = rightTimeColumn;
    this.by = List.copyOf(by);
    this.direction = direction;
    this.tolerance = tolerance;
    this.allowExactMatches = allowExactMatches;
    this.columns = List.copyOf(columns);
    this.suffix = suffix;
  }

  /** Joins the rows of {@code right} (a {@code PCollection<Row>} with a schema). */
  public static AsofJoin with(PCollection<Row> right) {
    if (!right.hasSchema()) {
      throw new IllegalArgumentException(
          "AsofJoin: the right PCollection has no schema. Attach "
              + "one with setRowSchema(schema) or Create.of(rows).withRowSchema(schema).");
    }
    return new AsofJoin(
        SeriesOptions.defaults(),
        right,
        "pcollection:" + right.getName(),
        null,
        List.of(),
        Direction.BACKWARD,
        null,
        true,
        List.of(),
        "_right");
  }

  /**
   * Joins the named input {@code name}, supplied later: {@code [inputs.<name>]} / {@code --input
   * name=PATH} for the launcher, {@code TimeSeriesPipeline.withInput(name, rows)} or {@code
   * IndustryPipeline.fromToml(file, Map.of(name, rows))} in Java.
   */
  public static AsofJoin withInput(String name) {
    return new AsofJoin(
        SeriesOptions.defaults(),
        null,
        name,
        null,
        List.of(),
        Direction.BACKWARD,
        null,
        true,
        List.of(),
        "_right");
  }

  private AsofJoin copy(
      String newTime,
      List<String> newBy,
      Direction newDirection,
      Duration newTolerance,
      boolean newExact,
      List<String> newColumns,
      String newSuffix) {
    return new AsofJoin(
        options(),
        right,
        rightName,
        newTime,
        newBy,
        newDirection,
        newTolerance,
        newExact,
        newColumns,
        newSuffix);
  }

  /** Equality keys ({@code by}): left key columns that exist on the right with the same names. */
  public AsofJoin on(String... keys) {
    return copy(
        rightTimeColumn,
        Arrays.asList(keys),
        direction,
        tolerance,
        allowExactMatches,
        columns,
        suffix);
  }

  /** As {@link #on(String...)}. */
  public AsofJoin on(List<String> keys) {
    return copy(rightTimeColumn, keys, direction, tolerance, allowExactMatches, columns, suffix);
  }

  /** The greatest right time ≤ the left time (the default). */
  public AsofJoin backward() {
    return withDirection(Direction.BACKWARD);
  }

  /** The least right time ≥ the left time. */
  public AsofJoin forward() {
    return withDirection(Direction.FORWARD);
  }

  /** The closer of the backward and forward candidates; equal distance → backward. */
  public AsofJoin nearest() {
    return withDirection(Direction.NEAREST);
  }

  /**
   * A copy matching the {@code BACKWARD} (default), {@code FORWARD} or {@code NEAREST} right row.
   */
  public AsofJoin withDirection(Direction d) {
    return copy(rightTimeColumn, by, d, tolerance, allowExactMatches, columns, suffix);
  }

  /** Largest allowed distance between left and right time, inclusive; must be > 0. */
  public AsofJoin withTolerance(Duration d) {
    return copy(rightTimeColumn, by, direction, d, allowExactMatches, columns, suffix);
  }

  /** Right rows at exactly the left time are not candidates (strict bounds). */
  public AsofJoin disallowExactMatches() {
    return withExactMatches(false);
  }

  /** A copy that accepts (default) or refuses right rows at exactly the left time. */
  public AsofJoin withExactMatches(boolean allow) {
    return copy(rightTimeColumn, by, direction, tolerance, allow, columns, suffix);
  }

  /** The right columns to add, in this order (default: every right field but time and by). */
  public AsofJoin columns(String... names) {
    return columns(Arrays.asList(names));
  }

  /**
   * A copy adding the right columns {@code names}, in this order (default: all but its time and
   * {@code by}).
   */
  public AsofJoin columns(List<String> names) {
    return copy(rightTimeColumn, by, direction, tolerance, allowExactMatches, names, suffix);
  }

  /** Appended to an added column whose name exists on the left (default {@code "_right"}). */
  public AsofJoin withSuffix(String s) {
    return copy(rightTimeColumn, by, direction, tolerance, allowExactMatches, columns, s);
  }

  /** The right input's time column (default: auto-detected on the right schema, §1.2). */
  public AsofJoin withRightTimeColumn(String name) {
    return copy(name, by, direction, tolerance, allowExactMatches, columns, suffix);
  }

  /** The equality keys matched between the two sides. */
  public List<String> by() {
    return by;
  }

  /** Which right row is matched. */
  public Direction direction() {
    return direction;
  }

  /** The largest allowed distance between the left and the matched right time, if set. */
  public Optional<Duration> tolerance() {
    return Optional.ofNullable(tolerance);
  }

  /** Whether a right row at exactly the left time matches. */
  public boolean allowExactMatches() {
    return allowExactMatches;
  }

  /** The right columns added; empty = all but its time and {@code by} columns. */
  public List<String> columns() {
    return columns;
  }

  /** The suffix appended to an added column whose name exists on the left. */
  public String suffix() {
    return suffix;
  }

  @Override
  public String rightInput() {
    return rightName;
  }

  @Override
  public Optional<String> rightTimeColumn() {
    return Optional.ofNullable(rightTimeColumn);
  }

  @Override
  public Map<String, PCollection<Row>> boundInputs() {
    return right == null ? Map.of() : Map.of(rightName, right);
  }

  @Override
  protected AsofJoin withOptions(SeriesOptions o) {
    return new AsofJoin(
        o,
        right,
        rightName,
        rightTimeColumn,
        by,
        direction,
        tolerance,
        allowExactMatches,
        columns,
        suffix);
  }

  @Override
  public String typeName() {
    return "asof_join";
  }

  /** A lone join without {@code keyedBy} is keyed by its {@code on} columns. */
  @Override
  public PCollection<Row> expand(PCollection<Row> input) {
    SeriesOptions o =
        options().keyColumns().isEmpty() && !by.isEmpty()
            ? options().withKeyColumns(by)
            : options();
    return Engine.runOnRows(
        input,
        o,
        List.of(new Engine.Step(stepName(), this)),
        TimeParser.builder().zone(o.timeZone()).build());
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("right", rightName);
    p.put("by", by);
    p.put("direction", direction.tomlName());
    p.put("tolerance", tolerance);
    p.put("allow_exact_matches", allowExactMatches);
    p.put("columns", columns);
    p.put("suffix", suffix);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    Schema rs =
        context
            .input(rightName)
            .orElseThrow(
                () -> {
                  Set<String> names = new TreeSet<>(context.inputNames());
                  names.add("main");
                  return new IllegalArgumentException(
                      "AsofJoin: input \""
                          + rightName
                          + "\" is not "
                          + "registered. Registered inputs: "
                          + names
                          + ". Register it with [inputs."
                          + rightName
                          + "] or --input "
                          + rightName
                          + "=PATH (Java: TimeSeriesPipeline.withInput).");
                });
    String rt;
    if (rightTimeColumn != null) {
      if (!rs.hasField(rightTimeColumn)) {
        throw new IllegalArgumentException(
            "AsofJoin: right time column \""
                + rightTimeColumn
                + "\" not found in right input. Right fields: "
                + rs.getFieldNames()
                + ". Fix right_time_column / withRightTimeColumn.");
      }
      rt = rightTimeColumn;
    } else {
      rt = TimeColumn.resolve(rs, null).name();
    }
    List<String> leftKeys = input.keyFields();
    List<String> keys = by.isEmpty() ? leftKeys : by;
    int[] positions = new int[keys.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (!seen.add(k)) {
        throw new IllegalArgumentException(
            "AsofJoin: key \""
                + k
                + "\" is listed twice in by. Got "
                + keys
                + ". List each key once (by / on).");
      }
      if (!rs.hasField(k)) {
        throw new IllegalArgumentException(
            "AsofJoin: key \""
                + k
                + "\" not found in right input. "
                + "Right fields: "
                + rs.getFieldNames()
                + ". Fix by / on, or rename the right field.");
      }
      positions[i] = leftKeys.indexOf(k);
      if (positions[i] < 0) {
        throw new IllegalArgumentException(
            "AsofJoin: key \""
                + k
                + "\" is not a key column of "
                + "the left input. Got by "
                + keys
                + "; key columns "
                + leftKeys
                + ". Add it to "
                + "key_columns (keyedBy) or remove it from by (on). Available fields: "
                + input.schema().getFieldNames());
      }
      if (k.equals(rt)) {
        throw new IllegalArgumentException(
            "AsofJoin: key \""
                + k
                + "\" is the right input's time "
                + "column. Set right_time_column (withRightTimeColumn) or fix by (on).");
      }
      Schema.TypeName lt = input.schema().getField(k).getType().getTypeName();
      Schema.TypeName rtn = rs.getField(k).getType().getTypeName();
      if (lt != rtn) {
        throw new IllegalArgumentException(
            "AsofJoin: key \""
                + k
                + "\" has type "
                + rtn
                + " in the right input and "
                + lt
                + " in the left. Got "
                + rtn
                + "; expected "
                + lt
                + ". Cast one side (cast / types).");
      }
    }
    List<String> cols = new ArrayList<>();
    if (columns.isEmpty()) {
      for (Field f : rs.getFields()) {
        if (!f.getName().equals(rt) && !keys.contains(f.getName())) {
          cols.add(f.getName());
        }
      }
    } else {
      for (String c : columns) {
        if (!rs.hasField(c)) {
          throw new IllegalArgumentException(
              "AsofJoin: column \""
                  + c
                  + "\" not found in right "
                  + "input. Right fields: "
                  + rs.getFieldNames()
                  + ". Fix columns.");
        }
        if (c.equals(rt) || keys.contains(c)) {
          throw new IllegalArgumentException(
              "AsofJoin: column \""
                  + c
                  + "\" is the right "
                  + (c.equals(rt) ? "time column" : "join key")
                  + " and is not added (the left has "
                  + "its own). Got columns "
                  + columns
                  + "; remove \""
                  + c
                  + "\".");
        }
      }
      cols.addAll(columns);
    }
    ChunkLayout rightLayout = AsofKernel.rightLayoutFor(rs, rt, keys);
    Schema.Builder out = Schema.builder();
    Set<String> names = new HashSet<>(input.schema().getFieldNames());
    for (Field f : input.schema().getFields()) {
      out.addField(f);
    }
    int[] sources = new int[cols.size()];
    for (int i = 0; i < sources.length; i++) {
      String c = cols.get(i);
      String name = input.schema().hasField(c) ? OutputNames.suffixed(c, suffix) : c;
      if (!names.add(name)) {
        throw new IllegalArgumentException(
            "AsofJoin: added column \""
                + name
                + "\" (from right "
                + "column \""
                + c
                + "\") already exists. Got suffix \""
                + suffix
                + "\"; choose another "
                + "suffix or fewer columns. Available fields: "
                + input.schema().getFieldNames());
      }
      sources[i] = rightLayout.schema().indexOf(c);
      out.addField(
          Field.of(name, rightLayout.schema().getField(sources[i]).getType().withNullable(true)));
    }
    return new AsofJoinKernel(
        context.stepName(),
        input.withSchema(out.build()),
        rightName,
        rightLayout,
        positions,
        sources,
        direction,
        tolerance == null ? -1 : tolerance.getMillis(),
        allowExactMatches);
  }
}
