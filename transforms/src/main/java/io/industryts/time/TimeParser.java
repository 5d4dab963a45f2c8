package io.industryts.time;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Objects;

// Over 500 lines: one immutable parser — its settings and Builder, three parse paths (ISO-8601
// bytes without allocation, epoch numbers, a java.time pattern) and the local-to-UTC resolution
// with its cached offset window. The paths share the zone rules, that cache and the error
// messages, and run once per CSV cell, so they stay in one class.

/**
 * Converts time strings and epoch numbers to epoch milliseconds (SEMANTICS §1.3).
 *
 * <p>Strings are trimmed, then must match one of these formats as a whole (first match wins):
 *
 * <ol>
 *   <li>ISO-8601 {@code yyyy-MM-dd'T'HH:mm[:ss[.f]][offset]}: {@code 2024-01-01T08:00}, {@code
 *       2024-01-01T08:00:00.250Z}, {@code 2024-01-01T08:00:00+01:00};
 *   <li>the same with one space instead of {@code T}: {@code 2024-01-01 08:00:00.5+0100};
 *   <li>{@code yyyy/MM/dd HH:mm[:ss[.f]]}: {@code 2024/01/01 08:00:00};
 *   <li>a date {@code yyyy-MM-dd} or {@code yyyy/MM/dd} (midnight);
 *   <li>an epoch number: optional sign, digits, optional fraction ({@code 1704096000}, {@code
 *       1704096000123}, {@code 1704096000.5}).
 * </ol>
 *
 * <p>{@code f} is 1–9 fraction digits, floored to the millisecond; {@code offset} is {@code Z},
 * {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}. Hours run {@code 00}–{@code 23} ({@code 24:00} is
 * rejected). With {@link Builder#format(String)} set, only that {@link DateTimeFormatter} pattern
 * is accepted (numbers are then not epoch times).
 *
 * <p>Epoch numbers: with {@link EpochUnit#AUTO} a value with {@code |v| < 1e11} is seconds, any
 * other value milliseconds; fractions are rounded to the nearest millisecond, half away from zero.
 *
 * <p>Zones: a time with an offset is that instant. A zone-less time is a wall-clock time in the
 * parser's zone (default UTC). In a DST overlap {@link Ambiguous#EARLIEST} takes the earlier
 * instant and {@link Ambiguous#LATEST} the later; in a DST gap {@link Nonexistent#SHIFT_FORWARD}
 * moves to the first instant after the gap. In Europe/Berlin:
 *
 * <pre>{@code
 * TimeParser berlin = TimeParser.builder().zone(ZoneId.of("Europe/Berlin")).build();
 * berlin.parse("2024-03-31 02:30");   // gap 02:00 -> 03:00: 2024-03-31T01:00:00Z (03:00 local)
 * berlin.parse("2024-10-27 02:30");   // overlap, earliest: 2024-10-27T00:30:00Z (02:30 CEST)
 * }</pre>
 *
 * <p>Shift-forward is not {@code ZonedDateTime.ofLocal}, which would give 03:30.
 *
 * <p>Results lie within ±8.64e15 ms of the epoch (about ±275,000 years); anything outside is
 * unparseable. Failures throw {@link TimeParseException} with a reason code and a message.
 *
 * <p>The common ISO form in UTC (or any fixed offset) is parsed by hand without allocating, from
 * bytes ({@link #parse(byte[], int, int)}, used by the CSV reader) or characters. Instances are
 * immutable, serializable and safe to share between threads.
 */
public final class TimeParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How numeric times are read. */
  public enum EpochUnit {
    /** {@code |v| < 1e11}: seconds; otherwise milliseconds. */
    AUTO,
    /** Seconds. */
    S,
    /** Milliseconds. */
    MS
  }

  /** A zone-less time that occurs twice (DST overlap). */
  public enum Ambiguous {
    /** The earlier instant (the DST one). */
    EARLIEST,
    /** The later instant. */
    LATEST,
    /** Fail with {@code ambiguous_time}. */
    ERROR
  }

  /** A zone-less time that does not occur (DST gap). */
  public enum Nonexistent {
    /** The first instant after the gap ({@code 02:30} in a {@code 02:00 -> 03:00} gap: 03:00). */
    SHIFT_FORWARD,
    /** Fail with {@code nonexistent_time}. */
    ERROR
  }

  /** Largest accepted distance from the epoch, in milliseconds (as ECMAScript dates). */
  public static final long MAX_EPOCH_MILLIS = 8_640_000_000_000_000L;

  private static final long MS_PER_DAY = 86_400_000L;
  private static final long AUTO_SECONDS_LIMIT = 100_000_000_000L; // 1e11
  private static final long MAX_EPOCH_SECONDS = MAX_EPOCH_MILLIS / 1000;
  private static final int SCRATCH = 96;
  private static final ThreadLocal<byte[]> SCRATCH_BYTES =
      ThreadLocal.withInitial(() -> new byte[SCRATCH]);

  private static final String BUILT_IN_FORMATS =
      "ISO-8601 (2024-01-01T08:00:00, optional .fff and Z / +01:00), "
          + "\"yyyy-MM-dd HH:mm[:ss]\", \"yyyy/MM/dd HH:mm[:ss]\", a date (2024-01-01) "
          + "or an epoch number";

  private final String zoneId;
  private final String format;
  private final EpochUnit epochUnit;
  private final Ambiguous ambiguous;
  private final Nonexistent nonexistent;

  // Derived from the fields above (rebuilt after deserialization).
  private transient ZoneId zone;
  private transient ZoneRules rules;
  private transient boolean fixedOffset;
  private transient long fixedOffsetMillis;
  private transient DateTimeFormatter formatter;

  /** Last local-time window with one valid offset; replaced whole, so racing readers are safe. */
  private transient volatile OffsetWindow window;

  private TimeParser(Builder b) {
    this.zoneId = b.zone.getId();
    this.format = b.format;
    this.epochUnit = b.epochUnit;
    this.ambiguous = b.ambiguous;
    this.nonexistent = b.nonexistent;
    init();
  }

  private void init() {
    zone = ZoneId.of(zoneId);
    rules = zone.getRules();
    fixedOffset = rules.isFixedOffset();
    fixedOffsetMillis = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
    formatter = format == null ? null : compile(format);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    init();
  }

  /**
   * UTC, built-in formats, automatic epoch unit, earliest / shift-forward: the defaults of §1.1.
   */
  public static TimeParser utc() {
    return builder().build();
  }

  /** A builder with the defaults of {@link #utc()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this parser's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.zone = zone;
    b.format = format;
    b.epochUnit = epochUnit;
    b.ambiguous = ambiguous;
    b.nonexistent = nonexistent;
    return b;
  }

  /** Builds a {@link TimeParser}; every setter validates its argument. */
  public static final class Builder {
    private ZoneId zone = ZoneOffset.UTC;
    private String format;
    private EpochUnit epochUnit = EpochUnit.AUTO;
    private Ambiguous ambiguous = Ambiguous.EARLIEST;
    private Nonexistent nonexistent = Nonexistent.SHIFT_FORWARD;

    private Builder() {}

    /** Zone of zone-less times ({@code time_zone}); default UTC. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * A {@link DateTimeFormatter} pattern that replaces the built-in formats ({@code time_format}),
     * or {@code null} for the built-in formats. {@code y} (year of era) is read as {@code u}
     * (proleptic year) so that strict resolution needs no era.
     *
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public Builder format(String pattern) {
      if (pattern != null) {
        compile(pattern);
      }
      this.format = pattern;
      return this;
    }

    /** Unit of numeric times ({@code epoch_unit}); default {@link EpochUnit#AUTO}. */
    public Builder epochUnit(EpochUnit unit) {
      this.epochUnit = Objects.requireNonNull(unit, "epochUnit");
      return this;
    }

    /** Zone-less times in a DST overlap ({@code ambiguous}); default {@link Ambiguous#EARLIEST}. */
    public Builder ambiguous(Ambiguous policy) {
      this.ambiguous = Objects.requireNonNull(policy, "ambiguous");
      return this;
    }

    /** Zone-less times in a DST gap ({@code nonexistent}); default shift forward. */
    public Builder nonexistent(Nonexistent policy) {
      this.nonexistent = Objects.requireNonNull(policy, "nonexistent");
      return this;
    }

    /** The parser with the settings given so far. */
    public TimeParser build() {
      return new TimeParser(this);
    }
  }

  private static DateTimeFormatter compile(String pattern) {
    StringBuilder p = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      p.append(!quoted && c == 'y' ? 'u' : c);
    }
    try {
      return DateTimeFormatter.ofPattern(p.toString(), Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TimeParser: invalid time_format \""
              + pattern
              + "\": "
              + e.getMessage()
              + ". Expected a java.time.format.DateTimeFormatter pattern such as "
              + "\"dd.MM.yyyy HH:mm\".",
          e);
    }
  }

  /** The zone of zone-less times. */
  public ZoneId zone() {
    return zone;
  }

  /** The {@code time_format} pattern, or {@code null} for the built-in formats. */
  public String format() {
    return format;
  }

  /** The unit of numeric times. */
  public EpochUnit epochUnit() {
    return epochUnit;
  }

  /** What a zone-less time in a DST overlap resolves to. */
  public Ambiguous ambiguous() {
    return ambiguous;
  }

  /** What a zone-less time in a DST gap resolves to. */
  public Nonexistent nonexistent() {
    return nonexistent;
  }

  /** What this parser accepts, for error messages. */
  public String expected() {
    return format == null ? BUILT_IN_FORMATS : "time_format \"" + format + "\"";
  }

  // ---------------------------------------------------------------------------------------------
  // Strings

  /**
   * Parses a time string.
   *
   * @return epoch milliseconds
   * @throws TimeParseException if the text matches no accepted format, is out of range, or falls in
   *     a DST overlap / gap whose policy is {@code ERROR}
   */
  public long parse(CharSequence text) {
    if (formatter != null) {
      return parsePattern(text.toString().trim());
    }
    int n = text.length();
    byte[] b = n <= SCRATCH ? SCRATCH_BYTES.get() : new byte[n];
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c > 0x7e) {
        throw unparseable(text.toString());
      }
      b[i] = (byte) c;
    }
    return parseBuiltIn(b, 0, n);
  }

  /**
   * Parses the UTF-8 (ASCII) time text in {@code buf[from, to)} without copying it.
   *
   * @return epoch milliseconds
   * @throws TimeParseException as {@link #parse(CharSequence)}
   */
  public long parse(byte[] buf, int from, int to) {
    if (formatter != null) {
      return parsePattern(new String(buf, from, to - from, StandardCharsets.UTF_8).trim());
    }
    return parseBuiltIn(buf, from, to);
  }

  private long parseBuiltIn(byte[] b, int from, int to) {
    while (from < to && isBlank(b[from])) {
      from++;
    }
    while (to > from && isBlank(b[to - 1])) {
      to--;
    }
    if (to - from >= 10 && (b[from + 4] == '-' || b[from + 4] == '/') && isDigit(b[from])) {
      return parseDateTime(b, from, to);
    }
    return parseEpoch(b, from, to);
  }

  private long parseDateTime(byte[] b, int from, int to) {
    int year = digits4(b, from);
    byte sep = b[from + 4];
    int month = digits2(b, from + 5);
    int day = digits2(b, from + 8);
    // year is 0-9999 unless -1: the tables below replace the divisions of daysFromCivil and of
    // the leap-year rule, which C1 (the launcher's compiler) keeps as divisions, once per row
    if (year < 0 || month < 1 || month > 12 || b[from + 7] != sep || day < 1) {
      throw unparseable(b, from, to);
    }
    int yearStart = YEAR_START_DAY[year];
    int leap = YEAR_START_DAY[year + 1] - yearStart - 365; // 1 in a leap year
    if (day > MONTH_LENGTH[month] + (month == 2 ? leap : 0)) {
      throw unparseable(b, from, to);
    }
    long local =
        (yearStart + DAYS_BEFORE_MONTH[month] + (month > 2 ? leap : 0) + day - 1) * MS_PER_DAY;
    int p = from + 10;
    if (p == to) {
      return fromLocalMillis(local);
    }
    byte t = b[p];
    if (!(t == ' ' || (t == 'T' && sep == '-')) || p + 6 > to || b[p + 3] != ':') {
      throw unparseable(b, from, to);
    }
    int hour = digits2(b, p + 1);
    int minute = digits2(b, p + 4);
    p += 6;
    int second = 0;
    int millis = 0;
    if (p < to && b[p] == ':') {
      second = p + 3 <= to ? digits2(b, p + 1) : -1;
      p += 3;
      if (p < to && b[p] == '.') {
        int start = ++p;
        while (p < to && isDigit(b[p])) {
          if (p - start < 3) {
            millis = millis * 10 + (b[p] - '0');
          }
          p++;
        }
        int k = p - start;
        if (k == 0 || k > 9) {
          throw unparseable(b, from, to);
        }
        for (int i = k; i < 3; i++) {
          millis *= 10;
        }
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      throw unparseable(b, from, to);
    }
    local += hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    if (p == to) {
      return fromLocalMillis(local);
    }
    if (sep != '-') {
      throw unparseable(b, from, to);
    }
    byte o = b[p];
    if (o == 'Z' && p + 1 == to) {
      return local;
    }
    if ((o != '+' && o != '-') || p + 3 > to) {
      throw unparseable(b, from, to);
    }
    int oh = digits2(b, p + 1);
    int om = 0;
    p += 3;
    if (p < to) {
      if (b[p] == ':') {
        p++;
      }
      om = p + 2 == to ? digits2(b, p) : -1;
      p += 2;
    }
    if (p != to || oh < 0 || oh > 18 || om < 0 || om > 59) {
      throw unparseable(b, from, to);
    }
    long offset = oh * 3_600_000L + om * 60_000L;
    return checkRange(o == '+' ? local - offset : local + offset, b, from, to);
  }

  private long parseEpoch(byte[] b, int from, int to) {
    if (format != null) {
      throw unparseable(b, from, to);
    }
    int p = from;
    boolean negative = false;
    if (p < to && (b[p] == '+' || b[p] == '-')) {
      negative = b[p] == '-';
      p++;
    }
    long whole = 0;
    int start = p;
    while (p < to && isDigit(b[p])) {
      if (whole > (Long.MAX_VALUE - 9) / 10) {
        throw unparseable(b, from, to);
      }
      whole = whole * 10 + (b[p] - '0');
      p++;
    }
    if (p == start) {
      throw unparseable(b, from, to);
    }
    int fracStart = p;
    int fracEnd = p;
    if (p < to && b[p] == '.') {
      fracStart = ++p;
      while (p < to && isDigit(b[p])) {
        p++;
      }
      fracEnd = p;
      if (fracEnd == fracStart) {
        throw unparseable(b, from, to);
      }
    }
    if (p != to) {
      throw unparseable(b, from, to);
    }
    boolean seconds =
        epochUnit == EpochUnit.S || (epochUnit == EpochUnit.AUTO && whole < AUTO_SECONDS_LIMIT);
    long ms;
    if (seconds) {
      if (whole > MAX_EPOCH_SECONDS) {
        throw unparseable(b, from, to);
      }
      int frac = 0;
      for (int i = 0; i < 3; i++) {
        frac = frac * 10 + (fracStart + i < fracEnd ? b[fracStart + i] - '0' : 0);
      }
      ms = whole * 1000 + frac;
      if (fracStart + 3 < fracEnd && b[fracStart + 3] >= '5') {
        ms++;
      }
    } else {
      ms = whole;
      if (fracStart < fracEnd && b[fracStart] >= '5') {
        ms++;
      }
    }
    return checkRange(negative ? -ms : ms, b, from, to);
  }

  private long parsePattern(String s) {
    TemporalAccessor ta;
    try {
      ta = formatter.parse(s);
    } catch (DateTimeException e) {
      throw unparseable(s);
    }
    try {
      if (ta.isSupported(ChronoField.INSTANT_SECONDS)) {
        return checkRange(Instant.from(ta).toEpochMilli(), s);
      }
      LocalDate date = ta.query(TemporalQueries.localDate());
      if (date == null) {
        throw unparseable(s);
      }
      LocalTime time = ta.query(TemporalQueries.localTime());
      long local =
          date.toEpochDay() * MS_PER_DAY + (time == null ? 0 : time.toNanoOfDay() / 1_000_000L);
      ZoneId parsedZone = ta.query(TemporalQueries.zone());
      if (parsedZone == null) {
        return fromLocalMillis(local);
      }
      return localToInstant(parsedZone.getRules(), local, parsedZone);
    } catch (DateTimeException | ArithmeticException e) {
      throw unparseable(s);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Numbers

  /**
   * An epoch number read from a numeric column (INT*, FLOAT, DOUBLE, DECIMAL as double), with the
   * unit rule; fractions round to the nearest millisecond, half away from zero (decimal value of
   * the double's shortest representation, as if the number had been written as text).
   *
   * @throws TimeParseException for NaN, infinities and values out of range
   */
  public long fromNumber(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new TimeParseException(
          TimeParseException.UNPARSEABLE,
          "cannot read " + v + " as an epoch time; expected a finite number");
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return fromEpoch((long) v);
    }
    boolean seconds =
        epochUnit == EpochUnit.S
            || (epochUnit == EpochUnit.AUTO && Math.abs(v) < AUTO_SECONDS_LIMIT);
    if (Math.abs(seconds ? v * 1000 : v) > MAX_EPOCH_MILLIS) {
      throw outOfRange(Double.toString(v));
    }
    BigDecimal d = BigDecimal.valueOf(v);
    if (seconds) {
      d = d.movePointRight(3);
    }
    return d.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * An integral epoch number with the unit rule.
   *
   * @throws TimeParseException for values out of range
   */
  public long fromEpoch(long v) {
    boolean seconds =
        epochUnit == EpochUnit.S
            || (epochUnit == EpochUnit.AUTO && v > -AUTO_SECONDS_LIMIT && v < AUTO_SECONDS_LIMIT);
    if (seconds) {
      if (v > MAX_EPOCH_SECONDS || v < -MAX_EPOCH_SECONDS) {
        throw outOfRange(Long.toString(v));
      }
      return v * 1000;
    }
    if (v > MAX_EPOCH_MILLIS || v < -MAX_EPOCH_MILLIS) {
      throw outOfRange(Long.toString(v));
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Zone-less times

  /**
   * The instant of a zone-less time in this parser's zone, applying the DST policies.
   *
   * @param localMillis the wall-clock time written as epoch millis of the same wall time in UTC
   * @throws TimeParseException in a DST overlap / gap whose policy is {@code ERROR}
   */
  public long fromLocalMillis(long localMillis) {
    if (fixedOffset) {
      return localMillis - fixedOffsetMillis;
    }
    OffsetWindow w = window;
    if (w != null && localMillis >= w.localFrom && localMillis < w.localTo) {
      return localMillis - w.offsetMillis;
    }
    return localToInstant(rules, localMillis, zone);
  }

  private long localToInstant(ZoneRules zoneRules, long localMillis, ZoneId z) {
    if (localMillis > MAX_EPOCH_MILLIS || localMillis < -MAX_EPOCH_MILLIS) {
      throw outOfRange(Long.toString(localMillis));
    }
    LocalDateTime ldt = toLocalDateTime(localMillis);
    ZoneOffsetTransition trans = zoneRules.getTransition(ldt);
    if (trans == null) {
      long offset = zoneRules.getOffset(ldt).getTotalSeconds() * 1000L;
      long instant = localMillis - offset;
      if (zoneRules == rules) {
        window = OffsetWindow.around(zoneRules, instant, offset);
      }
      return instant;
    }
    long before = trans.getOffsetBefore().getTotalSeconds() * 1000L;
    long after = trans.getOffsetAfter().getTotalSeconds() * 1000L;
    if (trans.isGap()) {
      if (nonexistent == Nonexistent.ERROR) {
        throw new TimeParseException(
            TimeParseException.NONEXISTENT,
            "local time "
                + ldt
                + " does not exist in "
                + z
                + " (DST gap "
                + trans.getDateTimeBefore().toLocalTime()
                + " -> "
                + trans.getDateTimeAfter().toLocalTime()
                + "); set nonexistent = \"shift_forward\""
                + " to move it to the end of the gap");
      }
      return trans.getInstant().toEpochMilli();
    }
    if (ambiguous == Ambiguous.ERROR) {
      throw new TimeParseException(
          TimeParseException.AMBIGUOUS,
          "local time "
              + ldt
              + " occurs twice in "
              + z
              + " (DST overlap, offsets "
              + trans.getOffsetBefore()
              + " and "
              + trans.getOffsetAfter()
              + "); set ambiguous = \"earliest\" or \"latest\"");
    }
    return ambiguous == Ambiguous.EARLIEST
        ? localMillis - Math.max(before, after)
        : localMillis - Math.min(before, after);
  }

  private static LocalDateTime toLocalDateTime(long localMillis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(localMillis, 1000L),
        (int) Math.floorMod(localMillis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }

  /** Local times {@code [localFrom, localTo)} that map to exactly one instant, with one offset. */
  private static final class OffsetWindow {
    final long localFrom;
    final long localTo;
    final long offsetMillis;

    private OffsetWindow(long localFrom, long localTo, long offsetMillis) {
      this.localFrom = localFrom;
      this.localTo = localTo;
      this.offsetMillis = offsetMillis;
    }

    static OffsetWindow around(ZoneRules rules, long instantMillis, long offsetMillis) {
      Instant at = Instant.ofEpochMilli(instantMillis);
      ZoneOffsetTransition prev = rules.previousTransition(at.plusMillis(1));
      ZoneOffsetTransition next = rules.nextTransition(at);
      long from = prev == null ? Long.MIN_VALUE : uniqueFrom(prev);
      long to = next == null ? Long.MAX_VALUE : uniqueTo(next);
      return new OffsetWindow(from, to, offsetMillis);
    }

    private static long localMillis(LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
    }

    private static long uniqueFrom(ZoneOffsetTransition t) {
      return Math.max(localMillis(t.getDateTimeBefore()), localMillis(t.getDateTimeAfter()));
    }

    private static long uniqueTo(ZoneOffsetTransition t) {
      return Math.min(localMillis(t.getDateTimeBefore()), localMillis(t.getDateTimeAfter()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Days since 1970-01-01 of January 1st of each year 0-10000 (10000 ends 9999's length). */
  private static final int[] YEAR_START_DAY = new int[10_001];

  static {
    for (int y = 0; y < YEAR_START_DAY.length; y++) {
      YEAR_START_DAY[y] = (int) daysFromCivil(y, 1, 1);
    }
  }

  /** Days of each month (index 1-12) in a common year. */
  private static final int[] MONTH_LENGTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /** Days before the first of each month (index 1-12) in a common year. */
  private static final int[] DAYS_BEFORE_MONTH = {
    0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
  };

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = month > 2 ? month - 3 : month + 9;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097L + doe - 719468L;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** Two digits at {@code p} (caller guarantees {@code p + 1} is inside the buffer) or -1. */
  private static int digits2(byte[] b, int p) {
    int d1 = b[p] - '0';
    int d2 = b[p + 1] - '0';
    return (d1 | d2) >= 0 && d1 <= 9 && d2 <= 9 ? d1 * 10 + d2 : -1;
  }

  private static int digits4(byte[] b, int p) {
    int hi = digits2(b, p);
    int lo = digits2(b, p + 2);
    return (hi | lo) >= 0 ? hi * 100 + lo : -1;
  }

  private long checkRange(long ms, byte[] b, int from, int to) {
    if (ms > MAX_EPOCH_MILLIS || ms < -MAX_EPOCH_MILLIS) {
      throw outOfRange(new String(b, from, to - from, StandardCharsets.UTF_8));
    }
    return ms;
  }

  private long checkRange(long ms, String s) {
    if (ms > MAX_EPOCH_MILLIS || ms < -MAX_EPOCH_MILLIS) {
      throw outOfRange(s);
    }
    return ms;
  }

  private TimeParseException unparseable(byte[] b, int from, int to) {
    return unparseable(new String(b, from, to - from, StandardCharsets.UTF_8));
  }

  private TimeParseException unparseable(String text) {
    return new TimeParseException(
        TimeParseException.UNPARSEABLE,
        "cannot parse \"" + text + "\" as a time; expected " + expected());
  }

  private static TimeParseException outOfRange(String text) {
    return new TimeParseException(
        TimeParseException.UNPARSEABLE,
        "time \""
            + text
            + "\" is out of range; expected an instant within ±"
            + MAX_EPOCH_MILLIS
            + " ms of 1970-01-01T00:00:00Z");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimeParser)) {
      return false;
    }
    TimeParser p = (TimeParser) o;
    return zoneId.equals(p.zoneId)
        && Objects.equals(format, p.format)
        && epochUnit == p.epochUnit
        && ambiguous == p.ambiguous
        && nonexistent == p.nonexistent;
  }

  @Override
  public int hashCode() {
    return Objects.hash(zoneId, format, epochUnit, ambiguous, nonexistent);
  }

  @Override
  public String toString() {
    return "TimeParser{zone="
        + zoneId
        + ", format="
        + (format == null ? "built-in" : format)
        + ", epoch_unit="
        + epochUnit.name().toLowerCase(Locale.ROOT)
        + ", ambiguous="
        + ambiguous.name().toLowerCase(Locale.ROOT)
        + ", nonexistent="
        + nonexistent.name().toLowerCase(Locale.ROOT)
        + "}";
  }
}
