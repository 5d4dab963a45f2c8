package io.industryts.io;

import java.lang.invoke.VarHandle;

/**
 * Writes the shortest decimal that reads back as a double straight into a byte array, for the
 * doubles whose text has no exponent: the same text as the CSV writer's general formatter
 * (Jackson's Schubfach, {@code NumberOutput.toString(v, true)}), which allocates a formatter, a
 * buffer and a {@code String} per value and costs about 130-190 ns a double under C1, the
 * launcher's compiler; this costs about half of that and allocates nothing.
 *
 * <p>Covers finite doubles whose chosen decimal lies in [10^-3, 10^7) (the plain layout: {@code
 * 62.0038}, {@code 0.0012}, {@code 120.0}) and is not exactly halfway between two candidates, with
 * a significand that is not a power of two and a shortest decimal of two digits or more. {@link
 * #write} returns -1 for everything else (zero, subnormals, NaN, infinities, exponent layout, the
 * rare ties and interval edges), and the caller uses the general formatter, so the text is the same
 * for every double.
 *
 * <p>How: with {@code v = m·2^q} ({@code m} the 53-bit significand) and {@code s} chosen so that
 * {@code v·10^s} has 17 digits, {@code 2m·5^s} is {@code v·10^s} in fixed point with {@code
 * -(s+q)+1} fraction bits (exact, 128 bits). The decimals that read back as {@code v} are those
 * within half a unit in the last place of it, which is {@code 5^s} in the same fixed point. The
 * shortest of them is the nearest multiple of the largest power of ten {@code 10^j} whose nearest
 * multiple is still inside that interval (the interval is symmetric when {@code m} is not a power
 * of two, so the nearest multiple is inside whenever any is; and any multiple of {@code 10^j} is
 * one of {@code 10^(j-1)}, so {@code j} is found by counting up from 0; from {@code j = 2} on the
 * interval holds at most one multiple, and the count goes on by the trailing zeros of the digits).
 * That is the rule of {@code Double.toString} from Java 19 and of Schubfach: the shortest, then the
 * nearest (a tie between two nearest is left to the general formatter, as is a one-digit result,
 * for which that rule also weighs two-digit decimals).
 *
 * <p>Stateless and thread-safe.
 */
final class PlainDoubleText {
  private PlainDoubleText() {}

  /**
   * The room {@link #write} needs at {@code buf[at]}: the longest text (sign, "0.00", 17 digits)
   * plus the 8 bytes a digit store may write past it.
   */
  static final int ROOM = 40;

  private static final VarHandle LONGS = ByteLanes.LONGS;

  private static final long[] POW5 = new long[28];
  private static final long[] POW10 = new long[19];

  static {
    POW5[0] = 1;
    for (int i = 1; i < POW5.length; i++) {
      POW5[i] = POW5[i - 1] * 5;
    }
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /** 10^16: the 17-digit scaled value lies in [10^16, 10^17). */
  private static final long E16 = 10_000_000_000_000_000L;

  private static final long E17 = 100_000_000_000_000_000L;

  /**
   * Writes the text of {@code v} at {@code buf[at]} (at least {@link #ROOM} bytes free).
   *
   * @return the index after the text, or -1 (nothing written) when {@code v} is not covered
   */
  static int write(double v, byte[] buf, int at) {
    long bits = Double.doubleToRawLongBits(v);
    int biased = (int) (bits >>> 52) & 0x7FF;
    long fraction = bits & 0x000F_FFFF_FFFF_FFFFL;
    // 1e-3 is just above 2^-10 and 1e7 just below 2^24: outside [2^-11, 2^24) never plain; the
    // fraction 0 (a power of two) has an asymmetric interval
    if (biased < 1023 - 11 || biased >= 1023 + 24 || fraction == 0) {
      return -1;
    }
    long m = fraction | (1L << 52);
    int q = biased - 1075; // v = m * 2^q, q in [-63, -29]
    // estimate of floor(log10 v): floor((q + 52) * log10(2)), off by at most one
    int e10 = ((q + 52) * 78_913) >> 18;
    int s = 16 - e10;
    long d = 0;
    long r = 0;
    int fracBits = 0;
    // at most two tries: the estimate is corrected by one
    for (int attempt = 0; attempt < 2; attempt++) {
      // 2m * 5^s: below 2^54 * 5^20 < 2^101
      long p5 = POW5[s];
      long lo = (m << 1) * p5;
      long hi = Math.multiplyHigh(m << 1, p5);
      fracBits = -(s + q) + 1; // in [18, 46]
      d = (hi << (64 - fracBits)) | (lo >>> fracBits);
      r = lo & ((1L << fracBits) - 1);
      if (d >= E17) {
        s--;
      } else if (d < E16) {
        s++;
      } else {
        break;
      }
    }
    if (d < E16 || d >= E17) {
      return -1;
    }
    long halfUlp = POW5[s]; // half a unit in the last place, in units of 2^-fracBits
    boolean inclusive = (m & 1) == 0; // an even significand owns the interval's ends
    long half = 1L << (fracBits - 1);
    // j = 0: the nearest integer, always inside (half the interval is more than 0.55 units);
    // exactly halfway is left to the general formatter
    long c;
    if (r < half) {
      c = d;
    } else if (r > half) {
      c = d + 1;
    } else {
      return -1;
    }
    int j = 0;
    long digits = c; // c / 10^j
    long quotient = d; // d / 10^j
    long remainder = 0; // d mod 10^j
    // the largest representable distance: (c - d) * 2^fracBits must stay a long
    long far = 1L << (62 - fracBits);
    // j = 1 and 2 one at a time: the nearest multiple of 10^j, while it is inside
    while (j < 2) {
      int next = j + 1;
      long q10 = div10(quotient);
      remainder += (quotient - q10 * 10) * POW10[j];
      quotient = q10;
      long step = POW10[next];
      long mid = step >> 1;
      long top = remainder < mid || (remainder == mid && r == 0) ? quotient : quotient + 1;
      long diff = top * step - d;
      if (diff >= far || diff <= -far) {
        break;
      }
      long delta = (diff << fracBits) - r;
      if (delta < 0) {
        delta = -delta;
      }
      if (delta > halfUlp || (delta == halfUlp && !inclusive)) {
        break;
      }
      if (remainder == mid && r == 0) {
        return -1; // exactly halfway between two that read back: the general formatter decides
      }
      digits = top;
      j = next;
    }
    if (j == 2) {
      // The interval is less than 23 units wide (half of it is 2^(q-1) * 10^s, and d < 10^17,
      // m >= 2^52), so from 10^2 on it holds at most one multiple of 10^j: the nearest multiple of
      // 10^(j+1) is then inside exactly when the digits end in 0. Their trailing zeros, 8, 4, 2
      // and 1 at a time, are the rest of the count (a short decimal such as 62.0038 has 12).
      for (int k = 8; k > 0; k >>= 1) {
        long shorter = divPow10(digits, k);
        if (shorter * POW10[k] == digits) {
          digits = shorter;
          j += k;
        }
      }
    }
    // c = digits * 10^j is within a unit of d, in [10^16, 10^17]: 17 - j digits, or 18 - j
    // after a carry
    int count = 17 - j;
    if (digits >= POW10[count]) {
      count++;
    }
    if (count < 2) {
      return -1;
    }
    // the decimal is 0.DIGITS * 10^e
    int e = count + j - s;
    if (e < -2 || e > 7) {
      return -1;
    }
    int p = at;
    if (v < 0) {
      buf[p++] = '-';
    }
    if (e <= 0) {
      buf[p++] = '0';
      buf[p++] = '.';
      for (int z = e; z < 0; z++) {
        buf[p++] = '0';
      }
      return putDigits(buf, p, digits, count);
    }
    if (count <= e) {
      // an integer: its digits, the zeros up to the point, then ".0"
      p = putDigits(buf, p, digits, count);
      for (int z = count; z < e; z++) {
        buf[p++] = '0';
      }
      buf[p++] = '.';
      buf[p++] = '0';
      return p;
    }
    // the digits one byte to the right, then the e (< 8) integer digits one byte back to the left
    // and the point after them, in one 8-byte merge
    int end = putDigits(buf, p + 1, digits, count);
    long shifted = (long) LONGS.get(buf, p + 1);
    long before = (long) LONGS.get(buf, p);
    long low = (1L << (e << 3)) - 1;
    long merged = (shifted & low) | ((long) '.' << (e << 3)) | (before & ~((low << 8) | 0xFF));
    LONGS.set(buf, p, merged);
    return end;
  }

  /**
   * Writes {@code x} (below 10^18, {@code n} digits) at {@code buf[p]}, 8 digits per store; may
   * write up to 8 bytes past the digits (the caller's buffer has room; later text overwrites them).
   */
  private static int putDigits(byte[] buf, int p, long x, int n) {
    long low = 0;
    long mid = 0;
    int full = 0;
    if (n > 8) {
      long q = div1e8(x);
      low = x - q * 100_000_000L;
      x = q;
      full = 1;
      if (n > 16) {
        q = div1e8(x);
        mid = x - q * 100_000_000L;
        x = q;
        full = 2;
      }
    }
    int lead = n - (full << 3);
    // the leading group's 8 digits, its leading zeros (the low bytes) shifted out
    LONGS.set(buf, p, eightDigits((int) x) >>> ((8 - lead) << 3));
    p += lead;
    if (full == 2) {
      LONGS.set(buf, p, eightDigits((int) mid));
      p += 8;
    }
    if (full >= 1) {
      LONGS.set(buf, p, eightDigits((int) low));
      p += 8;
    }
    return p;
  }

  /**
   * The 8 ASCII digits of {@code g} (below 10^8) as one little-endian long, the most significant
   * digit in the lowest byte: halves of 4 digits in the two 32-bit lanes, pairs of 2 in the four
   * 16-bit lanes, then single digits in the bytes, each split one multiplication for all lanes.
   */
  static long eightDigits(int g) {
    // g / 10^4 (109951163 = ceil(2^40 / 10^4): exact below 10^8)
    long hi = (g * 109_951_163L) >>> 40;
    long x = hi | ((g - hi * 10_000) << 32);
    // each 32-bit lane v < 10^4: v / 100 (5243 = ceil(2^19 / 100): exact below 10^4)
    long hundreds = ((x * 5243) >>> 19) & 0x0000_007F_0000_007FL;
    long y = hundreds | ((x - hundreds * 100) << 16);
    // each 16-bit lane w < 100: w / 10 (103 = ceil(2^10 / 10): exact below 100)
    long tens = ((y * 103) >>> 10) & 0x000F_000F_000F_000FL;
    long z = tens | ((y - tens * 10) << 8);
    return z + 0x3030_3030_3030_3030L;
  }

  /** {@code x / 10} for {@code x >= 0}, by a multiplication (a division is far slower under C1). */
  private static long div10(long x) {
    // 0x6666666666666667 = ceil(2^66 / 10): exact for every non-negative long
    return Math.multiplyHigh(x, 0x6666666666666667L) >> 2;
  }

  /** {@code x / 10^8} for {@code 0 <= x < 10^18}. */
  private static long div1e8(long x) {
    return divPow10(x, 8);
  }

  private static final double[] INVERSE_POW10 = {1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8};

  /**
   * {@code x / 10^k} for {@code 1 <= k <= 8} and {@code 0 <= x} with a quotient below 10^15: a
   * double estimate (three roundings, so off by less than 10^15 * 2^-51 < 1) corrected by one.
   */
  private static long divPow10(long x, int k) {
    long p = POW10[k];
    long q = (long) ((double) x * INVERSE_POW10[k]);
    long rest = x - q * p;
    if (rest < 0) {
      q--;
    } else if (rest >= p) {
      q++;
    }
    return q;
  }
}
