package io.industryts.engine.spi;

import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * Time column resolution (SEMANTICS §1.2): the explicit name, else the first field named (ignoring
 * case) DateTime, tagTime, timestamp, time or date, else the first field. The result keeps the
 * reason, which {@code explain} and error messages repeat.
 */
public final class TimeColumn {
  /** Names recognized by auto-detection, in the order the rule lists them. */
  public static final List<String> AUTO_NAMES =
      List.of("DateTime", "tagTime", "timestamp", "time", "date");

  private static final String AUTO_LIST = "[DateTime, tagTime, timestamp, time, date]";

  /** How the column was chosen. */
  public enum Rule {
    EXPLICIT,
    AUTO_NAME,
    FIRST_FIELD
  }

  private final String name;
  private final Rule rule;

  private TimeColumn(String name, Rule rule) {
    this.name = name;
    this.rule = rule;
  }

  /**
   * Resolves the time column of {@code schema}.
   *
   * @param explicit the configured name, or {@code null} for auto-detection
   * @throws IllegalArgumentException if the explicit field is missing, the schema is empty, or rule
   *     3 picked a numeric field or a field whose type cannot hold times
   */
  public static TimeColumn resolve(Schema schema, String explicit) {
    if (explicit != null) {
      if (!schema.hasField(explicit)) {
        throw new IllegalArgumentException(
            "industryts: time column \""
                + explicit
                + "\" (set by time_column) not found. "
                + "Available fields: "
                + schema.getFieldNames()
                + ". Fix [pipeline].time_column.");
      }
      return checked(schema.getField(explicit), Rule.EXPLICIT);
    }
    for (Field f : schema.getFields()) {
      String lower = f.getName().toLowerCase(Locale.ROOT);
      for (String auto : AUTO_NAMES) {
        if (lower.equals(auto.toLowerCase(Locale.ROOT))) {
          return checked(f, Rule.AUTO_NAME);
        }
      }
    }
    if (schema.getFieldCount() == 0) {
      throw new IllegalArgumentException("industryts: the input has no fields, so no time column.");
    }
    return checked(schema.getField(0), Rule.FIRST_FIELD);
  }

  private static TimeColumn checked(Field f, Rule rule) {
    TimeColumn tc = new TimeColumn(f.getName(), rule);
    TypeName type = f.getType().getTypeName();
    if (rule == Rule.FIRST_FIELD && type.isNumericType()) {
      throw new IllegalArgumentException(
          "industryts: time column \""
              + f.getName()
              + "\" ("
              + tc.reason()
              + ") has type "
              + type
              + "; a numeric first field is not taken as epoch times. Set [pipeline].time_column.");
    }
    if (!canHoldTimes(f)) {
      throw new IllegalArgumentException(
          "industryts: time column \""
              + f.getName()
              + "\" ("
              + tc.reason()
              + ") has type "
              + f.getType()
              + ", which cannot hold times. Expected DATETIME, a timestamp or date "
              + "logical type, a number (epoch) or STRING. Set [pipeline].time_column.");
    }
    return tc;
  }

  /** Whether a field's type can be converted to times (§1.3 table). */
  public static boolean canHoldTimes(Field f) {
    TypeName t = f.getType().getTypeName();
    if (t == TypeName.DATETIME || t == TypeName.STRING || t.isNumericType()) {
      return true;
    }
    if (t == TypeName.LOGICAL_TYPE) {
      String id = f.getType().getLogicalType().getIdentifier();
      return id.contains("timestamp")
          || id.contains("datetime")
          || id.contains("date")
          || id.contains("micros_instant")
          || id.contains("nanos_instant")
          || id.equals("beam:logical_type:millis_instant:v1");
    }
    return false;
  }

  /** The resolved time field's name. */
  public String name() {
    return name;
  }

  /** Which rule of SEMANTICS §1.2 chose the field. */
  public Rule rule() {
    return rule;
  }

  /** The reason, as {@code explain} shows it. */
  public String reason() {
    switch (rule) {
      case EXPLICIT:
        return "set by time_column";
      case AUTO_NAME:
        return "auto: first field matching " + AUTO_LIST;
      default:
        return "auto: first field; no field named DateTime, tagTime, timestamp, time or date";
    }
  }

  @Override
  public String toString() {
    return "time column \"" + name + "\" (" + reason() + ")";
  }
}
