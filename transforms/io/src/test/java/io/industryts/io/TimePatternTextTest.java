package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TimePatternText} against {@link DateTimeFormatter} in UTC, as the CSV writer uses it. */
class TimePatternTextTest {
  private static String text(String pattern, long ms) {
    TimePatternText t = TimePatternText.of(pattern);
    assertNotNull(t, pattern);
    byte[] buf = new byte[3 + t.maxLength];
    int end = t.write(ms, buf, 3);
    return end < 0 ? null : new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yyyy-MM-dd'T'HH:mm:ss | 1704067200000 | 2024-01-01T00:00:00",
        "yyyy-MM-dd'T'HH:mm:ss | 1709210096789 | 2024-02-29T12:34:56",
        "yyyy-MM-dd HH:mm:ss.SSS | 1709210096789 | 2024-02-29 12:34:56.789",
        "yyyy-MM-dd HH:mm:ss.SSS | 1709210096009 | 2024-02-29 12:34:56.009",
        "dd/MM/yyyy HH:mm | -1 | 31/12/1969 23:59",
        "yyyy-MM-dd'T'HH:mm:ss'Z' | 0 | 1970-01-01T00:00:00Z",
        "yyyy-MM-dd' at 'HH:mm | -62135596800000 | 0001-01-01 at 00:00",
        "yyyy-MM-dd'T'HH:mm:ss | 253402300799999 | 9999-12-31T23:59:59"
      })
  void writesTheFieldsAndLiterals(String pattern, long ms, String want) {
    assertEquals(want, text(pattern, ms));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.SSS",
        "dd/MM/yyyy HH:mm",
        "yyyy/MM/dd, HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
      })
  void sameTextAsTheFormatterOnRandomTimes(String pattern) {
    DateTimeFormatter f =
        DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    Random r = new Random(pattern.hashCode());
    long min = -62135596800000L; // 0001-01-01
    long max = 253402300799999L; // 9999-12-31T23:59:59.999
    for (int i = 0; i < 200_000; i++) {
      long ms =
          i % 2 == 0
              ? min + (long) (r.nextDouble() * (max - min))
              : 1704067200000L + r.nextInt(400_000_000) * 1000L + r.nextInt(1000);
      assertEquals(f.format(Instant.ofEpochMilli(ms)), text(pattern, ms), "ms " + ms);
    }
  }

  @Test
  void leavesYearsOutsideOneToNineThousandToTheFormatter() {
    assertNull(text("yyyy-MM-dd", -62135596800001L)); // 0000-12-31T23:59:59.999
    assertNull(text("yyyy-MM-dd", 253402300800000L)); // 10000-01-01
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yyyy-MM-dd'T'HH:mm:ssXXX",
        "yy-MM-dd",
        "yyyy-M-d",
        "EEE yyyy-MM-dd",
        "yyyy-MM-dd hh:mm a",
        "yyyy-MM-dd'T'HH:mm:ss.SSSSSS",
        "yyyy-MM-dd 'o''clock'",
        "yyyy-MM-dd ''HH",
        "yyyy-MM-dd 'open",
        "yyyy-MM-dd[ HH:mm]",
        "uuuu-MM-dd"
      })
  void leavesOtherPatternsToTheFormatter(String pattern) {
    assertNull(TimePatternText.of(pattern));
  }
}
