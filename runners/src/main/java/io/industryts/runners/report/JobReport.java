package io.industryts.runners.report;

import io.industryts.config.OutputConfig;
import io.industryts.engine.PlanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;

/**
 * The job report of one run ({@code --report PATH} or {@code [output] report}): planned with the
 * pipeline, collected inside it ({@link ReportCollector}), written by the launcher after the run
 * with the counters ({@link HtmlReport}), atomically.
 *
 * <pre>{@code
 * JobReport report = JobReport.plan("out/report.html", settings,
 *     new JobReport.Columns(inputSchema, "time", List.of("tag")),
 *     new JobReport.Columns(outputSchema, "time", List.of("tag")), run.keepsRowTimes(), stepTypes);
 * report.collect(planResult);   // while building the pipeline
 * // ... run ...
 * report.write(jobPipeline.reportJob(), "job.toml", counters, "DirectRunner", seconds);
 * }</pre>
 */
public final class JobReport {
  /**
   * The columns of one side of the job (the input as read, or the written output).
   *
   * @param schema the rows' schema
   * @param timeField the time column
   * @param keyFields the key columns (empty: one series)
   */
  public record Columns(Schema schema, String timeField, List<String> keyFields) {
    /** The value columns that are numbers or booleans, in schema order. */
    List<String> numericValues() {
      List<String> out = new ArrayList<>();
      for (Schema.Field f : schema.getFields()) {
        Schema.TypeName t = f.getType().getTypeName();
        boolean timeOrKey = f.getName().equals(timeField) || keyFields.contains(f.getName());
        if (!timeOrKey && (t.isNumericType() || t == Schema.TypeName.BOOLEAN)) {
          out.add(f.getName());
        }
      }
      return out;
    }
  }

  private final Path path;
  private final Path dataFile;
  private final OutputConfig.Report settings;
  private final Columns input;
  private final Columns output;
  private final List<String> columns;
  private final Map<String, List<String>> derived;
  private final boolean markers;
  private final List<String> stepTypes;

  private JobReport(
      Path path,
      OutputConfig.Report settings,
      Columns input,
      Columns output,
      List<String> columns,
      Map<String, List<String>> derived,
      boolean markers,
      List<String> stepTypes) {
    this.path = path.toAbsolutePath();
    this.dataFile = this.path.resolveSibling("." + this.path.getFileName() + ".data");
    this.settings = settings;
    this.input = input;
    this.output = output;
    this.columns = List.copyOf(columns);
    this.derived = derived;
    this.markers = markers;
    this.stepTypes = List.copyOf(stepTypes);
  }

  /**
   * Plans the report of a job whose steps turn {@code input} rows into {@code output} rows; {@code
   * keepsRowTimes} (from {@code RunPlan.keepsRowTimes()}) says whether every output row keeps an
   * input row's time, so that values can be compared at the same times (markers).
   *
   * @throws IllegalArgumentException when a {@code report_columns} entry is not a numeric value
   *     column of the input or the output
   */
  public static JobReport plan(
      String path,
      OutputConfig.Report settings,
      Columns input,
      Columns output,
      boolean keepsRowTimes,
      List<String> stepTypes) {
    Set<String> numeric = new LinkedHashSet<>(input.numericValues());
    numeric.addAll(output.numericValues());
    List<String> columns =
        settings.columns().isEmpty() ? input.numericValues() : settings.columns();
    for (String c : columns) {
      if (!numeric.contains(c)) {
        throw new IllegalArgumentException(
            "industryts: report_columns: \""
                + c
                + "\" is not a "
                + "numeric value column of the input or the output. Expected one of "
                + numeric
                + "; fix [output] report_columns.");
      }
    }
    return new JobReport(
        Path.of(path),
        settings,
        input,
        output,
        columns,
        derived(columns, input.numericValues(), output.numericValues()),
        keepsRowTimes,
        stepTypes);
  }

  /**
   * The output columns plotted with each plotted column that the output does not have under its own
   * name: the output's numeric value columns named after it ({@code power_kw} gives {@code
   * power_kw_mean}, {@code power_kw_integral}), that are not input columns themselves.
   *
   * <pre>{@code
   * derived(List.of("power_kw"), List.of("power_kw"), List.of("power_kw_integral", "power_kw_mean"))
   * // {power_kw=[power_kw_integral, power_kw_mean]}
   * }</pre>
   */
  static Map<String, List<String>> derived(
      List<String> plotted, List<String> inputColumns, List<String> outputColumns) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String c : plotted) {
      List<String> d = new ArrayList<>();
      if (!outputColumns.contains(c)) {
        for (String o : outputColumns) {
          if (o.startsWith(c + "_") && !inputColumns.contains(o)) {
            d.add(o);
          }
        }
      }
      out.put(c, List.copyOf(d));
    }
    return out;
  }

  /**
   * Adds the collection to the pipeline of {@code result}: its segments as read ({@link
   * PlanResult#inputSegments()}) and as written ({@link PlanResult#segments()}).
   */
  public void collect(PlanResult result) {
    ReportCollector.collect(result, sampled(), markers, dataFile.toString());
  }

  /** The value columns the report plots. */
  List<String> columns() {
    return columns;
  }

  /** The columns sampled on either side: the plotted ones and their derived output columns. */
  List<String> sampled() {
    Set<String> all = new LinkedHashSet<>(columns);
    derived.values().forEach(all::addAll);
    return List.copyOf(all);
  }

  /** Per plotted column, the output columns derived from it (see {@link #derived}). */
  Map<String, List<String>> derived() {
    return derived;
  }

  /** Whether the page marks changed values (no step re-grids or moves times). */
  boolean markers() {
    return markers;
  }

  /** The report's path. */
  public Path path() {
    return path;
  }

  /**
   * What the page says of the job itself.
   *
   * @param name {@code [pipeline] name}
   * @param input the main input's path or glob
   * @param timeColumn the time column
   * @param timeColumnReason why that column (named in the job, or how it was detected)
   * @param outputs the output paths
   * @param errorsPath the dead-letter path, or null when bad rows fail the job
   * @param stepNames the steps in order
   */
  public record Job(
      String name,
      String input,
      String timeColumn,
      String timeColumnReason,
      List<String> outputs,
      String errorsPath,
      List<String> stepNames) {}

  /** Writes the page from the collected data and the run's counters; removes the data file. */
  public void write(
      Job jp, String jobFile, Map<String, Long> counters, String runner, double wallSeconds)
      throws IOException {
    List<SeriesReport> series;
    try {
      series = SeriesReport.merge(ReportCollector.read(dataFile));
    } finally {
      Files.deleteIfExists(dataFile);
    }
    HtmlReport.Model m = new HtmlReport.Model();
    m.jobName = jp.name();
    m.jobFile = jobFile;
    m.runner = runner;
    m.inputs = List.of(jp.input());
    m.timeColumn = jp.timeColumn();
    m.timeColumnReason = jp.timeColumnReason();
    m.keyColumns = input.keyFields();
    m.outputs = jp.outputs();
    m.errorsPath = jp.errorsPath();
    m.wallSeconds = wallSeconds;
    m.generatedAt = System.currentTimeMillis();
    m.counters = counters;
    m.stepNames = jp.stepNames();
    m.stepTypes = stepTypes;
    m.series = series;
    m.plotted = chooseSeries(series, settings, m.notes);
    m.columns = columns;
    m.derived = derived;
    m.markers = markers;
    if (!markers) {
      m.notes.add(
          "No markers: a step re-grids or moves times, so input and output rows do not "
              + "share times.");
    }
    m.outputSchema = output.schema();
    m.outputTimeField = output.timeField();
    m.outputKeyFields = output.keyFields();
    String html = HtmlReport.render(m);
    ReportCollector.writeAtomically(
        path, temp -> Files.writeString(temp, html, StandardCharsets.UTF_8));
  }

  /** {@code report_series} in order (missing ones noted), else the first report_max_series. */
  static List<SeriesReport> chooseSeries(
      List<SeriesReport> all, OutputConfig.Report settings, List<String> notes) {
    List<SeriesReport> out = new ArrayList<>();
    if (settings.series().isEmpty()) {
      for (SeriesReport s : all) {
        if (out.size() == settings.maxSeries()) {
          break;
        }
        out.add(s);
      }
      return out;
    }
    for (String want : settings.series()) {
      SeriesReport found = null;
      for (SeriesReport s : all) {
        if (s.label.equals(want)) {
          found = s;
        }
      }
      if (found == null) {
        notes.add("Series \"" + want + "\" (report_series) has no rows.");
      } else {
        out.add(found);
      }
    }
    return out;
  }
}
