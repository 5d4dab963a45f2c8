package io.industryts.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import io.industryts.NaTokens;
import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from CSV bytes, without a String per cell.
 *
 * <p>Accepted: optional sign, digits, optional {@code .} and digits (at least one digit in all),
 * optional exponent {@code e|E[+-]digits}, surrounded by optional blanks; also {@code inf}, {@code
 * infinity} (any case, optional sign). Values equal {@link Double#parseDouble} exactly: a mantissa
 * below 2^53 scaled by at most 22 powers of ten is one correctly rounded IEEE multiplication or
 * division of two exact doubles; anything else (more digits, larger exponents) is handed to {@link
 * JavaDoubleParser} (the fastdoubleparser library: Eisel-Lemire, straight from the bytes, results
 * identical to {@code Double.parseDouble}) after this class has checked the syntax (which both are
 * more lenient about: they would accept {@code 1d}, {@code NaN} or {@code 0x1p3}).
 *
 * <p>Not thread-safe: one instance per reader; results are left in {@link #doubleValue} and {@link
 * #longValue}.
 */
final class NumberParser {
  private static final long EXACT_MANTISSA = 1L << 53;
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  /** pandas' {@code read_csv} NA tokens (SEMANTICS §1.10), the empty string excluded. */
  static final String[] NA_TOKENS = NaTokens.tokens().toArray(new String[0]);

  private static final byte[][] NA_BYTES = new byte[NA_TOKENS.length][];

  static {
    for (int i = 0; i < NA_TOKENS.length; i++) {
      NA_BYTES[i] = NA_TOKENS[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** Result of the last successful {@link #parseDouble}. */
  double doubleValue;

  /** Result of the last successful {@link #parseLong}. */
  long longValue;

  private static final long DOTS = 0x2E2E2E2E2E2E2E2EL;
  private static final long ZEROS = 0x3030303030303030L;
  private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;

  /**
   * Parses a decimal number in {@code b[from, to)}; false if the text is not a number.
   *
   * <p>A cell of at most 8 bytes after its sign ({@code 62.0038}, {@code -0.4224}: every value of a
   * 4-decimal sensor file) is read from one 8-byte load (when 8 bytes are left in the array): point
   * found and the gap it leaves closed, the rest checked to be digits and converted with {@link
   * ByteLanes#eightDigits}; the value is the same division of an exact mantissa (below 10^8) by an
   * exact power of ten as the loop's. This path is written inline, not as a method of its own: C1,
   * which the launcher runs, does not inline a method this size, and the call cost a tenth of the
   * cell. Any other shape (blanks, exponent, words, longer cells) is read byte by byte.
   */
  boolean parseDouble(byte[] b, int from, int to) {
    int n = to - from;
    int at = from;
    boolean negative = false;
    if (n > 1) {
      byte first = b[from];
      if (first == '-' || first == '+') {
        negative = first == '-';
        at++;
        n--;
      }
    }
    if (n > 0 && n <= 8 && at + 8 <= b.length) {
      long v = (long) ByteLanes.LONGS.get(b, at);
      long keep = -1L >>> ((8 - n) << 3); // the cell's lanes
      v &= keep;
      long dots = ByteLanes.zeroLanes(v ^ DOTS) & keep;
      int scale = 0;
      if (dots != 0 && (dots & (dots - 1)) == 0) {
        int dot = ByteLanes.lowestLane(dots);
        long below = (1L << (dot << 3)) - 1;
        v = (v & below) | ((v >>> 8) & ~below);
        scale = n - dot - 1;
        n--;
        keep >>>= 8;
        dots = 0;
      }
      // '0' in the lanes past the digits, so that the digit check holds there
      long padded = v | (ZEROS & ~keep);
      if (n > 0
          && dots == 0
          && (padded & HIGH_NIBBLES) == ZEROS
          && ((padded + 0x0606060606060606L) & HIGH_NIBBLES) == ZEROS) {
        // the digits into the top lanes: the empty low lanes are leading zeros
        long mantissa = ByteLanes.eightDigits(v << ((8 - n) << 3));
        double x = scale == 0 ? (double) mantissa : mantissa / POW10[scale];
        doubleValue = negative ? -x : x;
        return true;
      }
    }
    // [sign] digits [. digits], at most 18 digits, no blanks, no exponent (the sign is read above)
    int p = at;
    long mantissa = 0;
    int start = p;
    while (p < to) {
      int d = b[p] - '0';
      if ((char) d > 9) { // one unsigned comparison: below '0' wraps to a large char
        break;
      }
      mantissa = mantissa * 10 + d;
      p++;
    }
    int digits = p - start;
    int scale = 0;
    if (p < to && b[p] == '.') {
      int fracStart = ++p;
      while (p < to) {
        int d = b[p] - '0';
        if ((char) d > 9) {
          break;
        }
        mantissa = mantissa * 10 + d;
        p++;
      }
      scale = p - fracStart;
      digits += scale;
    }
    if (p == to && digits > 0 && digits <= 18 && mantissa < EXACT_MANTISSA && scale <= 22) {
      double v = scale == 0 ? (double) mantissa : mantissa / POW10[scale];
      doubleValue = negative ? -v : v;
      return true;
    }
    return parseDoubleGeneral(b, from, to);
  }

  private boolean parseDoubleGeneral(byte[] b, int from, int to) {
    while (from < to && isBlank(b[from])) {
      from++;
    }
    while (to > from && isBlank(b[to - 1])) {
      to--;
    }
    int p = from;
    boolean negative = false;
    if (p < to && (b[p] == '-' || b[p] == '+')) {
      negative = b[p] == '-';
      p++;
    }
    long mantissa = 0;
    boolean exact = true;
    int digits = 0;
    int scale = 0; // value = mantissa * 10^(exponent - scale)
    while (p < to) {
      int d = b[p] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      if (mantissa < EXACT_MANTISSA) {
        mantissa = mantissa * 10 + d;
      } else {
        exact = false;
      }
      digits++;
      p++;
    }
    if (p < to && b[p] == '.') {
      p++;
      while (p < to) {
        int d = b[p] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (mantissa < EXACT_MANTISSA) {
          mantissa = mantissa * 10 + d;
          scale++;
        } else {
          exact = false;
        }
        digits++;
        p++;
      }
    }
    if (digits == 0) {
      return parseInfinity(b, p, to, negative);
    }
    int exponent = 0;
    if (p < to && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      boolean negExp = false;
      if (p < to && (b[p] == '-' || b[p] == '+')) {
        negExp = b[p] == '-';
        p++;
      }
      int start = p;
      while (p < to) {
        int d = b[p] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (exponent < 100_000) {
          exponent = exponent * 10 + d;
        }
        p++;
      }
      if (p == start) {
        return false;
      }
      if (negExp) {
        exponent = -exponent;
      }
    }
    if (p != to) {
      return false;
    }
    int e10 = exponent - scale;
    if (exact && mantissa < EXACT_MANTISSA && e10 >= -22 && e10 <= 22) {
      double v = (double) mantissa;
      if (e10 > 0) {
        v *= POW10[e10];
      } else if (e10 < 0) {
        v /= POW10[-e10];
      }
      doubleValue = negative ? -v : v;
      return true;
    }
    // the syntax is checked above: digits, one '.', an exponent; no blanks, no suffix
    doubleValue = JavaDoubleParser.parseDouble(b, from, to - from);
    return true;
  }

  private boolean parseInfinity(byte[] b, int p, int to, boolean negative) {
    int n = to - p;
    if ((n == 3 && matchesIgnoreCase(b, p, "inf"))
        || (n == 8 && matchesIgnoreCase(b, p, "infinity"))) {
      doubleValue = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      return true;
    }
    return false;
  }

  /** Parses a decimal integer in {@code b[from, to)}; false if not an integer or out of range. */
  boolean parseLong(byte[] b, int from, int to) {
    while (from < to && isBlank(b[from])) {
      from++;
    }
    while (to > from && isBlank(b[to - 1])) {
      to--;
    }
    int p = from;
    boolean negative = false;
    if (p < to && (b[p] == '-' || b[p] == '+')) {
      negative = b[p] == '-';
      p++;
    }
    if (p == to) {
      return false;
    }
    // accumulate negatively so that Long.MIN_VALUE fits
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multmin = limit / 10;
    long result = 0;
    while (p < to) {
      int d = b[p] - '0';
      if (d < 0 || d > 9 || result < multmin) {
        return false;
      }
      result *= 10;
      if (result < limit + d) {
        return false;
      }
      result -= d;
      p++;
    }
    longValue = negative ? result : -result;
    return true;
  }

  /** Whether {@code b[from, to)} (blanks trimmed) is one of pandas' NA tokens. */
  static boolean isNaToken(byte[] b, int from, int to) {
    while (from < to && isBlank(b[from])) {
      from++;
    }
    while (to > from && isBlank(b[to - 1])) {
      to--;
    }
    int n = to - from;
    if (n < 2 || n > 8) {
      return false;
    }
    outer:
    for (byte[] token : NA_BYTES) {
      if (token.length != n) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        if (token[i] != b[from + i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Whether {@code b[from, to)} holds only blanks. */
  static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isBlank(b[i])) {
        return false;
      }
    }
    return true;
  }

  static boolean isBlank(byte c) {
    return c == ' ' || c == '\t';
  }

  private static boolean matchesIgnoreCase(byte[] b, int p, String word) {
    for (int i = 0; i < word.length(); i++) {
      int c = b[p + i] | 0x20;
      if (c != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
