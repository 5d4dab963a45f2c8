package io.industryts.config;

import io.industryts.time.TimeParser;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the job reads times (SEMANTICS §1.3, §1.10): the {@code [pipeline]} keys {@code time_format},
 * {@code epoch_unit}, {@code ambiguous}, {@code nonexistent} and {@code nan_as_null}. The time zone
 * lives in {@link io.industryts.engine.spi.SeriesOptions}.
 */
public final class TimeSettings {
  /** Unit of numeric times. */
  public enum EpochUnit {
    AUTO,
    S,
    MS
  }

  /** Zone-less time in a DST overlap. */
  public enum Ambiguous {
    EARLIEST,
    LATEST,
    ERROR
  }

  /** Zone-less time in a DST gap. */
  public enum Nonexistent {
    SHIFT_FORWARD,
    ERROR
  }

  private final String timeFormat;
  private final EpochUnit epochUnit;
  private final Ambiguous ambiguous;
  private final Nonexistent nonexistent;
  private final boolean nanAsNull;

  private TimeSettings(
      String timeFormat,
      EpochUnit epochUnit,
      Ambiguous ambiguous,
      Nonexistent nonexistent,
      boolean nanAsNull) {
    this.timeFormat = timeFormat;
    this.epochUnit = epochUnit;
    this.ambiguous = ambiguous;
    this.nonexistent = nonexistent;
    this.nanAsNull = nanAsNull;
  }

  /**
   * The defaults of the §1.1 table: built-in formats, auto unit, earliest, shift forward, NaN null.
   */
  public static TimeSettings defaults() {
    return new TimeSettings(
        null, EpochUnit.AUTO, Ambiguous.EARLIEST, Nonexistent.SHIFT_FORWARD, true);
  }

  /** A {@code java.time} pattern replacing the built-in formats, or {@code null}. */
  public String timeFormat() {
    return timeFormat;
  }

  public EpochUnit epochUnit() {
    return epochUnit;
  }

  public Ambiguous ambiguous() {
    return ambiguous;
  }

  public Nonexistent nonexistent() {
    return nonexistent;
  }

  public boolean nanAsNull() {
    return nanAsNull;
  }

  public TimeSettings withTimeFormat(String pattern) {
    return new TimeSettings(pattern, epochUnit, ambiguous, nonexistent, nanAsNull);
  }

  public TimeSettings withEpochUnit(EpochUnit unit) {
    return new TimeSettings(timeFormat, unit, ambiguous, nonexistent, nanAsNull);
  }

  public TimeSettings withAmbiguous(Ambiguous a) {
    return new TimeSettings(timeFormat, epochUnit, a, nonexistent, nanAsNull);
  }

  public TimeSettings withNonexistent(Nonexistent n) {
    return new TimeSettings(timeFormat, epochUnit, ambiguous, n, nanAsNull);
  }

  public TimeSettings withNanAsNull(boolean b) {
    return new TimeSettings(timeFormat, epochUnit, ambiguous, nonexistent, b);
  }

  /** The parser these settings describe, for zone-less times in {@code zone} (SEMANTICS §1.3). */
  public TimeParser toTimeParser(ZoneId zone) {
    return TimeParser.builder()
        .zone(zone)
        .format(timeFormat())
        .epochUnit(TimeParser.EpochUnit.valueOf(epochUnit().name()))
        .ambiguous(TimeParser.Ambiguous.valueOf(ambiguous().name()))
        .nonexistent(TimeParser.Nonexistent.valueOf(nonexistent().name()))
        .build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimeSettings)) {
      return false;
    }
    TimeSettings t = (TimeSettings) o;
    return Objects.equals(timeFormat, t.timeFormat)
        && epochUnit == t.epochUnit
        && ambiguous == t.ambiguous
        && nonexistent == t.nonexistent
        && nanAsNull == t.nanAsNull;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeFormat, epochUnit, ambiguous, nonexistent, nanAsNull);
  }

  @Override
  public String toString() {
    return "TimeSettings{format="
        + (timeFormat == null ? "built-in" : timeFormat)
        + ", epoch_unit="
        + epochUnit
        + ", ambiguous="
        + ambiguous
        + ", nonexistent="
        + nonexistent
        + ", nan_as_null="
        + nanAsNull
        + "}";
  }
}
