package io.industryts.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time in one {@code long} (SWAR): the CSV scanner finds delimiters and line feeds
 * with it, the number parser reads short numbers with it, the CSV writer stores 8 digits at once
 * with its {@link #LONGS}. Plain arithmetic only: the launcher runs C1, which compiles {@link
 * Long#numberOfTrailingZeros} and {@link Long#bitCount} as calls.
 */
final class ByteLanes {
  private ByteLanes() {}

  /** Reads 8 bytes of a {@code byte[]} as one little-endian {@code long} (byte 0 lowest). */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long LANE_INDEX = 0x0001020304050607L;

  /** The high bit of each byte lane of {@code x} that is zero (exact, no false positives). */
  static long zeroLanes(long x) {
    return ~(((x & LOWS) + LOWS) | x | LOWS);
  }

  /**
   * The index (0-7) of the lowest byte lane whose high bit is set in {@code m}, which has no other
   * bits: the lowest set bit {@code 1 << 8k+7}, shifted to {@code 1 << 8k}, multiplied by bytes
   * 7,6,...,0 puts {@code k} in the top byte.
   */
  static int lowestLane(long m) {
    return (int) ((((m & -m) >>> 7) * LANE_INDEX) >>> 56);
  }

  /**
   * The number written by the 8 ASCII digits of {@code chars} (byte 0 the most significant; a zero
   * byte counts as a leading zero): pairs, then quadruples, then all eight, each step one
   * multiplication.
   */
  static long eightDigits(long chars) {
    long v = chars & 0x0F0F0F0F0F0F0F0FL;
    v = (v * 2561) >>> 8;
    v = ((v & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
    return ((v & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
  }
}
