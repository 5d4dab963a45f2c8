package io.industryts.config;

import java.util.Map;
import java.util.Objects;

/**
 * A file input of a job: the main {@code [input]} or a named {@code [inputs.<name>]} (SEMANTICS
 * §2.7). {@code format} and {@code delimiter} are {@code null} when detected from the file; {@code
 * types} maps column names to {@code double, float, int64, int32, string, boolean}.
 */
public final class InputConfig {
  /** The name of the main input. */
  public static final String MAIN = "main";

  private final String name;
  private final String path;
  private final String format;
  private final String delimiter;
  private final Map<String, String> types;

  InputConfig(
      String name, String path, String format, String delimiter, Map<String, String> types) {
    this.name = name;
    this.path = path;
    this.format = format;
    this.delimiter = delimiter;
    this.types = Map.copyOf(types);
  }

  /** {@link #MAIN} or the {@code <name>} of {@code [inputs.<name>]}. */
  public String name() {
    return name;
  }

  /** A path or glob, as written (relative paths are the caller's to resolve). */
  public String path() {
    return path;
  }

  /** {@code csv}, {@code parquet}, {@code arrow}, or {@code null} for "by extension". */
  public String format() {
    return format;
  }

  /** The CSV delimiter, or {@code null} for detection from the header. */
  public String delimiter() {
    return delimiter;
  }

  /** Column type overrides, column name to type name. */
  public Map<String, String> types() {
    return types;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InputConfig)) {
      return false;
    }
    InputConfig i = (InputConfig) o;
    return name.equals(i.name)
        && path.equals(i.path)
        && Objects.equals(format, i.format)
        && Objects.equals(delimiter, i.delimiter)
        && types.equals(i.types);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, path, format, delimiter, types);
  }

  @Override
  public String toString() {
    return "InputConfig{"
        + name
        + ", path="
        + path
        + ", format="
        + format
        + ", delimiter="
        + delimiter
        + ", types="
        + types
        + "}";
  }
}
