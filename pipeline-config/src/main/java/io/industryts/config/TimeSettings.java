package io.industryts.config;

import io.industryts.time.TimeParser;
import io.industryts.time.TimeParser.Ambiguous;
import io.industryts.time.TimeParser.EpochUnit;
import io.industryts.time.TimeParser.Nonexistent;
import java.time.ZoneId;

/**
 * How the job reads times (SEMANTICS §1.3, §1.10): the {@code [pipeline]} keys {@code time_format},
 * {@code epoch_unit}, {@code ambiguous}, {@code nonexistent} and {@code nan_as_null}. The time zone
 * lives in {@link io.industryts.engine.spi.SeriesOptions}. The choices are {@link TimeParser}'s own
 * enums, so a setting and the parser it describes cannot drift apart.
 *
 * <pre>{@code
 * TimeSettings t =
 *     TimeSettings.defaults().withEpochUnit(EpochUnit.MS).withAmbiguous(Ambiguous.LATEST);
 * TimeParser p = t.toTimeParser(ZoneId.of("Europe/Berlin"));
 * }</pre>
 *
 * @param timeFormat a {@code java.time} pattern replacing the built-in formats, or {@code null}
 * @param epochUnit the unit of numeric times ({@code epoch_unit}); {@code AUTO} infers it from the
 *     magnitude
 * @param ambiguous which instant a zone-less time in a DST overlap becomes ({@code ambiguous})
 * @param nonexistent what a zone-less time in a DST gap becomes ({@code nonexistent})
 * @param nanAsNull whether NaN read from input becomes null ({@code nan_as_null}, §1.10)
 */
public record TimeSettings(
    String timeFormat,
    EpochUnit epochUnit,
    Ambiguous ambiguous,
    Nonexistent nonexistent,
    boolean nanAsNull) {

  /**
   * The defaults of the §1.1 table: built-in formats, auto unit, earliest, shift forward, NaN null.
   */
  public static TimeSettings defaults() {
    return new TimeSettings(
        null, EpochUnit.AUTO, Ambiguous.EARLIEST, Nonexistent.SHIFT_FORWARD, true);
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
        .format(timeFormat)
        .epochUnit(epochUnit)
        .ambiguous(ambiguous)
        .nonexistent(nonexistent)
        .build();
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
