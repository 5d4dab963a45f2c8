package io.industryts.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParserTest {
  private static final TimeParser UTC = TimeParser.utc();
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  /** Parses through both entry points (chars and bytes) and checks that they agree. */
  private static long parse(TimeParser p, String s) {
    long fromChars = p.parse(s);
    byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
    long fromBytes = p.parse(b, 2, b.length - 2);
    assertEquals(fromChars, fromBytes, "chars and bytes disagree on \"" + s + "\"");
    return fromChars;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 1: ISO with T, optional seconds / fraction / offset
        "2024-01-01T08:00|2024-01-01T08:00:00Z",
        "2024-01-01T08:00:00|2024-01-01T08:00:00Z",
        "2024-01-01T08:00:00Z|2024-01-01T08:00:00Z",
        "2024-01-01T08:00:00.250Z|2024-01-01T08:00:00.250Z",
        "2024-01-01T08:00:00.5|2024-01-01T08:00:00.500Z",
        "2024-01-01T08:00:00.25|2024-01-01T08:00:00.250Z",
        "2024-01-01T08:00:00.123456789|2024-01-01T08:00:00.123Z",
        "2024-01-01T08:00:00.999999999Z|2024-01-01T08:00:00.999Z",
        "2024-01-01T08:00:00+01:00|2024-01-01T07:00:00Z",
        "2024-01-01T08:00:00-0530|2024-01-01T13:30:00Z",
        "2024-01-01T08:00:00+01|2024-01-01T07:00:00Z",
        "2024-01-01T08:00+01:00|2024-01-01T07:00:00Z",
        "2024-01-01T00:30:00.5+01:00|2023-12-31T23:30:00.500Z",
        // 2: the same with a space
        "2024-01-01 08:00:00|2024-01-01T08:00:00Z",
        "2024-01-01 08:00:00.5+0100|2024-01-01T07:00:00.500Z",
        "2024-01-01 08:00|2024-01-01T08:00:00Z",
        // 3: slashes
        "2024/01/01 08:00:00|2024-01-01T08:00:00Z",
        "2024/01/01 08:00|2024-01-01T08:00:00Z",
        "2024/12/31 23:59:59.999|2024-12-31T23:59:59.999Z",
        // 4: dates
        "2024-01-01|2024-01-01T00:00:00Z",
        "2024/02/29|2024-02-29T00:00:00Z",
        // leap days, early and late years, blanks around
        "2000-02-29T12:00:00|2000-02-29T12:00:00Z",
        "1969-12-31T23:59:59.999Z|1969-12-31T23:59:59.999Z",
        "1900-03-01T00:00:00|1900-03-01T00:00:00Z",
        "0001-01-01T00:00:00|0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999|9999-12-31T23:59:59.999Z",
        "'  2024-01-01T08:00:00  '|2024-01-01T08:00:00Z",
      })
  void parsesStringFormats(String text, String expected) {
    assertEquals(ms(expected), parse(UTC, text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 5: epoch numbers; auto unit: |v| < 1e11 seconds, else milliseconds
        "1704096000|2024-01-01T08:00:00Z",
        "1704096000123|2024-01-01T08:00:00.123Z",
        "1704096000.5|2024-01-01T08:00:00.500Z",
        "1704096000.0004|2024-01-01T08:00:00Z",
        "1704096000.0005|2024-01-01T08:00:00.001Z",
        "1704096000.9995|2024-01-01T08:00:01Z",
        "1704096000123.5|2024-01-01T08:00:00.124Z",
        "1704096000123.4999|2024-01-01T08:00:00.123Z",
        "+1704096000|2024-01-01T08:00:00Z",
        "0|1970-01-01T00:00:00Z",
        "2024|1970-01-01T00:33:44Z",
        "-1.0005|1969-12-31T23:59:58.999Z",
        "-1.0004|1969-12-31T23:59:58.999Z",
        "-1.0006|1969-12-31T23:59:58.999Z",
        "99999999999|5138-11-16T09:46:39Z",
        "100000000000|1973-03-03T09:46:40Z",
      })
  void parsesEpochNumbers(String text, String expected) {
    long want = ms(expected);
    if (text.equals("-1.0005")) {
      want = -1001; // half away from zero: -1000.5 ms -> -1001
    } else if (text.equals("-1.0004")) {
      want = -1000;
    } else if (text.equals("-1.0006")) {
      want = -1001;
    }
    assertEquals(want, parse(UTC, text));
  }

  @Test
  void epochUnitCanBeForced() {
    TimeParser s = TimeParser.builder().epochUnit(TimeParser.EpochUnit.S).build();
    TimeParser msUnit = TimeParser.builder().epochUnit(TimeParser.EpochUnit.MS).build();
    assertEquals(1_704_096_000_123_000L, s.parse("1704096000123"));
    assertEquals(1_704_096_000L, msUnit.parse("1704096000"));
    assertEquals(2L, msUnit.parse("1.5"));
    assertEquals(-2L, msUnit.parse("-1.5"));
  }

  @Test
  void fromNumberUsesTheUnitRuleAndRoundsHalfAwayFromZero() {
    assertEquals(ms("2024-01-01T08:00:00Z"), UTC.fromNumber(1_704_096_000.0));
    assertEquals(ms("2024-01-01T08:00:00.500Z"), UTC.fromNumber(1_704_096_000.5));
    assertEquals(ms("2024-01-01T08:00:00.123Z"), UTC.fromNumber(1_704_096_000_123.0));
    assertEquals(1001L, UTC.fromNumber(1.0005));
    assertEquals(-1001L, UTC.fromNumber(-1.0005));
    assertEquals(3L, UTC.fromNumber(0.0025));
    assertEquals(ms("1973-03-03T09:46:40Z"), UTC.fromNumber(1e11));
    assertEquals(1704096000000L, UTC.fromEpoch(1_704_096_000L));
    assertEquals(1704096000123L, UTC.fromEpoch(1_704_096_000_123L));
    TimeParseException nan =
        assertThrows(TimeParseException.class, () -> UTC.fromNumber(Double.NaN));
    assertEquals(TimeParseException.UNPARSEABLE, nan.reason());
    assertThrows(TimeParseException.class, () -> UTC.fromNumber(Double.POSITIVE_INFINITY));
    assertThrows(TimeParseException.class, () -> UTC.fromNumber(1e300));
    assertThrows(TimeParseException.class, () -> UTC.fromEpoch(Long.MAX_VALUE));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        " ",
        "x",
        "2024-01",
        "2024-1-01",
        "2024-01-1",
        "2024-13-01",
        "2024-00-10",
        "2024-02-30",
        "2023-02-29",
        "2024-04-31",
        "2024-01-01T",
        "2024-01-01T8:00",
        "2024-01-01T08",
        "2024-01-01T08:0",
        "2024-01-01T24:00",
        "2024-01-01T24:00:00",
        "2024-01-01T23:60",
        "2024-01-01T23:59:60",
        "2024-01-01T08:00:00.",
        "2024-01-01T08:00:00.1234567890",
        "2024-01-01T08:00.5",
        "2024-01-01T08:00:00+1",
        "2024-01-01T08:00:00+01:0",
        "2024-01-01T08:00:00+19:00",
        "2024-01-01T08:00:00+01:60",
        "2024-01-01T08:00:00Zz",
        "2024-01-01T08:00:00 Z",
        "2024/01/01T08:00:00",
        "2024/01/01 08:00:00Z",
        "2024/01/01 08:00:00+01:00",
        "2024-01/01",
        "2024-01-01 08:00:00 x",
        "2024-01-01  08:00",
        "1.2.3",
        "1e9",
        "--1",
        "+",
        "-",
        "1.",
        ".5",
        "12a",
        "NaN",
        "99999999999999999999",
        "2024\u00a001-01",
        "9223372036854775807",
      })
  void rejectsBadStrings(String text) {
    TimeParseException e = assertThrows(TimeParseException.class, () -> UTC.parse(text));
    assertEquals(TimeParseException.UNPARSEABLE, e.reason());
    assertTrue(
        e.getMessage().contains("\"" + text.trim() + "\"") || e.getMessage().contains(text),
        e.getMessage());
  }

  @Test
  void badStringMessageNamesWhatIsExpected() {
    TimeParseException e = assertThrows(TimeParseException.class, () -> UTC.parse("2024-13-01"));
    assertEquals(
        "cannot parse \"2024-13-01\" as a time; expected ISO-8601 "
            + "(2024-01-01T08:00:00, optional .fff and Z / +01:00), \"yyyy-MM-dd HH:mm[:ss]\", "
            + "\"yyyy/MM/dd HH:mm[:ss]\", a date (2024-01-01) or an epoch number",
        e.getMessage());
  }

  @Test
  void bytePathAcceptsSubrangeWithoutTouchingNeighbours() {
    byte[] b = "2024-01-01T08:00:00,2024-01-02T08:00:00".getBytes(StandardCharsets.US_ASCII);
    assertEquals(ms("2024-01-01T08:00:00Z"), UTC.parse(b, 0, 19));
    assertEquals(ms("2024-01-02T08:00:00Z"), UTC.parse(b, 20, b.length));
    assertThrows(TimeParseException.class, () -> UTC.parse(b, 0, 20));
  }

  @Test
  void matchesJavaTimeOnRandomInstants() {
    Random r = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long want = r.nextLong() % 253_402_300_799_000L; // years 0000..9999
      if (want < -62_135_596_800_000L) {
        continue;
      }
      LocalDateTime t =
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(want, 1000),
              (int) Math.floorMod(want, 1000) * 1_000_000,
              ZoneOffset.UTC);
      String iso =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d.%03d",
              t.getYear(),
              t.getMonthValue(),
              t.getDayOfMonth(),
              t.getHour(),
              t.getMinute(),
              t.getSecond(),
              t.getNano() / 1_000_000);
      assertEquals(want, parse(UTC, iso), iso);
      assertEquals(want, parse(UTC, iso.replace('T', ' ') + "Z"), iso);
    }
  }

  @Test
  void everyDayOfCenturyAndLeapYearsMatchesJavaTimeAndDaysPastTheMonthAreRejected() {
    // the date comes from per-year and per-month tables: the years at their edges (0000 and 9999),
    // the century rules (1900 and 2100 common, 0000 and 2000 leap) and plain ones
    for (int year :
        new int[] {0, 1, 4, 100, 1582, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 9999}) {
      for (int month = 1; month <= 12; month++) {
        int length = java.time.YearMonth.of(year, month).lengthOfMonth();
        for (int day = 1; day <= 31; day++) {
          String text = String.format("%04d-%02d-%02dT12:00:00", year, month, day);
          if (day <= length) {
            long want =
                java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400_000L + 43_200_000L;
            assertEquals(want, parse(UTC, text), text);
          } else {
            assertThrows(TimeParseException.class, () -> UTC.parse(text), text);
          }
        }
      }
    }
  }

  @Test
  void hotPathDoesNotAllocate() {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    byte[] line = "2024-01-01T08:00:00,1.5".getBytes(StandardCharsets.US_ASCII);
    String text = "2024-01-01 08:00:00";
    long sum = 0;
    for (int i = 0; i < 200_000; i++) { // warm up (JIT, thread-local scratch)
      sum += UTC.parse(line, 0, 19) + UTC.parse(text);
    }
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      sum += UTC.parse(line, 0, 19) + UTC.parse(text);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 10_000, "allocated " + allocated + " bytes for 200,000 parses");
    assertTrue(sum != 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Zones and DST

  @Test
  void zoneLessTimesAreWallClockInTheZone() {
    TimeParser berlin = TimeParser.builder().zone(BERLIN).build();
    assertEquals(ms("2024-01-15T07:00:00Z"), parse(berlin, "2024-01-15 08:00:00"));
    assertEquals(ms("2024-07-15T06:00:00Z"), parse(berlin, "2024-07-15 08:00:00"));
    assertEquals(ms("2024-07-14T22:00:00Z"), parse(berlin, "2024-07-15"));
    // an explicit offset wins over the zone
    assertEquals(ms("2024-07-15T08:00:00Z"), parse(berlin, "2024-07-15T08:00:00Z"));
    assertEquals(ms("2024-07-15T07:00:00Z"), parse(berlin, "2024-07-15T08:00:00+01:00"));
    // a fixed-offset zone
    TimeParser plus2 = TimeParser.builder().zone(ZoneOffset.ofHours(2)).build();
    assertEquals(ms("2024-07-15T06:00:00Z"), parse(plus2, "2024-07-15 08:00"));
  }

  @Test
  void gapShiftsForwardToTheEndOfTheGap() {
    TimeParser berlin = TimeParser.builder().zone(BERLIN).build();
    // 2024-03-31 02:00 -> 03:00 CEST: 02:30 does not exist and becomes 03:00 local = 01:00Z
    assertEquals(ms("2024-03-31T01:00:00Z"), parse(berlin, "2024-03-31 02:30"));
    assertEquals(ms("2024-03-31T01:00:00Z"), parse(berlin, "2024-03-31 02:00"));
    assertEquals(ms("2024-03-31T01:00:00Z"), parse(berlin, "2024-03-31 02:59:59.999"));
    assertEquals(ms("2024-03-31T00:59:59Z"), parse(berlin, "2024-03-31 01:59:59"));
    assertEquals(ms("2024-03-31T01:00:00Z"), parse(berlin, "2024-03-31 03:00"));
    // not ZonedDateTime.ofLocal, which gives 03:30 local
    long ofLocal =
        LocalDateTime.parse("2024-03-31T02:30").atZone(BERLIN).toInstant().toEpochMilli();
    assertEquals(ms("2024-03-31T01:30:00Z"), ofLocal);
  }

  @Test
  void gapIsAnErrorWhenAsked() {
    TimeParser strict =
        TimeParser.builder().zone(BERLIN).nonexistent(TimeParser.Nonexistent.ERROR).build();
    TimeParseException e =
        assertThrows(TimeParseException.class, () -> strict.parse("2024-03-31 02:30"));
    assertEquals(TimeParseException.NONEXISTENT, e.reason());
    assertEquals(
        "local time 2024-03-31T02:30 does not exist in Europe/Berlin (DST gap 02:00 -> "
            + "03:00); set nonexistent = \"shift_forward\" to move it to the end of the gap",
        e.getMessage());
    assertEquals(ms("2024-03-31T01:00:00Z"), strict.parse("2024-03-31 03:00"));
  }

  @Test
  void overlapPicksEarliestOrLatest() {
    TimeParser earliest = TimeParser.builder().zone(BERLIN).build();
    TimeParser latest =
        TimeParser.builder().zone(BERLIN).ambiguous(TimeParser.Ambiguous.LATEST).build();
    // 2024-10-27 03:00 CEST -> 02:00 CET: 02:30 happens at 00:30Z (CEST) and 01:30Z (CET)
    assertEquals(ms("2024-10-27T00:30:00Z"), parse(earliest, "2024-10-27 02:30"));
    assertEquals(ms("2024-10-27T01:30:00Z"), parse(latest, "2024-10-27 02:30"));
    assertEquals(ms("2024-10-27T00:00:00Z"), parse(earliest, "2024-10-27 02:00"));
    assertEquals(ms("2024-10-27T01:00:00Z"), parse(latest, "2024-10-27 02:00"));
    assertEquals(ms("2024-10-27T02:00:00Z"), parse(latest, "2024-10-27 03:00"));
    assertEquals(ms("2024-10-26T23:59:59Z"), parse(latest, "2024-10-27 01:59:59"));
  }

  @Test
  void overlapIsAnErrorWhenAsked() {
    TimeParser strict =
        TimeParser.builder().zone(BERLIN).ambiguous(TimeParser.Ambiguous.ERROR).build();
    TimeParseException e =
        assertThrows(TimeParseException.class, () -> strict.parse("2024-10-27 02:30"));
    assertEquals(TimeParseException.AMBIGUOUS, e.reason());
    assertEquals(
        "local time 2024-10-27T02:30 occurs twice in Europe/Berlin (DST overlap, offsets "
            + "+02:00 and +01:00); set ambiguous = \"earliest\" or \"latest\"",
        e.getMessage());
  }

  @Test
  void cachedOffsetWindowDoesNotLeakAcrossTransitions() {
    TimeParser berlin = TimeParser.builder().zone(BERLIN).build();
    // walk hour by hour across both 2024 transitions and compare with java.time (unique times)
    LocalDateTime t = LocalDateTime.parse("2024-03-30T00:00");
    while (t.isBefore(LocalDateTime.parse("2024-10-28T06:00"))) {
      var offsets = BERLIN.getRules().getValidOffsets(t);
      if (offsets.size() == 1) {
        long want = t.toInstant(offsets.get(0)).toEpochMilli();
        assertEquals(want, berlin.parse(t.toString().replace('T', ' ')), t.toString());
      }
      t = t.plusMinutes(30);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // time_format

  @Test
  void customFormatReplacesBuiltInFormats() {
    TimeParser p = TimeParser.builder().format("dd.MM.yyyy HH:mm").build();
    assertEquals(ms("2024-03-05T14:30:00Z"), p.parse("05.03.2024 14:30"));
    assertEquals(ms("2024-03-05T14:30:00Z"), p.parse("  05.03.2024 14:30 "));
    TimeParseException e =
        assertThrows(TimeParseException.class, () -> p.parse("2024-03-05T14:30:00"));
    assertEquals(
        "cannot parse \"2024-03-05T14:30:00\" as a time; expected time_format "
            + "\"dd.MM.yyyy HH:mm\"",
        e.getMessage());
    assertThrows(TimeParseException.class, () -> p.parse("1704096000"));
    assertThrows(TimeParseException.class, () -> p.parse("31.02.2024 10:00"));
    assertThrows(TimeParseException.class, () -> p.parse("05.03.2024 24:00"));
  }

  @Test
  void customFormatHandlesShortYearsDatesOffsetsAndZones() {
    assertEquals(
        ms("2024-03-05T04:07:00Z"),
        TimeParser.builder().format("M/d/yy H:mm").build().parse("3/5/24 4:07"));
    assertEquals(
        ms("2024-03-05T00:00:00Z"),
        TimeParser.builder().format("yyyyMMdd").build().parse("20240305"));
    assertEquals(
        ms("2024-03-05T03:07:00Z"),
        TimeParser.builder()
            .format("yyyy-MM-dd HH:mm XXX")
            .build()
            .parse("2024-03-05 04:07 +01:00"));
    TimeParser berlin = TimeParser.builder().zone(BERLIN).format("dd.MM.yyyy HH:mm").build();
    assertEquals(ms("2024-03-31T01:00:00Z"), berlin.parse("31.03.2024 02:30"));
    assertEquals(ms("2024-10-27T00:30:00Z"), berlin.parse("27.10.2024 02:30"));
  }

  @Test
  void invalidPatternIsAConstructionError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TimeParser.builder().format("yyyy-MM-dd {{"));
    assertTrue(
        e.getMessage().startsWith("TimeParser: invalid time_format \"yyyy-MM-dd {{\""),
        e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // value semantics

  @Test
  void survivesJavaSerialization() throws Exception {
    TimeParser p =
        TimeParser.builder()
            .zone(BERLIN)
            .format("dd.MM.yyyy HH:mm")
            .ambiguous(TimeParser.Ambiguous.LATEST)
            .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    TimeParser copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TimeParser) in.readObject();
    }
    assertEquals(p, copy);
    assertEquals(p.hashCode(), copy.hashCode());
    assertEquals(p.parse("27.10.2024 02:30"), copy.parse("27.10.2024 02:30"));
  }

  @Test
  void toBuilderKeepsSettingsAndToStringReadsLikeConfig() {
    TimeParser p = TimeParser.builder().zone(BERLIN).epochUnit(TimeParser.EpochUnit.MS).build();
    assertEquals(p, p.toBuilder().build());
    assertEquals(
        "TimeParser{zone=Europe/Berlin, format=built-in, epoch_unit=ms, "
            + "ambiguous=earliest, nonexistent=shift_forward}",
        p.toString());
  }
}
