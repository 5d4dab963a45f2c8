package io.industryts.io;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Splits a byte range of a CSV file into records and cells, straight from the file's bytes.
 *
 * <p>Longer than the ~500 lines a source file should have: the record loop, its quoted and unquoted
 * paths, the buffer refills and the encoding check share the buffer's state (offsets into one array
 * that a refill moves), which is per byte the hottest code of a job; split into classes that state
 * would cross a call boundary per cell.
 *
 * <p>Records follow RFC 4180: cells separated by the delimiter, records by LF or CRLF; a cell that
 * starts with {@code "} is quoted, may contain delimiters, line breaks and doubled quotes ({@code
 * ""}), and ends at the next single quote. Quote handling can be switched off for files known to
 * contain no {@code "} (the fast path). Empty records (blank lines) are skipped; a UTF-8 BOM at the
 * start of the file is ignored.
 *
 * <p>Ranges follow the Hadoop / TextIO convention: a range {@code [start, end)} owns every record
 * whose first byte lies in it. A range that does not start at 0 begins after the first line break
 * at or after {@code start - 1}; the last record may run past {@code end}. Splitting is only safe
 * without quotes (a line break inside a quoted cell would look like a record boundary), so quoted
 * files are read as one range.
 *
 * <p>After {@link #next()} returns true, cell {@code i} is {@code cellBuf(i)[cellStart(i),
 * cellEnd(i))}; the arrays stay valid until the next call. Not thread-safe.
 *
 * <p>Text is decoded in the file's charset: UTF-8 (the default) or an ASCII-compatible single-byte
 * charset (see {@link FileInput#withEncoding}), so the ASCII delimiters, quotes and line breaks can
 * be found in the bytes. In UTF-8, a byte sequence that is not valid UTF-8 is an error naming the
 * file, line, column and byte, never a silent U+FFFD.
 */
final class CsvScanner implements Closeable {
  private static final int MIN_BUFFER = 1 << 16;

  private final Path file;
  private final Charset charset;
  private final boolean utf8;
  private final FileChannel channel;
  private long fileSize; // lowered if the file turns out shorter than when opened
  private final long rangeEnd;
  private final byte delimiter;
  private final boolean quotes;

  private byte[] buf;
  private int bufLen;
  private long bufOffset; // file offset of buf[0]
  private long readPos; // next file offset to read
  private int pos; // next record starts here (once positioned)
  private boolean positioned;

  // current record
  private long recordOffset;
  private long recordEnd;
  private int recordStart;
  private int contentEnd;
  private int fieldCount;
  private boolean unterminatedQuote;
  private long firstLine = 1; // physical line of the range's first record
  private long lineFeedsBefore; // line feeds in the range before the current record
  private long recordLineFeeds; // line feeds inside and at the end of the current record
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private byte[][] bufs = new byte[16][];
  private byte[] scratch = new byte[256];
  private int scratchLen;

  /**
   * Opens {@code [start, end)} of {@code file}.
   *
   * @param bufferSize initial buffer size; the buffer grows for records longer than it
   */
  CsvScanner(Path file, long start, long end, byte delimiter, boolean quotes, int bufferSize)
      throws IOException {
    this(file, start, end, delimiter, quotes, bufferSize, StandardCharsets.UTF_8);
  }

  /**
   * Opens {@code [start, end)} of {@code file} in {@code charset} (UTF-8 or an ASCII-compatible
   * single-byte charset).
   *
   * @param bufferSize initial buffer size; the buffer grows for records longer than it
   */
  CsvScanner(
      Path file,
      long start,
      long end,
      byte delimiter,
      boolean quotes,
      int bufferSize,
      Charset charset)
      throws IOException {
    this.file = file;
    this.charset = charset;
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.fileSize = channel.size();
    this.rangeEnd = Math.min(end, fileSize);
    this.delimiter = delimiter;
    this.quotes = quotes;
    long first = start == 0 ? 0 : start - 1;
    this.bufOffset = first;
    this.readPos = first;
    long want = Math.max(8, Math.min((long) bufferSize, rangeEnd - first + MIN_BUFFER));
    this.buf = new byte[(int) Math.min(want, Integer.MAX_VALUE - 16)];
    fill();
    if (start == 0) {
      if (bufLen >= 3
          && (buf[0] & 0xff) == 0xEF
          && (buf[1] & 0xff) == 0xBB
          && (buf[2] & 0xff) == 0xBF) {
        pos = 3;
      }
      positioned = true;
    }
  }

  /** Reads more bytes into the buffer, keeping {@code buf[keepFrom, bufLen)}. */
  private boolean refill(int keepFrom) throws IOException {
    if (readPos >= fileSize) {
      return false;
    }
    if (keepFrom > 0) {
      System.arraycopy(buf, keepFrom, buf, 0, bufLen - keepFrom);
      bufLen -= keepFrom;
      bufOffset += keepFrom;
      pos -= keepFrom;
      recordStart -= keepFrom;
    }
    if (bufLen == buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, Integer.MAX_VALUE - 16));
    }
    fill();
    return true;
  }

  private void fill() throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(buf, bufLen, buf.length - bufLen);
    while (bb.hasRemaining() && readPos < fileSize) {
      int n = channel.read(bb, readPos);
      if (n < 0) {
        fileSize = readPos;
        break;
      }
      readPos += n;
    }
    bufLen = bb.position();
  }

  private boolean atEof() {
    return readPos >= fileSize;
  }

  /** Positions at the first record of a range that does not start at 0. */
  private boolean seekLineStart() throws IOException {
    while (true) {
      for (int i = pos; i < bufLen; i++) {
        if (buf[i] == '\n') {
          pos = i + 1;
          positioned = true;
          return true;
        }
      }
      pos = bufLen;
      if (!refill(pos)) {
        return false;
      }
    }
  }

  /**
   * Sets the physical line of the range's first record (1 for a range at the start of the file,
   * whose first record is the header): the number of line feeds before it, plus one.
   */
  void startAtLine(long line) {
    this.firstLine = line;
  }

  /** The physical 1-based line on which the current record starts. */
  long recordLine() {
    return firstLine + lineFeedsBefore;
  }

  /** Advances to the next non-empty record of the range; false when the range is exhausted. */
  boolean next() throws IOException {
    if (!positioned && !seekLineStart()) {
      return false;
    }
    lineFeedsBefore += recordLineFeeds;
    recordLineFeeds = 0;
    while (true) {
      if (bufOffset + pos >= rangeEnd) {
        return false;
      }
      if (pos >= bufLen && !refill(pos)) {
        return false;
      }
      int status = split(pos);
      if (status < 0) {
        // incomplete record: read more, or take what is left at the end of the file
        if (!refill(pos)) {
          split(pos);
          finishAtEof();
        } else {
          continue;
        }
      }
      recordOffset = bufOffset + recordStart;
      recordEnd = bufOffset + pos;
      int feeds = lineFeeds(recordStart, pos);
      if (contentEnd == recordStart && fieldCount == 1 && !unterminatedQuote) {
        lineFeedsBefore += feeds;
        continue; // blank line
      }
      recordLineFeeds = feeds;
      return true;
    }
  }

  /** Line feeds in {@code buf[from, to)}: one at the end, and those inside quoted cells. */
  private int lineFeeds(int from, int to) {
    if (!quotes) {
      // without quotes a record ends at its first line feed
      return to > from && buf[to - 1] == '\n' ? 1 : 0;
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  private void finishAtEof() {
    pos = bufLen;
  }

  /**
   * Splits the record starting at {@code p}. Returns 0 and advances {@code pos} past the record
   * when a line break ends it; returns -1 when the buffer ends first (the record is then split as
   * far as the buffer goes, for the end of the file).
   */
  private int split(int p) {
    recordStart = p;
    fieldCount = 0;
    scratchLen = 0;
    unterminatedQuote = false;
    if (!quotes) {
      return splitUnquoted(p);
    }
    final byte[] b = buf;
    final int limit = bufLen;
    final byte d = delimiter;
    int cellStart = p;
    while (p < limit) {
      byte c = b[p];
      if (c == d) {
        addCell(b, cellStart, p);
        cellStart = ++p;
      } else if (c == '\n') {
        int end = p > cellStart && b[p - 1] == '\r' ? p - 1 : p;
        addCell(b, cellStart, end);
        contentEnd = end;
        pos = p + 1;
        return 0;
      } else if (c == '"' && quotes && p == cellStart) {
        int after = quoted(p + 1, limit);
        if (after < 0) {
          contentEnd = limit;
          unterminatedQuote = true;
          return -1;
        }
        // after the closing quote: delimiter, line break or (lenient) more text
        p = after;
        if (p >= limit) {
          contentEnd = p;
          return -1;
        }
        byte n = b[p];
        if (n == d) {
          p++;
          cellStart = p;
        } else if (n == '\n' || (n == '\r' && p + 1 < limit && b[p + 1] == '\n')) {
          contentEnd = p;
          pos = n == '\n' ? p + 1 : p + 2;
          return 0;
        } else if (n == '\r' && p + 1 >= limit) {
          contentEnd = p;
          return -1;
        } else {
          // text after the closing quote is appended to the cell
          int extraStart = p;
          while (p < limit && b[p] != d && b[p] != '\n') {
            p++;
          }
          int extraEnd =
              p < limit && b[p] == '\n' && p > extraStart && b[p - 1] == '\r' ? p - 1 : p;
          appendToLastCell(b, extraStart, extraEnd);
          if (p >= limit) {
            contentEnd = p;
            return -1;
          }
          if (b[p] == d) {
            cellStart = ++p;
          } else {
            contentEnd = extraEnd;
            pos = p + 1;
            return 0;
          }
        }
        if (p >= limit) {
          // record ends with a delimiter at the end of the buffer
          addCell(b, p, p);
          contentEnd = p;
          return -1;
        }
        continue;
      } else {
        p++;
      }
    }
    addCell(b, cellStart, limit);
    contentEnd = limit;
    return -1;
  }

  /**
   * {@link #split} for files without quotes: finds delimiters and line feeds 8 bytes at a time and
   * writes the cell bounds through local references (C1, which the launcher runs, keeps locals in
   * registers but reloads fields after every store).
   */
  private int splitUnquoted(int p) {
    final byte[] b = buf;
    final int limit = bufLen;
    final long dpat = (delimiter & 0xffL) * ONES;
    int[] st = starts;
    int[] en = ends;
    int fc = 0;
    int cellStart = p;
    while (p + 8 <= limit) {
      long v = (long) LONGS.get(b, p);
      long m = zeroLanes(v ^ dpat) | zeroLanes(v ^ NEWLINES);
      while (m != 0) {
        int at = p + lowestLane(m);
        if (fc == st.length) {
          growCells();
          st = starts;
          en = ends;
        }
        st[fc] = cellStart;
        if (b[at] == '\n') {
          int end = at > cellStart && b[at - 1] == '\r' ? at - 1 : at;
          en[fc] = end;
          fieldCount = fc + 1;
          contentEnd = end;
          pos = at + 1;
          return 0;
        }
        en[fc++] = at;
        cellStart = at + 1;
        m &= m - 1;
      }
      p += 8;
    }
    fieldCount = fc;
    final byte d = delimiter;
    while (p < limit) {
      byte c = b[p];
      if (c == d) {
        addCell(b, cellStart, p);
        cellStart = p + 1;
      } else if (c == '\n') {
        int end = p > cellStart && b[p - 1] == '\r' ? p - 1 : p;
        addCell(b, cellStart, end);
        contentEnd = end;
        pos = p + 1;
        return 0;
      }
      p++;
    }
    addCell(b, cellStart, limit);
    contentEnd = limit;
    return -1;
  }

  private static final VarHandle LONGS = ByteLanes.LONGS;
  private static final long ONES = ByteLanes.ONES;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  /** See {@link ByteLanes#lowestLane}. */
  static int lowestLane(long m) {
    return ByteLanes.lowestLane(m);
  }

  private static long zeroLanes(long x) {
    return ByteLanes.zeroLanes(x);
  }

  /**
   * Reads a quoted cell whose content starts at {@code p}; stores the unescaped content as the next
   * cell and returns the index after the closing quote, or -1 if the buffer ends first.
   */
  private int quoted(int p, int limit) {
    final byte[] b = buf;
    int start = p;
    boolean escaped = false;
    while (p < limit) {
      if (b[p] == '"') {
        if (p + 1 < limit && b[p + 1] == '"') {
          escaped = true;
          p += 2;
          continue;
        }
        if (p + 1 >= limit && !atEof()) {
          return -1; // cannot tell "" from " yet
        }
        if (escaped) {
          int at = scratchLen;
          for (int i = start; i < p; i++) {
            if (b[i] == '"') {
              i++;
            }
            putScratch(b[i]);
          }
          addCellRef(scratch, at, scratchLen);
        } else {
          addCell(b, start, p);
        }
        return p + 1;
      }
      p++;
    }
    // unterminated: the rest of the buffer is the cell
    addCell(b, start, limit);
    return -1;
  }

  private void putScratch(byte v) {
    if (scratchLen == scratch.length) {
      // earlier cells keep pointing at the old array, which stays valid
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLen++] = v;
  }

  private void addCell(byte[] b, int from, int to) {
    addCellRef(b, from, to);
  }

  private void addCellRef(byte[] b, int from, int to) {
    if (fieldCount == starts.length) {
      growCells();
    }
    if (quotes) {
      bufs[fieldCount] = b; // without quotes every cell lies in buf
    }
    starts[fieldCount] = from;
    ends[fieldCount] = to;
    fieldCount++;
  }

  private void growCells() {
    int n = starts.length * 2;
    starts = Arrays.copyOf(starts, n);
    ends = Arrays.copyOf(ends, n);
    bufs = Arrays.copyOf(bufs, n);
  }

  private void appendToLastCell(byte[] b, int from, int to) {
    int last = fieldCount - 1;
    int at = scratchLen;
    byte[] src = bufs[last];
    for (int i = starts[last]; i < ends[last]; i++) {
      putScratch(src[i]);
    }
    for (int i = from; i < to; i++) {
      putScratch(b[i]);
    }
    bufs[last] = scratch;
    starts[last] = at;
    ends[last] = scratchLen;
  }

  /** File offset of the current record's first byte. */
  long recordOffset() {
    return recordOffset;
  }

  /** File offset just after the current record (after its line break). */
  long recordEnd() {
    return recordEnd;
  }

  int fieldCount() {
    return fieldCount;
  }

  byte[] cellBuf(int i) {
    return quotes ? bufs[i] : buf;
  }

  /**
   * The array every cell of the current record lies in, or null when quotes are on (an unescaped
   * quoted cell lies in a scratch array; use {@link #cellBuf}). For a caller's loop over the cells,
   * which would otherwise read the same fields once per cell (C1 does not keep them).
   */
  byte[] recordBuf() {
    return quotes ? null : buf;
  }

  /** Cell starts of the current record (index = cell), valid until the next {@link #next()}. */
  int[] cellStarts() {
    return starts;
  }

  /** Cell ends of the current record (index = cell), valid until the next {@link #next()}. */
  int[] cellEnds() {
    return ends;
  }

  int cellStart(int i) {
    return starts[i];
  }

  int cellEnd(int i) {
    return ends[i];
  }

  /** Whether the current record hit the end of the file inside a quoted cell. */
  boolean unterminatedQuote() {
    return unterminatedQuote;
  }

  /**
   * Cell {@code i} decoded in the file's charset.
   *
   * @throws IllegalArgumentException if the record is not valid UTF-8 (see {@link
   *     #checkEncoding()})
   */
  String cell(int i) {
    return decode(cellBuf(i), starts[i], ends[i]);
  }

  /**
   * The current record's text, without its line break.
   *
   * @throws IllegalArgumentException if the record is not valid UTF-8 (see {@link
   *     #checkEncoding()})
   */
  String rawText() {
    return decode(buf, recordStart, Math.max(recordStart, contentEnd));
  }

  /**
   * Checks that the current record decodes without error. Only UTF-8 can fail: in a single-byte
   * charset every byte is a character.
   *
   * @throws IllegalArgumentException naming {@code file:line:col}, the first invalid byte and the
   *     fix ({@code [input] encoding})
   */
  void checkEncoding() {
    if (utf8 && firstInvalidUtf8(buf, recordStart, Math.max(recordStart, contentEnd)) >= 0) {
      throw invalidEncoding();
    }
  }

  private String decode(byte[] b, int from, int to) {
    String s = new String(b, from, to - from, charset);
    // U+FFFD marks a malformed sequence, unless the file spells the character itself
    if (utf8 && s.indexOf('\uFFFD') >= 0 && firstInvalidUtf8(b, from, to) >= 0) {
      throw invalidEncoding();
    }
    return s;
  }

  /** The index of the first byte of {@code b[from, to)} that is not valid UTF-8, or -1. */
  static int firstInvalidUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to && b[i] >= 0) {
      i++;
    }
    if (i == to) {
      return -1;
    }
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      return in.position();
    }
    r = d.flush(out);
    return r.isError() ? in.position() : -1;
  }

  /** The error for the current record's first invalid UTF-8 byte. */
  private IllegalArgumentException invalidEncoding() {
    int end = Math.max(recordStart, contentEnd);
    int bad = firstInvalidUtf8(buf, recordStart, end);
    if (bad < 0) {
      bad = recordStart;
    }
    int lineStart = recordStart;
    long linesBefore = 0;
    for (int i = recordStart; i < bad; i++) {
      if (buf[i] == '\n') {
        linesBefore++;
        lineStart = i + 1;
      }
    }
    // the column counts characters, as an editor does: the valid text before the byte
    int col = new String(buf, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
    String line;
    try {
      line =
          String.valueOf(FileBytes.lineNumbers(file, new long[] {recordOffset})[0] + linesBefore);
    } catch (IOException e) {
      line = "?";
    }
    return new IllegalArgumentException(
        "FileInput: "
            + file
            + ":"
            + line
            + ":"
            + col
            + ": byte 0x"
            + String.format("%02X", buf[bad] & 0xff)
            + " is not valid UTF-8, so the file is in another encoding. Set [input] encoding to the"
            + " file's encoding, e.g. encoding = \"latin-1\" or \"windows-1252\""
            + " (FileInput.withEncoding in Java).");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
