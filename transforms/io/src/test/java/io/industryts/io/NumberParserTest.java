package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {
  private final NumberParser np = new NumberParser();

  private boolean parseDouble(String s) {
    byte[] b = ("#" + s + "#").getBytes(StandardCharsets.ISO_8859_1);
    return np.parseDouble(b, 1, b.length - 1);
  }

  private boolean parseLong(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    return np.parseLong(b, 0, b.length);
  }

  private void assertSameAsJdk(String s) {
    assertTrue(parseDouble(s), s);
    double want = Double.parseDouble(s);
    assertEquals(
        Double.doubleToRawLongBits(want),
        Double.doubleToRawLongBits(np.doubleValue),
        () -> s + ": got " + np.doubleValue + ", Double.parseDouble gives " + want);
  }

  @Test
  void equalsDoubleParseDoubleOnRandomDecimals() {
    Random r = new Random(20240101);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(4) == 0) {
        sb.append(r.nextBoolean() ? '-' : '+');
      }
      int intDigits = r.nextInt(12);
      for (int d = 0; d < intDigits; d++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
      int fracDigits = r.nextInt(intDigits == 0 ? 24 : 25);
      if (fracDigits > 0 || intDigits == 0) {
        sb.append('.');
        for (int d = 0; d < Math.max(fracDigits, intDigits == 0 ? 1 : 0); d++) {
          sb.append((char) ('0' + r.nextInt(10)));
        }
      }
      if (r.nextInt(5) == 0) {
        sb.append(r.nextBoolean() ? 'e' : 'E');
        if (r.nextBoolean()) {
          sb.append(r.nextBoolean() ? '-' : '+');
        }
        sb.append(r.nextInt(r.nextInt(10) == 0 ? 400 : 30));
      }
      assertSameAsJdk(sb.toString());
    }
  }

  @Test
  void equalsDoubleParseDoubleOnShortestReprsOfRandomDoubles() {
    Random r = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      double v = Double.longBitsToDouble(r.nextLong());
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        continue;
      }
      assertSameAsJdk(Double.toString(v));
      assertSameAsJdk(String.format("%.4f", r.nextGaussian() * 100));
      assertSameAsJdk(
          new java.math.BigDecimal(v)
              .toPlainString()
              .substring(0, Math.min(40, new java.math.BigDecimal(v).toPlainString().length())));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "+0",
        "0.0",
        "-0.0",
        "1",
        "1.",
        ".5",
        "5.",
        "123.4567",
        "-62.0038",
        "1e5",
        "1E-5",
        "1.5e+3",
        "9007199254740991",
        "9007199254740992",
        "9007199254740993",
        "12345678901234567890",
        "0.1",
        "0.30000000000000004",
        "1e22",
        "1e23",
        "1e-22",
        "1e-23",
        "4.9e-324",
        "2e-324",
        "1.7976931348623157e308",
        "1.8e308",
        "123456789012345678901234567890.5",
        " 1.5 ",
        "\t2"
      })
  void parsesEdgeCasesLikeTheJdk(String s) {
    assertSameAsJdk(s);
  }

  /**
   * Edge numbers with their IEEE 754 bits written out (the JDK's and the IEEE reference values,
   * e.g. 0.1 = 0x3FB999999999999A, pi = 0x400921FB54442D18): signed zeros, the smallest subnormal
   * and the rounding around half of it, the largest subnormal and the smallest normal, the largest
   * finite value and overflow, 17 significant digits (what pandas writes), more digits than a
   * double holds, 2^53 + 1 (ties to even), exponents with a sign and leading zeros.
   */
  @ParameterizedTest
  @CsvSource({
    "-0.0, 0x8000000000000000",
    "-0, 0x8000000000000000",
    "4.9e-324, 0x0000000000000001",
    "2.4e-324, 0x0000000000000000",
    "2.5e-324, 0x0000000000000001",
    "2.2250738585072014E-308, 0x0010000000000000",
    "2.225073858507201e-308, 0x000FFFFFFFFFFFFF",
    "1.7976931348623157e308, 0x7FEFFFFFFFFFFFFF",
    "1e309, 0x7FF0000000000000",
    "1e-400, 0x0000000000000000",
    "-1e-400, 0x8000000000000000",
    "0.1, 0x3FB999999999999A",
    "0.30000000000000004, 0x3FD3333333333334",
    "9007199254740993, 0x4340000000000000",
    "1e23, 0x44B52D02C7E14AF6",
    "62.123456789012345, 0x404F0FCD6E9BA37B",
    "-1.2345678901234567e-5, 0xBEE9E409302678BA",
    "0.12345678901234567, 0x3FBF9ADD3746F65E",
    "3.14159265358979323846264338327950288, 0x400921FB54442D18",
    "123456789012345678901234567890, 0x45F8EE90FF6C373E",
    "1E+0, 0x3FF0000000000000",
    "00000000000000000000001.5, 0x3FF8000000000000"
  })
  void parsesEdgeNumbersToTheirExactBits(String text, String hexBits) {
    long want = Long.parseUnsignedLong(hexBits.substring(2), 16);
    assertTrue(parseDouble(text), text);
    assertEquals(
        want,
        Double.doubleToRawLongBits(np.doubleValue),
        () -> text + ": got " + Long.toHexString(Double.doubleToRawLongBits(np.doubleValue)));
    // with blanks around it (trimmed) the same bits
    assertTrue(parseDouble(" " + text + "\t"), text);
    assertEquals(want, Double.doubleToRawLongBits(np.doubleValue), text);
  }

  @Test
  void equalsDoubleParseDoubleOnSeventeenDigitsAndLongMantissas() {
    // the numbers the exact fast path leaves to the library: 17 significant digits as pandas and
    // Double.toString write them, mantissas of 2^53 and more, long fractions
    Random r = new Random(17);
    for (int i = 0; i < 50_000; i++) {
      double v = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
      assertSameAsJdk(String.format(Locale.ROOT, "%.16e", v));
      assertSameAsJdk(String.format(Locale.ROOT, "%.17g", v).trim());
      assertSameAsJdk(Long.toString(r.nextLong() >>> 1) + "." + (r.nextInt() >>> 1));
    }
  }

  @Test
  void shortNumbersReadInOneLoadEqualTheJdkWhateverBytesFollow() {
    // cells of up to 8 bytes are read 8 bytes at a time: the bytes after the cell (here digits,
    // points, delimiters) must not change the value, and every shape must still be checked
    Random r = new Random(8);
    String[] tails = {"99999999", "........", ",,,,,,,,", "\n\n\n\n\n\n\n\n", "12.45e+9"};
    String[] fixed = {
      "0",
      "-0",
      "5.",
      ".5",
      "-.5",
      "1234567.",
      ".1234567",
      "12345678",
      "99999999",
      "-9.999999",
      "0.000001",
      "62.0038",
      "-0.4224",
      "1.2.3",
      "1..2",
      "..",
      ".",
      "-",
      "+",
      "1-2",
      "1e5",
      "1 2",
      "12:45",
      "1/2",
      "NA",
      "0x10",
      "1_000"
    };
    List<String> cases = new ArrayList<>(List.of(fixed));
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(3) == 0) {
        sb.append('-');
      }
      int len = 1 + r.nextInt(8);
      int dot = r.nextInt(len + 2) - 1; // -1 or len: no point
      for (int k = 0; k < len; k++) {
        sb.append(k == dot ? '.' : (char) ('0' + r.nextInt(10)));
      }
      cases.add(sb.toString());
    }
    for (String s : cases) {
      for (String tail : tails) {
        byte[] b = ("#" + s + tail).getBytes(StandardCharsets.ISO_8859_1);
        boolean got = np.parseDouble(b, 1, 1 + s.length());
        boolean want = isDecimal(s);
        assertEquals(want, got, s + " followed by " + tail);
        if (want) {
          assertEquals(
              Double.doubleToRawLongBits(Double.parseDouble(s)),
              Double.doubleToRawLongBits(np.doubleValue),
              s + " followed by " + tail);
        }
      }
    }
  }

  @Test
  void signedCellsOfUpToEightBytesAfterTheSignReadInOneLoad() {
    // the sign is read before the 8-byte load: a sign alone, a sign before a point, two signs,
    // and the longest signed cells (9 bytes, 8 after the sign) with the bytes after them anything
    String[] ok = {
      "+5",
      "-5",
      "+.5",
      "-5.",
      "-1234567",
      "+1234567",
      "-123.456",
      "+0.00001",
      "-123.4567",
      "+12345678"
    };
    double[] want = {5, -5, 0.5, -5, -1234567, 1234567, -123.456, 0.00001, -123.4567, 12345678};
    String[] bad = {"-", "+", "-.", "+.", "+-5", "-+5", "--5", "-5-", "-5.5.", "-e5"};
    for (String tail : new String[] {"99999999", "........", "--------"}) {
      for (int i = 0; i < ok.length; i++) {
        byte[] b = (ok[i] + tail).getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(np.parseDouble(b, 0, ok[i].length()), ok[i] + tail);
        assertEquals(want[i], np.doubleValue, ok[i] + " followed by " + tail);
      }
      for (String s : bad) {
        byte[] b = (s + tail).getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(np.parseDouble(b, 0, s.length()), s + " followed by " + tail);
      }
    }
  }

  private static boolean isDecimal(String s) {
    return s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  }

  @Test
  void parsesInfinities() {
    assertTrue(parseDouble("inf"));
    assertEquals(Double.POSITIVE_INFINITY, np.doubleValue);
    assertTrue(parseDouble("-Infinity"));
    assertEquals(Double.NEGATIVE_INFINITY, np.doubleValue);
    assertTrue(parseDouble("+INF"));
    assertEquals(Double.POSITIVE_INFINITY, np.doubleValue);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1d", "1f", "0x1p3", "NaN", "nan",
        "1,5", "1 5", "--1", "abc", "1.5x", "infinit", "#N/A"
      })
  void rejectsNonNumbers(String s) {
    assertFalse(parseDouble(s), s);
  }

  @Test
  void parsesLongsExactlyWithOverflowChecks() {
    assertTrue(parseLong("0"));
    assertEquals(0, np.longValue);
    assertTrue(parseLong("-42"));
    assertEquals(-42, np.longValue);
    assertTrue(parseLong("+42"));
    assertEquals(42, np.longValue);
    assertTrue(parseLong(" 7 "));
    assertEquals(7, np.longValue);
    assertTrue(parseLong("9223372036854775807"));
    assertEquals(Long.MAX_VALUE, np.longValue);
    assertTrue(parseLong("-9223372036854775808"));
    assertEquals(Long.MIN_VALUE, np.longValue);
    assertFalse(parseLong("9223372036854775808"));
    assertFalse(parseLong("-9223372036854775809"));
    assertFalse(parseLong("1.0"));
    assertFalse(parseLong("1e3"));
    assertFalse(parseLong(""));
    assertFalse(parseLong("-"));
    assertFalse(parseLong("12a"));
  }

  @Test
  void recognizesPandasNaTokensOnly() {
    for (String t : NumberParser.NA_TOKENS) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      assertTrue(NumberParser.isNaToken(b, 0, b.length), t);
    }
    for (String t : new String[] {"", "na", "Null", "NONE", "None", "-", "nan ", "N/A N/A"}) {
      byte[] b = t.getBytes(StandardCharsets.US_ASCII);
      boolean trimmedToken = t.equals("nan ");
      assertEquals(trimmedToken, NumberParser.isNaToken(b, 0, b.length), t);
    }
  }
}
