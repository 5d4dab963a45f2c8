package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainDoubleText} against the CSV writer's general formatter (Jackson's Schubfach, whose
 * text every golden file holds): the same bytes for every double it covers, and a fair share
 * covered.
 */
class PlainDoubleTextTest {
  /** The text {@link PlainDoubleText#write} gives, or null where it leaves the double alone. */
  private static String plain(double v) {
    // text after 5 bytes of other content, in a buffer with exactly the room it asks for
    byte[] buf = new byte[5 + PlainDoubleText.ROOM];
    buf[0] = 'x';
    buf[4] = ',';
    int end = PlainDoubleText.write(v, buf, 5);
    if (end < 0) {
      return null;
    }
    assertEquals("x", new String(buf, 0, 1, StandardCharsets.US_ASCII), "wrote before its start");
    assertEquals(',', buf[4], "wrote before its start");
    return new String(buf, 5, end - 5, StandardCharsets.US_ASCII);
  }

  /** True if covered; fails when the text differs from the general formatter's. */
  private static boolean check(double v) {
    String got = plain(v);
    if (got == null) {
      return false;
    }
    String want = NumberOutput.toString(v, true);
    assertEquals(
        want, got, () -> "bits 0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + " " + want);
    return true;
  }

  @ParameterizedTest
  @CsvSource({
    "62.0038, 62.0038",
    "-0.4224, -0.4224",
    "0.30000000000000004, 0.30000000000000004",
    "1234567.0, 1234567.0",
    "1234567.5, 1234567.5",
    "9999999.999999998, 9999999.999999998",
    "0.0011, 0.0011",
    "0.0012345, 0.0012345",
    "0.15, 0.15",
    "12.0, 12.0",
    "120.0, 120.0",
    "1200000.0, 1200000.0",
    "3.141592653589793, 3.141592653589793",
    "-2.718281828459045, -2.718281828459045",
    "0.015625000000000003, 0.015625000000000003",
    "1.7976931348623157, 1.7976931348623157"
  })
  void writesTheShortestDecimalInPlainLayout(double v, String text) {
    assertEquals(text, plain(v));
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {
        0.0,
        -0.0,
        1.0,
        2.0,
        100.0,
        0.1,
        0.001,
        0.5,
        0.25,
        4e-4,
        0.00099999,
        1e7,
        1.0000001e7,
        1e-5,
        1e300,
        Double.MIN_VALUE,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      })
  void leavesOtherLayoutsPowersOfTwoAndOneDigitDecimalsToTheGeneralFormatter(double v) {
    assertEquals(null, plain(v), () -> "covered " + v);
  }

  @Test
  void sameTextAsTheGeneralFormatterOnRandomDoubles() {
    Random r = new Random(20261207);
    int n = 1_200_000;
    int covered = 0;
    for (int i = 0; i < n; i++) {
      double v;
      switch (i % 6) {
        case 0: // any bits
          v = Double.longBitsToDouble(r.nextLong());
          break;
        case 1: // full precision, around the plain range
          v = r.nextGaussian() * Math.pow(10, r.nextInt(14) - 5);
          break;
        case 2: // few digits: 62.0038, 1234.5, 0.001
          v = Math.round(r.nextGaussian() * 1e6) / Math.pow(10, r.nextInt(10));
          break;
        case 3: // every binary exponent of the plain range and one beyond each end
          v =
              Double.longBitsToDouble(
                  ((r.nextInt(40) + 1005L) << 52) | (r.nextLong() & 0xF_FFFF_FFFF_FFFFL));
          break;
        case 4: // a few ulps around powers of ten, where the digit count changes
          v = Math.pow(10, r.nextInt(12) - 4);
          for (int k = r.nextInt(9) - 4; k != 0; k += k > 0 ? -1 : 1) {
            v = k > 0 ? Math.nextUp(v) : Math.nextDown(v);
          }
          break;
        default: // dyadic fractions, where exact halves between decimals occur
          v = (r.nextInt(2_000_000) - 1_000_000) / 8.0 / (1 << r.nextInt(20));
          break;
      }
      if (r.nextBoolean()) {
        v = -v;
      }
      if (check(v)) {
        covered++;
      }
    }
    // about 56 % of these draws lie in the plain range with two digits or more
    assertTrue(covered > n / 2, "covered " + covered + " of " + n);
  }

  @Test
  void sameTextAsTheGeneralFormatterOnShortDecimals() {
    // every decimal of up to 6 digits in [0.001, 10) and a sample of larger ones: the shortest
    // text is the decimal itself, reached through the loop's longest runs
    int covered = 0;
    for (int digits = 1; digits < 1_000_000; digits++) {
      for (int scale = 3; scale <= 8; scale++) {
        double v = digits / Math.pow(10, scale);
        if (check(v)) {
          covered++;
        }
      }
      if (digits % 97 == 0 && check(digits * 10.5)) {
        covered++;
      }
    }
    assertTrue(covered > 5_000_000, "covered " + covered);
  }

  @Test
  void eightDigitsInByteOrder() {
    assertEquals(0x3736353433323130L, PlainDoubleText.eightDigits(1234567));
    assertEquals(0x3132333435363738L, PlainDoubleText.eightDigits(87654321));
    assertEquals(0x3939393939393939L, PlainDoubleText.eightDigits(99_999_999));
  }
}
