package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ContextSpec;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.ops.Resample.Agg;
import io.industryts.ops.Resample.Interpolation;
import io.industryts.ops.Resample.Origin;
import io.industryts.ops.Resample.Side;
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

/**
 * Bucketed multi-aggregation that keeps keys and extra grouping columns — SEMANTICS §2.4.1 {@code
 * group_by_time} (SQL {@code GROUP BY keys, by, bucket}).
 *
 * <pre>{@code
 * input.apply(GroupByTime.every(Duration.standardHours(1))
 *     .aggregate("v", Resample.Agg.MEAN, Resample.Agg.MAX).alsoBy("status"));
 * input.apply(GroupByTime.every(Duration.standardHours(1))
 *     .aggregate("power_kw", Resample.Agg.INTEGRAL, Resample.Agg.MAX)
 *     .withIntegralUnit(Duration.standardHours(1)).withMaxGap(Duration.standardMinutes(15)));
 * }</pre>
 *
 * <p>Each row goes to its bucket (§1.7, as {@link Resample}: {@code closed}, {@code label}, {@code
 * origin}, {@code offset}); one output row per <em>non-empty</em> group of (series, {@code by}
 * values, bucket), never an empty bucket. A null {@code by} value is a group of its own. Within a
 * bucket, groups are ordered by their {@code by} values ascending, nulls last (pandas {@code
 * groupby(sort=True, dropna=False)}). Example ({@code every = 1h}, {@code v → [mean, max, count]}):
 * {@code a 00:10 → 1, a 00:50 → 3, a 02:30 → 5, b 00:20 → 10} gives {@code a 00:00 (2, 3, 2), a
 * 02:00 (5, 5, 1), b 00:00 (10, 10, 1)}; no {@code a 01:00} row.
 *
 * <p>Output schema: the key fields (in key order), the {@code by} fields (in {@code by} order), the
 * time field (holding the label), then the aggregates {@code {c}_{agg}} in call order (types as
 * {@link Resample}: count INT64, sum INT64 for integral input else DOUBLE, min/max/first/last the
 * input type, others DOUBLE). Other input columns are dropped. The element timestamp is the
 * bucket's last covered instant (§1.8).
 *
 * <p>{@code twa} and {@code integral} (§2.8.1) are those of {@link Resample} ({@link
 * #withInterpolation}, {@link #withIntegralUnit}, {@link #withMaxGap}). A stretch between two
 * samples gives a value to every bucket it crosses, so with either of them a group is also emitted
 * for every bucket a defined stretch crosses (its other aggregations see no values: {@code count}
 * 0, {@code sum} 0, others null). They need the whole series and cannot be combined with {@code
 * by}.
 *
 * <p>Edges: empty input gives no row; a single row gives one group; an all-null column gives {@code
 * count} 0, {@code sum} 0 and null for the others. Class {@code ordered}.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code ordered}. Windowed input (e.g. {@code
 * FixedWindows}): each window is processed on its own (state is per key and window), so the first
 * rows of a window see no rows of the previous one. Unbounded input in the global window runs on
 * the streaming executor (docs/streaming.md): a bucket is emitted when the watermark passes its end
 * (twa and integral: once the next sample has arrived too). On windowed input, a trigger that fires
 * early or repeatedly, and late panes on unbounded input are rejected when the transform is applied
 * ({@code IllegalArgumentException} naming the fix, see docs/streaming.md); whole-series operations
 * name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a width, integral unit or max gap ≤ 0, no aggregations,
 *     {@code twa} or {@code integral} with {@code by}, a {@code by} column that is missing, the
 *     time column or a key column, an aggregation column that is missing, time or key, or a numeric
 *     aggregation of a non-numeric column
 */
public final class GroupByTime extends TimeSeriesTransform<GroupByTime> {
  private static final long serialVersionUID = 1L;

  /** Aggregations of one column. */
  private record Entry(String column, List<Agg> aggs) implements Serializable {
    Entry {
      aggs = List.copyOf(aggs);
    }
  }

  private final long width;
  private final List<Entry> entries;
  private final List<String> by;
  private final Side closed;
  private final Side label;
  private final Origin origin;
  private final long offset;
  private final int ddof;
  private final Interpolation interpolation;
  private final long integralUnit;
  private final long maxGap;

  private GroupByTime(
      SeriesOptions options,
      long width,
      List<Entry> entries,
      List<String> by,
      Side closed,
      Side label,
      Origin origin,
      long offset,
      int ddof,
      Interpolation interpolation,
      long integralUnit,
      long maxGap) {
    super(options);
    this.interpolation = interpolation;
    this.integralUnit = integralUnit;
    this.maxGap = maxGap;
    this.width = width;
    this.entries = List.copyOf(entries);
    this.by = List.copyOf(by);
    this.closed = closed;
    this.label = label;
    this.origin = origin;
    this.offset = offset;
    this.ddof = ddof;
  }

  /** Buckets of width {@code every}; add aggregations with {@link #aggregate}. */
  public static GroupByTime every(Duration every) {
    if (every == null || every.getMillis() <= 0) {
      throw new IllegalArgumentException("GroupByTime: every must be > 0. Got " + every + ".");
    }
    return new GroupByTime(
        SeriesOptions.defaults(),
        every.getMillis(),
        List.of(),
        List.of(),
        Side.LEFT,
        Side.LEFT,
        Origin.epoch(),
        0,
        1,
        Interpolation.PREVIOUS,
        1000,
        0);
  }

  private GroupByTime copy(
      List<Entry> ents, List<String> b, Side c, Side l, Origin o, long off, int d) {
    return new GroupByTime(
        options(), width, ents, b, c, l, o, off, d, interpolation, integralUnit, maxGap);
  }

  /** Aggregates {@code column} into {@code {column}_{agg}} for each aggregation. */
  public GroupByTime aggregate(String column, Agg first, Agg... more) {
    List<Agg> all = new ArrayList<>();
    all.add(first);
    all.addAll(Arrays.asList(more));
    return aggregateEach(column, all);
  }

  /** Aggregates {@code column} into {@code {column}_{agg}} for each of {@code aggs}. */
  public GroupByTime aggregateEach(String column, List<Agg> aggs) {
    if (aggs.isEmpty()) {
      throw new IllegalArgumentException(
          "GroupByTime: aggregations for \"" + column + "\" must not be empty.");
    }
    for (Entry e : entries) {
      if (e.column().equals(column)) {
        throw new IllegalArgumentException(
            "GroupByTime: aggregations name column \"" + column + "\" twice.");
      }
    }
    List<Entry> ents = new ArrayList<>(entries);
    ents.add(new Entry(column, aggs));
    return checkByWithTimeWeighted(copy(ents, by, closed, label, origin, offset, ddof));
  }

  /** Extra grouping columns besides the keys and the bucket (TOML {@code by}). */
  public GroupByTime alsoBy(String... columns) {
    return checkByWithTimeWeighted(
        copy(entries, Arrays.asList(columns), closed, label, origin, offset, ddof));
  }

  /** {@code twa} and {@code integral} integrate a series' signal; by groups would cut it. */
  private static GroupByTime checkByWithTimeWeighted(GroupByTime op) {
    if (!op.by.isEmpty()) {
      for (Entry e : op.entries) {
        for (Agg a : e.aggs()) {
          if (TimeWeighted.isTimeWeighted(a)) {
            throw new IllegalArgumentException(
                "GroupByTime: twa and integral need the whole series; remove by.");
          }
        }
      }
    }
    return op;
  }

  /**
   * A copy whose buckets are closed on {@code side}: {@code LEFT} (default) {@code [start, end)},
   * {@code RIGHT} {@code (start, end]} (§1.7).
   */
  public GroupByTime closed(Side side) {
    return copy(entries, by, side, label, origin, offset, ddof);
  }

  /**
   * A copy labelling each bucket with its {@code LEFT} (default) start or {@code RIGHT} end (§1.7).
   */
  public GroupByTime label(Side side) {
    return copy(entries, by, closed, side, origin, offset, ddof);
  }

  /** A copy whose bucket grid starts at {@code o} (default: the epoch, §1.7). */
  public GroupByTime withOrigin(Origin o) {
    return copy(entries, by, closed, label, o, offset, ddof);
  }

  /** Shifts every bucket edge by {@code d} (may be zero or negative). */
  public GroupByTime withOffset(Duration d) {
    return copy(entries, by, closed, label, origin, d.getMillis(), ddof);
  }

  /**
   * A copy using {@code d} delta degrees of freedom for {@code std} and {@code var} (default 1).
   */
  public GroupByTime withDdof(int d) {
    if (d < 0) {
      throw new IllegalArgumentException("GroupByTime: ddof must be >= 0. Got " + d + ".");
    }
    return copy(entries, by, closed, label, origin, offset, d);
  }

  /**
   * How {@code twa} and {@code integral} join consecutive samples (default {@link
   * Interpolation#PREVIOUS}: a step).
   */
  public GroupByTime withInterpolation(Interpolation how) {
    return new GroupByTime(
        options(),
        width,
        entries,
        by,
        closed,
        label,
        origin,
        offset,
        ddof,
        how,
        integralUnit,
        maxGap);
  }

  /** The unit of {@code integral}: value × {@code unit} (default 1 s; 1 h turns kW into kWh). */
  public GroupByTime withIntegralUnit(Duration unit) {
    return new GroupByTime(
        options(),
        width,
        entries,
        by,
        closed,
        label,
        origin,
        offset,
        ddof,
        interpolation,
        Resample.checkIntegralUnit("GroupByTime", unit),
        maxGap);
  }

  /**
   * Two consecutive samples further apart than {@code gap} do not connect: {@code twa} and {@code
   * integral} leave the stretch between them out.
   */
  public GroupByTime withMaxGap(Duration gap) {
    return new GroupByTime(
        options(),
        width,
        entries,
        by,
        closed,
        label,
        origin,
        offset,
        ddof,
        interpolation,
        integralUnit,
        Resample.checkMaxGap("GroupByTime", gap));
  }

  @Override
  protected GroupByTime withOptions(SeriesOptions o) {
    return new GroupByTime(
        o,
        width,
        entries,
        by,
        closed,
        label,
        origin,
        offset,
        ddof,
        interpolation,
        integralUnit,
        maxGap);
  }

  @Override
  public String typeName() {
    return "group_by_time";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("every", Names.duration(Duration.millis(width)));
    Map<String, String> aggregations = new LinkedHashMap<>();
    for (Entry e : entries) {
      aggregations.put(e.column(), e.aggs().toString().toLowerCase(java.util.Locale.ROOT));
    }
    p.put("aggregations", aggregations);
    p.put("by", by);
    p.put("closed", Names.lower(closed));
    p.put("label", Names.lower(label));
    p.put("origin", origin);
    if (offset != 0) {
      p.put("offset", Names.duration(Duration.millis(offset)));
    }
    if (ddof != 1) {
      p.put("ddof", ddof);
    }
    Resample.putSignalParameters(p, interpolation, integralUnit, maxGap);
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          "GroupByTime: aggregations is required. Got none;"
              + " expected e.g. aggregate(\"v\", Agg.MEAN) (TOML aggregations = { v = [\"mean\"] }).");
    }
    Schema in = input.schema();
    int[] byIdx = new int[by.size()];
    for (int i = 0; i < byIdx.length; i++) {
      String b = by.get(i);
      if (!in.hasField(b)) {
        throw new IllegalArgumentException(
            "GroupByTime: by column \""
                + b
                + "\" not found. Available fields: "
                + in.getFieldNames());
      }
      int f = in.indexOf(b);
      if (f == input.timeIndex()) {
        throw new IllegalArgumentException(
            "GroupByTime: by column \""
                + b
                + "\" is the time column; buckets already group by time.");
      }
      if (input.isTimeOrKey(f)) {
        throw new IllegalArgumentException(
            "GroupByTime: by column \"" + b + "\" is also a key column.");
      }
      if (by.indexOf(b) != i) {
        throw new IllegalArgumentException("GroupByTime: by column \"" + b + "\" is listed twice.");
      }
      byIdx[i] = f;
    }
    List<Integer> sources = new ArrayList<>();
    List<Agg> aggs = new ArrayList<>();
    List<Field> aggFields = new ArrayList<>();
    for (Entry e : entries) {
      if (!in.hasField(e.column())) {
        throw new IllegalArgumentException(
            "GroupByTime: aggregations names column \""
                + e.column()
                + "\" which does not exist. Available fields: "
                + in.getFieldNames());
      }
      int f = OpColumns.resolve("GroupByTime", input, List.of(e.column()), false)[0];
      FieldType type = in.getField(f).getType();
      for (Agg a : e.aggs()) {
        if (a.numeric() && !OpColumns.isNumeric(type)) {
          throw new IllegalArgumentException(
              "GroupByTime: aggregation \""
                  + Names.lower(a)
                  + "\" needs numeric columns. Got \""
                  + e.column()
                  + "\" ("
                  + type.getTypeName()
                  + ").");
        }
        sources.add(f);
        aggs.add(a);
        aggFields.add(
            Field.nullable(OutputNames.aggregate(e.column(), a), Resample.outputType(a, type)));
      }
    }
    Schema.Builder b = OpColumns.keysThenTime(input, byIdx);
    List<String> names = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int k : input.keyIndexes()) {
      kept.add(k);
    }
    for (int f : byIdx) {
      kept.add(f);
    }
    kept.add(input.timeIndex());
    for (int f : kept) {
      names.add(in.getField(f).getName());
    }
    for (Field f : aggFields) {
      if (names.contains(f.getName())) {
        throw new IllegalArgumentException(
            "GroupByTime: output column \""
                + f.getName()
                + "\" already exists. Rename the existing column.");
      }
      names.add(f.getName());
      b.addField(f);
    }
    ChunkLayout out =
        input
            .withSchema(b.build())
            .withElementTimeOffset(Resample.lastInstantAfterLabel(width, closed, label));
    // where each kept by-column lands in the output
    int[] byOut = new int[byIdx.length];
    for (int i = 0; i < byIdx.length; i++) {
      byOut[i] = kept.indexOf(byIdx[i]);
    }
    boolean right = closed == Side.RIGHT;
    Grid grid =
        origin.perSeries() == Grid.SeriesOrigin.NONE
            ? Grid.fixed(width, origin.instant() + offset, right)
            : Grid.perSeries(width, origin.perSeries(), offset, right, context.timeZone());
    int[] src = sources.stream().mapToInt(Integer::intValue).toArray();
    Agg[] aggArray = aggs.toArray(new Agg[0]);
    int[] signals = TimeWeighted.sources(src, aggArray);
    if (signals != null) {
      if (byIdx.length > 0) {
        throw new IllegalArgumentException(
            "GroupByTime: twa and integral need the whole series; remove by.");
      }
      return new TimeWeightedGroupKernel(
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
    return new GroupKernel(
        context.stepName(),
        out,
        ContextSpec.regrid(grid).withSeriesInfo(),
        grid,
        byIdx,
        byOut,
        src,
        aggArray,
        label == Side.RIGHT,
        ddof,
        null);
  }
}
