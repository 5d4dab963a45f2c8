package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.io.CsvRangeSource.Range;
import io.industryts.io.CsvSource.Plan;
import io.industryts.time.TimeParseException;
import io.industryts.time.TimeParser;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.Row;

/**
 * Parses one byte range into chunks (one series each, file order) and error rows; or, for keyed
 * rows read as blocks, into blocks of all the range's series ({@link Chunk#block}, up to the chunk
 * size each).
 */
final class CsvRangeReader extends ReadItem.Reader {
  private static final int BUFFER = 16 << 20;
  private static final Counter ROWS_READ = Metrics.counter("industryts", "read.rows_out");
  private static final Counter ERRORS = Metrics.counter("industryts", "read.errors");

  private final CsvRangeSource source;
  private final Plan plan;
  private final Range range;
  private final CsvCellParser cells;
  private final List<Pending> pending = new ArrayList<>();
  private final boolean keyed;
  private final ChunkAssembler single;
  private final ChunkAssembler block; // keyed rows read as blocks; else null
  private final KeyBytes known; // the key bytes of every series seen, by series number
  private final List<Row> keys; // per series number: its key
  private final List<ChunkAssembler> series; // per series number (chunks per series); else null
  private final long seqBase;
  private CsvScanner sc;
  private long rows;
  private boolean done;

  private final boolean provenance;

  CsvRangeReader(CsvRangeSource source, Plan plan, Range range, boolean provenance) {
    this(source, plan, range, provenance, false);
  }

  /**
   * @param blocks whether keyed rows leave as blocks of all the range's series, not as one chunk
   *     per series
   */
  CsvRangeReader(
      CsvRangeSource source, Plan plan, Range range, boolean provenance, boolean blocks) {
    this.source = source;
    this.plan = plan;
    this.range = range;
    this.provenance = provenance;
    this.keyed = !plan.layout.keyFields().isEmpty();
    Row noKey = Row.withSchema(plan.layout.keySchema()).build();
    // one series per range: size its arrays for the rows the range should hold
    long expected = (long) ((range.end - range.start) / plan.bytesPerRow * 1.05) + 16;
    this.single = keyed ? null : new ChunkAssembler(plan.layout, noKey, plan.chunkRows, expected);
    if (single != null && provenance) {
      single.setSource(range.path);
    }
    this.block =
        keyed && blocks ? new ChunkAssembler(plan.layout, noKey, plan.chunkRows, expected) : null;
    if (block != null) {
      block.trackSeries();
      if (provenance) {
        block.setSource(range.path);
      }
    }
    this.known = keyed ? new KeyBytes() : null;
    this.keys = keyed ? new ArrayList<>() : null;
    this.series = keyed && !blocks ? new ArrayList<>() : null;
    this.seqBase = ((long) range.fileIndex) << 40;
    this.cells = new CsvCellParser(plan, this::fail);
  }

  @Override
  protected void open() throws IOException {
    sc =
        new CsvScanner(
            Paths.get(range.path),
            range.start,
            range.end,
            plan.delimiter,
            range.quotes,
            BUFFER,
            plan.charset());
    sc.startAtLine(range.firstLine);
    cells.setScanner(sc);
    if (range.start == 0) {
      sc.next(); // the header
    }
  }

  @Override
  protected boolean produce() throws IOException {
    if (done) {
      return false;
    }
    final int ncols = plan.kinds.length;
    final TimeParser parser = plan.timeParser;
    final int ti = plan.timeIndex;
    while (sc.next()) {
      long off = sc.recordOffset();
      if (sc.unterminatedQuote()) {
        fail(
            off,
            "unterminated_quote",
            null,
            "a quoted cell is not closed before the end of the file");
        continue;
      }
      if (sc.fieldCount() != ncols) {
        fail(
            off,
            "wrong_field_count",
            null,
            "expected " + ncols + " fields as in the header, got " + sc.fieldCount());
        continue;
      }
      ChunkAssembler a = single;
      if (keyed) {
        int id = seriesOf();
        if (id < 0) {
          continue;
        }
        if (block != null) {
          a = block;
          a.setSeries(id);
        } else {
          a = series.get(id);
        }
      }
      byte[] tb = sc.cellBuf(ti);
      int ts = sc.cellStart(ti);
      int te = sc.cellEnd(ti);
      if (NumberParser.isBlank(tb, ts, te)) {
        fail(
            off,
            "null_time",
            plan.header.get(ti),
            plan.timeDescription + " is empty; every row needs a time");
        continue;
      }
      long time;
      try {
        time = parser.parse(tb, ts, te);
      } catch (TimeParseException e) {
        fail(off, e.reason(), plan.header.get(ti), plan.timeDescription + ": " + e.getMessage());
        continue;
      }
      if (!cells.readValues(a, off)) {
        continue;
      }
      long seq;
      if (plan.seqIndex >= 0) {
        if (a.currentIsNull(plan.seqIndex)) {
          String name = plan.header.get(plan.seqIndex);
          fail(
              off,
              "null_sequence",
              name,
              "sequence column \"" + name + "\" is empty; every row needs a sequence number");
          continue;
        }
        seq = a.currentLong(plan.seqIndex);
      } else {
        seq = seqBase | off;
      }
      a.setTimeAndSeq(time, seq);
      a.setLine(sc.recordLine());
      rows++;
      if (a.commit()) {
        emit(a, true);
        return true;
      }
    }
    done = true;
    if (block != null) {
      emit(block, false);
    } else if (keyed) {
      for (ChunkAssembler a : series) {
        emit(a, false);
      }
    } else {
      emit(single, false);
    }
    ROWS_READ.inc(rows);
    emitErrors();
    return true;
  }

  private void emit(ChunkAssembler a, boolean more) {
    long min = a.minTime();
    Chunk c = a == block ? a.takeBlock(keys, more) : a.take(more);
    if (c != null) {
      chunk(c, min);
    }
  }

  /**
   * The series number of the current record, or -1 after a bad key cell (reported; a bad key is not
   * remembered, so each of its rows is reported). The key cells' raw bytes find the series without
   * decoding them, and a row of the same series as the row before (long-format files often hold
   * runs of one series) needs no lookup at all.
   */
  private int seriesOf() {
    known.clear();
    for (int c = 0; c < plan.keyPosition.length; c++) {
      if (plan.keyPosition[c] >= 0) {
        known.add(sc.cellBuf(c), sc.cellStart(c), sc.cellEnd(c));
      }
    }
    int found = known.find();
    if (found >= 0) {
      return found;
    }
    Object[] values = new Object[plan.layout.keySchema().getFieldCount()];
    for (int c = 0; c < plan.keyPosition.length; c++) {
      int k = plan.keyPosition[c];
      if (k < 0) {
        continue;
      }
      Object v = cells.keyValue(c);
      if (v == CsvCellParser.BAD) {
        return -1;
      }
      values[k] = v;
    }
    Row key = Row.withSchema(plan.layout.keySchema()).addValues(values).build();
    int id = known.insert();
    keys.add(key);
    if (series != null) {
      ChunkAssembler a = new ChunkAssembler(plan.layout, key, plan.chunkRows);
      if (provenance) {
        a.setSource(range.path);
      }
      series.add(a);
    }
    return id;
  }

  private void fail(long offset, String reason, String field, String message) {
    pending.add(new Pending(offset, reason, field, message, sc.rawText()));
  }

  private void emitErrors() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    long[] offsets = new long[pending.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = pending.get(i).offset;
    }
    long[] lines = FileBytes.lineNumbers(Paths.get(range.path), offsets);
    for (int i = 0; i < offsets.length; i++) {
      Pending p = pending.get(i);
      error(
          ErrorRecords.of(
              range.path,
              lines[i],
              "read",
              "read",
              p.reason,
              p.field,
              range.path + ":" + lines[i] + ": " + p.message,
              p.raw));
    }
    ERRORS.inc(offsets.length);
    pending.clear();
  }

  @Override
  public BoundedSource<ReadItem> getCurrentSource() {
    return source;
  }

  @Override
  public void close() throws IOException {
    if (sc != null) {
      sc.close();
    }
  }

  /** A bad row found while parsing; its line number is computed once the range is done. */
  private static final class Pending {
    final long offset;
    final String reason;
    final String field;
    final String message;
    final String raw;

    Pending(long offset, String reason, String field, String message, String raw) {
      this.offset = offset;
      this.reason = reason;
      this.field = field;
      this.message = message;
      this.raw = raw;
    }
  }
}
