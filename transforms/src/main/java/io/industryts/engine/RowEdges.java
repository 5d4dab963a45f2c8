package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.ErrorRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;
import org.joda.time.ReadableInstant;

/**
 * The engine's edges: Rows into chunks (buffered per bundle, no shuffle; gathered by shard for the
 * streaming executor) and chunks back to Rows.
 */
final class RowEdges {
  private RowEdges() {}

  static final TupleTag<Chunk> CHUNKS = new TupleTag<Chunk>() {};
  static final TupleTag<Row> ERRORS = new TupleTag<Row>() {};
  static final TupleTag<KV<Integer, List<Chunk>>> SHARDS =
      new TupleTag<KV<Integer, List<Chunk>>>() {};

  /** The engine layout for rows of {@code schema}: the time field becomes a non-null DATETIME. */
  static ChunkLayout layoutFor(Schema schema, String timeField, List<String> keys) {
    Schema.Builder b = Schema.builder();
    for (Field f : schema.getFields()) {
      b.addField(
          f.getName().equals(timeField)
              ? Field.of(f.getName(), FieldType.DATETIME).withOptions(f.getOptions())
              : f);
    }
    return ChunkLayout.of(b.build().withOptions(schema.getOptions()), timeField, keys);
  }

  /** Buffers the rows of a bundle per (series, window) into chunks. */
  static final class RowsToChunksFn extends DoFn<Row, Chunk> {
    private final Gather gather;

    RowsToChunksFn(
        ChunkLayout layout,
        TimeConversion time,
        String sequenceField,
        String timeReason,
        boolean nanAsNull) {
      this.gather = new Gather(layout, time, sequenceField, timeReason, nanAsNull);
    }

    @StartBundle
    public void start() {
      gather.start();
    }

    @ProcessElement
    public void process(
        @Element Row row,
        @Timestamp Instant elementTime,
        BoundedWindow window,
        MultiOutputReceiver out) {
      Buffer full = gather.add(row, elementTime, window, out.get(ERRORS));
      if (full != null) {
        out.get(CHUNKS)
            .outputWithTimestamp(
                full.build(),
                new Instant(Math.max(full.timestamp(window), elementTime.getMillis())));
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      for (Map.Entry<KV<Row, BoundedWindow>, Buffer> e : gather.drain().entrySet()) {
        Buffer b = e.getValue();
        c.output(
            CHUNKS,
            b.build(),
            new Instant(b.timestamp(e.getKey().getValue())),
            e.getKey().getValue());
      }
    }
  }

  /**
   * For unbounded input in the global window (the streaming executor): buffers the rows of a bundle
   * per series into chunks, as {@link RowsToChunksFn} does, and emits them gathered by shard (a
   * hash of the series key, {@code shards} shards), one element per shard and bundle stamped with
   * the earliest of its chunks' timestamps: the executor is keyed by shard, and one element per
   * shard costs the shuffle and the runner's per-element work once, not once per series.
   */
  static final class RowsToShardsFn extends DoFn<Row, KV<Integer, List<Chunk>>> {
    private final Gather gather;
    private final int shards;

    RowsToShardsFn(
        ChunkLayout layout,
        TimeConversion time,
        String sequenceField,
        String timeReason,
        boolean nanAsNull,
        int shards) {
      this.gather = new Gather(layout, time, sequenceField, timeReason, nanAsNull);
      this.shards = shards;
    }

    /** The shard of a series. */
    static int shard(Row key, int shards) {
      // keys are Rows, whose hash codes are value-based
      return Math.floorMod(key.hashCode(), shards);
    }

    @StartBundle
    public void start() {
      gather.start();
    }

    @ProcessElement
    public void process(
        @Element Row row,
        @Timestamp Instant elementTime,
        BoundedWindow window,
        MultiOutputReceiver out) {
      Buffer full = gather.add(row, elementTime, window, out.get(ERRORS));
      if (full != null) {
        out.get(SHARDS)
            .outputWithTimestamp(
                KV.of(shard(full.key, shards), List.of(full.build())),
                new Instant(Math.max(full.timestamp(window), elementTime.getMillis())));
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      Map<Integer, List<Chunk>> batches = new HashMap<>();
      Map<Integer, Long> earliest = new HashMap<>();
      for (Map.Entry<KV<Row, BoundedWindow>, Buffer> e : gather.drain().entrySet()) {
        Buffer b = e.getValue();
        int shard = shard(b.key, shards);
        batches.computeIfAbsent(shard, x -> new ArrayList<>()).add(b.build());
        earliest.merge(shard, b.timestamp(e.getKey().getValue()), Math::min);
      }
      for (Map.Entry<Integer, List<Chunk>> b : batches.entrySet()) {
        c.output(
            SHARDS,
            KV.of(b.getKey(), b.getValue()),
            new Instant(earliest.get(b.getKey())),
            GlobalWindow.INSTANCE);
      }
    }
  }

  /** The rows of a bundle, per (series, window), and the rows without a usable time. */
  static final class Gather implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ROWS = 65_536;
    private final ChunkLayout layout;
    private final TimeConversion time;
    private final String sequenceField;
    private final String timeReason;
    private final boolean nanAsNull;
    private transient Map<KV<Row, BoundedWindow>, Buffer> buffers;
    private transient RowCoder rowCoder;
    private transient ByteArrayOutputStream bytes;

    Gather(
        ChunkLayout layout,
        TimeConversion time,
        String sequenceField,
        String timeReason,
        boolean nanAsNull) {
      this.layout = layout;
      this.time = time;
      this.sequenceField = sequenceField;
      this.timeReason = timeReason;
      this.nanAsNull = nanAsNull;
    }

    void start() {
      buffers = new HashMap<>();
    }

    /**
     * Adds a row to its series' buffer, or its error to {@code errors}. Returns the buffer when it
     * is full (then no longer held: the caller outputs it), else null.
     */
    Buffer add(
        Row row, Instant elementTime, BoundedWindow window, DoFn.OutputReceiver<Row> errors) {
      int t = layout.timeIndex();
      Object tv = row.getValue(t);
      String timeName = layout.timeField();
      long millis;
      if (tv == null) {
        errors.output(
            ErrorRecords.of(
                null,
                null,
                "read",
                "read",
                "null_time",
                timeName,
                "time column \"" + timeName + "\" (" + timeReason + ") is null",
                row.toString()));
        return null;
      }
      try {
        millis = time.toMillis(tv);
      } catch (TimeConversion.BadTimeException e) {
        errors.output(
            ErrorRecords.of(
                null,
                null,
                "read",
                "read",
                e.reason(),
                timeName,
                "time column \"" + timeName + "\" (" + timeReason + "): " + e.getMessage(),
                row.toString()));
        return null;
      }
      Row key = layout.keyOf(row);
      KV<Row, BoundedWindow> at = KV.of(key, window);
      Buffer b = buffers.get(at);
      if (b == null) {
        b = new Buffer(layout, key, nanAsNull);
        buffers.put(at, b);
      }
      b.add(row, millis, sequence(row), elementTime.getMillis());
      if (b.size() >= MAX_ROWS) {
        buffers.remove(at);
        return b;
      }
      return null;
    }

    /** The buffers of the bundle; none are held after. */
    Map<KV<Row, BoundedWindow>, Buffer> drain() {
      Map<KV<Row, BoundedWindow>, Buffer> all = buffers;
      buffers = null;
      return all;
    }

    private long sequence(Row row) {
      if (sequenceField != null) {
        Object v = row.getValue(sequenceField);
        return v == null ? Long.MAX_VALUE : ((Number) v).longValue();
      }
      // No input order exists for rows built elsewhere: a hash of the encoded row is deterministic.
      if (rowCoder == null) {
        rowCoder = RowCoder.of(row.getSchema());
        bytes = new ByteArrayOutputStream();
      }
      bytes.reset();
      try {
        rowCoder.encode(row, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] data = bytes.toByteArray();
      long h = 0xcbf29ce484222325L;
      for (byte d : data) {
        h = (h ^ (d & 0xff)) * 0x100000001b3L;
      }
      return h;
    }
  }

  /** Rows of one series, column by column. */
  static final class Buffer {
    private final ChunkLayout layout;
    final Row key;
    private final ColumnBuilder[] columns;
    private final boolean nanAsNull;
    private long[] times = new long[64];
    private long[] seqs = new long[64];
    private int n;
    long minTime = Long.MAX_VALUE;
    private long minElementTime = Long.MAX_VALUE;

    Buffer(ChunkLayout layout, Row key, boolean nanAsNull) {
      this.layout = layout;
      this.key = key;
      this.nanAsNull = nanAsNull;
      this.columns = new ColumnBuilder[layout.schema().getFieldCount()];
      for (int f = 0; f < columns.length; f++) {
        if (!layout.isTimeOrKey(f)) {
          columns[f] = ColumnBuilder.forType(layout.fieldType(f), 64);
        }
      }
    }

    int size() {
      return n;
    }

    /**
     * The chunk's element timestamp in {@code window}: its earliest row time, but never before its
     * rows' earliest element timestamp (a chunk stamped behind the watermark would be grouped at
     * the end of its window) and never after the end of the window. Rows whose time lies outside
     * their window (input without event timestamps, all at the minimum, then windowed) would
     * otherwise stamp a chunk outside its window, and the runner would drop it or its plan as late.
     */
    long timestamp(BoundedWindow window) {
      return Math.min(Math.max(minTime, minElementTime), window.maxTimestamp().getMillis());
    }

    void add(Row row, long time, long seq, long elementTime) {
      minElementTime = Math.min(minElementTime, elementTime);
      if (n == times.length) {
        times = java.util.Arrays.copyOf(times, n * 2);
        seqs = java.util.Arrays.copyOf(seqs, n * 2);
      }
      times[n] = time;
      seqs[n] = seq;
      n++;
      minTime = Math.min(minTime, time);
      for (int f = 0; f < columns.length; f++) {
        if (columns[f] != null) {
          Object v = row.getValue(f);
          // §1.10: a NaN read from input is missing unless the pipeline keeps NaN
          columns[f].appendValue(nanAsNull && isNaN(v) ? null : v);
        }
      }
    }

    private static boolean isNaN(Object v) {
      return (v instanceof Double && ((Double) v).isNaN())
          || (v instanceof Float && ((Float) v).isNaN());
    }

    Chunk build() {
      Column[] cols = new Column[columns.length];
      for (int f = 0; f < cols.length; f++) {
        if (columns[f] != null) {
          cols[f] = columns[f].build();
        }
      }
      return new Chunk(
          layout, key, java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(seqs, n), cols);
    }
  }

  /**
   * Emits the rows of each segment, stamped with their time plus the layout's element-time offset,
   * or with the layout's element-time field (never earlier than the segment's, never after the end
   * of its window).
   */
  static final class ChunksToRowsFn extends DoFn<KV<KV<Row, Long>, Chunk>, Row> {
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e,
        @Timestamp Instant ts,
        BoundedWindow window,
        OutputReceiver<Row> out) {
      Chunk c = e.getValue();
      long floor = ts.getMillis();
      long ceiling = Math.max(floor, window.maxTimestamp().getMillis());
      long offset = c.layout().elementTimeOffset();
      int timeField = c.layout().elementTimeIndex();
      for (int i = 0; i < c.size(); i++) {
        long t =
            timeField < 0
                ? c.times()[i] + offset
                : ((ReadableInstant) c.column(timeField).get(i)).getMillis();
        out.outputWithTimestamp(c.row(i), new Instant(Math.min(Math.max(t, floor), ceiling)));
      }
    }
  }
}
