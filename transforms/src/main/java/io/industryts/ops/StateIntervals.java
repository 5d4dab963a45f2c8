package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;

/**
 * One row per run of a state: how long a machine was on, off or faulted, how long a limit was
 * exceeded — SEMANTICS §2.8.3 {@code state_intervals}.
 *
 * <pre>{@code
 * input.apply(StateIntervals.of("status").keyedBy("machine"));
 * input.apply(StateIntervals.where("temp").above(90.0)
 *     .withMinDuration(Duration.standardMinutes(5)));
 * }</pre>
 *
 * <p>The state of a row is the value of {@code column} ({@link #of}), or with {@link #above} /
 * {@link #below} the boolean {@code x > above} (or {@code x < below}; both: either), null where
 * {@code x} is null. A run is a maximal sequence of consecutive rows (series order) with equal
 * state and no two consecutive rows further apart than {@link #withMaxGap max_gap}; null is a state
 * of its own unless {@link #skipNulls()} leaves null rows out first. A run ends at the time of the
 * next row (which has another state: the state held until then), or at its own last row's time when
 * it is the last run of the series or {@code max_gap} separates it from the next row. Runs shorter
 * than {@link #withMinDuration min_duration} are not emitted (counter {@code intervals_short}).
 *
 * <p>Output schema (its own): the key columns, the state ({@code {column}}, the column's type, or
 * {@code {column}_state} BOOLEAN for a threshold), the time column (run start), {@code end}
 * (DATETIME), {@code duration_s} (DOUBLE, seconds) and {@code rows} (INT64). Rows are in series
 * order of their start; each is stamped with its {@code end} as element timestamp. Runs cross the
 * engine's segments: each run is emitted once, by the segment holding its first row. Example:
 * {@code 00:00 on, 00:05 on, 00:10 off, 00:30 on} gives {@code (on, 00:00, 00:10, 600, 2)}, {@code
 * (off, 00:10, 00:30, 1200, 1)}, {@code (on, 00:30, 00:30, 0, 1)}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): a run is emitted once a row of another state follows
 * it, or at the end of the stream. On windowed input, a trigger that fires early or repeatedly, and
 * late panes on unbounded input are rejected when the transform is applied ({@code
 * IllegalArgumentException} naming the fix, see docs/streaming.md); whole-series operations name
 * bounded input as the fix.
 *
 * @throws IllegalArgumentException for a max_gap or min_duration ≤ 0, a threshold that is not
 *     finite, or (when applied) a missing, time or key column, a threshold on a non-numeric column,
 *     or an output name that clashes with a key or the time column
 */
public final class StateIntervals extends TimeSeriesTransform<StateIntervals> {
  private static final long serialVersionUID = 1L;

  /** What a null state does (TOML {@code nulls}). */
  public enum Nulls {
    /** Null is a state of its own: consecutive null rows form a run. */
    STATE,
    /** Null rows are left out before runs are formed. */
    SKIP
  }

  private final String column;
  private final boolean condition;
  private final Double above;
  private final Double below;
  private final Nulls nulls;
  private final Duration maxGap;
  private final Duration minDuration;

  private StateIntervals(
      SeriesOptions options,
      String column,
      boolean condition,
      Double above,
      Double below,
      Nulls nulls,
      Duration maxGap,
      Duration minDuration) {
    super(options);
    this.column = Objects.requireNonNull(column, "column");
    this.condition = condition;
    this.above = above;
    this.below = below;
    this.nulls = nulls;
    this.maxGap = maxGap;
    this.minDuration = minDuration;
  }

  /** Runs of the values of {@code column} (any type): the state is the value. */
  public static StateIntervals of(String column) {
    return new StateIntervals(
        SeriesOptions.defaults(), column, false, null, null, Nulls.STATE, null, null);
  }

  /**
   * Runs of a condition on the numeric {@code column}; complete it with {@link #above} and/or
   * {@link #below}. The output state column is {@code {column}_state} (BOOLEAN).
   */
  public static StateIntervals where(String column) {
    return new StateIntervals(
        SeriesOptions.defaults(), column, true, null, null, Nulls.STATE, null, null);
  }

  /** A copy whose state is {@code x > threshold} (or'ed with {@link #below} when both are set). */
  public StateIntervals above(double threshold) {
    return new StateIntervals(
        options(),
        column,
        condition,
        finite("above", threshold),
        below,
        nulls,
        maxGap,
        minDuration);
  }

  /** A copy whose state is {@code x < threshold} (or'ed with {@link #above} when both are set). */
  public StateIntervals below(double threshold) {
    return new StateIntervals(
        options(),
        column,
        condition,
        above,
        finite("below", threshold),
        nulls,
        maxGap,
        minDuration);
  }

  /** A copy that leaves rows with a null state out before forming runs ({@code nulls = "skip"}). */
  public StateIntervals skipNulls() {
    return withNulls(Nulls.SKIP);
  }

  /** A copy with the given null handling. */
  public StateIntervals withNulls(Nulls n) {
    return new StateIntervals(
        options(), column, condition, above, below, Objects.requireNonNull(n), maxGap, minDuration);
  }

  /** A copy in which two consecutive rows further apart than {@code gap} end a run. */
  public StateIntervals withMaxGap(Duration gap) {
    return new StateIntervals(
        options(), column, condition, above, below, nulls, positive("max_gap", gap), minDuration);
  }

  /** A copy that emits only runs lasting at least {@code d} (exactly {@code d} is emitted). */
  public StateIntervals withMinDuration(Duration d) {
    return new StateIntervals(
        options(), column, condition, above, below, nulls, maxGap, positive("min_duration", d));
  }

  private static double finite(String key, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "StateIntervals: " + key + " must be a finite number. Got " + v + ".");
    }
    return v;
  }

  private static Duration positive(String key, Duration d) {
    if (d == null || d.getMillis() <= 0) {
      throw new IllegalArgumentException(
          "StateIntervals: " + key + " must be a duration > 0. Got " + d + ".");
    }
    return d;
  }

  /** The column whose value (or threshold condition) is the state. */
  public String column() {
    return column;
  }

  /** Whether the state is a threshold condition (BOOLEAN {@code {column}_state}). */
  public boolean isThreshold() {
    return above != null || below != null;
  }

  @Override
  protected StateIntervals withOptions(SeriesOptions o) {
    return new StateIntervals(o, column, condition, above, below, nulls, maxGap, minDuration);
  }

  @Override
  public String typeName() {
    return "state_intervals";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("column", column);
    if (above != null) {
      p.put("above", Names.number(above));
    }
    if (below != null) {
      p.put("below", Names.number(below));
    }
    p.put("nulls", Names.lower(nulls));
    if (maxGap != null) {
      p.put("max_gap", Names.duration(maxGap));
    }
    if (minDuration != null) {
      p.put("min_duration", Names.duration(minDuration));
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    if (condition && !isThreshold()) {
      throw new IllegalArgumentException(
          "StateIntervals: where(\""
              + column
              + "\") needs a condition. Got no threshold; expected above(x) and/or below(x)"
              + " (TOML keys above, below), or StateIntervals.of(\""
              + column
              + "\") for the column's values as states.");
    }
    int src = OpColumns.resolve("StateIntervals", input, List.of(column), false)[0];
    Schema in = input.schema();
    FieldType srcType = in.getField(src).getType();
    if (isThreshold() && !OpColumns.isNumeric(srcType)) {
      throw new IllegalArgumentException(
          "StateIntervals: above/below need a numeric column. Got \""
              + column
              + "\" ("
              + srcType.getTypeName()
              + ").");
    }
    String stateName = isThreshold() ? OutputNames.state(column) : column;
    FieldType stateType = isThreshold() ? FieldType.BOOLEAN : srcType.withNullable(false);
    List<String> own = List.of(stateName, "end", "duration_s", "rows");
    Schema.Builder b = Schema.builder();
    List<String> kept = new ArrayList<>();
    for (int k : input.keyIndexes()) {
      b.addField(in.getField(k));
      kept.add(in.getField(k).getName());
    }
    kept.add(input.timeField());
    for (String n : own) {
      if (kept.contains(n)) {
        throw new IllegalArgumentException(
            "StateIntervals: output column \""
                + n
                + "\" would clash with the "
                + (n.equals(input.timeField()) ? "time" : "key")
                + " column of that name. Got key columns "
                + input.keyFields()
                + " and time column \""
                + input.timeField()
                + "\"; expected none named "
                + own
                + ". Rename that column first (rename).");
      }
    }
    b.addField(Field.nullable(stateName, stateType));
    b.addField(in.getField(input.timeIndex()));
    b.addField(Field.of("end", FieldType.DATETIME));
    b.addField(Field.of("duration_s", FieldType.DOUBLE));
    b.addField(Field.of("rows", FieldType.INT64));
    ChunkLayout out =
        input.withSchema(b.build()).withElementTimeOffset(0).withElementTimeField("end");
    return new StateKernel(
        context.stepName(),
        out,
        src,
        above,
        below,
        nulls == Nulls.SKIP,
        maxGap == null ? -1 : maxGap.getMillis(),
        minDuration == null ? -1 : minDuration.getMillis());
  }

  /**
   * What a stretch of the series tells its neighbours (rows with a skipped null state not counted):
   * its first and last row, and its leading run — rows and end when the stretch itself ends that
   * run, or the whole stretch when the run may go on in the next one.
   */
  static final class Runs implements Serializable {
    private static final long serialVersionUID = 1L;
    final long rows;
    final long firstTime;
    final Object firstState;
    final long lastTime;
    final Object lastState;

    /** Rows of the leading run inside the stretch; {@code == rows} when the run fills it. */
    final long leadingRows;

    /** End of the leading run when it ends inside the stretch (see {@link #leadingRows}). */
    final long leadingEnd;

    Runs(
        long rows,
        long firstTime,
        Object firstState,
        long lastTime,
        Object lastState,
        long leadingRows,
        long leadingEnd) {
      this.rows = rows;
      this.firstTime = firstTime;
      this.firstState = firstState;
      this.lastTime = lastTime;
      this.lastState = lastState;
      this.leadingRows = leadingRows;
      this.leadingEnd = leadingEnd;
    }

    boolean whole() {
      return leadingRows == rows;
    }
  }
}
