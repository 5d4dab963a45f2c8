package io.industryts.time;

import java.util.Set;
import org.joda.time.Duration;

/**
 * Parses and renders the fixed durations of SEMANTICS §1.6, the one spelling of time spans shared
 * by TOML keys ({@code rule}, {@code max_gap}, {@code window}, ...) and generated column names.
 *
 * <p>Two input forms are accepted, both exact to the millisecond:
 *
 * <ul>
 *   <li>pandas style: one or more {@code <digits><unit>} terms, summed, no spaces: {@code "500ms"},
 *       {@code "5min"}, {@code "1h30min"}, {@code "2d"}; units {@code ms}/{@code L}, {@code
 *       s}/{@code S}, {@code min}/{@code T}, {@code h}/{@code H}, {@code d}/{@code D} (a day is 24
 *       h);
 *   <li>ISO-8601 {@code PnDTnHnMnS} with an optional fraction on seconds: {@code "PT5M"}, {@code
 *       "PT0.5S"}, {@code "P1DT2H"}, {@code "P1D"}.
 * </ul>
 *
 * <pre>{@code
 * Duration d = Durations.parse("1h30min");          // PT5400S
 * String name = Durations.canonical(d);              // "90min"
 * Duration o = Durations.parseOffset("-15min");      // may be zero or negative
 * }</pre>
 *
 * <p>Calendar units ({@code W}, {@code M}, {@code Y}, ...) and units finer than a millisecond are
 * rejected with a hint. Messages of {@link IllegalArgumentException}s start with the offending text
 * (or with {@code "must be > 0"}), so callers prefix them with the key they came from: {@code rule
 * must be > 0. Got PT0S.}
 */
public final class Durations {
  private static final long SECOND = 1000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private static final String AMBIGUOUS_M =
      "is ambiguous: minutes are \"min\"; months are not supported";
  private static final String CALENDAR =
      "calendar units are not supported; use a fixed duration such as \"7d\"";
  private static final String TOO_FINE = "is finer than 1 ms";
  private static final String FORMS =
      "Expected pandas style such as \"500ms\", \"5min\", \"1h30min\", \"2d\" (units ms, s, min, h,"
          + " d; aliases L, S, T, H, D) or ISO-8601 such as \"PT5M\", \"P1DT2H\"";

  /** pandas calendar offsets (and their anchored/business forms) that have no fixed length. */
  private static final Set<String> CALENDAR_UNITS =
      Set.of(
          "w", "W", "ME", "MS", "BM", "BME", "BMS", "SM", "SMS", "SME", "CBM", "CBMS", "Q", "QE",
          "QS", "BQ", "BQE", "BQS", "Y", "YE", "YS", "BY", "BYE", "BYS", "A", "AS", "BA", "BAS",
          "B", "C", "BH", "CBH", "y", "mo", "month", "months", "week", "weeks");

  private static final Set<String> FINER_UNITS =
      Set.of("us", "U", "ns", "N", "µs", "micros", "nanos");

  private Durations() {}

  /**
   * Parses a duration that must be strictly positive (every duration key except {@code offset}).
   *
   * @throws IllegalArgumentException if {@code text} is not one of the two forms, uses a calendar
   *     or sub-millisecond unit, or is not {@code > 0} ({@code "must be > 0. Got PT0S."})
   */
  public static Duration parse(String text) {
    Duration d = parseOffset(text);
    if (d.getMillis() <= 0) {
      throw new IllegalArgumentException("must be > 0. Got " + d + ".");
    }
    return d;
  }

  /**
   * Parses a duration that may be zero or negative (a leading {@code -}), as allowed for {@code
   * offset} (SEMANTICS §1.6).
   *
   * @throws IllegalArgumentException if {@code text} is not one of the two forms
   */
  public static Duration parseOffset(String text) {
    if (text == null) {
      throw new IllegalArgumentException("null is not a duration. " + FORMS + ".");
    }
    String s = text;
    boolean negative = false;
    if (s.startsWith("-")) {
      negative = true;
      s = s.substring(1);
    } else if (s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      throw invalid(text, FORMS);
    }
    long millis = s.charAt(0) == 'P' ? parseIso(text, s) : parsePandas(text, s);
    return Duration.millis(negative ? -millis : millis);
  }

  /**
   * Renders {@code d} with the largest unit among {@code d, h, min, s, ms} that divides it, as one
   * integer: 90 minutes {@code "90min"}, one hour {@code "1h"}, 36 hours {@code "36h"}, 1.5 s
   * {@code "1500ms"}, one day {@code "1d"}; zero is {@code "0s"} (as SEMANTICS writes zero
   * defaults), negative values get a leading {@code -}. The one duration rendering of the project:
   * generated column names (§1.9), operation renderings and messages all use it.
   */
  public static String canonical(Duration d) {
    long ms = d.getMillis();
    if (ms == 0) {
      return "0s";
    }
    String sign = ms < 0 ? "-" : "";
    long a = Math.abs(ms);
    if (a % DAY == 0) {
      return sign + a / DAY + "d";
    } else if (a % HOUR == 0) {
      return sign + a / HOUR + "h";
    } else if (a % MINUTE == 0) {
      return sign + a / MINUTE + "min";
    } else if (a % SECOND == 0) {
      return sign + a / SECOND + "s";
    }
    return sign + a + "ms";
  }

  private static long parsePandas(String text, String s) {
    long total = 0;
    int i = 0;
    int n = s.length();
    while (i < n) {
      int digitsStart = i;
      while (i < n && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == digitsStart) {
        throw invalid(text, FORMS);
      }
      String digits = s.substring(digitsStart, i);
      int unitStart = i;
      while (i < n && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.startsWith(".")) {
        throw invalid(
            text,
            "fractions are not supported in pandas style; use a smaller unit"
                + " (\"1500ms\", not \"1.5s\")");
      }
      long unitMillis = unitMillis(text, unit);
      total = add(text, total, multiply(text, digits, unitMillis));
    }
    return total;
  }

  private static long unitMillis(String text, String unit) {
    switch (unit) {
      case "ms":
      case "L":
        return 1;
      case "s":
      case "S":
        return SECOND;
      case "min":
      case "T":
        return MINUTE;
      case "h":
      case "H":
        return HOUR;
      case "d":
      case "D":
        return DAY;
      case "m":
      case "M":
        throw invalid(text, "unit \"" + unit + "\" " + AMBIGUOUS_M);
      case "":
        throw invalid(text, "a number needs a unit. " + FORMS);
      default:
        if (CALENDAR_UNITS.contains(unit) || isAnchoredCalendar(unit)) {
          throw invalid(text, CALENDAR);
        }
        if (FINER_UNITS.contains(unit)) {
          throw invalid(text, "unit \"" + unit + "\" " + TOO_FINE);
        }
        throw invalid(text, "unknown unit \"" + unit + "\". " + FORMS);
    }
  }

  /** Anchored pandas offsets such as {@code W-SUN} or {@code Q-DEC}. */
  private static boolean isAnchoredCalendar(String unit) {
    int dash = unit.indexOf('-');
    return dash > 0 && CALENDAR_UNITS.contains(unit.substring(0, dash));
  }

  private static long parseIso(String text, String s) {
    long total = 0;
    boolean inTime = false;
    boolean any = false;
    int i = 1;
    int n = s.length();
    int order = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == 'T') {
        if (inTime) {
          throw invalid(text, FORMS);
        }
        inTime = true;
        order = 0;
        i++;
        if (i == n) {
          throw invalid(text, FORMS);
        }
        continue;
      }
      int start = i;
      while (i < n
          && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
        i++;
      }
      if (i == start || i == n) {
        throw invalid(text, FORMS);
      }
      String number = s.substring(start, i).replace(',', '.');
      char designator = s.charAt(i++);
      int rank;
      long unit;
      if (!inTime) {
        if (designator == 'Y' || designator == 'M' || designator == 'W') {
          throw invalid(text, CALENDAR);
        }
        if (designator != 'D') {
          throw invalid(text, FORMS);
        }
        rank = 1;
        unit = DAY;
      } else if (designator == 'H') {
        rank = 1;
        unit = HOUR;
      } else if (designator == 'M') {
        rank = 2;
        unit = MINUTE;
      } else if (designator == 'S') {
        rank = 3;
        unit = SECOND;
      } else {
        throw invalid(text, FORMS);
      }
      if (rank <= order) {
        throw invalid(text, FORMS);
      }
      order = rank;
      any = true;
      int dot = number.indexOf('.');
      if (dot < 0) {
        total = add(text, total, multiply(text, number, unit));
      } else {
        if (designator != 'S'
            || dot == 0
            || dot == number.length() - 1
            || number.indexOf('.', dot + 1) >= 0) {
          throw invalid(text, "only seconds may have a fraction (\"PT0.5S\"). " + FORMS);
        }
        String whole = number.substring(0, dot);
        String fraction = number.substring(dot + 1);
        if (fraction.length() > 3 && !fraction.substring(3).chars().allMatch(ch -> ch == '0')) {
          throw invalid(text, "the fraction " + TOO_FINE);
        }
        String ms = (fraction + "000").substring(0, 3);
        total = add(text, total, multiply(text, whole, SECOND));
        total = add(text, total, Long.parseLong(ms));
      }
    }
    if (!any) {
      throw invalid(text, FORMS);
    }
    return total;
  }

  private static long multiply(String text, String digits, long unit) {
    try {
      return Math.multiplyExact(Long.parseLong(digits), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid(text, "too large");
    }
  }

  private static long add(String text, long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw invalid(text, "too large");
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    String sep = why.startsWith("Expected") ? ". " : ": ";
    return new IllegalArgumentException(
        "\"" + text + "\" is not a duration" + sep + why + (why.endsWith(".") ? "" : "."));
  }
}
