package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
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

// Over 500 lines: the public surface of one operation — its nested public types (Agg, Side,
// Interpolation, Origin), the documented builder methods, validation and planning. The kernels
// are in ResampleKernel and TimeWeightedResampleKernel; the rest stays together because the
// nested types are public API and the planner reads every validated parameter.

/**
 * Aggregates each series into fixed time buckets — SEMANTICS §2.2.1 {@code resample}.
 *
 * <pre>{@code
 * input.apply(Resample.every(Duration.standardHours(1)).aggregate(Resample.Agg.MEAN));
 * input.apply(Resample.every(Duration.standardMinutes(5))
 *     .aggregate("flow", Resample.Agg.SUM, Resample.Agg.MAX).aggregate("temp", Resample.Agg.MEAN)
 *     .closed(Resample.Side.RIGHT).label(Resample.Side.RIGHT));
 * // hourly energy (kWh) and time-weighted mean power of a kW signal sampled irregularly
 * input.apply(Resample.every(Duration.standardHours(1))
 *     .aggregate("power_kw", Resample.Agg.INTEGRAL, Resample.Agg.TWA)
 *     .withInterpolation(Resample.Interpolation.LINEAR).withIntegralUnit(Duration.standardHours(1))
 *     .withMaxGap(Duration.standardMinutes(15)));
 * }</pre>
 *
 * <p>Each row goes to its bucket (§1.7: width {@code w}, edges at origin + offset + k·w, {@code
 * closed} and {@code label} sides). Per series, one output row for every bucket from its first
 * non-empty bucket to its last, empty ones included ({@code sum} 0, {@code count} 0, others null),
 * or with {@link #withoutEmptyBuckets()} only buckets that received a row. The time field holds the
 * label; the element timestamp is the bucket's last covered instant (§1.8, set by the engine).
 *
 * <p>Output schema: the key fields (in key order), the time field, then the aggregates: with {@link
 * #aggregate(Agg)} one column {@code {c}} per column; with per-column aggregations, in call order,
 * {@code {c}} for a single aggregation and {@code {c}_{agg}} for each of a list. Types: mean,
 * median, std, var DOUBLE; count INT64; sum INT64 for integral input else DOUBLE; min, max, first,
 * last the input type (DECIMAL as DOUBLE). Counter {@code buckets_empty}. Example (rule 1h): rows
 * {@code 00:10 1, 00:50 3, 01:00 5, 02:30 ·, 02:40 9} give means {@code 00:00 2, 01:00 5, 02:00 9}.
 *
 * <p>{@link Agg#TWA} and {@link Agg#INTEGRAL} (§2.8.1, numeric columns, DOUBLE) integrate the
 * signal built from the series' non-null samples (the last of equal times): a step that holds each
 * value until the next sample ({@link Interpolation#PREVIOUS}, the default) or the line between
 * them ({@link Interpolation#LINEAR}), undefined before the first sample, after the last and across
 * gaps longer than {@link #withMaxGap}. A stretch gives every bucket it crosses its share, so the
 * value in force at a bucket's start may come from any earlier bucket or segment. {@code integral}
 * is in value × {@link #withIntegralUnit integral unit} (default 1 s); {@code twa} divides it by
 * the defined time; both are null where the defined part of a bucket has measure 0. With either,
 * every bucket from the series' first row to its last is emitted, whatever {@link
 * #withoutEmptyBuckets()} says. Example (1h; {@code 00:00 10, 00:30 20, 02:00 30}): twa {@code 15,
 * 20, ·} as a step, {@code 18.333, 26.667, ·} linear.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered} ({@code whole-series} with origin {@code
 * start} / {@code start_day}). Windowed input (e.g. {@code FixedWindows}): each window is processed
 * on its own (state is per key and window), so the first rows of a window see no rows of the
 * previous one. Unbounded input in the global window runs on the streaming executor
 * (docs/streaming.md): a bucket is emitted when the watermark passes its end (twa and integral:
 * once the next sample has arrived too); empty buckets in a gap when the next row arrives. On
 * windowed input, a trigger that fires early or repeatedly, and late panes on unbounded input are
 * rejected when the transform is applied ({@code IllegalArgumentException} naming the fix, see
 * docs/streaming.md); whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a rule, integral unit or max gap ≤ 0, both aggregation
 *     forms, a numeric aggregation of a non-numeric column, or a missing, time or key column
 */
public final class Resample extends TimeSeriesTransform<Resample> {
  private static final long serialVersionUID = 1L;

  /** Aggregations (TOML {@code aggregation}). */
  public enum Agg {
    MEAN,
    SUM,
    MIN,
    MAX,
    FIRST,
    LAST,
    COUNT,
    MEDIAN,
    STD,
    VAR,
    /** Time-weighted average of the signal over the bucket (§2.8.1). */
    TWA,
    /** Integral of the signal over the bucket, in value × integral unit (§2.8.1). */
    INTEGRAL;

    boolean numeric() {
      return this != FIRST && this != LAST && this != COUNT;
    }
  }

  /**
   * How {@link Agg#TWA} and {@link Agg#INTEGRAL} join consecutive samples (TOML {@code
   * interpolation}): a value holds until the next sample, or a straight line to it.
   */
  public enum Interpolation {
    PREVIOUS,
    LINEAR
  }

  /** Bucket side (TOML {@code closed}, {@code label}). */
  public enum Side {
    LEFT,
    RIGHT
  }

  /** Bucket origin (§1.7): the epoch, a fixed instant, or each series' start (day). */
  public static final class Origin implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Grid.SeriesOrigin perSeries;
    private final long instant;

    private Origin(Grid.SeriesOrigin perSeries, long instant) {
      this.perSeries = perSeries;
      this.instant = instant;
    }

    /** The Unix epoch, 1970-01-01T00:00Z (the default origin). */
    public static Origin epoch() {
      return new Origin(Grid.SeriesOrigin.NONE, 0);
    }

    /** The fixed instant {@code t}. */
    public static Origin at(Instant t) {
      return new Origin(Grid.SeriesOrigin.NONE, t.getMillis());
    }

    /** Each series' first time. */
    public static Origin start() {
      return new Origin(Grid.SeriesOrigin.START, 0);
    }

    /** Midnight (in the time zone) of each series' first time. */
    public static Origin startDay() {
      return new Origin(Grid.SeriesOrigin.START_DAY, 0);
    }

    /** The per-series origin kind ({@code NONE} for a fixed instant). */
    Grid.SeriesOrigin perSeries() {
      return perSeries;
    }

    /** Epoch millis of a fixed origin. */
    long instant() {
      return instant;
    }

    @Override
    public String toString() {
      return perSeries == Grid.SeriesOrigin.START
          ? "start"
          : perSeries == Grid.SeriesOrigin.START_DAY
              ? "start_day"
              : instant == 0 ? "epoch" : new Instant(instant).toString();
    }
  }

  /** Per-column aggregations: one string ({@code {c}}) or a list ({@code {c}_{agg}}). */
  private record Entry(String column, List<Agg> aggs, boolean list) implements Serializable {
    Entry {
      aggs = List.copyOf(aggs);
    }
  }

  private final long width;
  private final Agg aggregation;
  private final boolean aggregationSet;
  private final List<String> columns;
  private final List<Entry> entries;
  private final Side closed;
  private final Side label;
  private final Origin origin;
  private final long offset;
  private final boolean emitEmpty;
  private final int ddof;
  private final Interpolation interpolation;
  private final long integralUnit;
  private final long maxGap;

  private Resample(
      SeriesOptions options,
      long width,
      Agg aggregation,
      boolean aggregationSet,
      List<String> columns,
      List<Entry> entries,
      Side closed,
      Side label,
      Origin origin,
      long offset,
      boolean emitEmpty,
      int ddof,
      Interpolation interpolation,
      long integralUnit,
      long maxGap) {
    super(options);
    this.interpolation = interpolation;
    this.integralUnit = integralUnit;
    this.maxGap = maxGap;
    this.width = width;
    this.aggregation = aggregation;
    this.aggregationSet = aggregationSet;
    this.columns = List.copyOf(columns);
    this.entries = List.copyOf(entries);
    this.closed = closed;
    this.label = label;
    this.origin = origin;
    this.offset = offset;
    this.emitEmpty = emitEmpty;
    this.ddof = ddof;
  }

  /** Buckets of width {@code rule}; the mean of every value column unless told otherwise. */
  public static Resample every(Duration rule) {
    if (rule == null || rule.getMillis() <= 0) {
      throw new IllegalArgumentException("Resample: rule must be > 0. Got " + rule + ".");
    }
    return new Resample(
        SeriesOptions.defaults(),
        rule.getMillis(),
        Agg.MEAN,
        false,
        List.of(),
        List.of(),
        Side.LEFT,
        Side.LEFT,
        Origin.epoch(),
        0,
        true,
        1,
        Interpolation.PREVIOUS,
        1000,
        0);
  }

  private Resample copy(
      Agg agg,
      boolean aggSet,
      List<String> cols,
      List<Entry> ents,
      Side c,
      Side l,
      Origin o,
      long off,
      boolean empty,
      int d) {
    return new Resample(
        options(),
        width,
        agg,
        aggSet,
        cols,
        ents,
        c,
        l,
        o,
        off,
        empty,
        d,
        interpolation,
        integralUnit,
        maxGap);
  }

  /** One aggregation for every column of {@link #of} (default: value columns). */
  public Resample aggregate(Agg agg) {
    if (!entries.isEmpty()) {
      throw bothForms();
    }
    return copy(agg, true, columns, entries, closed, label, origin, offset, emitEmpty, ddof);
  }

  /** The columns that {@link #aggregate(Agg)} applies to. */
  public Resample of(String... cols) {
    if (!entries.isEmpty()) {
      throw bothForms();
    }
    return copy(
        aggregation,
        aggregationSet,
        Arrays.asList(cols),
        entries,
        closed,
        label,
        origin,
        offset,
        emitEmpty,
        ddof);
  }

  /** Aggregates {@code column} with one aggregation into a column named {@code column}. */
  public Resample aggregate(String column, Agg agg) {
    return withEntry(new Entry(column, List.of(agg), false));
  }

  /** Aggregates {@code column} into {@code {column}_{agg}} for each aggregation. */
  public Resample aggregate(String column, Agg first, Agg second, Agg... more) {
    List<Agg> all = new ArrayList<>(List.of(first, second));
    all.addAll(Arrays.asList(more));
    return withEntry(new Entry(column, all, true));
  }

  /** List form with any number of aggregations (even one): {@code {column}_{agg}}. */
  public Resample aggregateEach(String column, List<Agg> aggs) {
    if (aggs.isEmpty()) {
      throw new IllegalArgumentException(
          "Resample: aggregations for \"" + column + "\" must not be empty.");
    }
    return withEntry(new Entry(column, aggs, true));
  }

  private Resample withEntry(Entry e) {
    if (aggregationSet || !columns.isEmpty()) {
      throw bothForms();
    }
    for (Entry x : entries) {
      if (x.column().equals(e.column())) {
        throw new IllegalArgumentException(
            "Resample: aggregations name column \"" + e.column() + "\" twice.");
      }
    }
    List<Entry> ents = new ArrayList<>(entries);
    ents.add(e);
    return copy(aggregation, false, columns, ents, closed, label, origin, offset, emitEmpty, ddof);
  }

  private static IllegalArgumentException bothForms() {
    return new IllegalArgumentException("Resample: set aggregation or aggregations, not both.");
  }

  /**
   * A copy whose buckets are closed on {@code side}: {@code LEFT} (default) {@code [start, end)},
   * {@code RIGHT} {@code (start, end]} (§1.7).
   */
  public Resample closed(Side side) {
    return copy(
        aggregation,
        aggregationSet,
        columns,
        entries,
        side,
        label,
        origin,
        offset,
        emitEmpty,
        ddof);
  }

  /**
   * A copy labelling each bucket with its {@code LEFT} (default) start or {@code RIGHT} end (§1.7).
   */
  public Resample label(Side side) {
    return copy(
        aggregation,
        aggregationSet,
        columns,
        entries,
        closed,
        side,
        origin,
        offset,
        emitEmpty,
        ddof);
  }

  /**
   * A copy whose bucket grid starts at {@code o} (default: the epoch; see {@link Origin}, §1.7).
   */
  public Resample withOrigin(Origin o) {
    return copy(
        aggregation, aggregationSet, columns, entries, closed, label, o, offset, emitEmpty, ddof);
  }

  /** Shifts every bucket edge by {@code d} (may be zero or negative). */
  public Resample withOffset(Duration d) {
    return copy(
        aggregation,
        aggregationSet,
        columns,
        entries,
        closed,
        label,
        origin,
        d.getMillis(),
        emitEmpty,
        ddof);
  }

  /** Emits only buckets that received at least one row. */
  public Resample withoutEmptyBuckets() {
    return copy(
        aggregation, aggregationSet, columns, entries, closed, label, origin, offset, false, ddof);
  }

  /**
   * A copy using {@code d} delta degrees of freedom for {@code std} and {@code var} (default 1).
   */
  public Resample withDdof(int d) {
    if (d < 0) {
      throw new IllegalArgumentException("Resample: ddof must be >= 0. Got " + d + ".");
    }
    return copy(
        aggregation, aggregationSet, columns, entries, closed, label, origin, offset, emitEmpty, d);
  }

  /**
   * How {@code twa} and {@code integral} join consecutive samples (default {@link
   * Interpolation#PREVIOUS}: a step).
   */
  public Resample withInterpolation(Interpolation how) {
    return new Resample(
        options(),
        width,
        aggregation,
        aggregationSet,
        columns,
        entries,
        closed,
        label,
        origin,
        offset,
        emitEmpty,
        ddof,
        how,
        integralUnit,
        maxGap);
  }

  /** The unit of {@code integral}: value × {@code unit} (default 1 s; 1 h turns kW into kWh). */
  public Resample withIntegralUnit(Duration unit) {
    return new Resample(
        options(),
        width,
        aggregation,
        aggregationSet,
        columns,
        entries,
        closed,
        label,
        origin,
        offset,
        emitEmpty,
        ddof,
        interpolation,
        checkIntegralUnit("Resample", unit),
        maxGap);
  }

  /**
   * Two consecutive samples further apart than {@code gap} do not connect: {@code twa} and {@code
   * integral} leave the stretch between them out.
   */
  public Resample withMaxGap(Duration gap) {
    return new Resample(
        options(),
        width,
        aggregation,
        aggregationSet,
        columns,
        entries,
        closed,
        label,
        origin,
        offset,
        emitEmpty,
        ddof,
        interpolation,
        integralUnit,
        checkMaxGap("Resample", gap));
  }

  static long checkIntegralUnit(String op, Duration unit) {
    if (unit == null || unit.getMillis() <= 0) {
      throw new IllegalArgumentException(op + ": integral_unit must be > 0. Got " + unit + ".");
    }
    return unit.getMillis();
  }

  static long checkMaxGap(String op, Duration gap) {
    if (gap == null || gap.getMillis() <= 0) {
      throw new IllegalArgumentException(op + ": max_gap must be > 0. Got " + gap + ".");
    }
    return gap.getMillis();
  }

  /** The bucket width. */
  public Duration rule() {
    return Duration.millis(width);
  }

  @Override
  protected Resample withOptions(SeriesOptions o) {
    return new Resample(
        o,
        width,
        aggregation,
        aggregationSet,
        columns,
        entries,
        closed,
        label,
        origin,
        offset,
        emitEmpty,
        ddof,
        interpolation,
        integralUnit,
        maxGap);
  }

  @Override
  public String typeName() {
    return "resample";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("rule", Names.duration(rule()));
    if (entries.isEmpty()) {
      p.put("aggregation", Names.lower(aggregation));
      p.put("columns", columns);
    } else {
      Map<String, String> aggregations = new LinkedHashMap<>();
      for (Entry e : entries) {
        aggregations.put(
            e.column(),
            e.list()
                ? e.aggs().toString().toLowerCase(java.util.Locale.ROOT)
                : Names.lower(e.aggs().get(0)));
      }
      p.put("aggregations", aggregations);
    }
    p.put("closed", Names.lower(closed));
    p.put("label", Names.lower(label));
    p.put("origin", origin);
    if (offset != 0) {
      p.put("offset", Names.duration(Duration.millis(offset)));
    }
    if (!emitEmpty) {
      p.put("emit_empty", false);
    }
    putSignalParameters(p, interpolation, integralUnit, maxGap);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    Schema in = input.schema();
    List<Entry> plan = entries;
    if (plan.isEmpty()) {
      List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
      plan = new ArrayList<>();
      for (String c : cols) {
        plan.add(new Entry(c, List.of(aggregation), false));
      }
    }
    List<Integer> sources = new ArrayList<>();
    List<Agg> aggs = new ArrayList<>();
    List<Field> outFields = new ArrayList<>();
    for (Entry e : plan) {
      if (!in.hasField(e.column())) {
        throw new IllegalArgumentException(
            entries.isEmpty()
                ? "Resample: column \""
                    + e.column()
                    + "\" not found. Available fields: "
                    + in.getFieldNames()
                : "Resample: aggregations names column \""
                    + e.column()
                    + "\" which does not exist. Available fields: "
                    + in.getFieldNames());
      }
      int f = OpColumns.resolve("Resample", input, List.of(e.column()), false)[0];
      FieldType type = in.getField(f).getType();
      for (Agg a : e.aggs()) {
        if (a.numeric() && !OpColumns.isNumeric(type)) {
          throw new IllegalArgumentException(
              "Resample: aggregation \""
                  + Names.lower(a)
                  + "\" needs numeric columns. Got \""
                  + e.column()
                  + "\" ("
                  + type.getTypeName()
                  + ").");
        }
        sources.add(f);
        aggs.add(a);
        String name = e.list() ? OutputNames.aggregate(e.column(), a) : e.column();
        outFields.add(Field.nullable(name, outputType(a, type)));
      }
    }
    Schema.Builder b = OpColumns.keysThenTime(input);
    List<String> seen = new ArrayList<>();
    for (Field f : outFields) {
      if (seen.contains(f.getName())
          || input.keyFields().contains(f.getName())
          || input.timeField().equals(f.getName())) {
        throw new IllegalArgumentException(
            "Resample: output column \""
                + f.getName()
                + "\" is produced twice. Use the list form of aggregations ({c}_{agg} names).");
      }
      seen.add(f.getName());
      b.addField(f);
    }
    ChunkLayout out =
        input
            .withSchema(b.build())
            .withElementTimeOffset(lastInstantAfterLabel(width, closed, label));
    boolean right = closed == Side.RIGHT;
    Grid grid =
        origin.perSeries == Grid.SeriesOrigin.NONE
            ? Grid.fixed(width, origin.instant + offset, right)
            : Grid.perSeries(width, origin.perSeries, offset, right, context.timeZone());
    int[] src = sources.stream().mapToInt(Integer::intValue).toArray();
    Agg[] aggArray = aggs.toArray(new Agg[0]);
    int[] signals = TimeWeighted.sources(src, aggArray);
    if (signals != null) {
      // a stretch crossing a bucket gives it a value: every bucket of the series' range is emitted
      return new TimeWeightedResampleKernel(
          context.stepName(),
          out,
          ContextSpec.regrid(grid).withSeriesInfo(),
          grid,
          src,
          aggArray,
          label == Side.RIGHT,
          ddof,
          new TimeWeighted(signals, interpolation, maxGap, integralUnit));
    }
    return new ResampleKernel(
        context.stepName(),
        out,
        ContextSpec.regrid(grid).withSeriesInfo(),
        grid,
        src,
        aggArray,
        label == Side.RIGHT,
        emitEmpty,
        ddof,
        null);
  }

  /** The keys of §2.8.1 that differ from their defaults, for {@code toString}. */
  /**
   * Puts the time-weighted settings that differ from their defaults into {@code p}: {@code
   * interpolation}, {@code integral_unit}, {@code max_gap}.
   */
  static void putSignalParameters(
      Map<String, Object> p, Interpolation interpolation, long integralUnit, long maxGap) {
    if (interpolation != Interpolation.PREVIOUS) {
      p.put("interpolation", Names.lower(interpolation));
    }
    if (integralUnit != 1000) {
      p.put("integral_unit", Names.duration(Duration.millis(integralUnit)));
    }
    if (maxGap > 0) {
      p.put("max_gap", Names.duration(Duration.millis(maxGap)));
    }
  }

  /**
   * The bucket's last covered instant minus its label (SEMANTICS §1.8): {@code end − 1 ms} for
   * {@code closed = left}, {@code end} for {@code right}, whatever the label.
   */
  static long lastInstantAfterLabel(long width, Side closed, Side label) {
    long last = closed == Side.LEFT ? width - 1 : width;
    return label == Side.LEFT ? last : last - width;
  }

  static FieldType outputType(Agg a, FieldType in) {
    switch (a) {
      case COUNT:
        return FieldType.INT64;
      case SUM:
        return OpColumns.isIntegral(in) ? FieldType.INT64 : FieldType.DOUBLE;
      case MIN:
      case MAX:
      case FIRST:
      case LAST:
        return OpColumns.selectedType(in);
      default:
        return FieldType.DOUBLE;
    }
  }
}
