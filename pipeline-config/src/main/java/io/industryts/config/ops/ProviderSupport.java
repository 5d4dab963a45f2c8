package io.industryts.config.ops;

import java.util.List;
import java.util.Locale;
import org.joda.time.Duration;

/** Small conversions shared by providers: TOML spellings to Java enum constants and arrays. */
final class ProviderSupport {
  private ProviderSupport() {}

  /** The constant whose lower snake case is {@code toml} ({@code "shift_forward"}). */
  static <E extends Enum<E>> E constant(Class<E> type, String toml) {
    return Enum.valueOf(type, toml.toUpperCase(Locale.ROOT));
  }

  /** Constants for a list of TOML spellings, in order. */
  static <E extends Enum<E>> E[] constants(Class<E> type, List<String> toml) {
    @SuppressWarnings("unchecked")
    E[] out = (E[]) java.lang.reflect.Array.newInstance(type, toml.size());
    for (int i = 0; i < out.length; i++) {
      out[i] = constant(type, toml.get(i));
    }
    return out;
  }

  /**
   * A time key ({@code origin}, SEMANTICS §1.3 forms 1, 2 and 4): ISO-8601 with {@code T} or a
   * space, with or without offset, or a date; zone-less times are wall-clock times in {@code zone}.
   *
   * @throws IllegalArgumentException {@code <key> "<text>" is not one of <alternatives> or a time
   *     such as "2024-01-01T00:00:00Z"}
   */
  static java.time.Instant parseTime(
      String text, java.time.ZoneId zone, String key, String alternatives) {
    String s = text.trim().replace(' ', 'T');
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      // not offset form: try zone-less forms below
    }
    try {
      return java.time.LocalDateTime.parse(s).atZone(zone).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      // not a local date-time: try a date
    }
    try {
      return java.time.LocalDate.parse(s).atStartOfDay(zone).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          key
              + " \""
              + text
              + "\" is not one of "
              + alternatives
              + " or a time such as \"2024-01-01T00:00:00Z\".");
    }
  }

  static int[] ints(List<?> values) {
    return values.stream().mapToInt(v -> (Integer) v).toArray();
  }

  static Duration[] durations(List<?> values) {
    return values.stream().map(v -> (Duration) v).toArray(Duration[]::new);
  }
}
