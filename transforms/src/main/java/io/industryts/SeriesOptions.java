package io.industryts;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The series conventions an operation runs under (SEMANTICS §1.1–1.4): the time column (explicit
 * or auto-detected), the key columns and the time zone for zone-less times and calendar features.
 * Immutable; {@code with*} methods return copies.
 */
public final class SeriesOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String timeColumn;
  private final List<String> keyColumns;
  private final String zoneId;
  private final String sequenceColumn;
  private final boolean nanAsNull;

  private SeriesOptions(String timeColumn, List<String> keyColumns, String zoneId,
      String sequenceColumn, boolean nanAsNull) {
    this.timeColumn = timeColumn;
    this.keyColumns = List.copyOf(keyColumns);
    this.zoneId = zoneId;
    this.sequenceColumn = sequenceColumn;
    this.nanAsNull = nanAsNull;
  }

  /** Auto-detected time column, no keys, UTC, NaN read as null. */
  public static SeriesOptions defaults() {
    return new SeriesOptions(null, List.of(), "UTC", null, true);
  }

  /** Explicit time column name, or {@code null} for auto-detection (§1.2). */
  public String timeColumn() {
    return timeColumn;
  }

  public List<String> keyColumns() {
    return keyColumns;
  }

  public ZoneId timeZone() {
    return ZoneId.of(zoneId);
  }

  /** Tie-order column for equal timestamps, or {@code null} (§1.4). */
  public String sequenceColumn() {
    return sequenceColumn;
  }

  /**
   * Whether a DOUBLE or FLOAT NaN in the input rows is a missing value (SEMANTICS §1.10, default
   * true, as pandas); false keeps NaN as a present value.
   */
  public boolean nanAsNull() {
    return nanAsNull;
  }

  public SeriesOptions withTimeColumn(String name) {
    return new SeriesOptions(name, keyColumns, zoneId, sequenceColumn, nanAsNull);
  }

  public SeriesOptions withKeyColumns(List<String> keys) {
    return new SeriesOptions(timeColumn, keys, zoneId, sequenceColumn, nanAsNull);
  }

  public SeriesOptions withTimeZone(ZoneId zone) {
    return new SeriesOptions(timeColumn, keyColumns, zone.getId(), sequenceColumn, nanAsNull);
  }

  public SeriesOptions withSequenceColumn(String name) {
    return new SeriesOptions(timeColumn, keyColumns, zoneId, name, nanAsNull);
  }

  /** A copy that reads NaN as null ({@code true}, the default) or keeps it ({@code false}). */
  public SeriesOptions withNanAsNull(boolean nanAsNull) {
    return new SeriesOptions(timeColumn, keyColumns, zoneId, sequenceColumn, nanAsNull);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SeriesOptions)) {
      return false;
    }
    SeriesOptions s = (SeriesOptions) o;
    return Objects.equals(timeColumn, s.timeColumn) && keyColumns.equals(s.keyColumns)
        && zoneId.equals(s.zoneId) && Objects.equals(sequenceColumn, s.sequenceColumn)
        && nanAsNull == s.nanAsNull;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeColumn, keyColumns, zoneId, sequenceColumn, nanAsNull);
  }

  @Override
  public String toString() {
    return "SeriesOptions{time=" + (timeColumn == null ? "auto" : timeColumn) + ", keys="
        + keyColumns + ", zone=" + zoneId + (nanAsNull ? "" : ", NaN kept") + "}";
  }
}
