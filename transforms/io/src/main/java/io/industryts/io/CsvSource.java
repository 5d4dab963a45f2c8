package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.TimeColumn;
import io.industryts.time.TimeParseException;
import io.industryts.time.TimeParser;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * CSV files straight into chunks (SEMANTICS §2.7): inspection at construction time (header,
 * delimiter, types from a sample, time column), then parallel parsing of byte ranges.
 */
final class CsvSource {
  private CsvSource() {}

  // Column kinds of the read plan.
  static final byte TIME = 0;
  static final byte DOUBLE = 1;
  static final byte FLOAT = 2;
  static final byte INT64 = 3;
  static final byte INT32 = 4;
  static final byte INT16 = 5;
  static final byte BYTE = 6;
  static final byte BOOLEAN = 7;
  static final byte STRING = 8;
  static final byte DATETIME = 9;

  static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int HEADER_LIMIT = 16 << 20;

  /** Everything the parallel readers need, resolved once at construction time. */
  static final class Plan implements Serializable {
    private static final long serialVersionUID = 1L;

    final List<String> files;
    final byte delimiter;
    final List<String> header;
    final byte[] kinds;
    final int[] keyPosition; // per column: position in the key row, or -1
    final int timeIndex;
    final int seqIndex;
    final ChunkLayout layout;
    final TimeParser timeParser;
    final boolean nanAsNull;
    final String[] typeOrigin;
    final String timeDescription;
    final long splitBytes;
    final int chunkRows;
    final double bytesPerRow;
    final String encoding;
    final byte[][] naValues;

    Plan(
        List<String> files,
        byte delimiter,
        List<String> header,
        byte[] kinds,
        int[] keyPosition,
        int timeIndex,
        int seqIndex,
        ChunkLayout layout,
        TimeParser timeParser,
        boolean nanAsNull,
        String[] typeOrigin,
        String timeDescription,
        long splitBytes,
        int chunkRows,
        double bytesPerRow,
        String encoding,
        byte[][] naValues) {
      this.files = files;
      this.delimiter = delimiter;
      this.header = header;
      this.kinds = kinds;
      this.keyPosition = keyPosition;
      this.timeIndex = timeIndex;
      this.seqIndex = seqIndex;
      this.layout = layout;
      this.timeParser = timeParser;
      this.nanAsNull = nanAsNull;
      this.typeOrigin = typeOrigin;
      this.timeDescription = timeDescription;
      this.splitBytes = splitBytes;
      this.chunkRows = chunkRows;
      this.bytesPerRow = bytesPerRow;
      this.encoding = encoding;
      this.naValues = naValues;
    }

    Charset charset() {
      return Charset.forName(encoding);
    }
  }

  /** The result of inspecting the files. */
  static final class Inspection {
    final Plan plan;
    final TimeColumn timeColumn;
    final char delimiter;
    final List<TypeDecision> decisions;

    Inspection(Plan plan, TimeColumn timeColumn, char delimiter, List<TypeDecision> decisions) {
      this.plan = plan;
      this.timeColumn = timeColumn;
      this.delimiter = delimiter;
      this.decisions = decisions;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inspection

  static Inspection inspect(List<Path> files, String pattern, FileInput options) {
    try {
      return inspectChecked(files, pattern, options);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "FileInput: cannot read " + pattern + ": " + e.getMessage(), e);
    }
  }

  private static Inspection inspectChecked(List<Path> files, String pattern, FileInput options)
      throws IOException {
    Path first = files.get(0);
    byte[] firstLine = headerLine(first);
    char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(firstLine);
    byte delim = (byte) delimiter;
    Charset charset = Encodings.resolve(options.encoding());
    List<String> header = readHeader(first, delim, charset);
    for (int i = 1; i < files.size(); i++) {
      Path other = files.get(i);
      headerLine(other); // rejects empty files
      List<String> h = readHeader(other, delim, charset);
      compareHeaders(pattern, first, header, other, h);
    }
    int n = header.size();

    byte[][] naValues = naBytes(options.naValues(), charset);
    Set<String> keyColumns = new HashSet<>(options.seriesOptions().keyColumns());

    // the sample: the first rows of every file, so that files which disagree are found
    int sampleRows = options.sampleRows();
    ColumnSample[][] samples = new ColumnSample[files.size()][n];
    NumberParser np = new NumberParser();
    long sampled = 0;
    long sampledBytes = 0;
    for (int fi = 0; fi < files.size(); fi++) {
      Path f = files.get(fi);
      ColumnSample[] fileSample = samples[fi];
      for (int c = 0; c < n; c++) {
        fileSample[c] = new ColumnSample();
      }
      int rows = 0;
      try (CsvScanner sc = new CsvScanner(f, 0, Long.MAX_VALUE, delim, true, 1 << 16, charset)) {
        sc.next(); // header
        while (rows < sampleRows && sc.next()) {
          sc.checkEncoding();
          if (sc.fieldCount() != n || sc.unterminatedQuote()) {
            continue;
          }
          rows++;
          sampledBytes += sc.recordEnd() - sc.recordOffset();
          for (int c = 0; c < n; c++) {
            byte[] b = sc.cellBuf(c);
            int st = sc.cellStart(c);
            int e = sc.cellEnd(c);
            if (NumberParser.isBlank(b, st, e) || isNa(naValues, b, st, e)) {
              continue;
            }
            fileSample[c].add(np, b, st, e, sc, c);
          }
        }
      }
      sampled += rows;
      for (int c = 0; c < n; c++) {
        fileSample[c].locate(f);
      }
    }
    String sampleWhere =
        files.size() == 1
            ? "the first " + sampleRows + " rows of " + first
            : "the first " + sampleRows + " rows of each of the " + files.size() + " files";

    Map<String, FieldType> overrides = options.types();
    for (String name : overrides.keySet()) {
      if (!header.contains(name)) {
        throw new IllegalArgumentException(
            "FileInput: types sets the type of column \""
                + name
                + "\", which is not in the header "
                + "of "
                + first
                + ". Available columns: "
                + header
                + ". Fix [input.types] / withTypes(...).");
      }
    }
    FieldType[] types = new FieldType[n];
    FieldType[] resolutionTypes = new FieldType[n];
    String[] origin = new String[n];
    ColumnType[] inferred = new ColumnType[n];
    for (int c = 0; c < n; c++) {
      FieldType override = overrides.get(header.get(c));
      if (override != null) {
        checkSupported(header.get(c), override);
        types[c] = override.withNullable(true);
        resolutionTypes[c] = types[c];
        origin[c] = "set in [input.types]";
      } else {
        ColumnSample[] perFile = new ColumnSample[files.size()];
        for (int fi = 0; fi < files.size(); fi++) {
          perFile[fi] = samples[fi][c];
        }
        inferred[c] = ColumnType.of(perFile, keyColumns.contains(header.get(c)));
        types[c] = inferred[c].type.withNullable(true);
        // a column without evidence is not taken for a number when resolving the time column
        resolutionTypes[c] =
            inferred[c].total.cells > 0 ? types[c] : FieldType.STRING.withNullable(true);
        origin[c] = "inferred from " + sampleWhere;
      }
    }
    Schema.Builder rb = Schema.builder();
    for (int c = 0; c < n; c++) {
      rb.addField(header.get(c), resolutionTypes[c]);
    }
    TimeColumn tc = TimeColumn.resolve(rb.build(), options.seriesOptions().timeColumn());
    int timeIndex = header.indexOf(tc.name());

    List<TypeDecision> decisions = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      String name = header.get(c);
      if (c == timeIndex) {
        decisions.add(
            new TypeDecision(
                name, FieldType.DATETIME, TypeDecision.Origin.TIME, 0, 0, tc.reason()));
      } else if (inferred[c] == null) {
        decisions.add(new TypeDecision(name, types[c], TypeDecision.Origin.SET, 0, 0, origin[c]));
      } else {
        inferred[c].check(pattern, name, files);
        decisions.add(inferred[c].decision(name, sampleWhere));
      }
    }

    Schema.Builder sb = Schema.builder();
    for (int c = 0; c < n; c++) {
      sb.addField(header.get(c), c == timeIndex ? FieldType.DATETIME : types[c]);
    }
    Schema schema = sb.build();
    List<String> keys = options.seriesOptions().keyColumns();
    ChunkLayout layout = ChunkLayout.of(schema, tc.name(), keys);

    byte[] kinds = new byte[n];
    int[] keyPosition = new int[n];
    Arrays.fill(keyPosition, -1);
    for (int c = 0; c < n; c++) {
      kinds[c] = c == timeIndex ? TIME : kindOf(types[c]);
    }
    for (int k = 0; k < keys.size(); k++) {
      keyPosition[header.indexOf(keys.get(k))] = k;
    }
    int seqIndex = -1;
    String seqColumn = options.seriesOptions().sequenceColumn();
    if (seqColumn != null) {
      seqIndex = header.indexOf(seqColumn);
      if (seqIndex < 0
          || seqIndex == timeIndex
          || keyPosition[seqIndex] >= 0
          || !(kinds[seqIndex] == INT64
              || kinds[seqIndex] == INT32
              || kinds[seqIndex] == INT16
              || kinds[seqIndex] == BYTE)) {
        throw new IllegalArgumentException(
            "FileInput: sequence_column \""
                + seqColumn
                + "\" must be an integer value column. Got "
                + (seqIndex < 0 ? "no such column" : "type " + types[seqIndex].getTypeName())
                + ". Available columns: "
                + header
                + ". Fix [pipeline].sequence_column.");
      }
    }
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      names.add(f.toString());
    }
    String timeDescription = "time column \"" + tc.name() + "\" (" + tc.reason() + ")";
    Plan plan =
        new Plan(
            List.copyOf(names),
            delim,
            List.copyOf(header),
            kinds,
            keyPosition,
            timeIndex,
            seqIndex,
            layout,
            options.effectiveTimeParser(),
            options.nanAsNull(),
            origin,
            timeDescription,
            options.splitBytes(),
            options.chunkRows(),
            sampled == 0 ? 64 : (double) sampledBytes / sampled,
            charset.name(),
            naValues);
    return new Inspection(plan, tc, delimiter, List.copyOf(decisions));
  }

  /** The share of a sample's non-empty cells that must be numbers for a numeric column. */
  static final double NUMERIC_SHARE = 0.9;

  /** Distinct non-numeric texts kept per column to show in messages. */
  private static final int EXAMPLES = 5;

  /** What the non-empty, non-NA cells of one column look like in one file's sample. */
  static final class ColumnSample {
    long cells;
    long integers; // integers within INT64
    long hugeIntegers; // integer syntax beyond INT64
    long decimals; // other numbers
    long text; // not numbers
    final Map<String, Long> textValues = new LinkedHashMap<>();
    Path file;
    Path firstTextFile;
    Path firstHugeFile;
    String firstHuge;
    long firstHugeOffset = -1;
    long firstHugeLine;
    long firstTextOffset = -1;
    long firstTextLine;

    void add(NumberParser np, byte[] b, int from, int to, CsvScanner sc, int column) {
      cells++;
      if (np.parseLong(b, from, to)) {
        integers++;
      } else if (np.parseDouble(b, from, to)) {
        if (isIntegerSyntax(b, from, to)) {
          hugeIntegers++;
          if (firstHuge == null) {
            firstHuge = sc.cell(column).trim();
            firstHugeOffset = sc.recordOffset();
          }
        } else {
          decimals++;
        }
      } else {
        text++;
        String t = sc.cell(column).trim();
        if (textValues.containsKey(t) || textValues.size() < EXAMPLES) {
          textValues.merge(t, 1L, Long::sum);
        }
        if (firstTextOffset < 0) {
          firstTextOffset = sc.recordOffset();
        }
      }
    }

    /** Turns the remembered byte offsets into line numbers. */
    void locate(Path f) throws IOException {
      file = f;
      if (firstTextOffset >= 0) {
        firstTextFile = f;
        firstTextLine = FileBytes.lineNumbers(f, new long[] {firstTextOffset})[0];
      }
      if (firstHugeOffset >= 0) {
        firstHugeFile = f;
        firstHugeLine = FileBytes.lineNumbers(f, new long[] {firstHugeOffset})[0];
      }
    }

    void addAll(ColumnSample o) {
      cells += o.cells;
      integers += o.integers;
      hugeIntegers += o.hugeIntegers;
      decimals += o.decimals;
      text += o.text;
      for (Map.Entry<String, Long> e : o.textValues.entrySet()) {
        if (textValues.containsKey(e.getKey()) || textValues.size() < EXAMPLES) {
          textValues.merge(e.getKey(), e.getValue(), Long::sum);
        }
      }
      if (firstTextFile == null && o.firstTextFile != null) {
        firstTextFile = o.firstTextFile;
        firstTextLine = o.firstTextLine;
        firstTextOffset = o.firstTextOffset;
      }
      if (firstHuge == null && o.firstHuge != null) {
        firstHuge = o.firstHuge;
        firstHugeFile = o.firstHugeFile;
        firstHugeOffset = o.firstHugeOffset;
        firstHugeLine = o.firstHugeLine;
      }
    }

    long numbers() {
      return integers + hugeIntegers + decimals;
    }

    /**
     * The clear-majority rule: numeric when at least {@link #NUMERIC_SHARE} of the cells are
     * numbers (all of them for a key column, whose values name series).
     */
    boolean numeric(boolean key) {
      return cells > 0 && (key ? text == 0 : numbers() >= NUMERIC_SHARE * cells);
    }

    /** {@code "Bad Input" ×3, "Shutdown"}: the kept texts with their counts. */
    String examples() {
      StringBuilder sb = new StringBuilder();
      long shown = 0;
      for (Map.Entry<String, Long> e : textValues.entrySet()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append('"').append(e.getKey()).append('"');
        if (e.getValue() > 1) {
          sb.append(" (").append(e.getValue()).append(')');
        }
        shown += e.getValue();
      }
      if (shown < text) {
        sb.append(", ...");
      }
      return sb.toString();
    }
  }

  /** Whether {@code b[from, to)}, blanks around it ignored, is {@code [+-]digits}. */
  static boolean isIntegerSyntax(byte[] b, int from, int to) {
    while (from < to && NumberParser.isBlank(b[from])) {
      from++;
    }
    while (to > from && NumberParser.isBlank(b[to - 1])) {
      to--;
    }
    if (from < to && (b[from] == '-' || b[from] == '+')) {
      from++;
    }
    if (from == to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** A column's type from the samples of all files, and what it means for the rows. */
  static final class ColumnType {
    final FieldType type;
    final ColumnSample total = new ColumnSample();
    final boolean key;
    ColumnSample numericFile; // the first file whose sample makes the column numeric
    ColumnSample textFile; // the first file whose sample makes it text

    private ColumnType(FieldType type, boolean key) {
      this.type = type;
      this.key = key;
    }

    static ColumnType of(ColumnSample[] perFile, boolean key) {
      ColumnSample numericFile = null;
      ColumnSample textFile = null;
      boolean decimals = false;
      ColumnSample total = new ColumnSample();
      for (ColumnSample s : perFile) {
        total.addAll(s);
        if (s.cells == 0) {
          continue;
        }
        if (s.numeric(key)) {
          numericFile = numericFile == null ? s : numericFile;
          decimals |= s.decimals > 0;
        } else {
          textFile = textFile == null ? s : textFile;
        }
      }
      FieldType type =
          textFile != null
              ? FieldType.STRING
              : numericFile == null || decimals ? FieldType.DOUBLE : FieldType.INT64;
      ColumnType t = new ColumnType(type, key);
      t.total.addAll(total);
      t.numericFile = numericFile;
      t.textFile = textFile;
      return t;
    }

    /**
     * Rejects what cannot be decided without losing something: files that disagree (numbers in one,
     * text in another), and integers beyond INT64 in a column of integers.
     */
    void check(String pattern, String column, List<Path> files) {
      if (numericFile != null && textFile != null) {
        throw new IllegalArgumentException(
            "FileInput: files matched by \""
                + pattern
                + "\" disagree on the type of column \""
                + column
                + "\": "
                + numericFile.file
                + " holds numbers in it ("
                + numericFile.numbers()
                + " of "
                + numericFile.cells
                + " sample cells) but "
                + textFile.file
                + " holds text ("
                + textFile.text
                + " of "
                + textFile.cells
                + " sample cells are not numbers, e.g. "
                + textFile.examples()
                + ", first at line "
                + textFile.firstTextLine
                + "). A column has one type in all files. Set [input.types] "
                + column
                + " = \"string\" to read it as text, or \"double\" to read the numbers and make "
                + "the other cells row errors; or list the texts in [input] na_values.");
      }
      if (type.getTypeName() == TypeName.INT64 && total.hugeIntegers > 0) {
        throw new IllegalArgumentException(
            "FileInput: column \""
                + column
                + "\" holds integers beyond the INT64 range, e.g. "
                + total.firstHuge
                + " at "
                + total.firstHugeFile
                + ":"
                + total.firstHugeLine
                + "; read as numbers they would lose digits (DOUBLE keeps about 16). Set [input.types] "
                + column
                + " = \"double\" to read them rounded, or \"string\" to keep every digit.");
      }
    }

    TypeDecision decision(String column, String sampleWhere) {
      String reason;
      long rowErrors = 0;
      if (total.cells == 0) {
        reason = "no value in " + sampleWhere + ", so all null DOUBLE; set [input.types] to choose";
      } else if (type.getTypeName() == TypeName.STRING) {
        reason =
            "inferred from "
                + total.cells
                + " sample cells, "
                + total.text
                + " of them not numbers ("
                + total.examples()
                + ")"
                + (total.numbers() == 0
                    ? ""
                    : key
                        ? ": a key column with any text is text"
                        : ": fewer than 90% are numbers; list the texts in [input] na_values or"
                            + " set [input.types] "
                            + column
                            + " = \"double\" to read it as numbers");
      } else {
        rowErrors = total.text;
        reason =
            "inferred from "
                + total.cells
                + " sample cells"
                + (rowErrors == 0
                    ? ""
                    : "; "
                        + rowErrors
                        + " non-numeric cell"
                        + (rowErrors == 1 ? "" : "s")
                        + " ("
                        + total.examples()
                        + ", first at "
                        + total.firstTextFile
                        + ":"
                        + total.firstTextLine
                        + ") will be row errors (non_numeric_cell): list them in [input] na_values "
                        + "to read them as null");
      }
      return new TypeDecision(
          column, type, TypeDecision.Origin.INFERRED, total.cells, rowErrors, reason);
    }
  }

  /** The NA values, trimmed, as bytes in the file's charset. */
  static byte[][] naBytes(List<String> values, Charset charset) {
    byte[][] out = new byte[values.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).trim().getBytes(charset);
    }
    return out;
  }

  /** Whether {@code b[from, to)}, blanks around it ignored, is an NA token or an NA value. */
  static boolean isNa(byte[][] naValues, byte[] b, int from, int to) {
    if (NumberParser.isNaToken(b, from, to)) {
      return true;
    }
    if (naValues.length == 0) {
      return false;
    }
    while (from < to && NumberParser.isBlank(b[from])) {
      from++;
    }
    while (to > from && NumberParser.isBlank(b[to - 1])) {
      to--;
    }
    for (byte[] v : naValues) {
      if (Arrays.equals(v, 0, v.length, b, from, to)) {
        return true;
      }
    }
    return false;
  }

  private static void checkSupported(String column, FieldType type) {
    if (kindOf(type) < 0) {
      throw new IllegalArgumentException(
          "FileInput: column \""
              + column
              + "\" cannot be read from CSV as "
              + type.getTypeName()
              + ". Expected one of [DOUBLE, FLOAT, INT64, INT32, INT16, BYTE, BOOLEAN, STRING, "
              + "DATETIME]. Fix [input.types] / withTypes(...).");
    }
  }

  static byte kindOf(FieldType type) {
    switch (type.getTypeName()) {
      case DOUBLE:
        return DOUBLE;
      case FLOAT:
        return FLOAT;
      case INT64:
        return INT64;
      case INT32:
        return INT32;
      case INT16:
        return INT16;
      case BYTE:
        return BYTE;
      case BOOLEAN:
        return BOOLEAN;
      case STRING:
        return STRING;
      case DATETIME:
        return DATETIME;
      default:
        return -1;
    }
  }

  /** The first record's bytes (after a BOM, without its line break); rejects empty files. */
  static byte[] headerLine(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      throw new IllegalArgumentException("empty file: " + file);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] b = new byte[(int) Math.min(size, 1 << 16)];
      int len = 0;
      int start = -1;
      boolean inQuotes = false;
      int end = 0;
      while (true) {
        ByteBuffer bb = ByteBuffer.wrap(b, len, b.length - len);
        int r = ch.read(bb, len);
        if (r > 0) {
          len += r;
        }
        if (start < 0 && len >= 3) {
          start = (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
          end = start;
        }
        int from = Math.max(end, Math.max(start, 0));
        end = from;
        while (end < len && (inQuotes || b[end] != '\n')) {
          if (b[end] == '"') {
            inQuotes = !inQuotes;
          }
          end++;
        }
        if (end < len || r <= 0 || len >= size || len >= HEADER_LIMIT) {
          break;
        }
        if (len == b.length) {
          b = Arrays.copyOf(b, (int) Math.min(size, Math.min((long) b.length * 2, HEADER_LIMIT)));
        }
      }
      start = Math.max(start, 0);
      int contentEnd = end > start && b[end - 1] == '\r' ? end - 1 : end;
      if (NumberParser.isBlank(b, start, contentEnd)) {
        throw new IllegalArgumentException(
            "FileInput: "
                + file
                + " has no header: its first line is empty. CSV input needs a "
                + "header line with the column names.");
      }
      return Arrays.copyOfRange(b, start, contentEnd);
    }
  }

  /** The delimiter that splits the header into the most fields; ties go to {@code ,}. */
  static char detectDelimiter(byte[] headerLine) {
    char best = ',';
    int bestCount = 0;
    for (char d : DELIMITERS) {
      int count = 1;
      boolean inQuotes = false;
      for (byte c : headerLine) {
        if (c == '"') {
          inQuotes = !inQuotes;
        } else if (c == d && !inQuotes) {
          count++;
        }
      }
      if (count > bestCount) {
        best = d;
        bestCount = count;
      }
    }
    return best;
  }

  /** Column names of the header record, made unique and non-empty as pandas does. */
  static List<String> readHeader(Path file, byte delim, Charset charset) throws IOException {
    List<String> names = new ArrayList<>();
    try (CsvScanner sc = new CsvScanner(file, 0, Long.MAX_VALUE, delim, true, 1 << 16, charset)) {
      if (!sc.next()) {
        throw new IllegalArgumentException("FileInput: " + file + " has no header line.");
      }
      for (int i = 0; i < sc.fieldCount(); i++) {
        names.add(sc.cell(i).trim());
      }
    }
    Set<String> used = new HashSet<>();
    Map<String, Integer> counts = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).isEmpty() ? "Unnamed: " + i : names.get(i);
      String unique = name;
      while (used.contains(unique)) {
        int k = counts.merge(name, 1, Integer::sum);
        unique = name + "." + k;
      }
      used.add(unique);
      out.add(unique);
    }
    return out;
  }

  private static void compareHeaders(
      String pattern, Path a, List<String> ha, Path b, List<String> hb) {
    int n = Math.max(ha.size(), hb.size());
    for (int i = 0; i < n; i++) {
      String x = i < ha.size() ? ha.get(i) : null;
      String y = i < hb.size() ? hb.get(i) : null;
      if (x == null || !x.equals(y)) {
        throw new IllegalArgumentException(
            "FileInput: files matched by \""
                + pattern
                + "\" have different headers: column "
                + (i + 1)
                + " is "
                + describe(x)
                + " in "
                + a
                + " but "
                + describe(y)
                + " in "
                + b
                + ". All files of one input must share the header (same names, same order).");
      }
    }
  }

  private static String describe(String column) {
    return column == null ? "missing" : "\"" + column + "\"";
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Byte range {@code [start, end)} of a file; quoted ranges cover the whole file. */
  static final class Range implements Serializable {
    private static final long serialVersionUID = 1L;
    final String path;
    final int fileIndex;
    final long start;
    final long end;
    final boolean quotes;
    final long firstLine; // physical line of the range's first record

    Range(String path, int fileIndex, long start, long end, boolean quotes, long firstLine) {
      this.path = path;
      this.fileIndex = fileIndex;
      this.start = start;
      this.end = end;
      this.quotes = quotes;
      this.firstLine = firstLine;
    }

    @Override
    public String toString() {
      return path + "[" + start + ", " + end + ")" + (quotes ? " quoted" : "");
    }
  }

  /**
   * The files as a source; split into byte ranges (a file that contains {@code "}: one range).
   *
   * <p>A {@link BoundedSource} rather than {@code Create.of(ranges)} + {@code Reshuffle} + a ParDo:
   * runners split a source when the job starts (the DirectRunner runs the splits on its worker
   * threads) without a shuffle. Measured on 2 cores, a {@code Reshuffle} of ten elements alone
   * added 0.2-0.5 s to a DirectRunner pipeline, about as much as parsing the 80 MB benchmark file.
   */
  static final class RangeSource extends BoundedSource<ReadItem> {
    private static final long serialVersionUID = 1L;
    private final Plan plan;
    private final Range range; // null: all files, not split yet

    RangeSource(Plan plan, Range range) {
      this.plan = plan;
      this.range = range;
    }

    @Override
    public List<RangeSource> split(long desiredBundleSizeBytes, PipelineOptions options)
        throws IOException {
      if (range != null) {
        return List.of(this);
      }
      List<RangeSource> out = new ArrayList<>();
      for (int i = 0; i < plan.files.size(); i++) {
        String file = plan.files.get(i);
        Path path = Paths.get(file);
        long size = Files.size(path);
        if (size == 0) {
          throw new IOException("empty file: " + file);
        }
        if (size <= plan.splitBytes) {
          out.add(new RangeSource(plan, new Range(file, i, 0, size, true, 1)));
          continue;
        }
        long pieces = (size + plan.splitBytes - 1) / plan.splitBytes;
        long step = (size + pieces - 1) / pieces;
        List<Long> starts = new ArrayList<>();
        for (long start = step; start < size; start += step) {
          starts.add(start);
        }
        long[] boundaries = new long[starts.size()];
        for (int k = 0; k < boundaries.length; k++) {
          boundaries[k] = starts.get(k) - 1;
        }
        // one pass: quotes (then one range) and the line feeds before each range, for the
        // physical line numbers of its rows
        long[] feeds = FileBytes.lineFeedsBeforeUnlessQuoted(path, boundaries);
        if (feeds == null) {
          out.add(new RangeSource(plan, new Range(file, i, 0, size, true, 1)));
          continue;
        }
        out.add(new RangeSource(plan, new Range(file, i, 0, Math.min(size, step), false, 1)));
        for (int k = 0; k < boundaries.length; k++) {
          long start = starts.get(k);
          // the range's first record follows the first line feed at or after start - 1
          out.add(
              new RangeSource(
                  plan,
                  new Range(file, i, start, Math.min(size, start + step), false, feeds[k] + 2)));
        }
      }
      return out;
    }

    @Override
    public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
      if (range != null) {
        return range.end - range.start;
      }
      long total = 0;
      for (String f : plan.files) {
        total += Files.size(Paths.get(f));
      }
      return total;
    }

    @Override
    public BoundedReader<ReadItem> createReader(PipelineOptions options) throws IOException {
      if (range == null) {
        // read unsplit: one range per file, in order
        return new ConcatReader(this, split(0, options));
      }
      return new RangeReader(this, plan, range);
    }

    @Override
    public Coder<ReadItem> getOutputCoder() {
      return new ReadItem.ItemCoder(plan.layout);
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      builder.add(DisplayData.item("files", String.join(", ", plan.files)).withLabel("Files"));
      if (range != null) {
        builder.add(DisplayData.item("range", range.toString()).withLabel("Range"));
      }
    }
  }

  /** Reads several sources one after the other (a source that was not split). */
  static final class ConcatReader extends ReadItem.Reader {
    private final BoundedSource<ReadItem> source;
    private final List<? extends BoundedSource<ReadItem>> parts;
    private int next;
    private BoundedSource.BoundedReader<ReadItem> reader;

    ConcatReader(BoundedSource<ReadItem> source, List<? extends BoundedSource<ReadItem>> parts) {
      this.source = source;
      this.parts = parts;
    }

    @Override
    protected void open() {}

    @Override
    protected boolean produce() throws IOException {
      while (true) {
        if (reader == null) {
          if (next == parts.size()) {
            return false;
          }
          reader = parts.get(next++).createReader(null);
          if (!reader.start()) {
            reader.close();
            reader = null;
            continue;
          }
        } else if (!reader.advance()) {
          reader.close();
          reader = null;
          continue;
        }
        ReadItem item = reader.getCurrent();
        if (item.chunk != null) {
          chunk(item.chunk, item.timestamp);
        } else {
          error(item.error);
        }
        return true;
      }
    }

    @Override
    public BoundedSource<ReadItem> getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
      }
    }
  }

  /** A bad row found while parsing; its line number is computed once the range is done. */
  private static final class Pending {
    final long offset;
    final String reason;
    final String field;
    final String message;
    final String raw;

    Pending(long offset, String reason, String field, String message, String raw) {
      this.offset = offset;
      this.reason = reason;
      this.field = field;
      this.message = message;
      this.raw = raw;
    }
  }

  /** Parses one byte range into chunks (one series each, file order) and error rows. */
  static final class RangeReader extends ReadItem.Reader {
    private static final int BUFFER = 16 << 20;
    private static final Counter ROWS_READ = Metrics.counter("industryts", "read.rows_out");
    private static final Counter ERRORS = Metrics.counter("industryts", "read.errors");
    private static final Object BAD = new Object();

    private final RangeSource source;
    private final Plan plan;
    private final Range range;
    private final NumberParser np = new NumberParser();
    private final List<Pending> pending = new ArrayList<>();
    private final boolean keyed;
    private final ChunkAssembler single;
    private final Map<KeyBytes, ChunkAssembler> series;
    private final KeyBytes probe;
    private final long seqBase;
    private CsvScanner sc;
    private long rows;
    private boolean done;

    RangeReader(RangeSource source, Plan plan, Range range) {
      this.source = source;
      this.plan = plan;
      this.range = range;
      this.keyed = !plan.layout.keyFields().isEmpty();
      Row noKey = Row.withSchema(plan.layout.keySchema()).build();
      // one series per range: size its arrays for the rows the range should hold
      long expected = (long) ((range.end - range.start) / plan.bytesPerRow * 1.05) + 16;
      this.single = keyed ? null : new ChunkAssembler(plan.layout, noKey, plan.chunkRows, expected);
      if (single != null) {
        single.setSource(range.path);
      }
      this.series = keyed ? new HashMap<>() : null;
      this.probe = keyed ? new KeyBytes() : null;
      this.seqBase = ((long) range.fileIndex) << 40;
    }

    @Override
    protected void open() throws IOException {
      sc =
          new CsvScanner(
              Paths.get(range.path),
              range.start,
              range.end,
              plan.delimiter,
              range.quotes,
              BUFFER,
              plan.charset());
      sc.startAtLine(range.firstLine);
      if (range.start == 0) {
        sc.next(); // the header
      }
    }

    @Override
    protected boolean produce() throws IOException {
      if (done) {
        return false;
      }
      final int ncols = plan.kinds.length;
      final TimeParser parser = plan.timeParser;
      final int ti = plan.timeIndex;
      while (sc.next()) {
        long off = sc.recordOffset();
        if (sc.unterminatedQuote()) {
          fail(
              off,
              "unterminated_quote",
              null,
              "a quoted cell is not closed before the end of the file");
          continue;
        }
        if (sc.fieldCount() != ncols) {
          fail(
              off,
              "wrong_field_count",
              null,
              "expected " + ncols + " fields as in the header, got " + sc.fieldCount());
          continue;
        }
        ChunkAssembler a = keyed ? seriesOf() : single;
        if (a == null) {
          continue;
        }
        byte[] tb = sc.cellBuf(ti);
        int ts = sc.cellStart(ti);
        int te = sc.cellEnd(ti);
        if (NumberParser.isBlank(tb, ts, te)) {
          fail(
              off,
              "null_time",
              plan.header.get(ti),
              plan.timeDescription + " is empty; every row needs a time");
          continue;
        }
        long time;
        try {
          time = parser.parse(tb, ts, te);
        } catch (TimeParseException e) {
          fail(off, e.reason(), plan.header.get(ti), plan.timeDescription + ": " + e.getMessage());
          continue;
        }
        if (!readValues(a, off)) {
          continue;
        }
        long seq;
        if (plan.seqIndex >= 0) {
          if (a.currentIsNull(plan.seqIndex)) {
            String name = plan.header.get(plan.seqIndex);
            fail(
                off,
                "null_sequence",
                name,
                "sequence column \"" + name + "\" is empty; every row needs a sequence number");
            continue;
          }
          seq = a.currentLong(plan.seqIndex);
        } else {
          seq = seqBase | off;
        }
        a.setTimeAndSeq(time, seq);
        a.setLine(sc.recordLine());
        rows++;
        if (a.commit()) {
          emit(a, true);
          return true;
        }
      }
      done = true;
      if (keyed) {
        for (ChunkAssembler a : series.values()) {
          emit(a, false);
        }
      } else {
        emit(single, false);
      }
      ROWS_READ.inc(rows);
      emitErrors();
      return true;
    }

    private void emit(ChunkAssembler a, boolean more) {
      long min = a.minTime();
      Chunk c = a.take(more);
      if (c != null) {
        chunk(c, min);
      }
    }

    /** The assembler of the current record's series, or null after a bad key cell. */
    private ChunkAssembler seriesOf() {
      probe.clear();
      for (int c = 0; c < plan.keyPosition.length; c++) {
        if (plan.keyPosition[c] >= 0) {
          probe.add(sc.cellBuf(c), sc.cellStart(c), sc.cellEnd(c));
        }
      }
      ChunkAssembler a = series.get(probe);
      if (a != null) {
        return a;
      }
      Object[] values = new Object[plan.layout.keySchema().getFieldCount()];
      for (int c = 0; c < plan.keyPosition.length; c++) {
        int k = plan.keyPosition[c];
        if (k < 0) {
          continue;
        }
        Object v = keyValue(c);
        if (v == BAD) {
          return null;
        }
        values[k] = v;
      }
      Row key = Row.withSchema(plan.layout.keySchema()).addValues(values).build();
      a = new ChunkAssembler(plan.layout, key, plan.chunkRows);
      a.setSource(range.path);
      series.put(probe.copy(), a);
      return a;
    }

    private Object keyValue(int c) {
      byte[] b = sc.cellBuf(c);
      int s = sc.cellStart(c);
      int e = sc.cellEnd(c);
      byte kind = plan.kinds[c];
      if (s == e) {
        return null;
      }
      if (kind == STRING) {
        return isNa(plan.naValues, b, s, e) ? null : sc.cell(c);
      }
      if (NumberParser.isBlank(b, s, e)) {
        return null;
      }
      switch (kind) {
        case DOUBLE:
        case FLOAT:
          if (np.parseDouble(b, s, e)) {
            return kind == DOUBLE ? (Object) np.doubleValue : (Object) (float) np.doubleValue;
          }
          break;
        case INT64:
        case INT32:
        case INT16:
        case BYTE:
          if (np.parseLong(b, s, e) && inRange(kind, np.longValue)) {
            return narrowLong(kind, np.longValue);
          }
          break;
        case BOOLEAN:
          int bool = parseBoolean(b, s, e);
          if (bool >= 0) {
            return bool == 1;
          }
          break;
        case DATETIME:
          if (isNa(plan.naValues, b, s, e)) {
            return null;
          }
          try {
            return new Instant(plan.timeParser.parse(b, s, e));
          } catch (TimeParseException ex) {
            fail(
                sc.recordOffset(),
                ex.reason(),
                plan.header.get(c),
                "column \"" + plan.header.get(c) + "\": " + ex.getMessage());
            return BAD;
          }
        default:
          break;
      }
      if (isNa(plan.naValues, b, s, e)) {
        return null;
      }
      badCell(sc.recordOffset(), c, b, s, e);
      return BAD;
    }

    private static Object narrowLong(byte kind, long v) {
      switch (kind) {
        case INT32:
          return (int) v;
        case INT16:
          return (short) v;
        case BYTE:
          return (byte) v;
        default:
          return v;
      }
    }

    /** Parses the value cells of the current record into the assembler's slot. */
    private boolean readValues(ChunkAssembler a, long off) {
      final byte[] kinds = plan.kinds;
      final int[] keyPos = plan.keyPosition;
      final NumberParser p = np;
      final CsvScanner scanner = sc;
      for (int c = 0; c < kinds.length; c++) {
        byte kind = kinds[c];
        if (kind == TIME || keyPos[c] >= 0) {
          continue;
        }
        byte[] b = scanner.cellBuf(c);
        int s = scanner.cellStart(c);
        int e = scanner.cellEnd(c);
        if (s == e) {
          a.setNull(c);
          continue;
        }
        switch (kind) {
          case DOUBLE:
            if (p.parseDouble(b, s, e)) {
              a.setDouble(c, p.doubleValue);
              continue;
            }
            break;
          case FLOAT:
            if (p.parseDouble(b, s, e)) {
              a.setDouble(c, (float) p.doubleValue);
              continue;
            }
            break;
          case INT64:
          case INT32:
          case INT16:
          case BYTE:
            if (p.parseLong(b, s, e) && inRange(kind, p.longValue)) {
              a.setLong(c, p.longValue);
              continue;
            }
            break;
          case BOOLEAN:
            int bool = parseBoolean(b, s, e);
            if (bool >= 0) {
              a.setBoolean(c, bool == 1);
              continue;
            }
            break;
          case STRING:
            // pandas' read_csv NA tokens are missing in text columns too
            if (isNa(plan.naValues, b, s, e)) {
              a.setNull(c);
            } else {
              a.setObject(c, scanner.cell(c));
            }
            continue;
          case DATETIME:
            if (NumberParser.isBlank(b, s, e) || isNa(plan.naValues, b, s, e)) {
              a.setNull(c);
              continue;
            }
            try {
              a.setObject(c, new Instant(plan.timeParser.parse(b, s, e)));
              continue;
            } catch (TimeParseException ex) {
              fail(
                  off,
                  ex.reason(),
                  plan.header.get(c),
                  "column \"" + plan.header.get(c) + "\": " + ex.getMessage());
              return false;
            }
          default:
            break;
        }
        if (NumberParser.isBlank(b, s, e)) {
          a.setNull(c);
          continue;
        }
        if (isNa(plan.naValues, b, s, e)) {
          if (!plan.nanAsNull && (kind == DOUBLE || kind == FLOAT)) {
            a.setDouble(c, Double.NaN);
          } else {
            a.setNull(c);
          }
          continue;
        }
        badCell(off, c, b, s, e);
        return false;
      }
      return true;
    }

    private static boolean inRange(byte kind, long v) {
      switch (kind) {
        case INT32:
          return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
        case INT16:
          return v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
        case BYTE:
          return v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
        default:
          return true;
      }
    }

    /** 1 for true, 0 for false (any case), -1 otherwise. */
    private static int parseBoolean(byte[] b, int s, int e) {
      while (s < e && NumberParser.isBlank(b[s])) {
        s++;
      }
      while (e > s && NumberParser.isBlank(b[e - 1])) {
        e--;
      }
      String v = new String(b, s, e - s, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
      return v.equals("true") ? 1 : v.equals("false") ? 0 : -1;
    }

    private void badCell(long off, int c, byte[] b, int s, int e) {
      byte kind = plan.kinds[c];
      String name = plan.header.get(c);
      String text = sc.cell(c);
      FieldType type = plan.layout.fieldType(c);
      String what;
      String fix;
      String reason = "non_numeric_cell";
      if (kind == BOOLEAN) {
        what = "is not a boolean (true / false)";
        reason = "non_boolean_cell";
        fix = "list \"" + text.trim() + "\" in [input] na_values to read it as null";
      } else if ((kind == INT32 || kind == INT16 || kind == BYTE) && np.parseLong(b, s, e)) {
        what = "is out of range for " + type.getTypeName();
        fix = "set [input.types] " + name + " = \"int64\"";
      } else if (kind != DOUBLE && kind != FLOAT && isIntegerSyntax(b, s, e)) {
        what = "is beyond the range of " + type.getTypeName();
        fix =
            "set [input.types] "
                + name
                + " = \"double\" to read it rounded, or \"string\" to keep every digit";
      } else if (kind != DOUBLE && kind != FLOAT && np.parseDouble(b, s, e)) {
        what = "is not an integer";
        fix = "set [input.types] " + name + " = \"double\"";
      } else {
        what = "is not a number";
        fix =
            "list \""
                + text.trim()
                + "\" in [input] na_values to read it as null, or set [input.types] "
                + name
                + " = \"string\" to read the column as text";
      }
      fail(
          off,
          reason,
          name,
          "column \""
              + name
              + "\" (field "
              + (c + 1)
              + "): \""
              + text
              + "\" "
              + what
              + "; expected "
              + type.getTypeName()
              + " ("
              + plan.typeOrigin[c]
              + "). Fix: "
              + fix
              + ".");
    }

    private void fail(long offset, String reason, String field, String message) {
      pending.add(new Pending(offset, reason, field, message, sc.rawText()));
    }

    private void emitErrors() throws IOException {
      if (pending.isEmpty()) {
        return;
      }
      long[] offsets = new long[pending.size()];
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = pending.get(i).offset;
      }
      long[] lines = FileBytes.lineNumbers(Paths.get(range.path), offsets);
      for (int i = 0; i < offsets.length; i++) {
        Pending p = pending.get(i);
        error(
            ErrorRecords.of(
                range.path,
                lines[i],
                "read",
                "read",
                p.reason,
                p.field,
                range.path + ":" + lines[i] + ": " + p.message,
                p.raw));
      }
      ERRORS.inc(offsets.length);
      pending.clear();
    }

    @Override
    public BoundedSource<ReadItem> getCurrentSource() {
      return source;
    }

    @Override
    public void close() throws IOException {
      if (sc != null) {
        sc.close();
      }
    }
  }

  /** Raw bytes of a record's key cells, used to find its series without decoding the keys. */
  static final class KeyBytes {
    private byte[] bytes = new byte[64];
    private int len;
    private int hash;

    void clear() {
      len = 0;
      hash = 1;
    }

    void add(byte[] b, int from, int to) {
      int n = to - from;
      ensure(len + n + 4);
      bytes[len++] = (byte) (n >>> 24);
      bytes[len++] = (byte) (n >>> 16);
      bytes[len++] = (byte) (n >>> 8);
      bytes[len++] = (byte) n;
      System.arraycopy(b, from, bytes, len, n);
      len += n;
      int h = hash;
      for (int i = from; i < to; i++) {
        h = 31 * h + b[i];
      }
      hash = 31 * h + n;
    }

    private void ensure(int n) {
      if (n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(n, bytes.length * 2));
      }
    }

    KeyBytes copy() {
      KeyBytes k = new KeyBytes();
      k.bytes = Arrays.copyOf(bytes, len);
      k.len = len;
      k.hash = hash;
      return k;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof KeyBytes)) {
        return false;
      }
      KeyBytes k = (KeyBytes) o;
      return len == k.len && hash == k.hash && Arrays.equals(bytes, 0, len, k.bytes, 0, k.len);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  static boolean isIntegral(TypeName t) {
    return t == TypeName.INT64 || t == TypeName.INT32 || t == TypeName.INT16 || t == TypeName.BYTE;
  }
}
