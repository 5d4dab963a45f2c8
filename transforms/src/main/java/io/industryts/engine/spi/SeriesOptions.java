package io.industryts.engine.spi;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The series conventions an operation runs under (SEMANTICS §1.1–1.4): the time column (explicit or
 * auto-detected), the key columns and the time zone for zone-less times and calendar features.
 * Immutable; {@code with*} methods return copies.
 */
public final class SeriesOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String timeColumn;
  private final List<String> keyColumns;
  private final String zoneId;
  private final String sequenceColumn;
  private final boolean nanAsNull;

  /** How far behind the watermark a row may arrive on unbounded input and still be processed. */
  private final long allowedLatenessMillis;

  /** Whether the keys were set (even to none); advisory, not part of equality. */
  private final boolean keysDeclared;

  private SeriesOptions(
      String timeColumn,
      List<String> keyColumns,
      String zoneId,
      String sequenceColumn,
      boolean nanAsNull) {
    this(timeColumn, keyColumns, zoneId, sequenceColumn, nanAsNull, !keyColumns.isEmpty(), 0L);
  }

  private SeriesOptions(
      String timeColumn,
      List<String> keyColumns,
      String zoneId,
      String sequenceColumn,
      boolean nanAsNull,
      boolean keysDeclared,
      long allowedLatenessMillis) {
    this.keysDeclared = keysDeclared;
    this.allowedLatenessMillis = allowedLatenessMillis;
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

  /** The key columns identifying a series (§1.4), in order; empty = the input is one series. */
  public List<String> keyColumns() {
    return keyColumns;
  }

  /**
   * Whether the key columns were set explicitly, possibly to none ({@code keyedBy()} says "one
   * series" on purpose); when they were not, an input with a likely key column draws a warning.
   */
  public boolean keysDeclared() {
    return keysDeclared;
  }

  /** The zone of zone-less times and calendar features (§1.3); UTC by default. */
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

  /** A copy with the explicit time column {@code name} ({@code null}: auto-detect, §1.2). */
  public SeriesOptions withTimeColumn(String name) {
    return new SeriesOptions(
        name, keyColumns, zoneId, sequenceColumn, nanAsNull, keysDeclared, allowedLatenessMillis);
  }

  /** A copy keyed by {@code keys} (§1.4); an empty list declares the input one series. */
  public SeriesOptions withKeyColumns(List<String> keys) {
    return new SeriesOptions(
        timeColumn, keys, zoneId, sequenceColumn, nanAsNull, true, allowedLatenessMillis);
  }

  /** A copy reading zone-less times and computing calendar features in {@code zone} (§1.3). */
  public SeriesOptions withTimeZone(ZoneId zone) {
    return new SeriesOptions(
        timeColumn,
        keyColumns,
        zone.getId(),
        sequenceColumn,
        nanAsNull,
        keysDeclared,
        allowedLatenessMillis);
  }

  /** A copy whose equal timestamps are ordered by the field {@code name} ascending (§1.4). */
  public SeriesOptions withSequenceColumn(String name) {
    return new SeriesOptions(
        timeColumn, keyColumns, zoneId, name, nanAsNull, keysDeclared, allowedLatenessMillis);
  }

  /** A copy that reads NaN as null ({@code true}, the default) or keeps it ({@code false}). */
  public SeriesOptions withNanAsNull(boolean nanAsNull) {
    return new SeriesOptions(
        timeColumn,
        keyColumns,
        zoneId,
        sequenceColumn,
        nanAsNull,
        keysDeclared,
        allowedLatenessMillis);
  }

  /**
   * How far behind the watermark a row of unbounded input may arrive and still be processed
   * (docs/streaming.md); later rows go to the errors output with reason {@code late_row}. 0 (the
   * default) accepts every row the watermark has not passed.
   */
  public long allowedLatenessMillis() {
    return allowedLatenessMillis;
  }

  /**
   * A copy that accepts rows of unbounded input up to {@code lateness} behind the watermark: each
   * series waits that much longer before processing rows. For example {@code
   * SeriesOptions.defaults().withAllowedLateness(Duration.standardSeconds(30))}.
   *
   * @throws IllegalArgumentException when {@code lateness} is negative
   */
  public SeriesOptions withAllowedLateness(org.joda.time.Duration lateness) {
    if (lateness.getMillis() < 0) {
      throw new IllegalArgumentException(
          "SeriesOptions: allowed lateness must not be negative. Got "
              + lateness
              + "; expected a duration of 0 or more, e.g. Duration.standardSeconds(30).");
    }
    return new SeriesOptions(
        timeColumn,
        keyColumns,
        zoneId,
        sequenceColumn,
        nanAsNull,
        keysDeclared,
        lateness.getMillis());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SeriesOptions)) {
      return false;
    }
    SeriesOptions s = (SeriesOptions) o;
    return Objects.equals(timeColumn, s.timeColumn)
        && keyColumns.equals(s.keyColumns)
        && zoneId.equals(s.zoneId)
        && Objects.equals(sequenceColumn, s.sequenceColumn)
        && nanAsNull == s.nanAsNull
        && allowedLatenessMillis == s.allowedLatenessMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        timeColumn, keyColumns, zoneId, sequenceColumn, nanAsNull, allowedLatenessMillis);
  }

  @Override
  public String toString() {
    return "SeriesOptions{time="
        + (timeColumn == null ? "auto" : timeColumn)
        + ", keys="
        + keyColumns
        + ", zone="
        + zoneId
        + (nanAsNull ? "" : ", NaN kept")
        + (allowedLatenessMillis > 0 ? ", allowed lateness " + allowedLatenessMillis + " ms" : "")
        + "}";
  }
}
