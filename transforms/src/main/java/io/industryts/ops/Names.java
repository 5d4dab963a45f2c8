package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.time.Durations;
import org.joda.time.Duration;

/**
 * Generated names and renderings of SEMANTICS §1.6 and §1.9 used by the operations; numbers and
 * constants follow {@link OutputNames} so generated column names and descriptions agree.
 */
final class Names {
  private Names() {}

  /**
   * Canonical duration (§1.6), the one rendering shared with messages and the TOML writer: see
   * {@link Durations#canonical} (zero is {@code 0s}, negative values get a leading {@code -}).
   */
  static String duration(Duration d) {
    return Durations.canonical(d);
  }

  /** A number as the shortest plain decimal with {@code .} written {@code _} (§1.9). */
  static String number(double v) {
    return OutputNames.number(v);
  }

  /** Lower snake case of an enum constant (TOML spelling). */
  static String lower(Enum<?> e) {
    return OutputNames.snake(e);
  }

  /** A list of enum constants in TOML spelling: {@code [mean, std]}. */
  static String lower(java.util.List<? extends Enum<?>> constants) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Enum<?> e : constants) {
      out.add(lower(e));
    }
    return out.toString();
  }
}
