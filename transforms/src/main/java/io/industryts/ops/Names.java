package io.industryts.ops;

import io.industryts.OutputNames;
import org.joda.time.Duration;

/**
 * Generated names and renderings of SEMANTICS §1.6 and §1.9 used by the operations; numbers and
 * constants follow {@link OutputNames} so generated column names and descriptions agree.
 */
final class Names {
  private Names() {}

  /**
   * Canonical duration (§1.6): the largest of d, h, min, s, ms dividing it, as one integer. Kept
   * apart from {@code Durations.canonical}, which writes zero as {@code 0s} where this writes
   * {@code 0d}.
   */
  static String duration(Duration d) {
    long ms = d.getMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] names = {"d", "h", "min", "s", "ms"};
    for (int u = 0; u < units.length; u++) {
      if (ms % units[u] == 0) {
        return (ms / units[u]) + names[u];
      }
    }
    return ms + "ms";
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
