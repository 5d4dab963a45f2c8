package io.industryts.io;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.engine.spi.TimeColumn;
import io.industryts.time.TimeParser;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.util.construction.SplittableParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads CSV, Parquet or Arrow IPC files straight into chunks (ARCHITECTURE §2: readers produce
 * chunks directly), with bad rows as data (SEMANTICS §1.13, §2.7).
 *
 * <p>(Longer than ~500 lines because it is the reader's whole public surface: one documented {@code
 * with*} method and getter per option of [input]; the reading itself lives in {@link CsvSource} and
 * {@link BinarySource} and the classes they name.)
 *
 * <pre>{@code
 * FileInput input = FileInput.of("data/plant_a/*.csv")
 *     .keyedBy("tag")
 *     .withType("batch", FieldType.STRING);
 * ReadResult read = input.read(pipeline);       // or pipeline.apply(input)
 * PCollection<Chunk> chunks = read.chunks();    // one series per chunk, file order
 * PCollection<Row> errors = read.errors();      // ErrorRecords.SCHEMA
 * }</pre>
 *
 * <p><b>Construction.</b> The files are inspected when the schema is first needed ({@link
 * #schema()}, {@link #layout()}, {@link #timeColumn()} or {@code expand}), before any data flows: a
 * glob expands to files sorted by name; the format comes from the extension ({@code .csv}, {@code
 * .txt}, {@code .tsv}: CSV; {@code .parquet}; {@code .arrow}, {@code .arrows}, {@code .ipc}, {@code
 * .feather}: Arrow IPC) unless set; the time column is resolved by {@link TimeColumn} (§1.2).
 * Problems with the files (missing, empty, different headers or schemas, unsupported types) are
 * {@link IllegalArgumentException}s at construction.
 *
 * <p><b>CSV.</b> The delimiter is detected from the header among {@code , ; TAB |} (most fields
 * wins, ties go to {@code ,}) unless set. RFC 4180 quotes, LF and CRLF, a UTF-8 BOM, blank lines
 * (skipped); UTF-8 unless {@link #withEncoding} says otherwise (an invalid byte is an error with
 * {@code file:line:col}). Types come from a sample of the first rows of each file ({@link
 * #withSampleRows}, default 1000), counting the non-empty cells that are neither NA tokens nor
 * {@link #withNaValues NA values}: at least 90% numbers (a clear majority; all of them in a key
 * column): INT64 when they are all integers, else DOUBLE, and the other cells are row errors;
 * otherwise STRING; no value at all: DOUBLE. Files that disagree (numbers in one, text in another)
 * and integers beyond INT64 in an integer column are errors naming the fix. {@link #withType}
 * overrides one column; {@link #typeDecisions()} says how each column got its type. Empty cells and
 * pandas' NA tokens ({@code NA}, {@code NaN}, {@code NULL}, {@code #N/A}, …) are null in every
 * column, as {@code read_csv} reads them (in DOUBLE and FLOAT columns the tokens are NaN with
 * {@code withNanAsNull(false)}). A header-only file has no rows; a 0-byte file is an error ({@code
 * empty file: <path>}). Files are split into byte ranges parsed in parallel (a file that contains
 * {@code "} is read as one range).
 *
 * <p><b>Parquet and Arrow IPC.</b> Flat schemas of INT8–64, FLOAT, DOUBLE, BOOLEAN, strings,
 * timestamps (any unit, floored to ms), dates (midnight in the time zone) and decimals (as DOUBLE).
 * Parquet files are read per row group, Arrow files per file.
 *
 * <p><b>Output.</b> See {@link ReadResult}. The schema holds the file's columns in order; the time
 * column is converted in place to a non-null {@code DATETIME}; every other field is nullable. Each
 * row's tie order ({@code seq}) is the {@code sequence_column} value if set, else {@code (file
 * index << 40) | byte offset of the line} for CSV and {@code (file index << 40) | row index} for
 * Parquet and Arrow, so it grows in file order across the files of a glob. Each row also carries
 * its origin, the file and physical line (Parquet / Arrow: row number), for the error records of
 * operations ({@link io.industryts.engine.spi.Chunk#source(int)}), unless turned off with {@link
 * #withProvenance(boolean)}.
 *
 * <p><b>Bad rows</b> go to {@link ReadResult#errors()} with source file, physical line (1-based,
 * the header is line 1; for Parquet / Arrow the 1-based row number), reason ({@code
 * unparseable_time}, {@code ambiguous_time}, {@code nonexistent_time}, {@code null_time}, {@code
 * non_numeric_cell}, {@code non_boolean_cell}, {@code wrong_field_count}, {@code
 * unterminated_quote}, {@code null_sequence}), the column, a message {@code <file>:<line>: column
 * "<c>": ...} saying what was expected, and the raw line. They are never dropped silently and never
 * change a column's type.
 *
 * <p>Immutable: every {@code with*} method returns a copy.
 */
public final class FileInput extends PTransform<PBegin, ReadResult> {
  private static final long serialVersionUID = 1L;

  /** File formats. */
  public enum Format {
    CSV,
    PARQUET,
    ARROW;

    /** The format of a file name's extension, or null. */
    static Format ofExtension(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv")) {
        return CSV;
      }
      if (n.endsWith(".parquet") || n.endsWith(".pq")) {
        return PARQUET;
      }
      if (n.endsWith(".arrow")
          || n.endsWith(".arrows")
          || n.endsWith(".ipc")
          || n.endsWith(".feather")) {
        return ARROW;
      }
      return null;
    }
  }

  /** Rows per chunk by default. */
  public static final int DEFAULT_CHUNK_ROWS = 1 << 16;

  /** CSV byte range size by default. */
  public static final long DEFAULT_SPLIT_BYTES = 8L << 20;

  /** CSV rows sampled for type inference by default. */
  public static final int DEFAULT_SAMPLE_ROWS = 1000;

  private final String pattern;
  private final Format format;
  private final Character delimiter;
  private final Map<String, FieldType> types;
  private final boolean nanAsNull;
  private final SeriesOptions seriesOptions;
  private final TimeParser timeParser;
  private final int sampleRows;
  private final long splitBytes;
  private final int chunkRows;
  private final String encoding;
  private final List<String> naValues;
  private final String rowsCounter;
  private final String errorsCounter;
  private final boolean provenance;
  private final boolean seriesBlocks;

  private transient volatile Inspection inspection;

  private FileInput(Draft d) {
    super("ReadFiles");
    this.pattern = d.pattern;
    this.format = d.format;
    this.delimiter = d.delimiter;
    this.types = d.types;
    this.nanAsNull = d.nanAsNull;
    this.seriesOptions = d.seriesOptions;
    this.timeParser = d.timeParser;
    this.sampleRows = d.sampleRows;
    this.splitBytes = d.splitBytes;
    this.chunkRows = d.chunkRows;
    this.encoding = d.encoding;
    this.naValues = d.naValues;
    this.rowsCounter = d.rowsCounter;
    this.errorsCounter = d.errorsCounter;
    this.provenance = d.provenance;
    this.seriesBlocks = d.seriesBlocks;
  }

  /** The settings of a {@link FileInput} being derived, so each {@code with*} changes one. */
  private static final class Draft {
    String pattern;
    Format format;
    Character delimiter;
    Map<String, FieldType> types = Map.of();
    boolean nanAsNull = true;
    SeriesOptions seriesOptions = SeriesOptions.defaults();
    TimeParser timeParser;
    int sampleRows = DEFAULT_SAMPLE_ROWS;
    long splitBytes = DEFAULT_SPLIT_BYTES;
    int chunkRows = DEFAULT_CHUNK_ROWS;
    String encoding = "UTF-8";
    List<String> naValues = List.of();
    String rowsCounter;
    String errorsCounter;
    boolean provenance = true;
    boolean seriesBlocks;

    Draft(String pattern) {
      this.pattern = pattern;
    }

    Draft(FileInput f) {
      pattern = f.pattern;
      format = f.format;
      delimiter = f.delimiter;
      types = f.types;
      nanAsNull = f.nanAsNull;
      seriesOptions = f.seriesOptions;
      timeParser = f.timeParser;
      sampleRows = f.sampleRows;
      splitBytes = f.splitBytes;
      chunkRows = f.chunkRows;
      encoding = f.encoding;
      naValues = f.naValues;
      rowsCounter = f.rowsCounter;
      errorsCounter = f.errorsCounter;
      provenance = f.provenance;
      seriesBlocks = f.seriesBlocks;
    }
  }

  /**
   * Reads a file, or the files matched by a glob ({@code *}, {@code ?}, {@code [..]}, {@code
   * {a,b}}, {@code **}), in name order.
   */
  public static FileInput of(String pathOrGlob) {
    Objects.requireNonNull(pathOrGlob, "pathOrGlob");
    return new FileInput(new Draft(pathOrGlob));
  }

  /** Convenience for {@code of(path.toString())}. */
  public static FileInput of(Path path) {
    return of(path.toString());
  }

  /** A copy of this input with {@code change} applied to its settings. */
  private FileInput copy(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new FileInput(d);
  }

  /** Sets the format instead of deriving it from the file extension. */
  public FileInput withFormat(Format format) {
    Objects.requireNonNull(format, "format");
    return copy(d -> d.format = format);
  }

  /**
   * Sets the CSV delimiter instead of detecting it ({@code [input] delimiter}).
   *
   * @throws IllegalArgumentException for a quote, a line break or a non-ASCII character
   */
  public FileInput withDelimiter(char delimiter) {
    if (!usableDelimiter(delimiter)) {
      throw new IllegalArgumentException(
          "FileInput: delimiter must be one ASCII character other than a quote or a line break. "
              + "Got "
              + (int) delimiter
              + " ('"
              + delimiter
              + "'); expected e.g. ',', ';', '\\t' "
              + "or '|'. Fix [input] delimiter.");
    }
    return copy(d -> d.delimiter = delimiter);
  }

  /** One printable ASCII character or a tab, and neither a quote nor a line break. */
  static boolean usableDelimiter(char c) {
    return c != '"' && c != '\n' && c != '\r' && c <= 0x7e && (c >= 0x20 || c == '\t');
  }

  /** Sets the CSV column types ({@code [input.types]}), replacing earlier ones; others inferred. */
  public FileInput withTypes(Map<String, FieldType> columnTypes) {
    return copy(d -> d.types = Map.copyOf(new LinkedHashMap<>(columnTypes)));
  }

  /**
   * Sets the type of one CSV column (DOUBLE, FLOAT, INT64, INT32, INT16, BYTE, BOOLEAN, STRING,
   * DATETIME).
   */
  public FileInput withType(String column, FieldType type) {
    Map<String, FieldType> m = new LinkedHashMap<>(types);
    m.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
    return withTypes(m);
  }

  /** Whether NaN (and CSV NA tokens) read from input become null (§1.10); default true. */
  public FileInput withNanAsNull(boolean nanAsNull) {
    return copy(d -> d.nanAsNull = nanAsNull);
  }

  /** Time column, key columns, time zone and sequence column. */
  public FileInput withSeriesOptions(SeriesOptions options) {
    Objects.requireNonNull(options, "options");
    return copy(d -> d.seriesOptions = options);
  }

  /** The time column by name instead of auto-detection (§1.2). */
  public FileInput withTimeColumn(String name) {
    return withSeriesOptions(seriesOptions.withTimeColumn(name));
  }

  /** Key columns: rows with equal values form one series (§1.4). */
  public FileInput keyedBy(String... keyColumns) {
    return withSeriesOptions(seriesOptions.withKeyColumns(Arrays.asList(keyColumns)));
  }

  /** An integer column whose values order rows with equal times (§1.4). */
  public FileInput withSequenceColumn(String name) {
    return withSeriesOptions(seriesOptions.withSequenceColumn(name));
  }

  /**
   * How time strings and numbers are parsed. Without it, the built-in formats in the series
   * options' time zone are used.
   */
  public FileInput withTimeParser(TimeParser parser) {
    Objects.requireNonNull(parser, "parser");
    return copy(d -> d.timeParser = parser);
  }

  /** CSV rows of each file read to infer column types (default 1000). */
  public FileInput withSampleRows(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("FileInput: sample rows must be >= 1. Got " + rows + ".");
    }
    return copy(d -> d.sampleRows = rows);
  }

  /** Size of the CSV byte ranges parsed in parallel (default 8 MiB). */
  public FileInput withSplitBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("FileInput: split bytes must be >= 1. Got " + bytes + ".");
    }
    return copy(d -> d.splitBytes = bytes);
  }

  /** Largest number of rows in one chunk (default 65536). */
  public FileInput withChunkRows(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("FileInput: chunk rows must be >= 1. Got " + rows + ".");
    }
    return copy(d -> d.chunkRows = rows);
  }

  /**
   * The character encoding of CSV files ({@code [input] encoding}); default UTF-8. Any Java charset
   * name or alias that encodes ASCII as ASCII one byte per character (UTF-8, {@code ISO-8859-1},
   * {@code windows-1252}, ...); {@code latin-1} is accepted for ISO-8859-1. In UTF-8 a byte that is
   * not valid UTF-8 is an error naming file, line and column.
   *
   * <pre>{@code
   * FileInput.of("historian_export.csv").withEncoding("latin-1");
   * }</pre>
   *
   * @throws IllegalArgumentException for an unknown charset, or one that CSV cannot be split in
   *     (UTF-16, Shift_JIS, ...)
   */
  public FileInput withEncoding(String encoding) {
    Charset c = Encodings.resolve(encoding);
    return copy(d -> d.encoding = c.name());
  }

  /**
   * Cell texts read as missing in CSV files, in addition to pandas' NA tokens ({@code [input]
   * na_values}, like pandas' {@code na_values}): status words a historian writes into numeric
   * columns, e.g. {@code "Bad Input"}, {@code "I/O Timeout"}, {@code "Shutdown"}. A cell matches
   * when it equals one of them, case-sensitively, blanks around the cell ignored (as for the NA
   * tokens). They are null in every column (in DOUBLE and FLOAT columns NaN with {@code
   * withNanAsNull(false)}), and they do not count against a column's type in the sample. Replaces
   * earlier values.
   *
   * <pre>{@code
   * FileInput.of("historian_export.csv").withNaValues("Bad Input", "I/O Timeout", "Shutdown");
   * }</pre>
   *
   * @throws IllegalArgumentException for an empty or blank value
   */
  public FileInput withNaValues(String... values) {
    return withNaValues(Arrays.asList(values));
  }

  /** Same as {@link #withNaValues(String...)}. */
  public FileInput withNaValues(List<String> values) {
    List<String> copy = new ArrayList<>();
    for (String v : values) {
      if (v == null || v.trim().isEmpty()) {
        throw new IllegalArgumentException(
            "FileInput: na_values must be non-blank texts. Got "
                + (v == null ? "null" : "\"" + v + "\"")
                + " in "
                + values
                + "; empty cells are null anyway. Fix [input] na_values / withNaValues(...).");
      }
      copy.add(v.trim());
    }
    List<String> result = List.copyOf(copy);
    return copy(d -> d.naValues = result);
  }

  /**
   * Counts the good rows read under the Beam counter {@code industryts:<name>}, as they leave the
   * reader (a launcher's end-of-run summary checks that rows read, rows written and error records
   * add up).
   *
   * <pre>{@code
   * FileInput.of("sensors.csv").withRowsCounter("launcher.rows_read");
   * // after the run: result.metrics() holds industryts:launcher.rows_read
   * }</pre>
   *
   * @throws IllegalArgumentException for an empty name
   */
  public FileInput withRowsCounter(String name) {
    String n = counterName(name, "withRowsCounter");
    return keepingInspection(copy(d -> d.rowsCounter = n));
  }

  /**
   * Counts the bad input rows (the records of {@link ReadResult#errors()}) under the Beam counter
   * {@code industryts:<name>}.
   *
   * <pre>{@code
   * FileInput.of("sensors.csv").withErrorsCounter("launcher.read_errors");
   * }</pre>
   *
   * @throws IllegalArgumentException for an empty name
   */
  public FileInput withErrorsCounter(String name) {
    String n = counterName(name, "withErrorsCounter");
    return keepingInspection(copy(d -> d.errorsCounter = n));
  }

  /**
   * Whether each row carries its origin, the file and physical line (Parquet / Arrow: row number),
   * for the error records of later operations (default true). Carrying it costs a {@code long} per
   * row in every copy of the rows up to the last operation that may reject a row; a pipeline whose
   * operations reject none can turn it off (the reader's own bad rows still name their file and
   * line).
   *
   * <pre>{@code
   * FileInput input = FileInput.of("sensors.csv").withProvenance(run.reportsRowErrors());
   * }</pre>
   */
  public FileInput withProvenance(boolean on) {
    return keepingInspection(copy(d -> d.provenance = on));
  }

  /**
   * Whether a keyed CSV input reaches {@link ReadResult#chunks()} as blocks ({@link
   * io.industryts.engine.spi.Chunk#block}: each byte range's rows of all its series in one chunk,
   * grouped by series) instead of one chunk per series and range. Off by default: only a consumer
   * that takes blocks apart may ask for them, such as the engine's {@code RunPlan}, whose first
   * grouping by series splits them. With many small series a block costs a few large arrays where
   * the chunks cost some forty objects per series, all held until that grouping (1M rows of 10,000
   * series: ~110,000 chunks). Other formats and inputs without key columns ignore it.
   *
   * <pre>{@code
   * ReadResult read = input.withSeriesBlocks(true).read(p);
   * PlanResult result = read.chunks().apply("RunPlan", run);
   * }</pre>
   */
  public FileInput withSeriesBlocks(boolean on) {
    return keepingInspection(copy(d -> d.seriesBlocks = on));
  }

  /** {@code copy} with this reader's inspection, for settings that do not change what is read. */
  private FileInput keepingInspection(FileInput copy) {
    copy.inspection = inspection;
    return copy;
  }

  private static String counterName(String name, String method) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "FileInput: "
              + method
              + " needs a counter name. Got "
              + (name == null ? "null" : "\"" + name + "\"")
              + "; give one such as \"launcher.rows_read\".");
    }
    return name;
  }

  // ---------------------------------------------------------------------------------------------
  // Settings

  /** The file, directory or glob pattern this input reads, as given to {@code of}. */
  public String pattern() {
    return pattern;
  }

  /** The CSV delimiter as set, or null when detected. */
  public Character delimiter() {
    return delimiter;
  }

  /**
   * The CSV column types set by {@link #withTypes} and {@link #withType}; columns not listed are
   * inferred from the first {@link #sampleRows()} rows.
   */
  public Map<String, FieldType> types() {
    return types;
  }

  /** Whether NaN and the CSV NA tokens become null on read (§1.10); see {@link #withNanAsNull}. */
  public boolean nanAsNull() {
    return nanAsNull;
  }

  /** The time column, key columns, time zone and sequence column the rows are read with. */
  public SeriesOptions seriesOptions() {
    return seriesOptions;
  }

  /** CSV rows of each file read to infer the column types not set explicitly. */
  public int sampleRows() {
    return sampleRows;
  }

  /** Size in bytes of the CSV byte ranges parsed in parallel. */
  public long splitBytes() {
    return splitBytes;
  }

  /** Largest number of rows in one chunk handed to the engine. */
  public int chunkRows() {
    return chunkRows;
  }

  /** The CSV character encoding, as a Java charset name. */
  public String encoding() {
    return encoding;
  }

  /** Texts read as missing in addition to pandas' NA tokens (trimmed). */
  public List<String> naValues() {
    return naValues;
  }

  /** The parser used for times: as set, or the built-in formats in the series' time zone. */
  public TimeParser effectiveTimeParser() {
    return timeParser != null
        ? timeParser
        : TimeParser.builder().zone(seriesOptions.timeZone()).build();
  }

  // ---------------------------------------------------------------------------------------------
  // Inspection results

  /** The files read, in order. Inspects the input. */
  public List<String> files() {
    return inspection().files;
  }

  /** The format, as set or from the extension. Inspects the input. */
  public Format format() {
    return inspection().format;
  }

  /** The CSV delimiter in use (detected or set); null for other formats. Inspects the input. */
  public Character resolvedDelimiter() {
    return inspection().delimiter;
  }

  /** The output schema: the file's columns, the time column as DATETIME. Inspects the input. */
  public Schema schema() {
    return inspection().layout.schema();
  }

  /** Time and key fields of the chunks. Inspects the input. */
  public ChunkLayout layout() {
    return inspection().layout;
  }

  /**
   * About how many rows the input holds: for CSV the files' total size divided by the mean size of
   * the sampled lines; -1 when unknown (Parquet, Arrow). Inspects the input.
   */
  public long estimatedRows() {
    Inspection insp = inspection();
    if (insp.csv == null || !(insp.csv.bytesPerRow > 0)) {
      return -1;
    }
    long bytes = 0;
    for (String file : insp.csv.files) {
      try {
        bytes += java.nio.file.Files.size(java.nio.file.Paths.get(file));
      } catch (java.io.IOException e) {
        return -1;
      }
    }
    return (long) Math.ceil(bytes / insp.csv.bytesPerRow);
  }

  /**
   * About how many rows the largest series of the input holds: {@link #estimatedRows()} times the
   * largest share of one series among the sampled rows (the whole input when there are no key
   * columns); -1 when unknown. The share comes from the first rows of each file, so a file sorted
   * by series gives the whole input (the safe side: the engine then spreads each series over
   * segments). Inspects the input.
   *
   * <pre>{@code
   * long largest = FileInput.of("plant.csv").keyedBy("tag").estimatedSeriesRows();
   * }</pre>
   */
  public long estimatedSeriesRows() {
    long rows = estimatedRows();
    if (rows < 0) {
      return -1;
    }
    return (long) Math.ceil(rows * inspection().csv.largestSeriesShare);
  }

  /**
   * Every column's type and why (set, inferred from the CSV sample with the number of sample cells
   * that will be row errors, the time column, or stored in the file), in schema order. Inspects the
   * input.
   */
  public List<TypeDecision> typeDecisions() {
    return inspection().decisions;
  }

  /** The resolved time column and why it was chosen. Inspects the input. */
  public TimeColumn timeColumn() {
    return inspection().timeColumn;
  }

  /** What the files told at construction time. */
  static final class Inspection {
    final List<String> files;
    final Format format;
    final Character delimiter;
    final ChunkLayout layout;
    final TimeColumn timeColumn;
    final CsvSource.Plan csv;
    final BinarySource.Plan binary;
    final List<TypeDecision> decisions;

    Inspection(
        List<String> files,
        Format format,
        Character delimiter,
        ChunkLayout layout,
        TimeColumn timeColumn,
        CsvSource.Plan csv,
        BinarySource.Plan binary,
        List<TypeDecision> decisions) {
      this.files = files;
      this.format = format;
      this.delimiter = delimiter;
      this.layout = layout;
      this.timeColumn = timeColumn;
      this.csv = csv;
      this.binary = binary;
      this.decisions = decisions;
    }
  }

  Inspection inspection() {
    Inspection i = inspection;
    if (i == null) {
      i = inspect();
      inspection = i;
    }
    return i;
  }

  private Inspection inspect() {
    List<Path> paths = FileGlobs.expand(pattern);
    Format f = format;
    if (f == null) {
      for (Path p : paths) {
        Format pf = Format.ofExtension(p.getFileName().toString());
        if (pf == null) {
          throw new IllegalArgumentException(
              "FileInput: cannot tell the format of "
                  + p
                  + " from its extension. Expected .csv, "
                  + ".txt, .tsv, .parquet, .arrow, .arrows, .ipc or .feather; or set the format "
                  + "(withFormat / [input] format).");
        }
        if (f != null && pf != f) {
          throw new IllegalArgumentException(
              "FileInput: \""
                  + pattern
                  + "\" matches files of different formats: "
                  + paths.get(0)
                  + " ("
                  + f
                  + ") and "
                  + p
                  + " ("
                  + pf
                  + ").");
        }
        f = pf;
      }
    }
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      names.add(p.toString());
    }
    if (f == Format.CSV) {
      CsvSource.Inspection ci = CsvSource.inspect(paths, pattern, this);
      return new Inspection(
          List.copyOf(names),
          f,
          ci.delimiter,
          ci.plan.layout,
          ci.timeColumn,
          ci.plan,
          null,
          ci.decisions);
    }
    if (!types.isEmpty()) {
      throw new IllegalArgumentException(
          "FileInput: column types apply to CSV input only; "
              + f
              + " files carry their own types. "
              + "Got types for "
              + types.keySet()
              + ". Remove [input.types] / withTypes(...).");
    }
    if (!naValues.isEmpty() || !encoding.equals("UTF-8")) {
      throw new IllegalArgumentException(
          "FileInput: na_values and encoding apply to CSV input only; "
              + f
              + " files carry typed values. Got "
              + (naValues.isEmpty() ? "encoding " + encoding : "na_values " + naValues)
              + ". Remove them from [input] / the reader.");
    }
    BinarySource.Inspection bi = BinarySource.inspect(paths, pattern, f, this);
    List<TypeDecision> decisions = new ArrayList<>();
    for (Schema.Field field : bi.plan.layout.schema().getFields()) {
      boolean time = field.getName().equals(bi.timeColumn.name());
      decisions.add(
          new TypeDecision(
              field.getName(),
              field.getType(),
              time ? TypeDecision.Origin.TIME : TypeDecision.Origin.FILE,
              0,
              0,
              time ? bi.timeColumn.reason() : "stored in the " + f + " file"));
    }
    return new Inspection(
        List.copyOf(names),
        f,
        null,
        bi.plan.layout,
        bi.timeColumn,
        null,
        bi.plan,
        List.copyOf(decisions));
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Applies this reader to {@code pipeline}; same as {@code pipeline.apply(this)}. */
  public ReadResult read(Pipeline pipeline) {
    return pipeline.apply(this);
  }

  /** The files as a Beam source of chunks and error rows, split into ranges / row groups. */
  BoundedSource<ReadItem> source() {
    Inspection insp = inspection();
    return insp.csv != null
        ? new CsvRangeSource(insp.csv, null, provenance, seriesBlocks)
        : new BinarySource.TaskSource(insp.binary, null, provenance);
  }

  @Override
  public ReadResult expand(PBegin begin) {
    Inspection insp = inspection();
    TupleTag<Chunk> chunksTag = new TupleTag<Chunk>("chunks") {};
    TupleTag<Row> errorsTag = new TupleTag<Row>("errors") {};
    PCollectionTuple out =
        begin
            .apply("Read" + insp.format, boundedRead(begin.getPipeline(), source()))
            .apply(
                "SplitErrors",
                ParDo.of(new ReadItem.Split(chunksTag, errorsTag, rowsCounter, errorsCounter))
                    .withOutputTags(chunksTag, TupleTagList.of(errorsTag)));
    PCollection<Chunk> chunks = out.get(chunksTag).setCoder(ChunkCoder.of(insp.layout));
    PCollection<Row> errors = out.get(errorsTag).setRowSchema(ErrorRecords.SCHEMA);
    return new ReadResult(begin.getPipeline(), chunksTag, chunks, errorsTag, errors, insp.layout);
  }

  /** Beam's in-process runner, known by its class name (it is not on this module's path). */
  private static final String DIRECT_RUNNER = "org.apache.beam.runners.direct.DirectRunner";

  /**
   * The read of {@code source}. On the DirectRunner, the primitive read that runner executes:
   * {@link Read#from} expands into a splittable DoFn wrapper (an impulse and two ParDos) that the
   * DirectRunner only turns back into that primitive when it runs, after planning the wrapper like
   * any ParDo (its invoker generated, the DoFn serialized, several times over); about a tenth of a
   * small job's CPU. Other runners get {@link Read#from} and convert it as they need.
   */
  static <T> PTransform<PBegin, PCollection<T>> boundedRead(
      Pipeline pipeline, BoundedSource<T> source) {
    Read.Bounded<T> read = Read.from(source);
    Class<?> runner = pipeline.getOptions().getRunner();
    return runner != null && runner.getName().equals(DIRECT_RUNNER)
        ? new SplittableParDo.PrimitiveBoundedRead<>(read)
        : read;
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("path", pattern).withLabel("Path or glob"));
    builder.addIfNotNull(
        DisplayData.item("format", format == null ? null : format.name()).withLabel("Format"));
    builder.addIfNotNull(
        DisplayData.item("delimiter", delimiter == null ? null : String.valueOf(delimiter))
            .withLabel("CSV delimiter"));
    builder.add(DisplayData.item("nanAsNull", nanAsNull).withLabel("NaN as null"));
    builder.add(DisplayData.item("series", seriesOptions.toString()).withLabel("Series options"));
    builder.add(
        DisplayData.item("timeParser", effectiveTimeParser().toString()).withLabel("Time parser"));
  }

  @Override
  public String toString() {
    return "FileInput{"
        + pattern
        + (format == null ? "" : ", format=" + format)
        + (delimiter == null ? "" : ", delimiter='" + delimiter + "'")
        + (types.isEmpty() ? "" : ", types=" + types)
        + (encoding.equals("UTF-8") ? "" : ", encoding=" + encoding)
        + (naValues.isEmpty() ? "" : ", naValues=" + naValues)
        + ", "
        + seriesOptions
        + "}";
  }
}
