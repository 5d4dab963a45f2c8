package io.industryts.io;

import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.joda.time.ReadableInstant;

/**
 * Writes chunks as a Parquet file: every column OPTIONAL; DATETIME as INT64 {@code
 * TIMESTAMP(MILLIS|MICROS, isAdjustedToUTC = true)}; DOUBLE, FLOAT, INT64, INT32; INT16 and BYTE as
 * annotated INT32; BOOLEAN; STRING as UTF-8 BINARY; DECIMAL as DOUBLE. Written through {@link
 * LocalOutputFile} and a plain (Hadoop-free) configuration; snappy-compressed when snappy-java's
 * bundled native library loads, otherwise uncompressed.
 */
final class ParquetSink {
  private ParquetSink() {}

  /** The codec used: SNAPPY if snappy-java works on this machine, else UNCOMPRESSED. */
  static CompressionCodecName defaultCodec() {
    return SnappyCheck.WORKS ? CompressionCodecName.SNAPPY : CompressionCodecName.UNCOMPRESSED;
  }

  private static final class SnappyCheck {
    static final boolean WORKS = works();

    private static boolean works() {
      try {
        byte[] in = new byte[64];
        byte[] out = org.xerial.snappy.Snappy.compress(in);
        return org.xerial.snappy.Snappy.uncompress(out).length == in.length;
      } catch (Throwable t) {
        return false;
      }
    }
  }

  static MessageType schema(ChunkLayout layout, boolean micros) {
    Schema schema = layout.schema();
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (int f = 0; f < schema.getFieldCount(); f++) {
      String name = schema.getField(f).getName();
      TypeName t = schema.getField(f).getType().getTypeName();
      Type.Repetition opt = Type.Repetition.OPTIONAL;
      switch (t) {
        case DATETIME:
          b.addField(
              Types.primitive(PrimitiveTypeName.INT64, opt)
                  .as(
                      LogicalTypeAnnotation.timestampType(
                          true,
                          micros
                              ? LogicalTypeAnnotation.TimeUnit.MICROS
                              : LogicalTypeAnnotation.TimeUnit.MILLIS))
                  .named(name));
          break;
        case DOUBLE:
        case DECIMAL:
          b.addField(Types.primitive(PrimitiveTypeName.DOUBLE, opt).named(name));
          break;
        case FLOAT:
          b.addField(Types.primitive(PrimitiveTypeName.FLOAT, opt).named(name));
          break;
        case INT64:
          b.addField(Types.primitive(PrimitiveTypeName.INT64, opt).named(name));
          break;
        case INT32:
          b.addField(Types.primitive(PrimitiveTypeName.INT32, opt).named(name));
          break;
        case INT16:
          b.addField(
              Types.primitive(PrimitiveTypeName.INT32, opt)
                  .as(LogicalTypeAnnotation.intType(16, true))
                  .named(name));
          break;
        case BYTE:
          b.addField(
              Types.primitive(PrimitiveTypeName.INT32, opt)
                  .as(LogicalTypeAnnotation.intType(8, true))
                  .named(name));
          break;
        case BOOLEAN:
          b.addField(Types.primitive(PrimitiveTypeName.BOOLEAN, opt).named(name));
          break;
        case STRING:
          b.addField(
              Types.primitive(PrimitiveTypeName.BINARY, opt)
                  .as(LogicalTypeAnnotation.stringType())
                  .named(name));
          break;
        default:
          throw new IllegalArgumentException(
              "FileOutput: field \""
                  + name
                  + "\" has type "
                  + schema.getField(f).getType()
                  + ", which Parquet output does not support.");
      }
    }
    return b.named("industryts");
  }

  static void write(
      Path temp,
      ChunkLayout layout,
      Iterable<Chunk> chunks,
      boolean micros,
      CompressionCodecName codec)
      throws IOException {
    write(new LocalOutputFile(temp), layout, chunks, micros, codec);
    sortFooterEncodings(temp);
  }

  /**
   * Makes the footer byte-reproducible: parquet-mr collects each column chunk's encodings (and
   * their page statistics) in hash sets of enum constants, whose iteration order follows identity
   * hash codes and so changes from run to run; the same data then gave footers that differ in the
   * order of those lists. Sorting them by the encodings' Thrift values gives one footer, of the
   * same length, rewritten in place.
   */
  static void sortFooterEncodings(Path file) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, size - 8);
      int length = tail.getInt(0);
      long start = size - 8 - length;
      ByteBuffer footer = ByteBuffer.allocate(length);
      ch.read(footer, start);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
      for (org.apache.parquet.format.RowGroup group : meta.getRow_groups()) {
        for (ColumnChunk column : group.getColumns()) {
          ColumnMetaData m = column.getMeta_data();
          if (m == null) {
            continue;
          }
          List<Encoding> encodings = new ArrayList<>(m.getEncodings());
          encodings.sort(Comparator.comparingInt(Encoding::getValue));
          m.setEncodings(encodings);
          if (m.getEncoding_stats() != null) {
            List<PageEncodingStats> stats = new ArrayList<>(m.getEncoding_stats());
            stats.sort(
                Comparator.<PageEncodingStats>comparingInt(e -> e.getPage_type().getValue())
                    .thenComparingInt(e -> e.getEncoding().getValue()));
            m.setEncoding_stats(stats);
          }
        }
      }
      ByteArrayOutputStream sorted = new ByteArrayOutputStream(length);
      Util.writeFileMetaData(meta, sorted);
      if (sorted.size() != length) {
        throw new IOException(
            "ParquetSink: the reordered footer of "
                + file
                + " has "
                + sorted.size()
                + " bytes instead of "
                + length);
      }
      ch.write(ByteBuffer.wrap(sorted.toByteArray()), start);
    }
  }

  /** Rows each column writes before the rows are counted (pages are cut at row counts). */
  private static final int BLOCK_ROWS = 4096;

  /** Buffered bytes at which a row group is closed, as {@code ParquetWriter}'s default. */
  private static final long ROW_GROUP_BYTES = ParquetWriter.DEFAULT_BLOCK_SIZE;

  /**
   * Writes column by column, a block of rows at a time, straight into Parquet's column writers:
   * measured about three times faster than a record at a time through a {@code RecordConsumer},
   * which assembles each row field by field. Row groups close at {@link #ROW_GROUP_BYTES}.
   */
  private static void write(
      OutputFile file,
      ChunkLayout layout,
      Iterable<Chunk> chunks,
      boolean micros,
      CompressionCodecName codec)
      throws IOException {
    MessageType type = schema(layout, micros);
    Schema schema = layout.schema();
    ParquetProperties.Builder settings = ParquetProperties.builder();
    for (int f = 0; f < schema.getFieldCount(); f++) {
      TypeName t = schema.getField(f).getType().getTypeName();
      if (t == TypeName.DOUBLE
          || t == TypeName.FLOAT
          || t == TypeName.DECIMAL
          || t == TypeName.DATETIME) {
        // measurements and times rarely repeat: building a dictionary (a hash map lookup per
        // value, then a fallback) took most of the write time and was dropped anyway
        settings.withDictionaryEncoding(schema.getField(f).getName(), false);
      }
    }
    ParquetProperties props = settings.build();
    ParquetFileWriter writer =
        new ParquetFileWriter(
            file,
            type,
            ParquetFileWriter.Mode.OVERWRITE,
            ROW_GROUP_BYTES,
            0,
            props.getColumnIndexTruncateLength(),
            props.getStatisticsTruncateLength(),
            props.getPageWriteChecksumEnabled());
    writer.start();
    CodecFactory codecs =
        new CodecFactory(new PlainParquetConfiguration(), props.getPageSizeThreshold());
    try {
      CompressionCodecFactory.BytesInputCompressor compressor = codecs.getCompressor(codec);
      List<ColumnDescriptor> columns = type.getColumns();
      ColumnValues values = new ColumnValues(layout, micros);
      RowGroup group = null;
      for (Chunk c : chunks) {
        for (int from = 0; from < c.size(); from += BLOCK_ROWS) {
          if (group == null) {
            group = new RowGroup(type, props, compressor);
          }
          int to = Math.min(c.size(), from + BLOCK_ROWS);
          for (int f = 0; f < columns.size(); f++) {
            values.write(group.store.getColumnWriter(columns.get(f)), f, c, from, to);
          }
          for (int i = from; i < to; i++) {
            group.store.endRecord();
          }
          group.rows += to - from;
          if (group.store.getBufferedSize() >= ROW_GROUP_BYTES) {
            group.flushTo(writer);
            group = null;
          }
        }
      }
      if (group != null) {
        group.flushTo(writer);
      }
      writer.end(Map.of());
    } finally {
      codecs.release();
    }
  }

  /** The pages of one row group being written. */
  private static final class RowGroup {
    final ColumnChunkPageWriteStore pages;
    final ColumnWriteStore store;
    long rows;

    RowGroup(
        MessageType type,
        ParquetProperties props,
        CompressionCodecFactory.BytesInputCompressor compressor) {
      pages =
          new ColumnChunkPageWriteStore(
              compressor,
              type,
              props.getAllocator(),
              props.getColumnIndexTruncateLength(),
              props.getPageWriteChecksumEnabled());
      store = props.newColumnWriteStore(type, pages);
    }

    void flushTo(ParquetFileWriter writer) throws IOException {
      writer.startBlock(rows);
      store.flush();
      pages.flushToFileWriter(writer);
      writer.endBlock();
      store.close();
      pages.close();
    }
  }

  /** Writes the cells of one field of a chunk to its column writer (definition level 1: set). */
  private static final class ColumnValues {
    private final ChunkLayout layout;
    private final boolean micros;
    private final TypeName[] types;
    private final int[] keySlot;

    ColumnValues(ChunkLayout layout, boolean micros) {
      this.layout = layout;
      this.micros = micros;
      Schema schema = layout.schema();
      types = new TypeName[schema.getFieldCount()];
      for (int f = 0; f < types.length; f++) {
        types[f] = schema.getField(f).getType().getTypeName();
      }
      keySlot = layout.keySlots();
    }

    void write(ColumnWriter w, int f, Chunk c, int from, int to) {
      if (f == layout.timeIndex()) {
        long[] t = c.times();
        for (int i = from; i < to; i++) {
          w.write(micros ? t[i] * 1000 : t[i], 0, 1);
        }
        return;
      }
      if (keySlot[f] >= 0) {
        Object v = c.key().getValue(keySlot[f]);
        for (int i = from; i < to; i++) {
          writeObject(w, f, v);
        }
        return;
      }
      Column col = c.column(f);
      if (col instanceof DoubleColumn) {
        double[] v = ((DoubleColumn) col).values();
        boolean[] nulls = ((DoubleColumn) col).nulls();
        boolean asFloat = types[f] == TypeName.FLOAT;
        for (int i = from; i < to; i++) {
          if (nulls[i]) {
            w.writeNull(0, 0);
          } else if (asFloat) {
            w.write((float) v[i], 0, 1);
          } else {
            w.write(v[i], 0, 1);
          }
        }
      } else if (col instanceof LongColumn) {
        long[] v = ((LongColumn) col).values();
        boolean[] nulls = ((LongColumn) col).nulls();
        boolean asLong = types[f] == TypeName.INT64;
        for (int i = from; i < to; i++) {
          if (nulls[i]) {
            w.writeNull(0, 0);
          } else if (asLong) {
            w.write(v[i], 0, 1);
          } else {
            w.write((int) v[i], 0, 1);
          }
        }
      } else if (col instanceof BooleanColumn) {
        boolean[] v = ((BooleanColumn) col).values();
        boolean[] nulls = ((BooleanColumn) col).nulls();
        for (int i = from; i < to; i++) {
          if (nulls[i]) {
            w.writeNull(0, 0);
          } else {
            w.write(v[i], 0, 1);
          }
        }
      } else {
        for (int i = from; i < to; i++) {
          writeObject(w, f, col.get(i));
        }
      }
    }

    private void writeObject(ColumnWriter w, int f, Object v) {
      if (v == null) {
        w.writeNull(0, 0);
        return;
      }
      switch (types[f]) {
        case DATETIME:
          long ms = ((ReadableInstant) v).getMillis();
          w.write(micros ? ms * 1000 : ms, 0, 1);
          break;
        case DOUBLE:
          w.write(((Number) v).doubleValue(), 0, 1);
          break;
        case FLOAT:
          w.write(((Number) v).floatValue(), 0, 1);
          break;
        case DECIMAL:
          w.write(((BigDecimal) v).doubleValue(), 0, 1);
          break;
        case INT64:
          w.write(((Number) v).longValue(), 0, 1);
          break;
        case INT32:
        case INT16:
        case BYTE:
          w.write(((Number) v).intValue(), 0, 1);
          break;
        case BOOLEAN:
          w.write((Boolean) v, 0, 1);
          break;
        default:
          w.write(Binary.fromString(v.toString()), 0, 1);
      }
    }
  }

  private static final AtomicBoolean PRELOADING = new AtomicBoolean();

  /**
   * Starts loading Parquet's classes (about 1,700 with Hadoop's) and snappy's native library in the
   * background, once per JVM, by writing an empty file of {@code layout} to memory. In a fresh JVM
   * they take about 0.5 s to load; writers call this when the pipeline is built, so that the
   * loading overlaps reading and computing instead of delaying the write.
   */
  static void preload(ChunkLayout layout) {
    if (!PRELOADING.compareAndSet(false, true)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                write(new MemoryOutputFile(), layout, List.of(), true, defaultCodec());
              } catch (IOException | RuntimeException | LinkageError e) {
                // only a warm-up: the real write reports any problem
              }
            },
            "industryts-parquet-preload");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** An output file that discards what is written (for {@link #preload}). */
  private static final class MemoryOutputFile implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long pos;

        @Override
        public long getPos() {
          return pos;
        }

        @Override
        public void write(int b) {
          pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
          pos += len;
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
