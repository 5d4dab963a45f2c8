package io.industryts.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file input of a job: the main {@code [input]} or a named {@code [inputs.<name>]} (SEMANTICS
 * §2.7). {@code format} and {@code delimiter} are {@code null} when detected from the file; {@code
 * types} maps column names to {@code double, float, int64, int32, string, boolean}; {@code
 * naValues} are CSV texts read as missing; {@code encoding} is {@code null} for UTF-8.
 */
public final class InputConfig {
  /** The name of the main input. */
  public static final String MAIN = "main";

  private final String name;
  private final String path;
  private final String format;
  private final String delimiter;
  private final Map<String, String> types;
  private final List<String> naValues;
  private final String encoding;

  InputConfig(
      String name,
      String path,
      String format,
      String delimiter,
      Map<String, String> types,
      List<String> naValues,
      String encoding) {
    this.name = name;
    this.path = path;
    this.format = format;
    this.delimiter = delimiter;
    this.types = Map.copyOf(types);
    this.naValues = List.copyOf(naValues);
    this.encoding = encoding;
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

  /** {@code na_values}: CSV cell texts read as missing besides pandas' NA tokens; may be empty. */
  public List<String> naValues() {
    return naValues;
  }

  /** {@code encoding}: the CSV charset name as written, or {@code null} for UTF-8. */
  public String encoding() {
    return encoding;
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
        && types.equals(i.types)
        && naValues.equals(i.naValues)
        && Objects.equals(encoding, i.encoding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, path, format, delimiter, types, naValues, encoding);
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
        + (naValues.isEmpty() ? "" : ", na_values=" + naValues)
        + (encoding == null ? "" : ", encoding=" + encoding)
        + "}";
  }
}
