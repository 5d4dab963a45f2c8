package io.industryts.io;

import io.industryts.io.CsvTypeInference.ColumnSample;
import io.industryts.io.CsvTypeInference.ColumnType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * The types of a CSV file's columns, inferred from a sample of its rows (SEMANTICS §2.7): what the
 * cells of one column look like in one file ({@link ColumnSample}), and the type that the samples
 * of all files decide ({@link ColumnType}), with the messages that explain it.
 */
final class CsvTypeInference {
  private CsvTypeInference() {}

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
}
