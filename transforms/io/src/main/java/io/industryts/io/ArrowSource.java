package io.industryts.io;

import static io.industryts.io.BinarySource.BOOL;
import static io.industryts.io.BinarySource.DATE_DAYS;
import static io.industryts.io.BinarySource.DATE_MS;
import static io.industryts.io.BinarySource.DECIMAL;
import static io.industryts.io.BinarySource.DOUBLE;
import static io.industryts.io.BinarySource.FLOAT;
import static io.industryts.io.BinarySource.LONG;
import static io.industryts.io.BinarySource.STRING;
import static io.industryts.io.BinarySource.TS_MS;
import static io.industryts.io.BinarySource.TS_NS;
import static io.industryts.io.BinarySource.TS_S;
import static io.industryts.io.BinarySource.TS_US;
import static io.industryts.io.BinarySource.unreadable;

import io.industryts.io.BinaryEmitter.Values;
import io.industryts.io.BinarySource.Plan;
import io.industryts.io.BinarySource.SourceColumn;
import io.industryts.io.BinarySource.Task;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Arrow IPC files (file or stream format) as a {@link BinarySource.ColumnarFormat}: the columns
 * from the schema (dictionary-encoded columns by their values' type), one read task per file, read
 * record batch by record batch.
 */
final class ArrowSource {
  private ArrowSource() {}

  static final BinarySource.ColumnarFormat FORMAT =
      new BinarySource.ColumnarFormat() {
        @Override
        public List<SourceColumn> columns(Path file, int fileIndex, List<Task> tasks)
            throws IOException {
          List<SourceColumn> cols = arrowColumns(file);
          tasks.add(new Task(fileIndex, 0, 0));
          return cols;
        }

        @Override
        public BinarySource.Batches open(Plan plan, Task task, Path file) throws IOException {
          return new RecordBatches(plan, task, file);
        }
      };

  static boolean isArrowFileFormat(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer magic = ByteBuffer.allocate(6);
      ch.read(magic, 0);
      return new String(magic.array(), 0, magic.position(), StandardCharsets.US_ASCII)
          .equals("ARROW1");
    }
  }

  private static ArrowReader openArrow(Path file, FileChannel ch, BufferAllocator allocator)
      throws IOException {
    return isArrowFileFormat(file)
        ? new ArrowFileReader(ch, allocator)
        : new ArrowStreamReader(ch, allocator);
  }

  private static List<SourceColumn> arrowColumns(Path file) throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ArrowReader reader = openArrow(file, ch, allocator)) {
      List<SourceColumn> out = new ArrayList<>();
      for (Field f : reader.getVectorSchemaRoot().getSchema().getFields()) {
        ArrowType type = f.getType();
        if (f.getDictionary() != null) {
          // the schema holds the index type; the values' type is the dictionary vector's
          type = reader.lookup(f.getDictionary().getId()).getVector().getField().getType();
        }
        out.add(arrowColumn(file, f.getName(), type));
      }
      return out;
    }
  }

  private static SourceColumn arrowColumn(Path file, String name, ArrowType t) {
    String desc = t.toString();
    switch (t.getTypeID()) {
      case Int:
        {
          ArrowType.Int i = (ArrowType.Int) t;
          FieldType bt =
              i.getBitWidth() == 64
                  ? FieldType.INT64
                  : !i.getIsSigned() && i.getBitWidth() >= 16
                      ? FieldType.INT64
                      : i.getBitWidth() == 32
                          ? FieldType.INT32
                          : i.getBitWidth() == 16 || !i.getIsSigned()
                              ? FieldType.INT16
                              : FieldType.BYTE;
          return new SourceColumn(name, bt, LONG, 0, false, desc);
        }
      case FloatingPoint:
        {
          boolean dbl =
              ((ArrowType.FloatingPoint) t).getPrecision() == FloatingPointPrecision.DOUBLE;
          return new SourceColumn(
              name, dbl ? FieldType.DOUBLE : FieldType.FLOAT, dbl ? DOUBLE : FLOAT, 0, false, desc);
        }
      case Bool:
        return new SourceColumn(name, FieldType.BOOLEAN, BOOL, 0, false, desc);
      case Utf8:
      case LargeUtf8:
        return new SourceColumn(name, FieldType.STRING, STRING, 0, false, desc);
      case Timestamp:
        {
          ArrowType.Timestamp ts = (ArrowType.Timestamp) t;
          int conv;
          switch (ts.getUnit()) {
            case SECOND:
              conv = TS_S;
              break;
            case MILLISECOND:
              conv = TS_MS;
              break;
            case MICROSECOND:
              conv = TS_US;
              break;
            default:
              conv = TS_NS;
          }
          return new SourceColumn(
              name, FieldType.DATETIME, conv, 0, ts.getTimezone() != null, desc);
        }
      case Date:
        {
          boolean days =
              ((ArrowType.Date) t).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY;
          return new SourceColumn(
              name, FieldType.DATETIME, days ? DATE_DAYS : DATE_MS, 0, false, desc);
        }
      case Decimal:
        return new SourceColumn(
            name, FieldType.DOUBLE, DECIMAL, ((ArrowType.Decimal) t).getScale(), false, desc);
      default:
        throw new IllegalArgumentException(
            "FileInput: column \""
                + name
                + "\" of "
                + file
                + " has Arrow type "
                + desc
                + ", which cannot be read. Supported: Int, FloatingPoint, Bool, Utf8, LargeUtf8, "
                + "Timestamp, Date and Decimal (also dictionary-encoded).");
    }
  }

  /** The record batches of one file. */
  private static final class RecordBatches implements BinarySource.Batches {
    private final Plan plan;
    private final BufferAllocator allocator;
    private final FileChannel channel;
    private final ArrowReader arrow;
    private long arrowRow;

    RecordBatches(Plan plan, Task task, Path path) throws IOException {
      this.plan = plan;
      this.allocator = new RootAllocator();
      FileChannel ch = null;
      ArrowReader reader = null;
      try {
        ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
          reader = openArrow(path, ch, allocator);
        } catch (IOException | RuntimeException e) {
          throw unreadable(path, task.fileIndex, plan.files.size(), plan.format, e);
        }
      } catch (IOException | RuntimeException e) {
        if (ch != null) {
          ch.close();
        }
        allocator.close();
        throw e;
      }
      this.channel = ch;
      this.arrow = reader;
    }

    @Override
    public boolean next(BinaryEmitter emitter) throws IOException {
      if (!arrow.loadNextBatch()) {
        return false;
      }
      readArrowBatch(emitter);
      return true;
    }

    private void readArrowBatch(BinaryEmitter emitter) throws IOException {
      VectorSchemaRoot root = arrow.getVectorSchemaRoot();
      int n = root.getRowCount();
      Values[] values = new Values[plan.columns.size()];
      for (int c = 0; c < values.length; c++) {
        SourceColumn sc = plan.columns.get(c);
        FieldVector vector = root.getVector(sc.name);
        Field field = vector.getField();
        if (field.getDictionary() != null) {
          Dictionary dict = arrow.lookup(field.getDictionary().getId());
          try (ValueVector decoded = DictionaryEncoder.decode(vector, dict)) {
            values[c] = readArrowVector(decoded, sc, n);
          }
        } else {
          values[c] = readArrowVector(vector, sc, n);
        }
      }
      emitter.batch(values, n, arrowRow);
      arrowRow += n;
    }

    private static Values readArrowVector(ValueVector vec, SourceColumn sc, int n) {
      Values v = new Values(sc.conversion, n);
      for (int i = 0; i < n; i++) {
        if (vec.isNull(i)) {
          v.nulls[i] = true;
          continue;
        }
        switch (sc.conversion) {
          case LONG:
            v.longs[i] = ((BaseIntVector) vec).getValueAsLong(i);
            break;
          case TS_S:
          case TS_MS:
          case TS_US:
          case TS_NS:
            v.longs[i] = ((TimeStampVector) vec).get(i);
            break;
          case DATE_DAYS:
            v.longs[i] = ((DateDayVector) vec).get(i);
            break;
          case DATE_MS:
            v.longs[i] = ((DateMilliVector) vec).get(i);
            break;
          case FLOAT:
          case DOUBLE:
            v.doubles[i] = ((FloatingPointVector) vec).getValueAsDouble(i);
            break;
          case BOOL:
            v.bools[i] = ((BitVector) vec).get(i) != 0;
            break;
          case STRING:
            byte[] bytes =
                vec instanceof VarCharVector
                    ? ((VarCharVector) vec).get(i)
                    : ((LargeVarCharVector) vec).get(i);
            v.objects[i] = new String(bytes, StandardCharsets.UTF_8);
            break;
          case DECIMAL:
            v.doubles[i] = ((BigDecimal) vec.getObject(i)).doubleValue();
            break;
          default:
            throw new IllegalStateException("conversion " + sc.conversion);
        }
      }
      return v;
    }

    @Override
    public void close() throws IOException {
      try {
        arrow.close();
        channel.close();
      } finally {
        allocator.close();
      }
    }
  }
}
