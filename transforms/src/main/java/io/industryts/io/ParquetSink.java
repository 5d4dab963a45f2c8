package io.industryts.io;

import io.industryts.engine.BooleanColumn;
import io.industryts.engine.Chunk;
import io.industryts.engine.ChunkLayout;
import io.industryts.engine.Column;
import io.industryts.engine.DoubleColumn;
import io.industryts.engine.LongColumn;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
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
      Path temp, ChunkLayout layout, List<Chunk> chunks, boolean micros, CompressionCodecName codec)
      throws IOException {
    write(new LocalOutputFile(temp), layout, chunks, micros, codec);
  }

  private static void write(
      OutputFile file,
      ChunkLayout layout,
      List<Chunk> chunks,
      boolean micros,
      CompressionCodecName codec)
      throws IOException {
    MessageType type = schema(layout, micros);
    Cursor cursor = new Cursor();
    Builder builder =
        new Builder(file, type, layout, micros)
            .withConf(new PlainParquetConfiguration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(codec);
    Schema schema = layout.schema();
    for (int f = 0; f < schema.getFieldCount(); f++) {
      TypeName t = schema.getField(f).getType().getTypeName();
      if (t == TypeName.DOUBLE
          || t == TypeName.FLOAT
          || t == TypeName.DECIMAL
          || t == TypeName.DATETIME) {
        // measurements and times rarely repeat: building a dictionary (a hash map lookup per
        // value, then a fallback) took most of the write time and was dropped anyway
        builder = builder.withDictionaryEncoding(schema.getField(f).getName(), false);
      }
    }
    try (ParquetWriter<Cursor> writer = builder.build()) {
      for (Chunk c : chunks) {
        cursor.chunk = c;
        for (int i = 0; i < c.size(); i++) {
          cursor.row = i;
          writer.write(cursor);
        }
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

  /** The row being written. */
  static final class Cursor {
    Chunk chunk;
    int row;
  }

  private static final class Builder extends ParquetWriter.Builder<Cursor, Builder> {
    private final MessageType type;
    private final ChunkLayout layout;
    private final boolean micros;

    Builder(OutputFile file, MessageType type, ChunkLayout layout, boolean micros) {
      super(file);
      this.type = type;
      this.layout = layout;
      this.micros = micros;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Cursor> getWriteSupport(Configuration conf) {
      return new ChunkWriteSupport(type, layout, micros);
    }

    @Override
    protected WriteSupport<Cursor> getWriteSupport(ParquetConfiguration conf) {
      return new ChunkWriteSupport(type, layout, micros);
    }
  }

  private static final class ChunkWriteSupport extends WriteSupport<Cursor> {
    private final MessageType type;
    private final ChunkLayout layout;
    private final boolean micros;
    private final String[] names;
    private final TypeName[] types;
    private final int[] keySlot;
    private RecordConsumer rc;

    ChunkWriteSupport(MessageType type, ChunkLayout layout, boolean micros) {
      this.type = type;
      this.layout = layout;
      this.micros = micros;
      Schema schema = layout.schema();
      int n = schema.getFieldCount();
      names = new String[n];
      types = new TypeName[n];
      keySlot = new int[n];
      for (int f = 0; f < n; f++) {
        names[f] = schema.getField(f).getName();
        types[f] = schema.getField(f).getType().getTypeName();
        keySlot[f] =
            layout.isTimeOrKey(f) && f != layout.timeIndex()
                ? layout.keySchema().indexOf(names[f])
                : -1;
      }
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(type, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(type, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.rc = recordConsumer;
    }

    @Override
    public void write(Cursor cursor) {
      Chunk c = cursor.chunk;
      int i = cursor.row;
      Row key = c.key();
      rc.startMessage();
      for (int f = 0; f < names.length; f++) {
        if (f == layout.timeIndex()) {
          rc.startField(names[f], f);
          rc.addLong(micros ? c.times()[i] * 1000 : c.times()[i]);
          rc.endField(names[f], f);
          continue;
        }
        if (keySlot[f] >= 0) {
          Object v = key.getValue(keySlot[f]);
          if (v != null) {
            rc.startField(names[f], f);
            addObject(f, v);
            rc.endField(names[f], f);
          }
          continue;
        }
        Column col = c.column(f);
        if (col.isNull(i)) {
          continue;
        }
        rc.startField(names[f], f);
        if (col instanceof DoubleColumn) {
          double v = ((DoubleColumn) col).value(i);
          if (types[f] == TypeName.FLOAT) {
            rc.addFloat((float) v);
          } else {
            rc.addDouble(v);
          }
        } else if (col instanceof LongColumn) {
          long v = ((LongColumn) col).value(i);
          if (types[f] == TypeName.INT64) {
            rc.addLong(v);
          } else {
            rc.addInteger((int) v);
          }
        } else if (col instanceof BooleanColumn) {
          rc.addBoolean(((BooleanColumn) col).value(i));
        } else {
          addObject(f, col.get(i));
        }
        rc.endField(names[f], f);
      }
      rc.endMessage();
    }

    private void addObject(int f, Object v) {
      switch (types[f]) {
        case DATETIME:
          long ms = ((ReadableInstant) v).getMillis();
          rc.addLong(micros ? ms * 1000 : ms);
          break;
        case DOUBLE:
        case FLOAT:
          if (types[f] == TypeName.FLOAT) {
            rc.addFloat(((Number) v).floatValue());
          } else {
            rc.addDouble(((Number) v).doubleValue());
          }
          break;
        case DECIMAL:
          rc.addDouble(((BigDecimal) v).doubleValue());
          break;
        case INT64:
          rc.addLong(((Number) v).longValue());
          break;
        case INT32:
        case INT16:
        case BYTE:
          rc.addInteger(((Number) v).intValue());
          break;
        case BOOLEAN:
          rc.addBoolean((Boolean) v);
          break;
        default:
          rc.addBinary(Binary.fromString(v.toString()));
      }
    }
  }
}
