package io.industryts.io;

import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * Writes chunks as an Arrow IPC file ({@link ArrowFileWriter}, record batches of up to 65536 rows):
 * DATETIME as {@code Timestamp(MILLISECOND, "UTC")}, DOUBLE/DECIMAL as Float8, FLOAT as Float4,
 * INT64/INT32/INT16/BYTE as signed ints of that width, BOOLEAN as Bit, STRING as Utf8; all fields
 * nullable.
 */
final class ArrowSink {
  private ArrowSink() {}

  private static final int BATCH = 1 << 16;

  static Schema schema(ChunkLayout layout) {
    org.apache.beam.sdk.schemas.Schema schema = layout.schema();
    List<Field> fields = new ArrayList<>();
    for (int f = 0; f < schema.getFieldCount(); f++) {
      fields.add(
          new Field(
              schema.getField(f).getName(),
              FieldType.nullable(arrowType(schema.getField(f))),
              null));
    }
    return new Schema(fields);
  }

  private static ArrowType arrowType(org.apache.beam.sdk.schemas.Schema.Field field) {
    switch (field.getType().getTypeName()) {
      case DATETIME:
        return new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
      case DOUBLE:
      case DECIMAL:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case FLOAT:
        return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case INT64:
        return new ArrowType.Int(64, true);
      case INT32:
        return new ArrowType.Int(32, true);
      case INT16:
        return new ArrowType.Int(16, true);
      case BYTE:
        return new ArrowType.Int(8, true);
      case BOOLEAN:
        return ArrowType.Bool.INSTANCE;
      case STRING:
        return ArrowType.Utf8.INSTANCE;
      default:
        throw new IllegalArgumentException(
            "FileOutput: field \""
                + field.getName()
                + "\" has type "
                + field.getType()
                + ", which Arrow output does not support.");
    }
  }

  static void write(Path temp, ChunkLayout layout, Iterable<Chunk> chunks) throws IOException {
    Schema arrowSchema = schema(layout);
    org.apache.beam.sdk.schemas.Schema schema = layout.schema();
    int n = schema.getFieldCount();
    TypeName[] types = new TypeName[n];
    for (int f = 0; f < n; f++) {
      types[f] = schema.getField(f).getType().getTypeName();
    }
    int[] keySlot = layout.keySlots();
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator);
        FileChannel ch =
            FileChannel.open(
                temp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        ArrowFileWriter writer = new ArrowFileWriter(root, null, ch)) {
      writer.start();
      FieldVector[] vectors = root.getFieldVectors().toArray(new FieldVector[0]);
      for (FieldVector v : vectors) {
        v.setInitialCapacity(BATCH);
        v.allocateNew();
      }
      int row = 0;
      for (Chunk c : chunks) {
        Row key = c.key();
        for (int i = 0; i < c.size(); i++) {
          for (int f = 0; f < n; f++) {
            FieldVector v = vectors[f];
            if (f == layout.timeIndex()) {
              ((TimeStampMilliTZVector) v).setSafe(row, c.times()[i]);
            } else if (keySlot[f] >= 0) {
              setObject(v, types[f], row, key.getValue(keySlot[f]));
            } else {
              Column col = c.column(f);
              if (col.isNull(i)) {
                v.setNull(row);
              } else if (col instanceof DoubleColumn) {
                double d = ((DoubleColumn) col).value(i);
                if (types[f] == TypeName.FLOAT) {
                  ((Float4Vector) v).setSafe(row, (float) d);
                } else {
                  ((Float8Vector) v).setSafe(row, d);
                }
              } else if (col instanceof LongColumn) {
                setLong(v, types[f], row, ((LongColumn) col).value(i));
              } else if (col instanceof BooleanColumn) {
                ((BitVector) v).setSafe(row, ((BooleanColumn) col).value(i) ? 1 : 0);
              } else {
                setObject(v, types[f], row, col.get(i));
              }
            }
          }
          if (++row == BATCH) {
            flush(root, writer, row);
            row = 0;
          }
        }
      }
      if (row > 0 || writer.getRecordBlocks().isEmpty()) {
        flush(root, writer, row);
      }
      writer.end();
    }
  }

  private static void flush(VectorSchemaRoot root, ArrowFileWriter writer, int rows)
      throws IOException {
    for (FieldVector v : root.getFieldVectors()) {
      v.setValueCount(rows);
    }
    root.setRowCount(rows);
    writer.writeBatch();
    for (FieldVector v : root.getFieldVectors()) {
      v.reset();
    }
  }

  private static void setLong(FieldVector v, TypeName type, int row, long x) {
    switch (type) {
      case INT64:
        ((BigIntVector) v).setSafe(row, x);
        break;
      case INT32:
        ((IntVector) v).setSafe(row, (int) x);
        break;
      case INT16:
        ((SmallIntVector) v).setSafe(row, (short) x);
        break;
      default:
        ((TinyIntVector) v).setSafe(row, (byte) x);
    }
  }

  private static void setObject(FieldVector v, TypeName type, int row, Object x) {
    if (x == null) {
      v.setNull(row);
      return;
    }
    switch (type) {
      case DATETIME:
        ((TimeStampMilliTZVector) v).setSafe(row, ((ReadableInstant) x).getMillis());
        break;
      case DOUBLE:
        ((Float8Vector) v).setSafe(row, ((Number) x).doubleValue());
        break;
      case DECIMAL:
        ((Float8Vector) v).setSafe(row, ((BigDecimal) x).doubleValue());
        break;
      case FLOAT:
        ((Float4Vector) v).setSafe(row, ((Number) x).floatValue());
        break;
      case INT64:
      case INT32:
      case INT16:
      case BYTE:
        setLong(v, type, row, ((Number) x).longValue());
        break;
      case BOOLEAN:
        ((BitVector) v).setSafe(row, (Boolean) x ? 1 : 0);
        break;
      default:
        ((VarCharVector) v).setSafe(row, x.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
