package io.industryts.io;

import static io.industryts.io.BinarySource.BOOL;
import static io.industryts.io.BinarySource.DATE_DAYS;
import static io.industryts.io.BinarySource.DECIMAL;
import static io.industryts.io.BinarySource.DOUBLE;
import static io.industryts.io.BinarySource.FLOAT;
import static io.industryts.io.BinarySource.INT96;
import static io.industryts.io.BinarySource.LONG;
import static io.industryts.io.BinarySource.MS_PER_DAY;
import static io.industryts.io.BinarySource.STRING;
import static io.industryts.io.BinarySource.TS_MS;
import static io.industryts.io.BinarySource.TS_NS;
import static io.industryts.io.BinarySource.TS_US;

import io.industryts.io.BinaryEmitter.Values;
import io.industryts.io.BinarySource.Plan;
import io.industryts.io.BinarySource.SourceColumn;
import io.industryts.io.BinarySource.Task;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet files as a {@link BinarySource.ColumnarFormat}: the columns from the footer's schema (one
 * read task per row group), and a row group read column by column through Parquet's column readers,
 * without record assembly.
 */
final class ParquetSource {
  private ParquetSource() {}

  static final BinarySource.ColumnarFormat FORMAT =
      new BinarySource.ColumnarFormat() {
        @Override
        public List<SourceColumn> columns(Path file, int fileIndex, List<Task> tasks)
            throws IOException {
          return parquetColumns(file, fileIndex, tasks);
        }

        @Override
        public BinarySource.Batches open(Plan plan, Task task, Path file) {
          return new RowGroup(plan, task, file);
        }
      };

  private static List<SourceColumn> parquetColumns(Path file, int fileIndex, List<Task> tasks)
      throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      List<SourceColumn> out = new ArrayList<>();
      for (Type t : schema.getFields()) {
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
          throw new IllegalArgumentException(
              "FileInput: column \""
                  + t.getName()
                  + "\" of "
                  + file
                  + " is nested or repeated ("
                  + t
                  + "); only flat schemas of primitive columns can be read.");
        }
        out.add(parquetColumn(file, t.asPrimitiveType()));
      }
      long row = 0;
      List<BlockMetaData> blocks = r.getRowGroups();
      for (int g = 0; g < blocks.size(); g++) {
        tasks.add(new Task(fileIndex, g, row));
        row += blocks.get(g).getRowCount();
      }
      return out;
    }
  }

  private static SourceColumn parquetColumn(Path file, PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    String name = p.getName();
    String desc = p.getPrimitiveTypeName() + (a == null ? "" : " " + a);
    switch (p.getPrimitiveTypeName()) {
      case INT32:
        if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
          LogicalTypeAnnotation.IntLogicalTypeAnnotation i =
              (LogicalTypeAnnotation.IntLogicalTypeAnnotation) a;
          FieldType t =
              !i.isSigned() && i.getBitWidth() >= 16
                  ? FieldType.INT64
                  : i.getBitWidth() == 8 && i.isSigned()
                      ? FieldType.BYTE
                      : i.getBitWidth() == 16 && i.isSigned()
                          ? FieldType.INT16
                          : i.getBitWidth() == 8 ? FieldType.INT16 : FieldType.INT32;
          return new SourceColumn(name, t, LONG, 0, false, desc);
        }
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return new SourceColumn(name, FieldType.DATETIME, DATE_DAYS, 0, false, desc);
        }
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          return decimal(name, a, desc);
        }
        if (a == null) {
          return new SourceColumn(name, FieldType.INT32, LONG, 0, false, desc);
        }
        break;
      case INT64:
        if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
          LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts =
              (LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) a;
          int conv =
              ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS
                  ? TS_MS
                  : ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? TS_US : TS_NS;
          return new SourceColumn(name, FieldType.DATETIME, conv, 0, ts.isAdjustedToUTC(), desc);
        }
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          return decimal(name, a, desc);
        }
        if (a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
          return new SourceColumn(name, FieldType.INT64, LONG, 0, false, desc);
        }
        break;
      case INT96:
        return new SourceColumn(name, FieldType.DATETIME, INT96, 0, true, desc);
      case FLOAT:
        return new SourceColumn(name, FieldType.FLOAT, FLOAT, 0, false, desc);
      case DOUBLE:
        return new SourceColumn(name, FieldType.DOUBLE, DOUBLE, 0, false, desc);
      case BOOLEAN:
        return new SourceColumn(name, FieldType.BOOLEAN, BOOL, 0, false, desc);
      case BINARY:
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          return decimal(name, a, desc);
        }
        if (a == null
            || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return new SourceColumn(name, FieldType.STRING, STRING, 0, false, desc);
        }
        break;
      case FIXED_LEN_BYTE_ARRAY:
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
          return decimal(name, a, desc);
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "FileInput: column \""
            + name
            + "\" of "
            + file
            + " has Parquet type "
            + desc
            + ", which cannot be read. Supported: INT8-64, FLOAT, DOUBLE, BOOLEAN, strings, "
            + "timestamps, dates, INT96 and decimals.");
  }

  private static SourceColumn decimal(String name, LogicalTypeAnnotation a, String desc) {
    int scale = ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) a).getScale();
    return new SourceColumn(name, FieldType.DOUBLE, DECIMAL, scale, false, desc);
  }

  /** One row group, read as one batch. */
  private static final class RowGroup implements BinarySource.Batches {
    private final Plan plan;
    private final Task task;
    private final Path path;
    private boolean read;

    RowGroup(Plan plan, Task task, Path path) {
      this.plan = plan;
      this.task = task;
      this.path = path;
    }

    @Override
    public boolean next(BinaryEmitter emitter) throws IOException {
      if (read) {
        return false;
      }
      read = true;
      readParquet(emitter);
      return true;
    }

    @Override
    public void close() {}

    private void readParquet(BinaryEmitter emitter) throws IOException {
      try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(path))) {
        MessageType schema = r.getFooter().getFileMetaData().getSchema();
        String createdBy = r.getFooter().getFileMetaData().getCreatedBy();
        PageReadStore pages = r.readRowGroup(task.rowGroup);
        int n = Math.toIntExact(pages.getRowCount());
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(pages, new NoOpConverter(schema), schema, createdBy);
        Values[] values = new Values[plan.columns.size()];
        for (int c = 0; c < values.length; c++) {
          SourceColumn sc = plan.columns.get(c);
          ColumnDescriptor desc = schema.getColumnDescription(new String[] {sc.name});
          values[c] = readParquetColumn(store.getColumnReader(desc), desc, sc, n);
        }
        emitter.batch(values, n, task.firstRow);
      }
    }

    private static Values readParquetColumn(
        ColumnReader cr, ColumnDescriptor desc, SourceColumn sc, int n) {
      Values v = new Values(sc.conversion, n);
      int maxDef = desc.getMaxDefinitionLevel();
      PrimitiveType.PrimitiveTypeName physical = desc.getPrimitiveType().getPrimitiveTypeName();
      for (int i = 0; i < n; i++) {
        if (cr.getCurrentDefinitionLevel() < maxDef) {
          v.nulls[i] = true;
          cr.consume();
          continue;
        }
        switch (sc.conversion) {
          case LONG:
          case TS_MS:
          case TS_US:
          case TS_NS:
          case DATE_DAYS:
            v.longs[i] =
                physical == PrimitiveType.PrimitiveTypeName.INT32 ? cr.getInteger() : cr.getLong();
            break;
          case INT96:
            v.longs[i] = int96ToMillis(cr.getBinary());
            break;
          case FLOAT:
            v.doubles[i] = cr.getFloat();
            break;
          case DOUBLE:
            v.doubles[i] = cr.getDouble();
            break;
          case BOOL:
            v.bools[i] = cr.getBoolean();
            break;
          case STRING:
            v.objects[i] = cr.getBinary().toStringUsingUTF8();
            break;
          case DECIMAL:
            BigInteger unscaled;
            if (physical == PrimitiveType.PrimitiveTypeName.INT32) {
              unscaled = BigInteger.valueOf(cr.getInteger());
            } else if (physical == PrimitiveType.PrimitiveTypeName.INT64) {
              unscaled = BigInteger.valueOf(cr.getLong());
            } else {
              unscaled = new BigInteger(cr.getBinary().getBytes());
            }
            v.doubles[i] = new BigDecimal(unscaled, sc.scale).doubleValue();
            break;
          default:
            throw new IllegalStateException("conversion " + sc.conversion);
        }
        cr.consume();
      }
      return v;
    }

    private static long int96ToMillis(Binary b) {
      ByteBuffer bb = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      long nanosOfDay = bb.getLong();
      int julianDay = bb.getInt();
      return (julianDay - 2_440_588L) * MS_PER_DAY + Math.floorDiv(nanosOfDay, 1_000_000L);
    }
  }

  /** Column readers need a record converter; values are read through the readers directly. */
  private static final class NoOpConverter extends GroupConverter {
    private final int fields;
    private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {};

    NoOpConverter(MessageType schema) {
      this.fields = schema.getFieldCount();
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      Objects.checkIndex(fieldIndex, fields);
      return PRIMITIVE;
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}
