package io.industryts.config;

import io.industryts.time.Durations;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.joda.time.Duration;

/** Renders converted parameter values back as TOML literals, for docs, examples and explain. */
final class TomlLiterals {
  private TomlLiterals() {}

  static String render(Object v) {
    if (v instanceof String) {
      return "\"" + ((String) v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    } else if (v instanceof Duration) {
      return "\"" + Durations.canonical((Duration) v) + "\"";
    } else if (v instanceof List) {
      return ((List<?>) v)
          .stream().map(TomlLiterals::render).collect(Collectors.joining(", ", "[", "]"));
    } else if (v instanceof Map) {
      return ((Map<?, ?>) v)
          .entrySet().stream()
              .map(e -> key(e.getKey().toString()) + " = " + render(e.getValue()))
              .collect(Collectors.joining(", ", "{ ", " }"));
    }
    return String.valueOf(v);
  }

  /** A bare key when possible, else a quoted one ({@code "Volume Flow"}). */
  static String key(String k) {
    return k.matches("[A-Za-z0-9_-]+") ? k : render(k);
  }
}
