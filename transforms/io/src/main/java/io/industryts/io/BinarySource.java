package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.TimeColumn;
import io.industryts.time.TimeParseException;
import io.industryts.time.TimeParser;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
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
import org.joda.time.Instant;

/**
 * Parquet and Arrow IPC files straight into chunks: schema mapping at construction time, then one
 * read task per Parquet row group or Arrow file, column by column.
 */
final class BinarySource {
  private BinarySource() {}

  // How a source column's values are read and converted.
  static final int LONG = 1;
  static final int FLOAT = 2;
  static final int DOUBLE = 3;
  static final int BOOL = 4;
  static final int STRING = 5;
  static final int DECIMAL = 6;
  static final int TS_S = 7;
  static final int TS_MS = 8;
  static final int TS_US = 9;
  static final int TS_NS = 10;
  static final int INT96 = 11;
  static final int DATE_DAYS = 12;
  static final int DATE_MS = 13;

  private static final long MS_PER_DAY = 86_400_000L;

  /** One column of the files: its Beam type and how to convert its values. */
  static final class SourceColumn implements Serializable {
    private static final long serialVersionUID = 1L;
    final String name;
    final FieldType type;
    final int conversion;
    final int scale;
    final boolean utc;
    final String fileType;

    SourceColumn(
        String name, FieldType type, int conversion, int scale, boolean utc, String fileType) {
      this.name = name;
      this.type = type;
      this.conversion = conversion;
      this.scale = scale;
      this.utc = utc;
      this.fileType = fileType;
    }

    boolean isTimestamp() {
      return conversion >= TS_S && conversion <= DATE_MS;
    }

    boolean sameAs(SourceColumn o) {
      return name.equals(o.name)
          && type.equals(o.type)
          && conversion == o.conversion
          && scale == o.scale
          && utc == o.utc;
    }

    @Override
    public String toString() {
      return "\"" + name + "\" (" + fileType + ")";
    }
  }

  /** Everything the read tasks need. */
  static final class Plan implements Serializable {
    private static final long serialVersionUID = 1L;
    final FileInput.Format format;
    final List<String> files;
    final List<SourceColumn> columns;
    final int timeIndex;
    final int[] keyPosition;
    final int seqIndex;
    final ChunkLayout layout;
    final TimeParser timeParser;
    final boolean nanAsNull;
    final String timeDescription;
    final int chunkRows;
    final List<Task> tasks;

    Plan(
        FileInput.Format format,
        List<String> files,
        List<SourceColumn> columns,
        int timeIndex,
        int[] keyPosition,
        int seqIndex,
        ChunkLayout layout,
        TimeParser timeParser,
        boolean nanAsNull,
        String timeDescription,
        int chunkRows,
        List<Task> tasks) {
      this.format = format;
      this.files = files;
      this.columns = columns;
      this.timeIndex = timeIndex;
      this.keyPosition = keyPosition;
      this.seqIndex = seqIndex;
      this.layout = layout;
      this.timeParser = timeParser;
      this.nanAsNull = nanAsNull;
      this.timeDescription = timeDescription;
      this.chunkRows = chunkRows;
      this.tasks = tasks;
    }
  }

  /** One unit of reading: a Parquet row group or an Arrow file. */
  static final class Task implements Serializable {
    private static final long serialVersionUID = 1L;
    final int fileIndex;
    final int rowGroup;
    final long firstRow;

    Task(int fileIndex, int rowGroup, long firstRow) {
      this.fileIndex = fileIndex;
      this.rowGroup = rowGroup;
      this.firstRow = firstRow;
    }
  }

  static final class Inspection {
    final Plan plan;
    final TimeColumn timeColumn;

    Inspection(Plan plan, TimeColumn timeColumn) {
      this.plan = plan;
      this.timeColumn = timeColumn;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inspection

  static Inspection inspect(
      List<Path> files, String pattern, FileInput.Format format, FileInput options) {
    List<SourceColumn> first = null;
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      List<SourceColumn> cols;
      try {
        if (java.nio.file.Files.size(f) == 0) {
          throw new IllegalArgumentException("empty file: " + f);
        }
        if (format == FileInput.Format.PARQUET) {
          cols = parquetColumns(f, i, tasks);
        } else {
          cols = arrowColumns(f);
          tasks.add(new Task(i, 0, 0));
        }
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw unreadable(f, i, files.size(), format, e);
      }
      if (first == null) {
        first = cols;
      } else {
        compare(pattern, files.get(0), first, f, cols);
      }
    }
    List<SourceColumn> columns = first;
    Schema.Builder raw = Schema.builder();
    for (SourceColumn c : columns) {
      raw.addField(c.name, c.type);
    }
    TimeColumn tc = TimeColumn.resolve(raw.build(), options.seriesOptions().timeColumn());
    int timeIndex = -1;
    Schema.Builder sb = Schema.builder();
    for (int i = 0; i < columns.size(); i++) {
      SourceColumn c = columns.get(i);
      if (c.name.equals(tc.name())) {
        timeIndex = i;
        sb.addField(c.name, FieldType.DATETIME);
      } else {
        sb.addField(c.name, c.type.withNullable(true));
      }
    }
    Schema schema = sb.build();
    List<String> keys = options.seriesOptions().keyColumns();
    ChunkLayout layout = ChunkLayout.of(schema, tc.name(), keys);
    int[] keyPosition = new int[columns.size()];
    Arrays.fill(keyPosition, -1);
    for (int k = 0; k < keys.size(); k++) {
      keyPosition[schema.indexOf(keys.get(k))] = k;
    }
    int seqIndex = -1;
    String seq = options.seriesOptions().sequenceColumn();
    if (seq != null) {
      seqIndex = schema.hasField(seq) ? schema.indexOf(seq) : -1;
      if (seqIndex < 0
          || seqIndex == timeIndex
          || keyPosition[seqIndex] >= 0
          || columns.get(seqIndex).conversion != LONG) {
        throw new IllegalArgumentException(
            "FileInput: sequence_column \""
                + seq
                + "\" must be an integer value column. Got "
                + (seqIndex < 0 ? "no such column" : columns.get(seqIndex).toString())
                + ". Available columns: "
                + schema.getFieldNames()
                + ". Fix [pipeline].sequence_column.");
      }
    }
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      names.add(f.toString());
    }
    Plan plan =
        new Plan(
            format,
            List.copyOf(names),
            List.copyOf(columns),
            timeIndex,
            keyPosition,
            seqIndex,
            layout,
            options.effectiveTimeParser(),
            options.nanAsNull(),
            "time column \"" + tc.name() + "\" (" + tc.reason() + ")",
            options.chunkRows(),
            List.copyOf(tasks));
    return new Inspection(plan, tc);
  }

  private static void compare(
      String pattern, Path a, List<SourceColumn> ca, Path b, List<SourceColumn> cb) {
    int n = Math.max(ca.size(), cb.size());
    for (int i = 0; i < n; i++) {
      SourceColumn x = i < ca.size() ? ca.get(i) : null;
      SourceColumn y = i < cb.size() ? cb.get(i) : null;
      if (x == null || y == null || !x.sameAs(y)) {
        throw new IllegalArgumentException(
            "FileInput: files matched by \""
                + pattern
                + "\" have different schemas: column "
                + (i + 1)
                + " is "
                + (x == null ? "missing" : x)
                + " in "
                + a
                + " but "
                + (y == null ? "missing" : y)
                + " in "
                + b
                + ". All files of one input must share the schema (same names, types and order).");
      }
    }
  }

  /**
   * {@code file} cannot be read: says which file (of how many), what is wrong with it, judged from
   * its first and last bytes and the reader's error, and what to do.
   */
  static FileReadException unreadable(
      Path file, int index, int count, FileInput.Format format, Throwable e) {
    String kind = format == FileInput.Format.PARQUET ? "Parquet" : "Arrow IPC";
    String magic = format == FileInput.Format.PARQUET ? "PAR1" : "ARROW1";
    byte[] head = new byte[0];
    byte[] tail = new byte[0];
    long size = -1;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      ByteBuffer h = ByteBuffer.allocate((int) Math.min(64, size));
      ch.read(h, 0);
      head = java.util.Arrays.copyOf(h.array(), h.position());
      ByteBuffer t = ByteBuffer.allocate((int) Math.min(magic.length(), size));
      ch.read(t, size - t.capacity());
      tail = java.util.Arrays.copyOf(t.array(), t.position());
    } catch (IOException | RuntimeException ignored) {
      // the reader's own error is all there is to say
    }
    String start = new String(head, StandardCharsets.ISO_8859_1);
    String end = new String(tail, StandardCharsets.ISO_8859_1);
    boolean arrowStream =
        format == FileInput.Format.ARROW
            && head.length >= 4
            && (head[0] & 0xff) == 0xff
            && (head[1] & 0xff) == 0xff
            && (head[2] & 0xff) == 0xff
            && (head[3] & 0xff) == 0xff;
    String what;
    String fix;
    if (size == 0) {
      what = "it is empty";
      fix = "Write it again from its source";
    } else if (size > 0 && !start.startsWith(magic) && !arrowStream) {
      boolean text = looksLikeText(head);
      what =
          "it is not "
              + (kind.startsWith("A") ? "an " : "a ")
              + kind
              + " file (it starts with \""
              + printable(start.substring(0, Math.min(24, start.length())))
              + "\""
              + (text ? ", which looks like CSV text" : "")
              + ")";
      fix =
          text
              ? "Rename it to .csv, or set [input] format = \"csv\""
              : "Check that the file is the one you meant, or set [input] format";
    } else if (size > 0 && !arrowStream && !end.equals(magic)) {
      what =
          "it is truncated: the "
              + kind
              + " footer at its end is missing (a copy or a write"
              + " that did not finish)";
      fix = "Copy or write it again";
    } else {
      what = "it is damaged (" + innermost(e) + ")";
      fix = "Write it again from its source";
    }
    String which = count > 1 ? " (file " + (index + 1) + " of " + count + " matched)" : "";
    return new FileReadException(
        "FileInput: cannot read "
            + kind
            + " file "
            + file
            + which
            + ": "
            + what
            + ". "
            + fix
            + (count > 1 ? ", or leave it out of the input glob." : "."),
        e);
  }

  private static boolean looksLikeText(byte[] head) {
    if (head.length == 0) {
      return false;
    }
    for (byte b : head) {
      if (b < 0x09 || (b > 0x0d && b < 0x20)) {
        return false;
      }
    }
    return true;
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : c == '\n' ? "\\n" : "?");
    }
    return b.toString();
  }

  private static String innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null
        ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

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

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** The files as a source, split into one source per task (Parquet row group, Arrow file). */
  static final class TaskSource extends BoundedSource<ReadItem> {
    private static final long serialVersionUID = 1L;
    private final Plan plan;
    private final Task task; // null: all tasks

    TaskSource(Plan plan, Task task) {
      this.plan = plan;
      this.task = task;
    }

    @Override
    public List<TaskSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
      if (task != null) {
        return List.of(this);
      }
      List<TaskSource> out = new ArrayList<>();
      for (Task t : plan.tasks) {
        out.add(new TaskSource(plan, t));
      }
      return out;
    }

    @Override
    public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
      long total = 0;
      for (String f : plan.files) {
        total += java.nio.file.Files.size(Paths.get(f));
      }
      return task == null ? total : total / Math.max(1, plan.tasks.size());
    }

    @Override
    public BoundedSource.BoundedReader<ReadItem> createReader(PipelineOptions options) {
      if (task == null) {
        return new CsvSource.ConcatReader(this, split(0, options));
      }
      return new TaskReader(this);
    }

    @Override
    public Coder<ReadItem> getOutputCoder() {
      return new ReadItem.ItemCoder(plan.layout);
    }
  }

  /** Reads one task: a Parquet row group at once, an Arrow file batch by batch. */
  static final class TaskReader extends ReadItem.Reader {
    private static final Counter ROWS_READ = Metrics.counter("industryts", "read.rows_out");
    private static final Counter ERRORS = Metrics.counter("industryts", "read.errors");

    private final TaskSource source;
    private final Plan plan;
    private final Task task;
    private final Path path;
    private Emitter emitter;
    private BufferAllocator allocator;
    private FileChannel channel;
    private ArrowReader arrow;
    private long arrowRow;
    private boolean done;

    TaskReader(TaskSource source) {
      this.source = source;
      this.plan = source.plan;
      this.task = source.task;
      this.path = Paths.get(plan.files.get(task.fileIndex));
    }

    @Override
    protected void open() throws IOException {
      emitter = new Emitter(plan, task.fileIndex, this);
      if (plan.format == FileInput.Format.ARROW) {
        allocator = new RootAllocator();
        channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
          arrow = openArrow(path, channel, allocator);
        } catch (IOException | RuntimeException e) {
          throw unreadable(path, task.fileIndex, plan.files.size(), plan.format, e);
        }
      }
    }

    @Override
    protected boolean produce() throws IOException {
      try {
        return produceOrFail();
      } catch (IllegalArgumentException | FileReadException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw unreadable(path, task.fileIndex, plan.files.size(), plan.format, e);
      }
    }

    private boolean produceOrFail() throws IOException {
      if (done) {
        return false;
      }
      if (plan.format == FileInput.Format.PARQUET) {
        readParquet();
        finish();
        return true;
      }
      if (arrow.loadNextBatch()) {
        readArrowBatch();
        return true;
      }
      finish();
      return true;
    }

    private void finish() {
      done = true;
      emitter.finish();
      ROWS_READ.inc(emitter.rows);
      ERRORS.inc(emitter.errors);
    }

    private void readParquet() throws IOException {
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

    private void readArrowBatch() throws IOException {
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
    public BoundedSource<ReadItem> getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      try {
        if (arrow != null) {
          arrow.close();
        }
        if (channel != null) {
          channel.close();
        }
      } finally {
        if (allocator != null) {
          allocator.close();
        }
      }
    }
  }

  /** Values of one column for a batch of rows (one of the arrays is used). */
  static final class Values {
    final long[] longs;
    final double[] doubles;
    final boolean[] bools;
    final Object[] objects;
    final boolean[] nulls;

    Values(int conversion, int n) {
      boolean isLong = conversion == LONG || (conversion >= TS_S && conversion <= DATE_MS);
      boolean isDouble = conversion == FLOAT || conversion == DOUBLE || conversion == DECIMAL;
      longs = isLong ? new long[n] : null;
      doubles = isDouble ? new double[n] : null;
      bools = conversion == BOOL ? new boolean[n] : null;
      objects = conversion == STRING ? new Object[n] : null;
      nulls = new boolean[n];
    }

    Object raw(int i) {
      if (nulls[i]) {
        return null;
      }
      return longs != null
          ? (Object) longs[i]
          : doubles != null ? (Object) doubles[i] : bools != null ? (Object) bools[i] : objects[i];
    }
  }

  /** Converts batches of column values into chunks per series and error rows. */
  static final class Emitter {
    private final Plan plan;
    private final String source;
    private final long seqBase;
    private final ReadItem.Sink out;
    private final Map<List<Object>, ChunkAssembler> series = new HashMap<>();
    private final ChunkAssembler single;
    long rows;
    long errors;

    Emitter(Plan plan, int fileIndex, ReadItem.Sink out) {
      this.plan = plan;
      this.source = plan.files.get(fileIndex);
      this.seqBase = ((long) fileIndex) << 40;
      this.out = out;
      this.single =
          plan.layout.keyFields().isEmpty()
              ? new ChunkAssembler(
                  plan.layout, Row.withSchema(plan.layout.keySchema()).build(), plan.chunkRows)
              : null;
      if (single != null) {
        single.setSource(source);
      }
    }

    void batch(Values[] values, int n, long firstRow) {
      List<SourceColumn> cols = plan.columns;
      int ti = plan.timeIndex;
      SourceColumn tcol = cols.get(ti);
      Values tv = values[ti];
      Object[] key = new Object[plan.layout.keySchema().getFieldCount()];
      rowLoop:
      for (int i = 0; i < n; i++) {
        long rowNumber = firstRow + i + 1;
        if (tv.nulls[i]) {
          error(
              values,
              i,
              rowNumber,
              "null_time",
              tcol.name,
              plan.timeDescription + " is null; every row needs a time");
          continue;
        }
        long time;
        try {
          time = timeOf(tcol, tv, i);
        } catch (TimeParseException e) {
          error(
              values,
              i,
              rowNumber,
              e.reason(),
              tcol.name,
              plan.timeDescription + ": " + e.getMessage());
          continue;
        }
        ChunkAssembler a = single;
        if (a == null) {
          for (int c = 0; c < cols.size(); c++) {
            int k = plan.keyPosition[c];
            if (k >= 0) {
              try {
                key[k] = values[c].nulls[i] ? null : cellValue(cols.get(c), values[c], i);
              } catch (TimeParseException e) {
                error(
                    values,
                    i,
                    rowNumber,
                    e.reason(),
                    cols.get(c).name,
                    "column \"" + cols.get(c).name + "\": " + e.getMessage());
                continue rowLoop;
              }
            }
          }
          List<Object> keyList = Arrays.asList(key.clone());
          a = series.get(keyList);
          if (a == null) {
            a =
                new ChunkAssembler(
                    plan.layout,
                    Row.withSchema(plan.layout.keySchema()).addValues(keyList).build(),
                    plan.chunkRows);
            a.setSource(source);
            series.put(keyList, a);
          }
        }
        for (int c = 0; c < cols.size(); c++) {
          if (c == ti || plan.keyPosition[c] >= 0) {
            continue;
          }
          SourceColumn sc = cols.get(c);
          Values v = values[c];
          if (v.nulls[i]) {
            a.setNull(c);
            continue;
          }
          switch (a.kind(c)) {
            case 'D':
              double d = v.doubles[i];
              if (Double.isNaN(d) && plan.nanAsNull) {
                a.setNull(c);
              } else {
                a.setDouble(c, d);
              }
              break;
            case 'L':
              a.setLong(c, v.longs[i]);
              break;
            case 'B':
              a.setBoolean(c, v.bools[i]);
              break;
            default:
              try {
                a.setObject(c, cellValue(sc, v, i));
              } catch (TimeParseException e) {
                error(
                    values,
                    i,
                    rowNumber,
                    e.reason(),
                    sc.name,
                    "column \"" + sc.name + "\": " + e.getMessage());
                continue rowLoop;
              }
          }
        }
        long seq;
        if (plan.seqIndex >= 0) {
          if (values[plan.seqIndex].nulls[i]) {
            String name = cols.get(plan.seqIndex).name;
            error(
                values,
                i,
                rowNumber,
                "null_sequence",
                name,
                "sequence column \"" + name + "\" is null; every row needs a sequence number");
            continue;
          }
          seq = values[plan.seqIndex].longs[i];
        } else {
          seq = seqBase | (firstRow + i);
        }
        a.setTimeAndSeq(time, seq);
        a.setLine(rowNumber); // the 1-based row number, as in the read errors
        rows++;
        if (a.commit()) {
          emit(a, true);
        }
      }
    }

    /** The Row value of a non-null cell in the column's Beam type. */
    private Object cellValue(SourceColumn sc, Values v, int i) {
      switch (sc.conversion) {
        case LONG:
          long l = v.longs[i];
          switch (sc.type.getTypeName()) {
            case INT32:
              return (int) l;
            case INT16:
              return (short) l;
            case BYTE:
              return (byte) l;
            default:
              return l;
          }
        case FLOAT:
          return (float) v.doubles[i];
        case DOUBLE:
        case DECIMAL:
          return v.doubles[i];
        case BOOL:
          return v.bools[i];
        case STRING:
          return v.objects[i];
        default:
          return new Instant(timeOf(sc, v, i));
      }
    }

    /** Epoch millis of a non-null cell of a time-like or time column. */
    private long timeOf(SourceColumn sc, Values v, int i) {
      TimeParser parser = plan.timeParser;
      long x;
      switch (sc.conversion) {
        case TS_S:
          x = Math.multiplyExact(v.longs[i], 1000L);
          break;
        case TS_MS:
          x = v.longs[i];
          break;
        case TS_US:
          x = Math.floorDiv(v.longs[i], 1000L);
          break;
        case TS_NS:
          x = Math.floorDiv(v.longs[i], 1_000_000L);
          break;
        case INT96:
          return v.longs[i];
        case DATE_DAYS:
          return parser.fromLocalMillis(v.longs[i] * MS_PER_DAY);
        case DATE_MS:
          return parser.fromLocalMillis(v.longs[i]);
        case LONG:
          return parser.fromEpoch(v.longs[i]);
        case FLOAT:
        case DOUBLE:
        case DECIMAL:
          return parser.fromNumber(v.doubles[i]);
        case STRING:
          return parser.parse((String) v.objects[i]);
        default:
          throw new TimeParseException(
              TimeParseException.UNPARSEABLE,
              "column \"" + sc.name + "\" of type " + sc.fileType + " cannot hold times");
      }
      return sc.utc ? x : parser.fromLocalMillis(x);
    }

    private void error(
        Values[] values, int i, long rowNumber, String reason, String field, String message) {
      List<String> names = new ArrayList<>();
      List<Object> raw = new ArrayList<>();
      for (int c = 0; c < values.length; c++) {
        names.add(plan.columns.get(c).name);
        raw.add(values[c].raw(i));
      }
      out.error(
          ErrorRecords.of(
              source,
              rowNumber,
              "read",
              "read",
              reason,
              field,
              source + ": row " + rowNumber + ": " + message,
              Json.object(names, raw)));
      errors++;
    }

    private void emit(ChunkAssembler a, boolean more) {
      long min = a.minTime();
      Chunk c = a.take(more);
      if (c != null) {
        out.chunk(c, min);
      }
    }

    void finish() {
      if (single != null) {
        emit(single, false);
      }
      for (ChunkAssembler a : series.values()) {
        emit(a, false);
      }
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
