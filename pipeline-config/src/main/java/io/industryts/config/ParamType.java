package io.industryts.config;

import io.industryts.time.Durations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The value types a TOML key can have, each with the words {@code industryts ops} prints and the
 * conversion from the tomlj value to the Java value handed to a provider (SEMANTICS §1.1: TOML
 * integers are accepted where a float is expected).
 *
 * <p>Converted values: {@code STRING} {@link String}; {@code INT} {@link Integer}; {@code FLOAT}
 * {@link Double}; {@code BOOL} {@link Boolean}; {@code DURATION}/{@code OFFSET}/{@code
 * NON_NEGATIVE_DURATION} Joda {@link org.joda.time.Duration}; {@code INT_OR_DURATION} Integer or
 * Duration; {@code FLOAT_OR_DURATION} Double or Duration; {@code *_LIST} an unmodifiable {@link
 * List}; {@code FLOAT_PAIR} a list of two Doubles; {@code STRING_TABLE} an ordered {@code
 * Map<String, String>}; {@code AGGREGATION_TABLE} an ordered {@code Map<String, Object>} whose
 * values are a String or a {@code List<String>}; {@code INT_LIST_OR_STRING_LIST} a list of Longs or
 * of Strings; {@code SCALAR} Long, Double, String or Boolean as written.
 */
public enum ParamType {
  STRING("string"),
  INT("int"),
  FLOAT("float"),
  BOOL("bool"),
  DURATION("duration"),
  /** A duration that may be zero or negative ({@code offset}). */
  OFFSET("duration (may be 0 or negative)"),
  /** A duration of 0 or more ({@code [pipeline] allowed_lateness}). */
  NON_NEGATIVE_DURATION("duration (0 or more)"),
  INT_OR_DURATION("int | duration"),
  FLOAT_OR_DURATION("float | duration"),
  STRING_LIST("[string]"),
  STRING_OR_STRING_LIST("string | [string]"),
  INT_OR_INT_LIST("int | [int]"),
  INT_OR_DURATION_LIST("int | duration | [int | duration]"),
  FLOAT_PAIR("[float, float]"),
  /** Codes or words: all integers or all strings ({@code mask_quality}'s {@code good}). */
  INT_LIST_OR_STRING_LIST("[int] | [string]"),
  STRING_TABLE("table of string"),
  AGGREGATION_TABLE("table column -> string | [string]"),
  SCALAR("number | string | bool"),
  /** An IANA zone id, {@code UTC} or {@code ±HH:MM}. */
  ZONE("time zone"),
  /** A {@code java.time.format.DateTimeFormatter} pattern. */
  TIME_PATTERN("java.time pattern");

  private final String display;

  ParamType(String display) {
    this.display = display;
  }

  /** How the type is written in docs and messages ({@code "int | duration"}). */
  public String display() {
    return display;
  }

  /** Thrown by {@link #convert}; the message completes {@code "<key> "}. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Converts a tomlj value to this type's Java value.
   *
   * @throws Mismatch with a message that follows the key, e.g. {@code must be an int. Got "3"
   *     (string).}
   */
  Object convert(Object v) throws Mismatch {
    switch (this) {
      case STRING:
        return asString(v);
      case INT:
        return asInt(v);
      case FLOAT:
        return asFloat(v);
      case BOOL:
        if (v instanceof Boolean) {
          return v;
        }
        throw wrong(v);
      case DURATION:
        return duration(asString(v), false);
      case OFFSET:
        return duration(asString(v), true);
      case NON_NEGATIVE_DURATION:
        {
          if (!(v instanceof String)) {
            throw new Mismatch(
                "must be a duration string of 0 or more. Got "
                    + literal(v)
                    + "; write it quoted with a unit, e.g. \"30s\" or \"5min\".");
          }
          String s = (String) v;
          org.joda.time.Duration d = (org.joda.time.Duration) duration(s, true);
          if (d.getMillis() < 0) {
            throw new Mismatch(
                "must not be negative. Got \""
                    + s
                    + "\"; expected a duration of 0 or more such as \"0s\", \"30s\" or"
                    + " \"5min\". Remove the minus sign.");
          }
          return d;
        }
      case INT_OR_DURATION:
        if (v instanceof Long) {
          return asInt(v);
        } else if (v instanceof String) {
          return duration((String) v, false);
        }
        throw wrong(v);
      case FLOAT_OR_DURATION:
        if (v instanceof Long || v instanceof Double) {
          return asFloat(v);
        } else if (v instanceof String) {
          return duration((String) v, false);
        }
        throw wrong(v);
      case STRING_LIST:
        return list(v, STRING);
      case STRING_OR_STRING_LIST:
        return v instanceof String ? List.of(v) : list(v, STRING);
      case INT_OR_INT_LIST:
        return v instanceof TomlArray ? list(v, INT) : List.of(asInt(v));
      case INT_OR_DURATION_LIST:
        return v instanceof TomlArray
            ? list(v, INT_OR_DURATION)
            : List.of(INT_OR_DURATION.convert(v));
      case FLOAT_PAIR:
        {
          List<Object> pair = list(v, FLOAT);
          if (pair.size() != 2) {
            throw new Mismatch("must be " + display + ". Got " + pair.size() + " values.");
          }
          return pair;
        }
      case INT_LIST_OR_STRING_LIST:
        {
          if (!(v instanceof TomlArray)) {
            throw wrong(v);
          }
          TomlArray a = (TomlArray) v;
          boolean words = a.size() > 0 && a.get(0) instanceof String;
          List<Object> out = new ArrayList<>(a.size());
          for (int i = 0; i < a.size(); i++) {
            Object e = a.get(i);
            if (words ? !(e instanceof String) : !(e instanceof Long)) {
              throw new Mismatch(
                  "must be "
                      + display
                      + ", all integers or all strings. Got "
                      + literal(e)
                      + " as element "
                      + (i + 1)
                      + " after "
                      + (words ? "a string" : "integers")
                      + ".");
            }
            out.add(e);
          }
          return Collections.unmodifiableList(out);
        }
      case STRING_TABLE:
        {
          Map<String, Object> out = new LinkedHashMap<>();
          for (Map.Entry<String, Object> e : table(v).entrySet()) {
            try {
              out.put(e.getKey(), asString(e.getValue()));
            } catch (Mismatch m) {
              throw new Mismatch("entry \"" + e.getKey() + "\" " + m.getMessage());
            }
          }
          return Collections.unmodifiableMap(out);
        }
      case AGGREGATION_TABLE:
        {
          Map<String, Object> out = new LinkedHashMap<>();
          for (Map.Entry<String, Object> e : table(v).entrySet()) {
            try {
              out.put(e.getKey(), STRING_OR_STRING_LIST.convertAggregation(e.getValue()));
            } catch (Mismatch m) {
              throw new Mismatch("entry \"" + e.getKey() + "\" " + m.getMessage());
            }
          }
          return Collections.unmodifiableMap(out);
        }
      case SCALAR:
        if (v instanceof Long
            || v instanceof Double
            || v instanceof String
            || v instanceof Boolean) {
          return v;
        }
        throw wrong(v);
      case ZONE:
        {
          String s = asString(v);
          try {
            return ZoneId.of(s).getId();
          } catch (RuntimeException e) {
            throw new Mismatch(
                "\""
                    + s
                    + "\" is not a time zone. Expected an IANA id such as"
                    + " \"Europe/Berlin\", \"UTC\" or an offset such as \"+01:00\".");
          }
        }
      case TIME_PATTERN:
        {
          String s = asString(v);
          try {
            DateTimeFormatter.ofPattern(s);
            return s;
          } catch (IllegalArgumentException e) {
            throw new Mismatch(
                "\""
                    + s
                    + "\" is not a java.time pattern: "
                    + e.getMessage()
                    + (e.getMessage().endsWith(".") ? "" : "."));
          }
        }
      default:
        throw new AssertionError(this);
    }
  }

  /** A string stays a string, an array becomes a list: the per-column aggregation form. */
  private Object convertAggregation(Object v) throws Mismatch {
    if (v instanceof String) {
      return v;
    }
    if (v instanceof TomlArray) {
      return list(v, STRING);
    }
    throw new Mismatch("must be string | [string]. Got " + literal(v) + ".");
  }

  private Mismatch wrong(Object v) {
    return new Mismatch("must be " + article(display) + ". Got " + literal(v) + ".");
  }

  private String asString(Object v) throws Mismatch {
    if (v instanceof String) {
      return (String) v;
    }
    throw wrong(v);
  }

  private Integer asInt(Object v) throws Mismatch {
    if (v instanceof Long) {
      long l = (Long) v;
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        throw new Mismatch("is out of range. Got " + l + ".");
      }
      return (int) l;
    }
    throw wrong(v);
  }

  private Double asFloat(Object v) throws Mismatch {
    if (v instanceof Long) {
      return ((Long) v).doubleValue();
    } else if (v instanceof Double) {
      return (Double) v;
    }
    throw wrong(v);
  }

  private static Object duration(String s, boolean allowNonPositive) throws Mismatch {
    try {
      return allowNonPositive ? Durations.parseOffset(s) : Durations.parse(s);
    } catch (IllegalArgumentException e) {
      // Durations' messages start with the text or "must be"; both read well after the key.
      throw new Mismatch(e.getMessage());
    }
  }

  private List<Object> list(Object v, ParamType element) throws Mismatch {
    if (!(v instanceof TomlArray)) {
      throw wrong(v);
    }
    TomlArray a = (TomlArray) v;
    List<Object> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      try {
        out.add(element.convert(a.get(i)));
      } catch (Mismatch m) {
        throw new Mismatch("element " + (i + 1) + " " + m.getMessage());
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Map<String, Object> table(Object v) throws Mismatch {
    if (!(v instanceof TomlTable)) {
      throw wrong(v);
    }
    TomlTable t = (TomlTable) v;
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : t.keySet()) {
      out.put(k, t.get(List.of(k)));
    }
    return out;
  }

  private static String article(String display) {
    if (display.startsWith("[") || display.startsWith("table")) {
      return display.startsWith("[") ? "an array " + display : "a " + display;
    }
    return ("aeiou".indexOf(display.charAt(0)) >= 0 ? "an " : "a ") + display;
  }

  /** A TOML value as the user wrote it, with its TOML type: {@code "3" (string)}. */
  static String literal(Object v) {
    if (v instanceof String) {
      return "\"" + v + "\" (string)";
    } else if (v instanceof Long) {
      return v + " (integer)";
    } else if (v instanceof Double) {
      return v + " (float)";
    } else if (v instanceof Boolean) {
      return v + " (boolean)";
    } else if (v instanceof TomlArray) {
      return "an array";
    } else if (v instanceof TomlTable) {
      return "a table";
    }
    return v + " (" + (v == null ? "null" : "date/time") + ")";
  }
}
