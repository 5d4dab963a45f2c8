package io.industryts.io;

import com.fasterxml.jackson.core.io.NumberOutput;
import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * Writes chunks as CSV (SEMANTICS §2.7): a header, then one line per row; nulls as empty cells,
 * booleans {@code true}/{@code false}, integers plainly, doubles as the shortest decimal that reads
 * back as the same double, laid out as {@link Double#toString} lays it out (no exponent for 1e-3 ≤
 * |x| < 1e7; NaN as {@code NaN}, infinities as {@code inf}/{@code -inf}), times as ISO-8601 UTC
 * ({@code 2024-01-01T00:00:00Z}, {@code .250Z} only when the milliseconds are not zero) or a {@link
 * DateTimeFormatter} pattern rendered in UTC, strings quoted when they hold the delimiter, a quote
 * or a line break.
 */
final class CsvSink {
  private CsvSink() {}

  /** Rows per formatting block; blocks are formatted in parallel and written in order. */
  private static final int BLOCK_ROWS = 4096;

  static void write(
      Path temp, ChunkLayout layout, Iterable<Chunk> chunks, char delimiter, String timePattern)
      throws IOException {
    DateTimeFormatter formatter =
        timePattern == null
            ? null
            : DateTimeFormatter.ofPattern(timePattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    RowFormat format =
        new RowFormat(layout, (byte) delimiter, formatter, TimePatternText.of(timePattern));
    try (OutputStream os = Files.newOutputStream(temp)) {
      Out header = new Out(os, (byte) delimiter, formatter, 1 << 12);
      Schema schema = layout.schema();
      for (int f = 0; f < schema.getFieldCount(); f++) {
        if (f > 0) {
          header.delimiter();
        }
        header.string(schema.getField(f).getName());
      }
      header.newline();
      header.flush();
      // Formatting doubles dominates; the writer runs on one worker, so it formats blocks of
      // rows on all cores (a window at a time, to bound memory: the window holds only the chunks
      // its blocks come from, so chunks read one at a time stay few in memory) and writes them
      // in order.
      int window = Math.max(1, ForkJoinPool.getCommonPoolParallelism()) * 4;
      List<Block> blocks = new ArrayList<>(window);
      for (Chunk c : chunks) {
        for (int from = 0; from < c.size(); from += BLOCK_ROWS) {
          blocks.add(new Block(c, from, Math.min(c.size(), from + BLOCK_ROWS)));
          if (blocks.size() == window) {
            formatInOrder(format, blocks, os);
            blocks.clear();
          }
        }
      }
      formatInOrder(format, blocks, os);
    }
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a chunk. */
  private static final class Block {
    final Chunk chunk;
    final int from;
    final int to;

    Block(Chunk chunk, int from, int to) {
      this.chunk = chunk;
      this.from = from;
      this.to = to;
    }
  }

  private static void formatInOrder(RowFormat format, List<Block> blocks, OutputStream os)
      throws IOException {
    List<byte[]> formatted =
        (blocks.size() > 1 ? blocks.parallelStream() : blocks.stream())
            .map(b -> format.rows(b.chunk, b.from, b.to))
            .collect(Collectors.toList());
    for (byte[] bytes : formatted) {
      os.write(bytes);
    }
  }

  /** Formats rows of chunks of one layout. Thread-safe: each call uses its own buffer. */
  private static final class RowFormat {
    private final byte delimiter;
    private final DateTimeFormatter formatter;
    private final TimePatternText timeText;
    private final int n;
    private final TypeName[] types;
    private final int[] keySlot;
    private final int timeIndex;

    RowFormat(
        ChunkLayout layout, byte delimiter, DateTimeFormatter formatter, TimePatternText timeText) {
      this.delimiter = delimiter;
      this.formatter = formatter;
      this.timeText = timeText;
      Schema schema = layout.schema();
      n = schema.getFieldCount();
      types = new TypeName[n];
      for (int f = 0; f < n; f++) {
        types[f] = schema.getField(f).getType().getTypeName();
      }
      keySlot = layout.keySlots();
      timeIndex = layout.timeIndex();
    }

    byte[] rows(Chunk c, int from, int to) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream((to - from) * n * 8);
      try {
        // a buffer for the block's rows (~24 bytes a cell), not a fixed 64 KiB: with many small
        // series most blocks are a series of a few rows (1M rows of 10,000 tags: 0.69 GB of
        // buffers for 20,000 rows out, a fifth of the job's allocation); 4 KiB at least, more
        // than any single write the buffer must hold
        int rowBytes = Math.max(1, n) * 24;
        int buffer = (int) Math.min(1 << 16, Math.max(1 << 12, (long) (to - from) * rowBytes));
        Out out = new Out(bytes, delimiter, formatter, timeText, buffer);
        long[] times = c.times();
        Row key = c.key();
        Column[] cols = c.columns();
        for (int i = from; i < to; i++) {
          for (int f = 0; f < n; f++) {
            if (f > 0) {
              out.delimiter();
            }
            if (f == timeIndex) {
              out.time(times[i]);
            } else if (keySlot[f] >= 0) {
              out.value(key.getValue(keySlot[f]));
            } else {
              Column col = cols[f];
              if (col.isNull(i)) {
                continue;
              }
              if (col instanceof DoubleColumn) {
                double v = ((DoubleColumn) col).value(i);
                out.number(
                    types[f] == TypeName.FLOAT ? (double) (float) v : v,
                    types[f] == TypeName.FLOAT);
              } else if (col instanceof LongColumn) {
                out.integer(((LongColumn) col).value(i));
              } else if (col instanceof BooleanColumn) {
                out.ascii(((BooleanColumn) col).value(i) ? "true" : "false");
              } else {
                out.value(col.get(i));
              }
            }
          }
          out.newline();
        }
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
      }
      return bytes.toByteArray();
    }
  }

  /** A buffered byte writer with number and time formatting. */
  static final class Out {
    private final OutputStream os;
    private final byte delim;
    private final DateTimeFormatter formatter;
    private final TimePatternText timeText;
    private final byte[] buf;
    private int len;
    private final byte[] digits = new byte[24];

    Out(OutputStream os, byte delim, DateTimeFormatter formatter) {
      this(os, delim, formatter, 1 << 20);
    }

    Out(OutputStream os, byte delim, DateTimeFormatter formatter, int bufferSize) {
      this(os, delim, formatter, null, bufferSize);
    }

    /**
     * A writer whose times in {@code formatter}'s pattern are written by {@code timeText} where it
     * can (null: always by the formatter).
     */
    Out(
        OutputStream os,
        byte delim,
        DateTimeFormatter formatter,
        TimePatternText timeText,
        int bufferSize) {
      this.os = os;
      this.delim = delim;
      this.formatter = formatter;
      this.timeText = timeText;
      this.buf = new byte[bufferSize];
    }

    private void ensure(int n) throws IOException {
      if (len + n > buf.length) {
        os.write(buf, 0, len);
        len = 0;
      }
    }

    void delimiter() throws IOException {
      ensure(1);
      buf[len++] = delim;
    }

    void newline() throws IOException {
      ensure(1);
      buf[len++] = '\n';
    }

    void flush() throws IOException {
      os.write(buf, 0, len);
      len = 0;
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): no charset lookup
    void ascii(String s) throws IOException {
      int n = s.length();
      if (n > buf.length) {
        flush();
        os.write(s.getBytes(StandardCharsets.ISO_8859_1));
        return;
      }
      ensure(n);
      // the low byte of each char, which is the char for the ASCII text written here
      s.getBytes(0, n, buf, len);
      len += n;
    }

    void bytes(byte[] b) throws IOException {
      if (b.length > buf.length) {
        flush();
        os.write(b);
        return;
      }
      ensure(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    }

    void integer(long v) throws IOException {
      ensure(20);
      if (v == Long.MIN_VALUE) {
        ascii("-9223372036854775808");
        return;
      }
      if (v < 0) {
        buf[len++] = '-';
        v = -v;
      }
      int d = 0;
      do {
        digits[d++] = (byte) ('0' + v % 10);
        v /= 10;
      } while (v != 0);
      while (d > 0) {
        buf[len++] = digits[--d];
      }
    }

    void number(double v, boolean isFloat) throws IOException {
      if (Double.isNaN(v)) {
        ascii("NaN");
      } else if (Double.isInfinite(v)) {
        ascii(v > 0 ? "inf" : "-inf");
      } else if (isFloat) {
        ascii(NumberOutput.toString((float) v, true));
      } else {
        // the plain-layout doubles (most of a job's) straight into the buffer, the same text as
        // below without a String per value
        ensure(PlainDoubleText.ROOM);
        int end = PlainDoubleText.write(v, buf, len);
        if (end >= 0) {
          len = end;
          return;
        }
        // Schubfach: the shortest decimal that reads back as v, in Double.toString's layout,
        // about twice as fast as Double.toString on Java 17 (which is not always shortest)
        ascii(NumberOutput.toString(v, true));
      }
    }

    void time(long ms) throws IOException {
      if (timeText != null) {
        ensure(timeText.maxLength);
        int end = timeText.write(ms, buf, len);
        if (end >= 0) {
          len = end;
          return;
        }
      }
      if (formatter != null) {
        string(formatter.format(java.time.Instant.ofEpochMilli(ms)));
        return;
      }
      long days = Math.floorDiv(ms, 86_400_000L);
      long msOfDay = Math.floorMod(ms, 86_400_000L);
      // civil_from_days (H. Hinnant)
      long z = days + 719_468;
      long era = Math.floorDiv(z, 146_097);
      long doe = z - era * 146_097;
      long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
      long y = yoe + era * 400;
      long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
      long mp = (5 * doy + 2) / 153;
      long d = doy - (153 * mp + 2) / 5 + 1;
      long m = mp < 10 ? mp + 3 : mp - 9;
      if (m <= 2) {
        y++;
      }
      if (y < 0 || y > 9999) {
        ascii(java.time.Instant.ofEpochMilli(ms).toString());
        return;
      }
      ensure(24);
      put4((int) y);
      buf[len++] = '-';
      put2((int) m);
      buf[len++] = '-';
      put2((int) d);
      buf[len++] = 'T';
      int secs = (int) (msOfDay / 1000);
      put2(secs / 3600);
      buf[len++] = ':';
      put2(secs / 60 % 60);
      buf[len++] = ':';
      put2(secs % 60);
      int millis = (int) (msOfDay % 1000);
      if (millis != 0) {
        buf[len++] = '.';
        buf[len++] = (byte) ('0' + millis / 100);
        buf[len++] = (byte) ('0' + millis / 10 % 10);
        buf[len++] = (byte) ('0' + millis % 10);
      }
      buf[len++] = 'Z';
    }

    private void put2(int v) {
      buf[len++] = (byte) ('0' + v / 10);
      buf[len++] = (byte) ('0' + v % 10);
    }

    private void put4(int v) {
      put2(v / 100);
      put2(v % 100);
    }

    void value(Object v) throws IOException {
      if (v == null) {
        return;
      }
      if (v instanceof Double || v instanceof Float) {
        number(((Number) v).doubleValue(), v instanceof Float);
      } else if (v instanceof Long
          || v instanceof Integer
          || v instanceof Short
          || v instanceof Byte) {
        integer(((Number) v).longValue());
      } else if (v instanceof Boolean) {
        ascii((Boolean) v ? "true" : "false");
      } else if (v instanceof ReadableInstant) {
        time(((ReadableInstant) v).getMillis());
      } else if (v instanceof BigDecimal) {
        ascii(((BigDecimal) v).toPlainString());
      } else if (v instanceof byte[]) {
        ascii(Base64.getEncoder().encodeToString((byte[]) v));
      } else {
        string(v.toString());
      }
    }

    void string(String s) throws IOException {
      boolean quote = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == delim || c == '"' || c == '\n' || c == '\r') {
          quote = true;
          break;
        }
      }
      if (!quote) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
        return;
      }
      bytes(("\"" + s.replace("\"", "\"\"") + "\"").getBytes(StandardCharsets.UTF_8));
    }
  }
}
