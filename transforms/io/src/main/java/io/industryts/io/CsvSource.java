package io.industryts.io;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.TimeColumn;
import io.industryts.io.CsvSource.Plan;
import io.industryts.io.CsvTypeInference.ColumnSample;
import io.industryts.io.CsvTypeInference.ColumnType;
import io.industryts.time.TimeParser;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * CSV files straight into chunks (SEMANTICS §2.7): inspection at construction time (header,
 * delimiter, types from a sample, time column) into a {@link Plan}, then parallel parsing of byte
 * ranges.
 *
 * <p>The parts: {@link CsvHeader} (first line, delimiter, column names), {@link CsvTypeInference}
 * (column types from a sample), {@link CsvRangeSource} (the files split into byte ranges), {@link
 * CsvRangeReader} (one range into chunks and error rows), with {@link CsvScanner} (records and
 * cells from the bytes), {@link CsvCellParser} (cells into typed values) and {@link ChunkAssembler}
 * (rows into column arrays).
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
    final double largestSeriesShare;
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
        double largestSeriesShare,
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
      this.largestSeriesShare = largestSeriesShare;
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
    byte[] firstLine = CsvHeader.headerLine(first);
    char delimiter =
        options.delimiter() != null ? options.delimiter() : CsvHeader.detectDelimiter(firstLine);
    byte delim = (byte) delimiter;
    Charset charset = Encodings.resolve(options.encoding());
    List<String> header = CsvHeader.readHeader(first, delim, charset);
    for (int i = 1; i < files.size(); i++) {
      Path other = files.get(i);
      CsvHeader.headerLine(other); // rejects empty files
      List<String> h = CsvHeader.readHeader(other, delim, charset);
      CsvHeader.compareHeaders(pattern, first, header, other, h);
    }
    int n = header.size();

    byte[][] naValues = naBytes(options.naValues(), charset);
    Set<String> keyColumns = new HashSet<>(options.seriesOptions().keyColumns());

    // the sample: the first rows of every file, so that files which disagree are found
    int sampleRows = options.sampleRows();
    // how the sampled rows spread over series: the engine runs each series whole when the largest
    // is estimated to fit one segment (many small series in long format)
    List<String> sampleKeys = options.seriesOptions().keyColumns();
    int[] keyColumnIndex = new int[sampleKeys.size()];
    for (int k = 0; k < keyColumnIndex.length; k++) {
      keyColumnIndex[k] = header.indexOf(sampleKeys.get(k));
    }
    Map<String, Integer> rowsPerSeries = new HashMap<>();
    int largestSeriesRows = 0;
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
          if (keyColumnIndex.length > 0) {
            largestSeriesRows =
                Math.max(
                    largestSeriesRows,
                    rowsPerSeries.merge(sampleKey(sc, keyColumnIndex), 1, Integer::sum));
          }
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
            keys.isEmpty() || sampled == 0 ? 1.0 : (double) largestSeriesRows / sampled,
            charset.name(),
            naValues);
    return new Inspection(plan, tc, delimiter, List.copyOf(decisions));
  }

  /**
   * The key cells of the scanner's record as one string (cells joined by a NUL byte), for counting
   * sampled rows per series; a key column missing from the header counts as empty (the layout
   * rejects it later with its own message).
   */
  private static String sampleKey(CsvScanner sc, int[] keyColumnIndex) {
    StringBuilder key = new StringBuilder();
    for (int c : keyColumnIndex) {
      if (c >= 0) {
        int st = sc.cellStart(c);
        key.append(new String(sc.cellBuf(c), st, sc.cellEnd(c) - st, StandardCharsets.ISO_8859_1));
      }
      key.append('\0');
    }
    return key.toString();
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
}
