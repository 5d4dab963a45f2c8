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

  /** The unit of numeric times ({@code epoch_unit}); {@code AUTO} infers it from the magnitude. */
  public EpochUnit epochUnit() {
    return epochUnit;
  }

  /** Which instant a zone-less time in a DST overlap becomes ({@code ambiguous}). */
  public Ambiguous ambiguous() {
    return ambiguous;
  }

  /** What a zone-less time in a DST gap becomes ({@code nonexistent}). */
  public Nonexistent nonexistent() {
    return nonexistent;
  }

  /** Whether NaN read from input becomes null ({@code nan_as_null}, §1.10). */
  public boolean nanAsNull() {
    return nanAsNull;
  }

  /**
   * A copy with {@code pattern} ({@code time_format}) replacing the built-in string formats; {@code
   * null} restores them.
   */
  public TimeSettings withTimeFormat(String pattern) {
    return new TimeSettings(pattern, epochUnit, ambiguous, nonexistent, nanAsNull);
  }

  /** A copy with the unit of numeric times set ({@code epoch_unit}). */
  public TimeSettings withEpochUnit(EpochUnit unit) {
    return new TimeSettings(timeFormat, unit, ambiguous, nonexistent, nanAsNull);
  }

  /** A copy with the choice for zone-less times in a DST overlap set ({@code ambiguous}). */
  public TimeSettings withAmbiguous(Ambiguous a) {
    return new TimeSettings(timeFormat, epochUnit, a, nonexistent, nanAsNull);
  }

  /** A copy with the choice for zone-less times in a DST gap set ({@code nonexistent}). */
  public TimeSettings withNonexistent(Nonexistent n) {
    return new TimeSettings(timeFormat, epochUnit, ambiguous, n, nanAsNull);
  }

  /** A copy that turns NaN read from input into null, or keeps it ({@code nan_as_null}). */
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
