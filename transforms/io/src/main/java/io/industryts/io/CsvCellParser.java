package io.industryts.io;

import static io.industryts.io.CsvSource.BOOLEAN;
import static io.industryts.io.CsvSource.BYTE;
import static io.industryts.io.CsvSource.DATETIME;
import static io.industryts.io.CsvSource.DOUBLE;
import static io.industryts.io.CsvSource.FLOAT;
import static io.industryts.io.CsvSource.INT16;
import static io.industryts.io.CsvSource.INT32;
import static io.industryts.io.CsvSource.INT64;
import static io.industryts.io.CsvSource.STRING;
import static io.industryts.io.CsvSource.TIME;
import static io.industryts.io.CsvSource.isNa;

import io.industryts.io.CsvSource.Plan;
import io.industryts.time.TimeParseException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Instant;

/**
 * Converts the cells of one CSV record into values of the read plan's column types, straight from
 * the scanner's bytes: the value cells into a {@link ChunkAssembler}'s slot, the key cells into key
 * values. A cell that does not fit its column makes the row an error, reported through {@link
 * Failures} with the message that names the column, the text, the type and the fix.
 *
 * <p>Not thread-safe: one per reader.
 */
final class CsvCellParser {
  /** Where the parser reports a bad row. */
  interface Failures {
    /** A bad row: the record at {@code offset} is left out for {@code reason}. */
    void fail(long offset, String reason, String field, String message);
  }

  /** {@link #keyValue}'s answer for a bad key cell (the row was reported). */
  static final Object BAD = new Object();

  private final Plan plan;
  private final Failures failures;
  private final NumberParser np = new NumberParser();
  private CsvScanner sc;

  CsvCellParser(Plan plan, Failures failures) {
    this.plan = plan;
    this.failures = failures;
  }

  /** The scanner whose current record the parser reads. */
  void setScanner(CsvScanner scanner) {
    this.sc = scanner;
  }

  /**
   * The value of key cell {@code c} of the current record, null for a missing value, or {@link
   * #BAD} after reporting a cell that does not fit the column.
   */
  Object keyValue(int c) {
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

  /**
   * Parses the value cells of the current record into the assembler's slot; false after a bad cell
   * (the row was reported).
   */
  boolean readValues(ChunkAssembler a, long off) {
    final byte[] kinds = plan.kinds;
    final int[] keyPos = plan.keyPosition;
    final NumberParser p = np;
    final CsvScanner scanner = sc;
    // the record's arrays once, not once per cell
    final byte[] line = scanner.recordBuf();
    final int[] starts = scanner.cellStarts();
    final int[] ends = scanner.cellEnds();
    for (int c = 0; c < kinds.length; c++) {
      byte kind = kinds[c];
      if (kind == TIME || keyPos[c] >= 0) {
        continue;
      }
      byte[] b = line != null ? line : scanner.cellBuf(c);
      int s = starts[c];
      int e = ends[c];
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
    } else if (kind != DOUBLE && kind != FLOAT && CsvTypeInference.isIntegerSyntax(b, s, e)) {
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
    failures.fail(offset, reason, field, message);
  }
}
