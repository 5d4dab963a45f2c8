package io.industryts.io;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.TimeColumn;
import io.industryts.io.BinarySource.Plan;
import io.industryts.io.BinarySource.SourceColumn;
import io.industryts.io.BinarySource.Task;
import io.industryts.time.TimeParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

// Over 500 lines: what Parquet and Arrow reading share — column mapping, read plan, inspection,
// the unreadable-file messages, the BoundedSource and its reader. The pieces are small and used
// together; the format-specific parts are in ParquetSource and ArrowSource.

/**
 * Parquet and Arrow IPC files straight into chunks: schema mapping at construction time, then one
 * read task per Parquet row group or Arrow file, column by column.
 *
 * <p>What the two formats share lives here: the columns and their conversions ({@link
 * SourceColumn}), the read {@link Plan}, inspection, the messages for unreadable files, the source
 * ({@link TaskSource}) and the reader of one task ({@link TaskReader}). What differs is behind
 * {@link ColumnarFormat}: {@link ParquetSource} and {@link ArrowSource} list a file's columns and
 * read a task's batches of column values, which {@link BinaryEmitter} turns into chunks.
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

  static final long MS_PER_DAY = 86_400_000L;

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

  /** What differs between the columnar formats: a file's columns, and the batches of one task. */
  interface ColumnarFormat {
    /** The columns of {@code file}; adds the file's read tasks to {@code tasks}. */
    List<SourceColumn> columns(Path file, int fileIndex, List<Task> tasks) throws IOException;

    /** Opens {@code task} of {@code file} for reading. */
    Batches open(Plan plan, Task task, Path file) throws IOException;
  }

  /** The batches of column values of one task, read one at a time. */
  interface Batches extends Closeable {
    /** Reads the next batch into {@code emitter}; false when the task has no more. */
    boolean next(BinaryEmitter emitter) throws IOException;
  }

  static ColumnarFormat formatOf(FileInput.Format format) {
    return format == FileInput.Format.PARQUET ? ParquetSource.FORMAT : ArrowSource.FORMAT;
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
        cols = formatOf(format).columns(f, i, tasks);
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

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** The files as a source, split into one source per task (Parquet row group, Arrow file). */
  static final class TaskSource extends BoundedSource<ReadItem> {
    private static final long serialVersionUID = 1L;
    private final Plan plan;
    private final Task task; // null: all tasks
    private final boolean provenance; // rows carry file and row number (Chunk origins)

    TaskSource(Plan plan, Task task, boolean provenance) {
      this.plan = plan;
      this.task = task;
      this.provenance = provenance;
    }

    @Override
    public List<TaskSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
      if (task != null) {
        return List.of(this);
      }
      List<TaskSource> out = new ArrayList<>();
      for (Task t : plan.tasks) {
        out.add(new TaskSource(plan, t, provenance));
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
        return new ConcatReader(this, split(0, options));
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
    private BinaryEmitter emitter;
    private Batches batches;
    private boolean done;

    TaskReader(TaskSource source) {
      this.source = source;
      this.plan = source.plan;
      this.task = source.task;
      this.path = Paths.get(plan.files.get(task.fileIndex));
    }

    @Override
    protected void open() throws IOException {
      emitter = new BinaryEmitter(plan, task.fileIndex, this, source.provenance);
      batches = formatOf(plan.format).open(plan, task, path);
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
      if (batches.next(emitter)) {
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

    @Override
    public BoundedSource<ReadItem> getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      if (batches != null) {
        batches.close();
      }
    }
  }
}
