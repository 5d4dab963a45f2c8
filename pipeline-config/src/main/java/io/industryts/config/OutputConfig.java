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
  private final Report report;

  OutputConfig(
      List<String> paths, String errors, String timeFormat, String delimiter, Report report) {
    this.paths = List.copyOf(paths);
    this.errors = errors;
    this.timeFormat = timeFormat;
    this.delimiter = delimiter;
    this.report = report;
  }

  /**
   * The job report keys: {@code report} (the HTML path, or {@code null}), {@code report_columns}
   * and {@code report_series} (empty: the defaults), {@code report_max_series}.
   */
  public static final class Report {
    private final String path;
    private final List<String> columns;
    private final int maxSeries;
    private final List<String> series;

    /** Report settings; empty lists mean "every numeric value column" and "the first series". */
    public Report(String path, List<String> columns, int maxSeries, List<String> series) {
      this.path = path;
      this.columns = List.copyOf(columns);
      this.maxSeries = maxSeries;
      this.series = List.copyOf(series);
    }

    /** No report, default settings. */
    public static Report none() {
      return new Report(null, List.of(), 6, List.of());
    }

    /** {@code report}: the HTML path as written, or {@code null}. */
    public String path() {
      return path;
    }

    /** {@code report_columns}: the value columns to plot; empty for every numeric one. */
    public List<String> columns() {
      return columns;
    }

    /** {@code report_max_series}: how many series to plot when {@link #series()} is empty. */
    public int maxSeries() {
      return maxSeries;
    }

    /** {@code report_series}: the series to plot by their key label; empty for the first ones. */
    public List<String> series() {
      return series;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Report)) {
        return false;
      }
      Report r = (Report) o;
      return Objects.equals(path, r.path)
          && columns.equals(r.columns)
          && maxSeries == r.maxSeries
          && series.equals(r.series);
    }

    @Override
    public int hashCode() {
      return Objects.hash(path, columns, maxSeries, series);
    }
  }

  /** The job report settings ({@code report*} keys). */
  public Report report() {
    return report;
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
        && Objects.equals(delimiter, c.delimiter)
        && report.equals(c.report);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paths, errors, timeFormat, delimiter, report);
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
