package io.industryts.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Whole-file byte scans: quote detection before splitting, line numbers for error messages. */
final class FileBytes {
  private FileBytes() {}

  private static final int BLOCK = 1 << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

  /** Whether the file contains a {@code "} byte (8 bytes per step). */
  static boolean containsQuote(Path file) throws IOException {
    byte[] block = new byte[BLOCK];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = 0;
      while (true) {
        ByteBuffer bb = ByteBuffer.wrap(block);
        int n = 0;
        while (bb.hasRemaining()) {
          int r = ch.read(bb, at + n);
          if (r < 0) {
            break;
          }
          n += r;
        }
        if (n == 0) {
          return false;
        }
        int i = 0;
        for (; i + 8 <= n; i += 8) {
          long v = (long) LONGS.get(block, i) ^ QUOTES;
          if (((v - ONES) & ~v & HIGHS) != 0) {
            return true;
          }
        }
        for (; i < n; i++) {
          if (block[i] == '"') {
            return true;
          }
        }
        at += n;
        if (n < BLOCK) {
          return false;
        }
      }
    }
  }

  /**
   * The number of line feeds before each of {@code offsets} (ascending), in one pass over the file,
   * 8 bytes per step; null as soon as a {@code "} is found (a file with quotes is read as one
   * range, so it needs no counts).
   */
  static long[] lineFeedsBeforeUnlessQuoted(Path file, long[] offsets) throws IOException {
    long[] out = new long[offsets.length];
    byte[] block = new byte[BLOCK];
    long feeds = 0;
    int next = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = 0;
      while (true) {
        ByteBuffer bb = ByteBuffer.wrap(block);
        int n = 0;
        while (bb.hasRemaining()) {
          int r = ch.read(bb, at + n);
          if (r < 0) {
            break;
          }
          n += r;
        }
        int from = 0;
        while (from < n || (n == 0 && next < offsets.length)) {
          // up to the next offset inside this block, or the block's end
          int to =
              next < offsets.length && offsets[next] - at <= n
                  ? (int) Math.max(from, offsets[next] - at)
                  : n;
          int i = from;
          for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(block, i);
            long q = v ^ QUOTES;
            if (((q - ONES) & ~q & HIGHS) != 0) {
              return null;
            }
            long x = v ^ LINE_FEEDS;
            // high bit of each byte set unless the byte is zero (exact, no borrow between lanes)
            long nonZero = ((x & LOWS) + LOWS) | x | LOWS;
            // one high bit per line feed: add the lanes' 0/1 into the top byte (Long.bitCount
            // is a call in C1, which the launcher runs)
            feeds += (((~nonZero >>> 7) & ONES) * ONES) >>> 56;
          }
          for (; i < to; i++) {
            if (block[i] == '"') {
              return null;
            }
            if (block[i] == '\n') {
              feeds++;
            }
          }
          from = to;
          if (next < offsets.length && offsets[next] - at <= to) {
            out[next++] = feeds;
          } else if (to == n) {
            break;
          }
        }
        at += n;
        if (n < BLOCK) {
          while (next < offsets.length) {
            out[next++] = feeds;
          }
          return out;
        }
      }
    }
  }

  /**
   * Physical 1-based line numbers of the given byte offsets (ascending): one plus the number of
   * line feeds before each offset.
   */
  static long[] lineNumbers(Path file, long[] offsets) throws IOException {
    long[] lines = new long[offsets.length];
    if (offsets.length == 0) {
      return lines;
    }
    byte[] block = new byte[BLOCK];
    long newlines = 0;
    int next = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = 0;
      while (next < offsets.length) {
        ByteBuffer bb = ByteBuffer.wrap(block);
        int r = ch.read(bb, at);
        int n = Math.max(r, 0);
        for (int i = 0; i < n && next < offsets.length; i++) {
          while (next < offsets.length && offsets[next] == at + i) {
            lines[next++] = newlines + 1;
          }
          if (block[i] == '\n') {
            newlines++;
          }
        }
        at += n;
        if (r <= 0) {
          while (next < offsets.length) {
            lines[next++] = newlines + 1;
          }
        }
      }
    }
    return lines;
  }
}
