package io.industryts.engine;

import io.industryts.time.TimeParseException;
import io.industryts.time.TimeParser;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.joda.time.ReadableInstant;

/**
 * Time conversion for Rows built in a Beam pipeline (SEMANTICS §1.3): DATETIME as is, timestamp
 * logical types floored to ms, LocalDateTime/LocalDate as wall-clock times in the parser's zone,
 * numbers as epoch values and strings through a {@link TimeParser} (formats, zone, DST rules).
 */
final class ValueTimeConversion implements TimeConversion {
  private static final long serialVersionUID = 1L;

  private final TimeParser parser;

  public ValueTimeConversion(TimeParser parser) {
    this.parser = parser;
  }

  @Override
  public long toMillis(Object v) throws BadTimeException {
    try {
      if (v instanceof ReadableInstant) {
        return ((ReadableInstant) v).getMillis();
      }
      if (v instanceof java.time.Instant) {
        java.time.Instant i = (java.time.Instant) v;
        return Math.addExact(
            Math.multiplyExact(i.getEpochSecond(), 1000L), i.getNano() / 1_000_000);
      }
      if (v instanceof LocalDateTime) {
        return parser.fromLocalMillis(((LocalDateTime) v).toInstant(ZoneOffset.UTC).toEpochMilli());
      }
      if (v instanceof LocalDate) {
        return parser.fromLocalMillis(
            ((LocalDate) v).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
      }
      if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
        return parser.fromNumber(((Number) v).doubleValue());
      }
      if (v instanceof Number) {
        return parser.fromEpoch(((Number) v).longValue());
      }
      if (v instanceof CharSequence) {
        return parser.parse((CharSequence) v);
      }
    } catch (TimeParseException e) {
      throw new BadTimeException(e.reason(), e.getMessage());
    } catch (ArithmeticException e) {
      throw new BadTimeException(TimeParseException.UNPARSEABLE, "value " + v + " is out of range");
    }
    throw new BadTimeException(
        TimeParseException.UNPARSEABLE,
        "value " + v + " of " + v.getClass().getSimpleName() + " is not a time");
  }
}
