package io.industryts.ops;

import io.industryts.OutputNames;
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
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Calendar features of the time column — SEMANTICS §2.3.3 {@code datetime_features}.
 *
 * <pre>{@code
 * input.apply(DatetimeFeatures.of(DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.DAYOFWEEK)
 *     .cyclic(DatetimeFeatures.Feature.HOUR));
 * }</pre>
 *
 * <p>Every feature uses the wall-clock time in the pipeline's time zone (§1.3). Integer features
 * are INT32 ({@code dayofweek}: Monday = 0; {@code weekofyear}: ISO-8601 week), {@code is_weekend}
 * is BOOLEAN (never null); a cyclic feature {@code f} adds {@code {f}_sin}, {@code {f}_cos}
 * (DOUBLE) of {@code 2π·x/P}. Output columns {@code {prefix}{feature}} are appended in the given
 * order, then the cyclic pairs; all are derived. Example: 2024-06-15 13:45:10 gives dayofweek 5,
 * weekofyear 24, dayofyear 167, quarter 2, is_weekend true, hour_sin −0.2588.
 *
 * <p>Execution class (SEMANTICS §1.14): {@code row}. Windowed input (e.g. {@code FixedWindows}):
 * each window is processed on its own (state is per key and window), so the first rows of a window
 * see no rows of the previous one. Unbounded input in the global window runs on the streaming
 * executor (docs/streaming.md): rows are emitted when the watermark passes them. On windowed input,
 * a trigger that fires early or repeatedly, and late panes on unbounded input are rejected when the
 * transform is applied ({@code IllegalArgumentException} naming the fix, see docs/streaming.md);
 * whole-series operations name bounded input as the fix.
 *
 * @throws IllegalArgumentException for a cyclic feature outside {@code [hour, minute, second,
 *     dayofweek, month, dayofyear]}, no feature at all, or an output name that exists
 */
public final class DatetimeFeatures extends TimeSeriesTransform<DatetimeFeatures> {
  private static final long serialVersionUID = 1L;

  /** Calendar features (TOML {@code features}, {@code cyclic}). */
  public enum Feature {
    YEAR,
    MONTH,
    DAY,
    HOUR,
    MINUTE,
    SECOND,
    DAYOFWEEK,
    DAYOFYEAR,
    WEEKOFYEAR,
    QUARTER,
    IS_WEEKEND
  }

  private static final EnumSet<Feature> CYCLIC =
      EnumSet.of(
          Feature.HOUR,
          Feature.MINUTE,
          Feature.SECOND,
          Feature.DAYOFWEEK,
          Feature.MONTH,
          Feature.DAYOFYEAR);

  private final List<Feature> features;
  private final List<Feature> cyclic;
  private final String prefix;

  private DatetimeFeatures(
      SeriesOptions options, List<Feature> features, List<Feature> cyclic, String prefix) {
    super(options);
    this.features = List.copyOf(features);
    this.cyclic = List.copyOf(cyclic);
    this.prefix = prefix;
  }

  /** The given features as plain columns. */
  public static DatetimeFeatures of(Feature... features) {
    return new DatetimeFeatures(SeriesOptions.defaults(), Arrays.asList(features), List.of(), "");
  }

  /** A copy adding sine/cosine pairs of {@code fs}. */
  public DatetimeFeatures cyclic(Feature... fs) {
    for (Feature f : fs) {
      if (!CYCLIC.contains(f)) {
        throw new IllegalArgumentException(
            "DatetimeFeatures: cyclic \""
                + Names.lower(f)
                + "\" is not one of [hour, minute, second, dayofweek, month, dayofyear].");
      }
    }
    return new DatetimeFeatures(options(), features, Arrays.asList(fs), prefix);
  }

  /** A copy whose output names start with {@code p}. */
  public DatetimeFeatures withPrefix(String p) {
    return new DatetimeFeatures(options(), features, cyclic, p == null ? "" : p);
  }

  @Override
  protected DatetimeFeatures withOptions(SeriesOptions o) {
    return new DatetimeFeatures(o, features, cyclic, prefix);
  }

  @Override
  public String typeName() {
    return "datetime_features";
  }

  @Override
  protected Map<String, Object> parameters() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("features", Names.lower(features));
    p.put("cyclic", Names.lower(cyclic));
    if (!prefix.isEmpty()) {
      p.put("prefix", prefix);
    }
    return p;
  }

  @Override
  public Kernel plan(ChunkLayout input, PlanContext context) {
    if (features.isEmpty() && cyclic.isEmpty()) {
      throw new IllegalArgumentException(
          "DatetimeFeatures: features and cyclic are both empty. Name at least one feature.");
    }
    Schema in = input.schema();
    List<String> names = new ArrayList<>();
    Schema.Builder b = OpColumns.copyOf(in);
    for (Feature f : features) {
      String name = OutputNames.datetimeFeature(prefix, Names.lower(f));
      names.add(name);
      b.addField(
          f == Feature.IS_WEEKEND
              ? OpColumns.derivedFlag(name)
              : OpColumns.derived(name, FieldType.INT32));
    }
    for (Feature f : cyclic) {
      for (String name :
          List.of(
              OutputNames.cyclicSin(prefix, Names.lower(f)),
              OutputNames.cyclicCos(prefix, Names.lower(f)))) {
        names.add(name);
        b.addField(OpColumns.derived(name, FieldType.DOUBLE));
      }
    }
    OutputNames.checkNoClash("DatetimeFeatures", in, names);
    return new CalendarKernel(
        context.stepName(),
        input.withSchema(b.build()),
        features.toArray(new Feature[0]),
        cyclic.toArray(new Feature[0]),
        context.timeZone());
  }

  /** Calendar fields from epoch millis by integer arithmetic (no per-row objects). */
  static final class CalendarKernel extends BaseKernel {
    private static final long serialVersionUID = 1L;
    private static final long DAY_MS = 86_400_000L;
    private final Feature[] features;
    private final Feature[] cyclic;
    private final String zone;

    CalendarKernel(
        String step, ChunkLayout out, Feature[] features, Feature[] cyclic, ZoneId zone) {
      super(step, out, ContextSpec.rowLocal());
      this.features = features;
      this.cyclic = cyclic;
      this.zone = zone.getId();
    }

    @Override
    public Chunk apply(Chunk input, KernelContext ctx) {
      int n = input.size();
      long[] t = input.times();
      ZoneRules rules = ZoneId.of(zone).getRules();
      long[][] f = new long[Feature.values().length][n];
      long validFrom = Long.MAX_VALUE;
      long validTo = Long.MIN_VALUE;
      long offset = 0;
      for (int i = 0; i < n; i++) {
        if (t[i] < validFrom || t[i] >= validTo) {
          // the offset holds between two transitions; look it up again only past one
          java.time.Instant at = java.time.Instant.ofEpochMilli(t[i]);
          offset = rules.getOffset(at).getTotalSeconds() * 1000L;
          ZoneOffsetTransition next = rules.nextTransition(at);
          ZoneOffsetTransition prev = rules.previousTransition(at.plusMillis(1));
          validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
          validFrom = prev == null ? Long.MIN_VALUE : prev.toEpochSecond() * 1000L;
        }
        long local = t[i] + offset;
        long days = Math.floorDiv(local, DAY_MS);
        long ms = local - days * DAY_MS;
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doyMar = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doyMar + 2) / 153;
        long day = doyMar - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        long dow = Math.floorMod(days + 3, 7); // 1970-01-01 was a Thursday (3)
        long doy = days - daysFromCivil(year, 1, 1) + 1;
        f[Feature.YEAR.ordinal()][i] = year;
        f[Feature.MONTH.ordinal()][i] = month;
        f[Feature.DAY.ordinal()][i] = day;
        f[Feature.HOUR.ordinal()][i] = ms / 3_600_000L;
        f[Feature.MINUTE.ordinal()][i] = ms / 60_000L % 60;
        f[Feature.SECOND.ordinal()][i] = ms / 1000L % 60;
        f[Feature.DAYOFWEEK.ordinal()][i] = dow;
        f[Feature.DAYOFYEAR.ordinal()][i] = doy;
        f[Feature.WEEKOFYEAR.ordinal()][i] = isoWeek(year, doy, dow);
        f[Feature.QUARTER.ordinal()][i] = (month - 1) / 3 + 1;
        f[Feature.IS_WEEKEND.ordinal()][i] = dow >= 5 ? 1 : 0;
      }
      Column[] out = Arrays.copyOf(input.columnsCopy(), outputLayout().schema().getFieldCount());
      int o = input.columns().length;
      for (Feature feature : features) {
        long[] v = f[feature.ordinal()];
        if (feature == Feature.IS_WEEKEND) {
          boolean[] w = new boolean[n];
          for (int i = 0; i < n; i++) {
            w[i] = v[i] == 1;
          }
          out[o++] = BooleanColumn.of(w);
        } else {
          out[o++] = new LongColumn(v, new boolean[n]);
        }
      }
      for (Feature feature : cyclic) {
        double[] sin = new double[n];
        double[] cos = new double[n];
        long[] v = f[feature.ordinal()];
        for (int i = 0; i < n; i++) {
          double x;
          double period;
          switch (feature) {
            case HOUR:
              x = v[i];
              period = 24;
              break;
            case MINUTE:
            case SECOND:
              x = v[i];
              period = 60;
              break;
            case DAYOFWEEK:
              x = v[i];
              period = 7;
              break;
            case MONTH:
              x = v[i] - 1;
              period = 12;
              break;
            default:
              x = v[i] - 1;
              period = isLeap(f[Feature.YEAR.ordinal()][i]) ? 366 : 365;
          }
          sin[i] = Math.sin(2 * Math.PI * x / period);
          cos[i] = Math.cos(2 * Math.PI * x / period);
        }
        out[o++] = new DoubleColumn(sin, new boolean[n]);
        out[o++] = new DoubleColumn(cos, new boolean[n]);
      }
      return input.withColumns(outputLayout(), out);
    }

    static boolean isLeap(long y) {
      return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    static long daysFromCivil(long y, long m, long d) {
      y -= m <= 2 ? 1 : 0;
      long era = Math.floorDiv(y, 400);
      long yoe = y - era * 400;
      long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
      long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
      return era * 146_097 + doe - 719_468;
    }

    /** ISO-8601 week of a date given its year, day of year and weekday (Monday = 0). */
    static long isoWeek(long year, long doy, long dow) {
      long week = (doy - (dow + 1) + 10) / 7;
      if (week < 1) {
        return weeksIn(year - 1);
      }
      if (week > weeksIn(year)) {
        return 1;
      }
      return week;
    }

    static long weeksIn(long year) {
      long jan1 = Math.floorMod(daysFromCivil(year, 1, 1) + 3, 7);
      return jan1 == 3 || (jan1 == 2 && isLeap(year)) ? 53 : 52;
    }
  }
}
