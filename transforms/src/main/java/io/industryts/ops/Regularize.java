package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Puts each series on a regular grid (upsampling) — SEMANTICS §2.2.2 {@code regularize}.
 *
 * <pre>{@code
 * input.apply(Regularize.every(Duration.standardMinutes(1)).fill(Regularize.Fill.FORWARD)
 *     .withMaxGap(Duration.standardMinutes(5)));
 * input.apply(Regularize.every(Duration.standardSeconds(1)).fill(Regularize.Fill.LINEAR)
 *     .of("temp").between(start, end).withFlag());
 * }</pre>
 *
 * <p>Grid points {@code g = origin + offset + k·w} from the bucket (closed left) of each series'
 * first row to that of its last, or from {@link #between start} to {@code end} inclusive (both
 * rounded down to the grid) for every series. One output row per grid point. A row exactly at
 * {@code g} (the last of several) supplies its values as they are; otherwise, with {@code p} the
 * last row before {@code g} and {@code n} the first time after it (the last row at that time, as
 * pandas' de-duplication keeps it): {@link Fill#NULL} all null, {@link Fill#FORWARD} {@code p}'s
 * values, {@link Fill#BACKWARD} {@code n}'s, {@link Fill#NEAREST} the closer (a tie takes {@code
 * n}), {@link Fill#LINEAR} per column time-linear between the column's nearest non-null values at
 * or before and at or after {@code g} (off-grid rows included). {@link #withMaxGap}: a point is
 * null when {@code t(n) − t(p)} exceeds the gap (per column non-null neighbours for linear; with
 * one neighbour missing, its distance to {@code g}). {@link #withFlag}: {@code {c}_is_filled} is
 * true iff no row was at {@code g} and the value is non-null.
 *
 * <p>Output schema: the key fields (in key order), the time field, then {@code columns} (default:
 * all but time and keys; linear: value columns) in order, typed as the input (DECIMAL as DOUBLE) or
 * DOUBLE for linear, then the flags. The time field holds {@code g}; the element timestamp is
 * {@code g + w − 1 ms} (set by the engine). Counters {@code rows_inserted}, {@code values_filled}.
 * Example (1 min; rows {@code 00:00:20 1, 00:01:00 ·, 00:01:30 3, 00:04:10 9}): forward gives
 * {@code ·, ·, 3, 3, 3} at 00:00…00:04, linear {@code ·, 2.1429, 4.125, 6.375, 8.625}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): grid points are emitted when the watermark passes
 * them and the next row (for linear fill, the next observation of every column) has arrived. On
 * windowed input, a trigger that fires early or repeatedly, and late panes on unbounded input are
 * rejected when the transform is applied ({@code IllegalArgumentException} naming the fix, see
 * docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a rule or max_gap ≤ 0, start after end, or (when applied) a
 *     missing, time or key column, or a non-numeric column with linear fill
 */
public final class Regularize extends TimeSeriesTransform<Regularize> {
  private static final long serialVersionUID = 1L;

  /** How grid points without a row get values (TOML {@code fill}). */
  public enum Fill {
    NULL,
    FORWARD,
    BACKWARD,
    NEAREST,
    LINEAR
  }

  private final long width;
  private final Fill fill;
  private final List<String> columns;
  private final long maxGap;
  private final Resample.Origin origin;
  private final long offset;
  private final Instant start;
  private final Instant end;
  private final boolean flag;

  private Regularize(
      SeriesOptions options,
      long width,
      Fill fill,
      List<String> columns,
      long maxGap,
      Resample.Origin origin,
      long offset,
      Instant start,
      Instant end,
      boolean flag) {
    super(options);
    this.width = width;
    this.fill = fill;
    this.columns = List.copyOf(columns);
    this.maxGap = maxGap;
    this.origin = origin;
    this.offset = offset;
    this.start = start;
    this.end = end;
    this.flag = flag;
  }

  /** A grid of step {@code rule}, forward fill, every field but time and keys. */
  public static Regularize every(Duration rule) {
    if (rule == null || rule.getMillis() <= 0) {
      throw new IllegalArgumentException("Regularize: rule must be > 0. Got " + rule + ".");
    }
    return new Regularize(
        SeriesOptions.defaults(),
        rule.getMillis(),
        Fill.FORWARD,
        List.of(),
        -1,
        Resample.Origin.epoch(),
        0,
        null,
        null,
        false);
  }

  private Regularize copy(
      Fill f,
      List<String> cols,
      long gap,
      Resample.Origin o,
      long off,
      Instant s,
      Instant e,
      boolean fl) {
    return new Regularize(options(), width, f, cols, gap, o, off, s, e, fl);
  }

  /** How points without a row are filled (default forward). */
  public Regularize fill(Fill f) {
    return copy(f, columns, maxGap, origin, offset, start, end, flag);
  }

  /** The output columns besides time and keys. */
  public Regularize of(String... cols) {
    return copy(fill, Arrays.asList(cols), maxGap, origin, offset, start, end, flag);
  }

  /** Points whose neighbours are more than {@code gap} apart stay null. */
  public Regularize withMaxGap(Duration gap) {
    if (gap == null || gap.getMillis() <= 0) {
      throw new IllegalArgumentException("Regularize: max_gap must be > 0. Got " + gap + ".");
    }
    return copy(fill, columns, gap.getMillis(), origin, offset, start, end, flag);
  }

  /** Grid origin (§1.7; default the epoch). */
  public Regularize withOrigin(Resample.Origin o) {
    return copy(fill, columns, maxGap, o, offset, start, end, flag);
  }

  /** Shifts every grid point by {@code d} (may be zero or negative). */
  public Regularize withOffset(Duration d) {
    return copy(fill, columns, maxGap, origin, d.getMillis(), start, end, flag);
  }

  /**
   * The same grid range for every series: {@code start} to {@code end} inclusive (either may be
   * null).
   */
  public Regularize between(Instant s, Instant e) {
    if (s != null && e != null && s.isAfter(e)) {
      throw new IllegalArgumentException(
          "Regularize: start is after end. Got start "
              + FilterTime.show(s)
              + ", end "
              + FilterTime.show(e)
              + ".");
    }
    return copy(fill, columns, maxGap, origin, offset, s, e, flag);
  }

  /** A copy that adds {@code {c}_is_filled} flags. */
  public Regularize withFlag() {
    return withFlag(true);
  }

  /** A copy that adds (or not) a never-null BOOLEAN {@code {c}_is_filled} per column. */
  public Regularize withFlag(boolean on) {
    return copy(fill, columns, maxGap, origin, offset, start, end, on);
  }

  /** The grid step. */
  public Duration rule() {
    return Duration.millis(width);
  }

  /** How grid points without a row get their values. */
  public Fill fillMethod() {
    return fill;
  }

  @Override
  protected Regularize withOptions(SeriesOptions o) {
    return new Regularize(o, width, fill, columns, maxGap, origin, offset, start, end, flag);
  }

  @Override
  public String typeName() {
    return "regularize";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("rule", Names.duration(rule()));
    p.put("fill", Names.lower(fill));
    p.put("columns", columns);
    if (maxGap > 0) {
      p.put("max_gap", Names.duration(Duration.millis(maxGap)));
    }
    p.put("origin", origin);
    if (offset != 0) {
      p.put("offset", Names.duration(Duration.millis(offset)));
    }
    if (start != null) {
      p.put("start", FilterTime.show(start));
    }
    if (end != null) {
      p.put("end", FilterTime.show(end));
    }
    if (flag) {
      p.put("flag", true);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    Schema in = input.schema();
    boolean linear = fill == Fill.LINEAR;
    List<String> cols = columns;
    if (cols.isEmpty()) {
      cols = linear ? OpColumns.valueColumns(input) : OpColumns.nonTimeKeyColumns(input);
    }
    int[] idx = OpColumns.resolve("Regularize", input, cols, false);
    if (linear) {
      for (int f : idx) {
        if (!OpColumns.isNumeric(in.getField(f).getType())) {
          throw new IllegalArgumentException(
              "Regularize: fill \"linear\" needs numeric columns. Got \""
                  + in.getField(f).getName()
                  + "\" ("
                  + in.getField(f).getType().getTypeName()
                  + ").");
        }
      }
    }
    Schema.Builder b = OpColumns.keysThenTime(input);
    FieldType[] outTypes = new FieldType[idx.length];
    for (int c = 0; c < idx.length; c++) {
      Field field = in.getField(idx[c]);
      outTypes[c] = linear ? FieldType.DOUBLE : OpColumns.selectedType(field.getType());
      b.addField(field.withType(outTypes[c].withNullable(true)));
    }
    if (flag) {
      List<String> flags = new ArrayList<>();
      for (int f : idx) {
        flags.add(OutputNames.isFilled(in.getField(f).getName()));
      }
      OutputNames.checkNoClash("Regularize", in, flags);
      for (String n : flags) {
        b.addField(OpColumns.derivedFlag(n));
      }
    }
    Grid grid =
        origin.perSeries() == Grid.SeriesOrigin.NONE
            ? Grid.fixed(width, origin.instant() + offset, false)
            : Grid.perSeries(width, origin.perSeries(), offset, false, context.timeZone());
    // a grid point stands for [g, g + w): its element timestamp is g + w − 1 ms (§1.8)
    ChunkLayout out = input.withSchema(b.build()).withElementTimeOffset(width - 1);
    return new RegularizeKernel(
        context.stepName(),
        out,
        grid,
        idx,
        outTypes,
        fill,
        maxGap,
        start == null ? Long.MIN_VALUE : start.getMillis(),
        end == null ? Long.MAX_VALUE : end.getMillis(),
        flag);
  }

  /**
   * The rows of a stretch of the series that grid points outside it may need: its first time's last
   * row, its last row, and per column the first and last non-null values (rows de-duplicated by
   * time, keeping the last).
   */
  static final class Edge implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One-row chunks (null when the stretch is empty). */
    Chunk first;

    Chunk last;
    boolean[] has;
    long[] firstObsTime;
    double[] firstObs;
    long[] lastObsTime;
    double[] lastObs;
  }
}
