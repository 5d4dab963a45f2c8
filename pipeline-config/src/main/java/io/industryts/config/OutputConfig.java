package io.industryts.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code [output]} table: one or more output paths (format by extension), the dead-letter path
 * {@code errors} (SEMANTICS §2.7) and the CSV {@code time_format}, each {@code null} when unset.
 */
public final class OutputConfig {
  private final List<String> paths;
  private final String errors;
  private final String timeFormat;
  private final String delimiter;

  OutputConfig(List<String> paths, String errors, String timeFormat, String delimiter) {
    this.paths = List.copyOf(paths);
    this.errors = errors;
    this.timeFormat = timeFormat;
    this.delimiter = delimiter;
  }

  /** Output paths as written; empty when only {@code errors} is configured. */
  public List<String> paths() {
    return paths;
  }

  /** Dead-letter path ({@code .csv} or {@code .jsonl}), or {@code null}. */
  public String errors() {
    return errors;
  }

  /** {@code java.time} pattern for CSV times (rendered in UTC), or {@code null} for ISO-8601. */
  public String timeFormat() {
    return timeFormat;
  }

  /** CSV delimiter, or {@code null} for {@code ,}. */
  public String delimiter() {
    return delimiter;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OutputConfig)) {
      return false;
    }
    OutputConfig c = (OutputConfig) o;
    return paths.equals(c.paths)
        && Objects.equals(errors, c.errors)
        && Objects.equals(timeFormat, c.timeFormat)
        && Objects.equals(delimiter, c.delimiter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paths, errors, timeFormat, delimiter);
  }

  @Override
  public String toString() {
    return "OutputConfig{paths="
        + paths
        + ", errors="
        + errors
        + ", time_format="
        + timeFormat
        + "}";
  }
}
