package io.industryts.io;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

// Over 500 lines: one output — its documented builder, validation, the in-memory and staged
// (part-file) writes and the atomic commit of every output of a call. The write DoFns share the
// staging token and commit rules, so they stay here; the format writers are CsvSink, ParquetSink
// and ArrowSink.

/**
 * Writes a series collection to a CSV, Parquet or Arrow IPC file, atomically (ARCHITECTURE §5).
 *
 * <pre>{@code
 * PCollection<KV<KV<Row, Long>, Chunk>> segments = ...;   // engine output, sorted segments
 * PCollection<String> written = FileOutput.writeAll(segments, layout,
 *     FileOutput.to("out/plant_a.parquet"),
 *     FileOutput.to("out/plant_a.csv").withCsvTimeFormat("yyyy-MM-dd'T'HH:mm:ss"));
 * }</pre>
 *
 * <p><b>Input.</b> Segments keyed by (series key row, segment index), each chunk sorted in series
 * order. They are written in series key order (ascending, field by field, nulls last), then segment
 * index, then row order within the chunk: the file order of SEMANTICS §1.4. An empty collection
 * gives a file with the schema only (a CSV header).
 *
 * <p><b>Memory.</b> On the DirectRunner (whose workers share one JVM and hold all data on its heap
 * anyway) the segments are gathered on one worker and written from memory. On every other runner no
 * worker holds the whole output: each segment is written by the worker that holds it to a part file
 * in {@code .NAME.<token>.parts/} next to the first output ({@link StagedFiles#parts}); only the
 * parts' keys and names meet on one worker, which writes every output from the parts in file order,
 * one segment in memory at a time, and removes them. Both ways give the same files, byte for byte.
 *
 * <p><b>Formats</b> (by extension, or {@link #withFormat}):
 *
 * <ul>
 *   <li>{@code .csv}: header, {@code ,} (or {@link #withCsvDelimiter}), nulls empty, booleans
 *       {@code true}/{@code false}, doubles as the shortest decimal that reads back exactly, laid
 *       out as {@link Double#toString} (no exponent for 1e-3 ≤ |x| &lt; 1e7), integers plainly,
 *       strings quoted when needed, times as ISO-8601 UTC {@code 2024-01-01T00:00:00Z} ({@code
 *       .250Z} only with milliseconds) or a {@code java.time} pattern rendered in UTC ({@link
 *       #withCsvTimeFormat});
 *   <li>{@code .parquet}: every column OPTIONAL; times INT64 {@code TIMESTAMP(MICROS, UTC)} ({@link
 *       #withParquetMillis} for MILLIS); snappy when snappy-java's bundled native library loads,
 *       else uncompressed;
 *   <li>{@code .arrow}, {@code .ipc}, {@code .feather}: Arrow IPC file, times {@code
 *       Timestamp(MILLISECOND, "UTC")}.
 * </ul>
 *
 * <p>Each file is written to a temporary name in the same directory ({@code .NAME.<token>.tmp})
 * and, once every output of the call is complete, renamed over its target ({@code ATOMIC_MOVE},
 * {@code REPLACE_EXISTING}); if one output fails, none is replaced and the temporary files are
 * removed. {@link #staged} leaves the renaming to the caller, so that outputs written by several
 * transforms (the dead-letter file too) are put in place together. Missing parent directories are
 * created; a write failure names the output, the cause (full disk, read-only directory) and the
 * fix. The output collection holds the written paths.
 *
 * <p>Immutable: every {@code with*} method returns a copy.
 */
public final class FileOutput implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Output formats. */
  public enum Format {
    CSV,
    PARQUET,
    ARROW
  }

  /**
   * Counter (namespace {@code industryts}) of the rows written, once per written set of files
   * (every file of one {@link #writeAll} holds all of them).
   */
  public static final String ROWS_WRITTEN_COUNTER = "write.rows_out";

  private final String path;
  private final Format format;
  private final char csvDelimiter;
  private final String csvTimeFormat;
  private final boolean parquetMicros;
  private final String stagingToken;

  private FileOutput(
      String path,
      Format format,
      char csvDelimiter,
      String csvTimeFormat,
      boolean parquetMicros,
      String stagingToken) {
    this.path = path;
    this.format = format;
    this.csvDelimiter = csvDelimiter;
    this.csvTimeFormat = csvTimeFormat;
    this.parquetMicros = parquetMicros;
    this.stagingToken = stagingToken;
  }

  /**
   * Writes to {@code path}; the format comes from the extension.
   *
   * @throws IllegalArgumentException for an unknown extension
   */
  public static FileOutput to(String path) {
    Objects.requireNonNull(path, "path");
    String n = path.toLowerCase(Locale.ROOT);
    // Reading and writing recognise the same extensions.
    FileInput.Format read = FileInput.Format.ofExtension(path);
    Format f = read == null ? null : Format.valueOf(read.name());
    if (f == null) {
      throw new IllegalArgumentException(
          "FileOutput: cannot tell the format of \""
              + path
              + "\" from its extension. Expected "
              + ".csv, .parquet, .arrow, .ipc or .feather; or call withFormat(...).");
    }
    return new FileOutput(path, f, n.endsWith(".tsv") ? '\t' : ',', null, true, null);
  }

  /** Convenience for {@code to(path.toString())}. */
  public static FileOutput to(Path path) {
    return to(path.toString());
  }

  /** Sets the format instead of deriving it from the extension. */
  public FileOutput withFormat(Format format) {
    return new FileOutput(
        path,
        Objects.requireNonNull(format, "format"),
        csvDelimiter,
        csvTimeFormat,
        parquetMicros,
        stagingToken);
  }

  /**
   * CSV delimiter (default {@code ,}; {@code TAB} for {@code .tsv}).
   *
   * @throws IllegalArgumentException for a quote, a line break or a non-ASCII character
   */
  public FileOutput withCsvDelimiter(char delimiter) {
    if (!FileInput.usableDelimiter(delimiter)) {
      throw new IllegalArgumentException(
          "FileOutput: CSV delimiter must be one ASCII character other than a quote or a line "
              + "break. Got "
              + (int) delimiter
              + ".");
    }
    return new FileOutput(path, format, delimiter, csvTimeFormat, parquetMicros, stagingToken);
  }

  /**
   * Renders CSV times with a {@link DateTimeFormatter} pattern in UTC (e.g. {@code
   * "yyyy-MM-dd'T'HH:mm:ss"}) instead of ISO-8601 with {@code Z}.
   *
   * @throws IllegalArgumentException if the pattern is invalid
   */
  public FileOutput withCsvTimeFormat(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    try {
      DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
          .withZone(ZoneOffset.UTC)
          .format(Instant.EPOCH);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "FileOutput: invalid CSV time format \"" + pattern + "\": " + e.getMessage(), e);
    }
    return new FileOutput(path, format, csvDelimiter, pattern, parquetMicros, stagingToken);
  }

  /** Parquet times as {@code TIMESTAMP(MILLIS)} instead of {@code TIMESTAMP(MICROS)}. */
  public FileOutput withParquetMillis() {
    return new FileOutput(path, format, csvDelimiter, csvTimeFormat, false, stagingToken);
  }

  /**
   * Leaves the written file under its temporary name {@code .NAME.<token>.tmp} ({@link
   * StagedFiles#temporary}) for the caller to put in place with {@link StagedFiles#commit} once
   * every output of the job is complete (or remove with {@link StagedFiles#discard}). Without it,
   * the outputs of one {@link #writeAll} are renamed into place as soon as all of them are written.
   */
  public FileOutput staged(String token) {
    return new FileOutput(
        path,
        format,
        csvDelimiter,
        csvTimeFormat,
        parquetMicros,
        Objects.requireNonNull(token, "token"));
  }

  /** The file this output writes, as given to {@link #to(String)}. */
  public String path() {
    return path;
  }

  /** The file format: set by {@link #withFormat} or derived from the extension of the path. */
  public Format format() {
    return format;
  }

  /** Writes {@code segments} to this file; see {@link #writeAll}. */
  public PCollection<String> write(
      PCollection<KV<KV<Row, Long>, Chunk>> segments, ChunkLayout layout) {
    return writeAll(segments, layout, List.of(this));
  }

  /**
   * Writes {@code segments} to every output, from one gathering of the data.
   *
   * @return the written paths (one element per output, once all are written)
   * @throws IllegalArgumentException if a field type cannot be written in an output's format
   */
  public static PCollection<String> writeAll(
      PCollection<KV<KV<Row, Long>, Chunk>> segments, ChunkLayout layout, FileOutput... outputs) {
    return writeAll(segments, layout, List.of(outputs));
  }

  /** As {@link #writeAll(PCollection, ChunkLayout, FileOutput...)}. */
  public static PCollection<String> writeAll(
      PCollection<KV<KV<Row, Long>, Chunk>> segments,
      ChunkLayout layout,
      List<FileOutput> outputs) {
    return segments.apply(writing(layout, outputs));
  }

  /**
   * Writes {@code segments} to every output and {@code errors} to the dead-letter file {@code
   * errorsPath} ({@link DeadLetters}), every file left under its temporary name for the caller to
   * put in place together ({@link StagedFiles#commit}) with the token all outputs are {@link
   * #staged} under. When the workers share this JVM (the DirectRunner) the segments and the error
   * records are gathered once and one step writes every file; elsewhere the outputs and the
   * dead-letter file are written apart, as {@link #writeAll(PCollection, ChunkLayout, List)} and
   * {@link DeadLetters#write(PCollection, String, String)} do. The files are the same either way.
   *
   * <pre>{@code
   * String token = StagedFiles.newToken();
   * FileOutput.writeAll(result.segments(), result.layout(),
   *     List.of(FileOutput.to("out/clean.csv").staged(token)), errors, "out/bad_rows.csv");
   * // after the run: StagedFiles.commit(List.of(Path.of("out/clean.csv"),
   * //     Path.of("out/bad_rows.csv")), token)
   * }</pre>
   *
   * @return the written paths, the outputs' and then the dead-letter file's, once all are written
   * @throws IllegalArgumentException if an output is not staged or staged under another token than
   *     the first, if the dead-letter path has an extension other than {@code .csv} or {@code
   *     .jsonl}, or as {@link #writeAll(PCollection, ChunkLayout, List)}
   */
  public static PCollection<String> writeAll(
      PCollection<KV<KV<Row, Long>, Chunk>> segments,
      ChunkLayout layout,
      List<FileOutput> outputs,
      PCollection<Row> errors,
      String errorsPath) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("FileOutput: no output to write.");
    }
    String token = outputs.get(0).stagingToken;
    for (FileOutput o : outputs) {
      if (o.stagingToken == null || !o.stagingToken.equals(token)) {
        throw new IllegalArgumentException(
            "FileOutput: writing outputs with a dead-letter file needs every output staged under"
                + " one token, so that the caller puts all files in place together; "
                + o
                + (o.stagingToken == null ? " is not staged" : " has another token than the first")
                + ". Call staged(token) with the same token on every output.");
      }
    }
    DeadLetters.Write deadLetters = DeadLetters.stagedWriter(errorsPath, token);
    boolean inProcess =
        segments.getPipeline().getOptions().as(EngineTuningOptions.class).getWorkersInProcess();
    if (inProcess) {
      return OutputsWithDeadLetters.input(segments, errors)
          .apply("WriteFiles", new OutputsWithDeadLetters.Write(layout, outputs, deadLetters));
    }
    PCollection<String> written = writeAll(segments, layout, outputs);
    PCollection<String> deadLettersWritten = errors.apply("WriteDeadLetters", deadLetters);
    return PCollectionList.of(written)
        .and(deadLettersWritten)
        .apply("Written", Flatten.pCollections());
  }

  /** The writing transform, to apply under a name of your choice. */
  public static PTransform<PCollection<KV<KV<Row, Long>, Chunk>>, PCollection<String>> writing(
      ChunkLayout layout, List<FileOutput> outputs) {
    return new Write(layout, List.copyOf(outputs));
  }

  /** Rejects layouts that a format cannot hold, before any data flows. */
  void validate(ChunkLayout layout) {
    switch (format) {
      case PARQUET:
        ParquetSink.schema(layout, parquetMicros);
        break;
      case ARROW:
        ArrowSink.schema(layout);
        break;
      default:
        Schema s = layout.schema();
        for (Schema.Field f : s.getFields()) {
          Schema.TypeName t = f.getType().getTypeName();
          if (t.isCompositeType() || t.isCollectionType() || t.isMapType()) {
            throw new IllegalArgumentException(
                "FileOutput: field \""
                    + f.getName()
                    + "\" has type "
                    + f.getType()
                    + ", which CSV output does not support.");
          }
        }
    }
  }

  /** Writes this output by itself: its temporary file, then renamed into place. */
  void writeFile(ChunkLayout layout, Iterable<Chunk> chunks) throws IOException {
    writeConcurrently(layout, chunks, List.of(this));
  }

  /** Writes this output to its temporary file under {@code token}; see {@link StagedFiles}. */
  void writeFile(ChunkLayout layout, Iterable<Chunk> chunks, String token) throws IOException {
    StagedFiles.stage(
        Paths.get(path),
        token,
        temp -> {
          switch (format) {
            case CSV:
              CsvSink.write(temp, layout, chunks, csvDelimiter, csvTimeFormat);
              break;
            case PARQUET:
              ParquetSink.write(temp, layout, chunks, parquetMicros, ParquetSink.defaultCodec());
              break;
            default:
              ArrowSink.write(temp, layout, chunks);
          }
        });
  }

  @Override
  public String toString() {
    return "FileOutput{"
        + path
        + ", "
        + format
        + (format == Format.CSV
            ? ", delimiter='"
                + csvDelimiter
                + "'"
                + (csvTimeFormat == null ? "" : ", time_format=" + csvTimeFormat)
            : "")
        + (format == Format.PARQUET ? ", times=" + (parquetMicros ? "micros" : "millis") : "")
        + "}";
  }

  /**
   * Orders the segments and writes every output, in one of two ways. <b>In memory</b> (when the
   * workers share this JVM, i.e. the DirectRunner, which holds every stage's data on its heap
   * anyway): all segments are gathered on one worker, sorted and written. <b>In parts</b> (Flink,
   * Spark, any runner whose workers are separate): each worker writes every segment it holds to its
   * own part file in the first output's parts directory ({@link StagedFiles#parts}), and only the
   * parts' names, keys and row counts are gathered on one worker, which writes the outputs from the
   * part files in file order, one segment in memory at a time, then removes the parts. The files
   * are the same either way (same bytes for CSV and Arrow, and for Parquet too: the encoders see
   * the same rows in the same order).
   */
  static final class Write
      extends PTransform<PCollection<KV<KV<Row, Long>, Chunk>>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final ChunkLayout layout;
    private final List<FileOutput> outputs;
    private final Boolean inParts;

    Write(ChunkLayout layout, List<FileOutput> outputs) {
      this(layout, outputs, null);
    }

    /** {@code inParts}: true or false to choose the way, {@code null} to decide by the runner. */
    Write(ChunkLayout layout, List<FileOutput> outputs, Boolean inParts) {
      super("WriteFiles");
      if (outputs.isEmpty()) {
        throw new IllegalArgumentException("FileOutput: no output to write.");
      }
      this.layout = layout;
      this.outputs = outputs;
      this.inParts = inParts;
    }

    @Override
    public PCollection<String> expand(PCollection<KV<KV<Row, Long>, Chunk>> segments) {
      for (FileOutput o : outputs) {
        o.validate(layout);
        if (o.format == Format.PARQUET) {
          ParquetSink.preload(layout);
        }
      }
      boolean parts =
          inParts != null
              ? inParts
              : !segments
                  .getPipeline()
                  .getOptions()
                  .as(EngineTuningOptions.class)
                  .getWorkersInProcess();
      if (!parts) {
        return segments
            .apply("Gather", Gather.all())
            .apply("Write", ParDo.of(new WriteFn(layout, outputs)))
            .setCoder(StringUtf8Coder.of());
      }
      FileOutput first = outputs.get(0);
      String token = first.stagingToken != null ? first.stagingToken : StagedFiles.newToken();
      String dir = StagedFiles.parts(Paths.get(first.path), token).toString();
      @SuppressWarnings("unchecked")
      Coder<KV<Row, Long>> keyCoder =
          ((KvCoder<KV<Row, Long>, Chunk>) segments.getCoder()).getKeyCoder();
      return segments
          .apply("WriteParts", ParDo.of(new WritePartFn(layout, first.path, dir)))
          .setCoder(KvCoder.of(keyCoder, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
          .apply("Gather", Gather.all())
          .apply("Write", ParDo.of(new JoinPartsFn(layout, outputs, dir)))
          .setCoder(StringUtf8Coder.of());
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      List<String> paths = new ArrayList<>();
      for (FileOutput o : outputs) {
        paths.add(o.toString());
      }
      builder.add(DisplayData.item("outputs", String.join(", ", paths)).withLabel("Outputs"));
    }
  }

  /** Writes each segment to its own part file; emits its key, the part's name and its rows. */
  static final class WritePartFn
      extends DoFn<KV<KV<Row, Long>, Chunk>, KV<KV<Row, Long>, KV<String, Long>>> {
    private static final long serialVersionUID = 1L;
    private final ChunkLayout layout;
    private final String target;
    private final String dir;
    private transient ChunkCoder coder;

    WritePartFn(ChunkLayout layout, String target, String dir) {
      this.layout = layout;
      this.target = target;
      this.dir = dir;
    }

    /** Makes the chunk coder the parts are written with, once per instance. */
    @Setup
    public void setup() {
      coder = ChunkCoder.of(layout);
    }

    /**
     * Writes the segment's chunk to a part file (empty chunks add no rows to any format and are
     * skipped).
     *
     * @throws IOException if the part cannot be written, naming the output and the cause
     */
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> segment,
        OutputReceiver<KV<KV<Row, Long>, KV<String, Long>>> out)
        throws IOException {
      Chunk c = segment.getValue();
      if (c == null || c.size() == 0) {
        return;
      }
      String name;
      try {
        name = OutputParts.write(Paths.get(dir), coder, c);
      } catch (IOException | RuntimeException e) {
        throw StagedFiles.writeFailure(Paths.get(target), e);
      }
      out.output(KV.of(segment.getKey(), KV.of(name, (long) c.size())));
    }
  }

  /** Writes every output from the part files, in file order, and removes the parts. */
  static final class JoinPartsFn
      extends DoFn<KV<Integer, Iterable<KV<KV<Row, Long>, KV<String, Long>>>>, String> {
    private static final long serialVersionUID = 1L;
    private static final Counter ROWS_WRITTEN = Metrics.counter("industryts", ROWS_WRITTEN_COUNTER);
    private final ChunkLayout layout;
    private final List<FileOutput> outputs;
    private final String dir;

    JoinPartsFn(ChunkLayout layout, List<FileOutput> outputs, String dir) {
      this.layout = layout;
      this.outputs = outputs;
      this.dir = dir;
    }

    /**
     * Orders the parts by series key and segment index and writes every output from them; emits
     * each path written. The parts directory is removed whether the write succeeds or not.
     *
     * @throws IOException if a file cannot be written; no output is replaced then
     */
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<KV<Row, Long>, KV<String, Long>>>> all,
        OutputReceiver<String> out)
        throws IOException {
      List<KV<KV<Row, Long>, KV<String, Long>>> parts = new ArrayList<>();
      for (KV<KV<Row, Long>, KV<String, Long>> p : all.getValue()) {
        if (p != null) {
          parts.add(p);
        }
      }
      parts.sort((a, b) -> SEGMENT_KEY_ORDER.compare(a.getKey(), b.getKey()));
      Path partsDir = Paths.get(dir);
      List<Path> files = new ArrayList<>(parts.size());
      long rows = 0;
      for (KV<KV<Row, Long>, KV<String, Long>> p : parts) {
        files.add(partsDir.resolve(p.getValue().getKey()));
        rows += p.getValue().getValue();
      }
      try {
        writeConcurrently(layout, OutputParts.chunks(layout, files), outputs);
      } finally {
        StagedFiles.deleteTree(partsDir);
      }
      for (FileOutput o : outputs) {
        out.output(o.path);
      }
      ROWS_WRITTEN.inc(rows);
    }
  }

  static final class WriteFn extends DoFn<KV<Integer, Iterable<KV<KV<Row, Long>, Chunk>>>, String> {
    private static final long serialVersionUID = 1L;
    private static final Counter ROWS_WRITTEN = Metrics.counter("industryts", ROWS_WRITTEN_COUNTER);
    private final ChunkLayout layout;
    private final List<FileOutput> outputs;

    WriteFn(ChunkLayout layout, List<FileOutput> outputs) {
      this.layout = layout;
      this.outputs = outputs;
    }

    /**
     * Writes every output from the segments of all series, ordered by key and start time so the
     * file does not depend on the order the runner delivered them in; emits each path written.
     *
     * @throws IOException if a file cannot be written; no output is replaced then
     */
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<KV<Row, Long>, Chunk>>> all, OutputReceiver<String> out)
        throws IOException {
      List<KV<KV<Row, Long>, Chunk>> segments = new ArrayList<>();
      for (KV<KV<Row, Long>, Chunk> s : all.getValue()) {
        if (s != null) {
          segments.add(s);
        }
      }
      segments.sort(SEGMENT_ORDER);
      List<Chunk> chunks = new ArrayList<>(segments.size());
      for (KV<KV<Row, Long>, Chunk> s : segments) {
        chunks.add(s.getValue());
      }
      long rows = 0;
      for (Chunk c : chunks) {
        rows += c.size();
      }
      writeConcurrently(layout, chunks, outputs);
      for (FileOutput o : outputs) {
        out.output(o.path);
      }
      ROWS_WRITTEN.inc(rows);
    }
  }

  /**
   * Writes every output, each on its own thread (the first on the calling one): the writer runs on
   * one worker, and a Parquet encoder is single-threaded, so two outputs would otherwise leave a
   * core idle. Every output goes to its temporary name first; when all are complete, those not
   * {@link #staged} are renamed into place together. If one fails, every temporary file is removed
   * and no output is replaced; the first failure is thrown.
   */
  static void writeConcurrently(
      ChunkLayout layout, Iterable<Chunk> chunks, List<FileOutput> outputs) throws IOException {
    String token = StagedFiles.newToken();
    List<Thread> others = new ArrayList<>();
    IOException[] failures = new IOException[outputs.size()];
    for (int i = 1; i < outputs.size(); i++) {
      int index = i;
      FileOutput o = outputs.get(index);
      Thread t =
          new Thread(
              () -> {
                try {
                  o.writeFile(layout, chunks, o.tokenOr(token));
                } catch (IOException | RuntimeException e) {
                  failures[index] =
                      e instanceof IOException
                          ? (IOException) e
                          : new IOException(e.getMessage(), e);
                }
              },
              "industryts-write-" + i);
      t.start();
      others.add(t);
    }
    try {
      outputs.get(0).writeFile(layout, chunks, outputs.get(0).tokenOr(token));
    } catch (IOException e) {
      failures[0] = e;
    } finally {
      for (Thread t : others) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          discardAll(outputs, token);
          throw new IOException("FileOutput: interrupted while writing " + outputs, e);
        }
      }
    }
    for (IOException e : failures) {
      if (e != null) {
        discardAll(outputs, token);
        throw e;
      }
    }
    List<Path> unstaged = new ArrayList<>();
    for (FileOutput o : outputs) {
      if (o.stagingToken == null) {
        unstaged.add(Paths.get(o.path));
      }
    }
    try {
      StagedFiles.commit(unstaged, token);
    } catch (IOException e) {
      discardAll(outputs, token);
      throw e;
    }
  }

  private String tokenOr(String token) {
    return stagingToken != null ? stagingToken : token;
  }

  private static void discardAll(List<FileOutput> outputs, String token) {
    for (FileOutput o : outputs) {
      StagedFiles.discard(List.of(Paths.get(o.path)), o.tokenOr(token));
    }
  }

  /** File order of segment keys (series key row, segment index): series key, then index. */
  static final Comparator<KV<Row, Long>> SEGMENT_KEY_ORDER =
      (a, b) -> {
        int c = KeyOrder.INSTANCE.compare(a.getKey(), b.getKey());
        return c != 0 ? c : Long.compare(a.getValue(), b.getValue());
      };

  static final Comparator<KV<KV<Row, Long>, Chunk>> SEGMENT_ORDER =
      (a, b) -> SEGMENT_KEY_ORDER.compare(a.getKey(), b.getKey());
}
