package io.industryts.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.joda.time.ReadableInstant;

/**
 * Time conversion for Rows built in a Beam pipeline (SEMANTICS §1.3): DATETIME as is, timestamp
 * logical types floored to ms, LocalDateTime/LocalDate in the zone, numbers as epoch (|v| < 1e11
 * seconds, else ms, rounded half away from zero) and strings through a string parser.
 */
public final class ValueTimeConversion implements TimeConversion {
  private static final long serialVersionUID = 1L;

  /** Parses a time string; throws {@link BadTimeException} with a reason. */
  public interface StringParser extends java.io.Serializable {
    long parse(String s) throws BadTimeException;
  }

  private final String zone;
  private final StringParser strings;

  public ValueTimeConversion(ZoneId zone, StringParser strings) {
    this.zone = zone.getId();
    this.strings = strings;
  }

  @Override
  public long toMillis(Object v) throws BadTimeException {
    if (v instanceof ReadableInstant) {
      return ((ReadableInstant) v).getMillis();
    }
    if (v instanceof java.time.Instant) {
      java.time.Instant i = (java.time.Instant) v;
      return Math.floorDiv(i.getEpochSecond(), 1) * 1000L + i.getNano() / 1_000_000;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).atZone(ZoneId.of(zone)).toInstant().toEpochMilli();
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).atStartOfDay(ZoneId.of(zone)).toInstant().toEpochMilli();
    }
    if (v instanceof Number) {
      return epoch(((Number) v).doubleValue(), v instanceof Double || v instanceof Float
          || v instanceof java.math.BigDecimal, ((Number) v).longValue());
    }
    if (v instanceof CharSequence) {
      return strings.parse(v.toString().trim());
    }
    throw new BadTimeException("unparseable_time", "value " + v + " of " + v.getClass().getSimpleName()
        + " is not a time");
  }

  /** Epoch number with the automatic unit rule. */
  public static long epoch(double d, boolean fractional, long asLong) throws BadTimeException {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new BadTimeException("unparseable_time", "epoch value " + d + " is not finite");
    }
    boolean seconds = Math.abs(d) < 1e11;
    if (!fractional) {
      return seconds ? asLong * 1000L : asLong;
    }
    double ms = seconds ? d * 1000.0 : d;
    return (long) (ms < 0 ? -Math.floor(-ms + 0.5) : Math.floor(ms + 0.5));
  }

  /** A minimal ISO-8601 string parser (T or space separator, optional offset; date only). */
  public static StringParser isoStrings(ZoneId zoneId) {
    String z = zoneId.getId();
    return s -> {
      try {
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        java.time.temporal.TemporalAccessor ta = java.time.format.DateTimeFormatter.ISO_DATE_TIME
            .parseBest(iso, java.time.OffsetDateTime::from, LocalDateTime::from);
        if (ta instanceof java.time.OffsetDateTime) {
          return ((java.time.OffsetDateTime) ta).toInstant().toEpochMilli();
        }
        return ((LocalDateTime) ta).atZone(ZoneId.of(z)).toInstant().toEpochMilli();
      } catch (java.time.DateTimeException e) {
        try {
          return LocalDate.parse(s).atStartOfDay(ZoneId.of(z)).toInstant().toEpochMilli();
        } catch (java.time.DateTimeException e2) {
          throw new BadTimeException("unparseable_time", "\"" + s + "\" is not a time; expected ISO-8601 "
              + "such as 2024-01-01T08:00:00 or 2024-01-01 08:00:00");
        }
      }
    };
  }

}
