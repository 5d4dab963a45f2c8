package io.industryts.io;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * How a {@link FileInput} column got its type, so that a job can say so ({@code industryts
 * explain}, the run summary): set by the user, inferred from the CSV sample (and with how many
 * cells that will be row errors), or stored in a Parquet / Arrow file.
 *
 * <pre>{@code
 * for (TypeDecision d : FileInput.of("export.csv").typeDecisions()) {
 *   System.out.println(d);   // v INT64: inferred from 1000 sample cells; 12 non-numeric ...
 * }
 * }</pre>
 */
public final class TypeDecision implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where a column's type comes from. */
  public enum Origin {
    /** {@code [input.types]} / {@link FileInput#withTypes}. */
    SET,
    /** Inferred from the CSV sample (SEMANTICS §2.7, docs/semantics-decisions.md). */
    INFERRED,
    /** The time column, read as DATETIME whatever its cells look like. */
    TIME,
    /** The schema stored in a Parquet or Arrow file. */
    FILE
  }

  private final String column;
  private final FieldType type;
  private final Origin origin;
  private final long sampleCells;
  private final long rowErrorCells;
  private final String reason;

  TypeDecision(
      String column,
      FieldType type,
      Origin origin,
      long sampleCells,
      long rowErrorCells,
      String reason) {
    this.column = column;
    this.type = type;
    this.origin = origin;
    this.sampleCells = sampleCells;
    this.rowErrorCells = rowErrorCells;
    this.reason = reason;
  }

  /** The column name. */
  public String column() {
    return column;
  }

  /** The type the column is read as. */
  public FieldType type() {
    return type;
  }

  /** Where the type comes from. */
  public Origin origin() {
    return origin;
  }

  /** Non-empty, non-NA cells of the column in the CSV sample; 0 when not inferred. */
  public long sampleCells() {
    return sampleCells;
  }

  /**
   * Cells of the sample that do not parse as {@link #type()} and will be row errors ({@code
   * non_numeric_cell}) when the rows are read; 0 when not inferred.
   */
  public long rowErrorCells() {
    return rowErrorCells;
  }

  /** Why, in one sentence, e.g. {@code "inferred from 1000 sample cells"}. */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TypeDecision)) {
      return false;
    }
    TypeDecision d = (TypeDecision) o;
    return column.equals(d.column)
        && type.equals(d.type)
        && origin == d.origin
        && sampleCells == d.sampleCells
        && rowErrorCells == d.rowErrorCells
        && reason.equals(d.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(column, type, origin, sampleCells, rowErrorCells, reason);
  }

  /** {@code <column> <TYPE>: <reason>}. */
  @Override
  public String toString() {
    return column + " " + type.getTypeName() + ": " + reason;
  }
}
