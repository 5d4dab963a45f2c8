package io.industryts.config;

import io.industryts.time.Durations;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.joda.time.Duration;

/**
 * Renders values as TOML literals: for docs, examples and explain, and for configurations that
 * arrive as values and are loaded through the TOML loader (one loader, one set of messages).
 *
 * <pre>{@code
 * TomlLiterals.render(List.of("flow", "temp"));   // ["flow", "temp"]
 * TomlLiterals.render(Double.NaN);                 // nan
 * }</pre>
 */
public final class TomlLiterals {
  private TomlLiterals() {}

  /**
   * {@code v} as a TOML literal: strings quoted and escaped, durations as canonical duration
   * strings, collections as arrays, maps as inline tables, doubles with TOML's {@code nan} and
   * {@code inf}, anything else by {@code String.valueOf}.
   */
  public static String render(Object v) {
    if (v instanceof String) {
      return string((String) v);
    } else if (v instanceof Duration) {
      return string(Durations.canonical((Duration) v));
    } else if (v instanceof Double) {
      double x = (Double) v;
      return Double.isNaN(x)
          ? "nan"
          : Double.isInfinite(x) ? (x > 0 ? "inf" : "-inf") : v.toString();
    } else if (v instanceof Collection) {
      return ((Collection<?>) v)
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
  public static String key(String k) {
    return k.matches("[A-Za-z0-9_-]+") ? k : string(k);
  }

  /** A TOML basic string: quotes, backslashes and control characters escaped. */
  public static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
