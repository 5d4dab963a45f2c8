package io.industryts.runners.report;

import static io.industryts.runners.report.Svg.esc;

import io.industryts.runners.report.ColumnSamples.Marker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;

// Over 500 lines: one page — its model and the markup of each section (job, steps, plots,
// schema) with the number, count and duration formatting they share; split per section it would
// scatter one template. The charts' SVG is in Svg.

/**
 * The job report page: one HTML file with its stylesheet and inline SVG, no script and nothing
 * fetched, so it opens from a USB stick. Sections: the job ({@code #job}), the steps ({@code
 * #steps}), a plot per series and column ({@code #plots}) and the output schema ({@code #schema}).
 * Every number taken from a counter carries its name in {@code data-counter}.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** Counter suffixes by the column of the steps table they are shown in. */
  static final Map<String, List<String>> COUNTER_KINDS = new LinkedHashMap<>();

  static {
    COUNTER_KINDS.put("dropped", List.of("rows_dropped"));
    COUNTER_KINDS.put("filled", List.of("values_filled", "rows_inserted"));
    COUNTER_KINDS.put("clipped", List.of("values_clipped", "values_replaced"));
    COUNTER_KINDS.put("masked", List.of("values_masked", "values_nulled", "invalid_input"));
    COUNTER_KINDS.put("dead-lettered", List.of("errors"));
  }

  /** What the page shows; filled in by {@link JobReport}. */
  static final class Model {
    String jobName;
    String jobFile;
    String runner;
    List<String> inputs = List.of();
    String timeColumn;
    String timeColumnReason;
    List<String> keyColumns = List.of();
    List<String> outputs = List.of();
    String errorsPath;
    double wallSeconds;
    long generatedAt;
    Map<String, Long> counters = Map.of();
    List<String> stepNames = List.of();
    List<String> stepTypes = List.of();
    List<SeriesReport> series = List.of();
    List<SeriesReport> plotted = List.of();
    List<String> columns = List.of();
    Map<String, List<String>> derived = Map.of();
    boolean markers;
    Schema outputSchema;
    String outputTimeField;
    List<String> outputKeyFields = List.of();
    List<String> notes = new ArrayList<>();

    long counter(String name) {
      return counters.getOrDefault(name, 0L);
    }
  }

  /** The page for {@code m}. */
  static String render(Model m) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc("industryts report: " + m.jobName))
        .append("</title>")
        .append("<style>")
        .append(CSS)
        .append("</style></head><body>\n");
    sb.append("<header><h1>")
        .append(esc(m.jobName))
        .append("</h1><p class=\"meta\">")
        .append("industryts job report &middot; ")
        .append(esc(m.jobFile))
        .append(" &middot; ")
        .append(esc(m.runner))
        .append(" &middot; ")
        .append(esc(String.format(Locale.ROOT, "%.1f s", m.wallSeconds)))
        .append(" &middot; ")
        .append(esc(Instant.ofEpochMilli(m.generatedAt).toString()))
        .append("</p>")
        .append("<nav><a href=\"#job\">Job</a><a href=\"#steps\">Steps</a>")
        .append("<a href=\"#plots\">Plots</a><a href=\"#schema\">Output schema</a></nav>")
        .append("</header>\n<main>\n");
    job(sb, m);
    steps(sb, m);
    plots(sb, m);
    schema(sb, m);
    sb.append("</main></body></html>\n");
    return sb.toString();
  }

  private static void job(StringBuilder sb, Model m) {
    sb.append("<section id=\"job\"><h2>Job</h2><table class=\"facts\">");
    fact(sb, "Input", String.join(", ", m.inputs), null);
    fact(sb, "Rows read", count(m.counter(RunCounters.ROWS_READ)), RunCounters.ROWS_READ);
    fact(sb, "Bad input rows", count(m.counter(RunCounters.READ_ERRORS)), RunCounters.READ_ERRORS);
    fact(
        sb,
        "Series",
        count(m.series.size())
            + (m.keyColumns.isEmpty()
                ? " (no key columns)"
                : " (keyed by " + String.join(", ", m.keyColumns) + ")"),
        null);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (SeriesReport s : m.series) {
      first = Math.min(first, s.first);
      last = Math.max(last, s.last);
    }
    fact(
        sb,
        "Time span",
        first > last
            ? "no rows"
            : Svg.time(first, 0)
                + " to "
                + Svg.time(last, 0)
                + " UTC ("
                + duration(last - first)
                + ")",
        null);
    fact(sb, "Time column", m.timeColumn + " (" + m.timeColumnReason + ")", null);
    fact(sb, "Rows written", count(m.counter(RunCounters.ROWS_WRITTEN)), RunCounters.ROWS_WRITTEN);
    fact(sb, "Output", String.join(", ", m.outputs), null);
    if (m.errorsPath != null) {
      fact(
          sb,
          "Dead-lettered",
          count(m.counter(RunCounters.DEAD_LETTERED)) + " to " + m.errorsPath,
          RunCounters.DEAD_LETTERED);
    }
    sb.append("</table>");
    sb.append("<h3>Series</h3><table class=\"data\" id=\"series-table\"><thead><tr>")
        .append("<th>series</th><th>rows in</th><th>rows out</th><th>first</th><th>last</th>")
        .append("<th>cadence (median step)</th><th>longest gaps</th></tr></thead><tbody>");
    int shown = 0;
    for (SeriesReport s : m.series) {
      if (shown++ == 200) {
        sb.append("<tr><td colspan=\"7\">… and ")
            .append(count(m.series.size() - 200))
            .append(" more series</td></tr>");
        break;
      }
      sb.append("<tr><td>")
          .append(esc(s.title()))
          .append("</td><td class=\"n\">")
          .append(count(s.inputRows))
          .append("</td><td class=\"n\">")
          .append(count(s.outputRows))
          .append("</td><td>")
          .append(s.inputRows == 0 ? "" : esc(Svg.time(s.first, 0)))
          .append("</td><td>")
          .append(s.inputRows == 0 ? "" : esc(Svg.time(s.last, 0)))
          .append("</td><td class=\"cadence\">")
          .append(esc(cadence(s.steps)))
          .append("</td><td>");
      // a step of about the cadence is the cadence, not a gap: gaps are over 1.5 cadences
      List<String> gaps = new ArrayList<>();
      double cadence = s.steps.medianStep();
      for (TimeSteps.Gap g : s.steps.longestGaps()) {
        if (gaps.size() == 3 || !(g.length() > 1.5 * cadence)) {
          break;
        }
        gaps.add(duration(g.length()) + " from " + Svg.time(g.start(), 0));
      }
      sb.append(
              esc(
                  gaps.isEmpty() && s.steps.stepCount() > 0
                      ? "none (no step over 1.5\u00d7 the cadence)"
                      : String.join("; ", gaps)))
          .append("</td></tr>");
    }
    sb.append("</tbody></table></section>\n");
  }

  private static void steps(StringBuilder sb, Model m) {
    sb.append("<section id=\"steps\"><h2>Steps</h2><table class=\"data\" id=\"steps-table\">")
        .append("<thead><tr><th>#</th><th>step</th><th>operation</th><th>rows in</th>")
        .append("<th>rows out</th>");
    for (String kind : COUNTER_KINDS.keySet()) {
      sb.append("<th>").append(kind).append("</th>");
    }
    sb.append("<th>other counters</th></tr></thead><tbody>");
    long[][] rows = new long[m.stepNames.size()][2];
    long[][] changes = new long[m.stepNames.size()][COUNTER_KINDS.size()];
    for (int i = 0; i < m.stepNames.size(); i++) {
      String step = m.stepNames.get(i);
      rows[i][0] = m.counter(step + ".rows_in");
      rows[i][1] = m.counter(step + ".rows_out");
      sb.append("<tr data-step=\"")
          .append(esc(step))
          .append("\"><td>")
          .append(i + 1)
          .append("</td><td>")
          .append(esc(step))
          .append("</td><td>")
          .append(esc(m.stepTypes.get(i)))
          .append("</td>");
      counterCell(sb, step + ".rows_in", rows[i][0]);
      counterCell(sb, step + ".rows_out", rows[i][1]);
      List<String> shownNames = new ArrayList<>(List.of("rows_in", "rows_out"));
      int k = 0;
      for (List<String> names : COUNTER_KINDS.values()) {
        sb.append("<td class=\"n\">");
        List<String> parts = new ArrayList<>();
        for (String n : names) {
          if (m.counters.containsKey(step + "." + n)) {
            long v = m.counter(step + "." + n);
            changes[i][k] += v;
            parts.add("<span data-counter=\"" + esc(step + "." + n) + "\">" + count(v) + "</span>");
          }
          shownNames.add(n);
        }
        sb.append(parts.isEmpty() ? "" : String.join(" + ", parts)).append("</td>");
        k++;
      }
      List<String> other = new ArrayList<>();
      for (Map.Entry<String, Long> e : m.counters.entrySet()) {
        if (e.getKey().startsWith(step + ".")
            && !shownNames.contains(e.getKey().substring(step.length() + 1))) {
          other.add(
              "<span data-counter=\""
                  + esc(e.getKey())
                  + "\">"
                  + esc(e.getKey().substring(step.length() + 1))
                  + " "
                  + count(e.getValue())
                  + "</span>");
        }
      }
      sb.append("<td>").append(String.join(", ", other)).append("</td></tr>");
    }
    sb.append("</tbody></table>");
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < m.stepNames.size(); i++) {
      labels.add((i + 1) + ". " + m.stepNames.get(i));
    }
    sb.append("<h3>Rows in and out</h3><figure id=\"rows-chart\">")
        .append(Svg.barChart(labels, List.of("rows in", "rows out"), rows))
        .append("</figure>")
        .append("<h3>What each step changed</h3><figure id=\"changes-chart\">")
        .append(Svg.stackedBars(labels, new ArrayList<>(COUNTER_KINDS.keySet()), changes))
        .append("</figure></section>\n");
  }

  private static void plots(StringBuilder sb, Model m) {
    sb.append("<section id=\"plots\"><h2>Input and output</h2><p class=\"legend\">")
        .append("<span class=\"key key-input\"></span>input <span class=\"key key-output\">")
        .append("</span>output ");
    if (m.derived.values().stream().anyMatch(d -> !d.isEmpty())) {
      sb.append("<span class=\"key key-derived\"></span>output aggregated over intervals ")
          .append("(each value held over its interval, from its time) ");
    }
    sb.append("<span class=\"key key-offscale\">&#9660;&#9650;</span>off scale ")
        .append("<span class=\"key key-gap\"></span>")
        .append("gaps (at least 3&times; the cadence)");
    if (m.markers) {
      sb.append(" &middot; markers: <b class=\"sym filled\">&#9650;</b> filled ")
          .append("<b class=\"sym changed\">&#9670;</b> clipped / changed ")
          .append("<b class=\"sym masked\">&#10005;</b> masked ")
          .append("<b class=\"sym dropped\">&#9679;</b> dropped (on the time axis when the ")
          .append("dropped row had no value)");
    }
    sb.append("</p><p class=\"note\">Each line is thinned to at most ")
        .append(ReportCollector.POINTS)
        .append(" points by LTTB (the shape is kept); markers ")
        .append("to at most ")
        .append(ReportCollector.MARKERS)
        .append(" per kind, counts exact.");
    for (String note : m.notes) {
      sb.append(' ').append(esc(note));
    }
    sb.append("</p>");
    if (m.plotted.size() < m.series.size()) {
      sb.append("<p class=\"note\">Showing ")
          .append(m.plotted.size())
          .append(" of ")
          .append(count(m.series.size()))
          .append(" series (report_series, report_max_series).")
          .append("</p>");
    }
    int plotIndex = 0;
    for (SeriesReport s : m.plotted) {
      sb.append("<div class=\"series\"><h3>").append(esc(s.title())).append("</h3>");
      for (String c : m.columns) {
        ColumnSamples cs = s.columns.get(c);
        if (cs == null) {
          continue;
        }
        String id = "plot-" + plotIndex++;
        sb.append("<figure class=\"plot-figure\" data-series=\"")
            .append(esc(s.label))
            .append("\" data-column=\"")
            .append(esc(c))
            .append("\"><figcaption><b>")
            .append(esc(c))
            .append("</b> <span class=\"counts\">plotted ")
            .append(count(cs.input.size()));
        if (m.outputSchema != null && !m.outputSchema.hasField(c)) {
          sb.append(" input points (the output has no column ")
              .append(esc(c))
              .append("); nulls in the input: ")
              .append(count(cs.inputNulls));
        } else {
          sb.append(" input and ")
              .append(count(cs.output.size()))
              .append(" output points; nulls: input ")
              .append(count(cs.inputNulls))
              .append(", output ")
              .append(count(cs.outputNulls));
        }
        if (m.markers) {
          for (Marker k : Marker.values()) {
            long total = cs.markerTotals[k.ordinal()];
            if (total > 0) {
              sb.append("; <span class=\"marker-count\" data-marker=\"")
                  .append(k.cssClass())
                  .append("\">")
                  .append(esc(k.label))
                  .append(' ')
                  .append(count(total))
                  .append("</span>");
            }
          }
        }
        List<String> over = new ArrayList<>();
        List<String> below = new ArrayList<>();
        for (String d : m.derived.getOrDefault(c, List.of())) {
          if (s.columns.containsKey(d)) {
            (keepsUnit(c, d) ? over : below).add(d);
          }
        }
        if (!over.isEmpty()) {
          sb.append("; drawn over the input: ");
          derivedNames(sb, s, over);
        }
        if (!below.isEmpty()) {
          sb.append("; below, on the same time axis: ");
          derivedNames(sb, s, below);
        }
        long[] range = timeRange(s, c, over, below);
        List<Svg.Line> lines = new ArrayList<>();
        lines.add(new Svg.Line("line-output", cs.output, lineBreak(s)));
        ColumnSamples.Spread spread = cs.inputSpread.append(cs.outputSpread);
        for (String d : over) {
          ColumnSamples ds = s.columns.get(d);
          lines.add(new Svg.Line("line-output line-derived", ds.output, 0, medianStep(ds.output)));
          spread = spread.append(ds.outputSpread);
        }
        List<TimeSteps.Gap> gaps = shadedGaps(s.steps);
        sb.append("</span></figcaption>")
            .append(
                Svg.timePlot(
                    id,
                    cs.input,
                    lines,
                    cs.markers,
                    gaps,
                    lineBreak(s),
                    range,
                    Svg.robustLimits(spread),
                    Svg.PLOT_HEIGHT));
        for (String d : below) {
          ColumnSamples ds = s.columns.get(d);
          sb.append("<div class=\"panel\" data-derived=\"")
              .append(esc(d))
              .append("\"><span class=\"panel-label\">")
              .append(esc(d))
              .append("</span> <span class=\"counts\">output, ")
              .append(count(ds.output.size()))
              .append(" points; nulls ")
              .append(count(ds.outputNulls))
              .append("</span>")
              .append(
                  Svg.timePlot(
                      id + "-" + d,
                      ColumnSamples.Points.EMPTY,
                      List.of(
                          new Svg.Line(
                              "line-output line-derived", ds.output, 0, medianStep(ds.output))),
                      new ColumnSamples().markers,
                      gaps,
                      0,
                      range,
                      Svg.robustLimits(ds.outputSpread),
                      Svg.PANEL_HEIGHT))
              .append("</div>");
        }
        sb.append("</figure>");
      }
      sb.append("</div>");
    }
    sb.append("</section>\n");
  }

  /** Aggregations whose output keeps the unit of the column they aggregate. */
  private static final Set<String> SAME_UNIT =
      Set.of("mean", "median", "min", "max", "first", "last", "twa");

  /**
   * Whether output column {@code derived} of {@code column} is drawn over the input (it keeps the
   * unit: {@code power_kw_mean}) or in a panel of its own below ({@code power_kw_integral}).
   */
  static boolean keepsUnit(String column, String derived) {
    return SAME_UNIT.contains(derived.substring(column.length() + 1));
  }

  private static void derivedNames(StringBuilder sb, SeriesReport s, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append("<b class=\"derived\">")
          .append(esc(names.get(i)))
          .append("</b> (")
          .append(count(s.columns.get(names.get(i)).output.size()))
          .append(" points)");
    }
  }

  /** The time range of every line of one column's figure, so its panels share one time axis. */
  private static long[] timeRange(
      SeriesReport s, String column, List<String> over, List<String> below) {
    long t0 = Long.MAX_VALUE;
    long t1 = Long.MIN_VALUE;
    List<ColumnSamples.Points> all = new ArrayList<>();
    ColumnSamples cs = s.columns.get(column);
    all.add(cs.input);
    all.add(cs.output);
    all.addAll(List.of(cs.markers));
    for (ColumnSamples.Points p : all) {
      if (p.size() > 0) {
        t0 = Math.min(t0, p.t[0]);
        t1 = Math.max(t1, p.t[p.size() - 1]);
      }
    }
    List<String> derived = new ArrayList<>(over);
    derived.addAll(below);
    for (String d : derived) {
      ColumnSamples.Points p = s.columns.get(d).output;
      if (p.size() > 0) {
        // interval values are held for one step: the last one to its interval's end
        t0 = Math.min(t0, p.t[0]);
        t1 = Math.max(t1, p.t[p.size() - 1] + medianStep(p));
      }
    }
    return t0 > t1 ? null : new long[] {t0, t1};
  }

  /**
   * The median step between consecutive points (how long an interval value is held: an hourly
   * aggregate an hour); 0 with fewer than two points.
   */
  static long medianStep(ColumnSamples.Points p) {
    if (p.size() < 2) {
      return 0;
    }
    long[] d = new long[p.size() - 1];
    for (int i = 1; i < p.size(); i++) {
      d[i - 1] = p.t[i] - p.t[i - 1];
    }
    java.util.Arrays.sort(d);
    return d[d.length / 2];
  }

  /**
   * The longest gaps worth shading: at least three times the cadence (a single missing reading is
   * not an outage and would only stripe the plot).
   */
  static List<TimeSteps.Gap> shadedGaps(TimeSteps steps) {
    List<TimeSteps.Gap> out = new ArrayList<>();
    double cadence = steps.medianStep();
    for (TimeSteps.Gap g : steps.longestGaps()) {
      if (!Double.isNaN(cadence) && g.length() >= 3 * cadence && g.length() > 0) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * Where a plotted line breaks: points more than three cadences apart, and more than three times
   * the spacing thinning leaves ({@code span / points}), so LTTB's own spacing never breaks it.
   */
  static long lineBreak(SeriesReport s) {
    double cadence = s.steps.medianStep();
    if (Double.isNaN(cadence) || s.last <= s.first) {
      return 0;
    }
    return Math.max(Math.round(3 * cadence), 3 * (s.last - s.first) / ReportCollector.POINTS);
  }

  private static void schema(StringBuilder sb, Model m) {
    sb.append("<section id=\"schema\"><h2>Output schema</h2><table class=\"data\">")
        .append("<thead><tr><th>#</th><th>field</th><th>type</th><th>nullable</th>")
        .append("<th>role</th></tr></thead><tbody>");
    if (m.outputSchema != null) {
      int i = 0;
      for (Schema.Field f : m.outputSchema.getFields()) {
        String role =
            f.getName().equals(m.outputTimeField)
                ? "time"
                : m.outputKeyFields.contains(f.getName()) ? "key" : "value";
        sb.append("<tr><td>")
            .append(++i)
            .append("</td><td>")
            .append(esc(f.getName()))
            .append("</td><td>")
            .append(esc(String.valueOf(f.getType().getTypeName())))
            .append("</td><td>")
            .append(Boolean.TRUE.equals(f.getType().getNullable()) ? "yes" : "no")
            .append("</td><td>")
            .append(role)
            .append("</td></tr>");
      }
    }
    sb.append("</tbody></table></section>\n");
  }

  private static void fact(StringBuilder sb, String name, String value, String counter) {
    sb.append("<tr><th>").append(esc(name)).append("</th><td");
    if (counter != null) {
      sb.append(" data-counter=\"").append(esc(counter)).append('"');
    }
    sb.append('>').append(esc(value)).append("</td></tr>");
  }

  private static void counterCell(StringBuilder sb, String counter, long v) {
    sb.append("<td class=\"n\" data-counter=\"")
        .append(esc(counter))
        .append("\">")
        .append(count(v))
        .append("</td>");
  }

  /** The cadence as text: the median step, "≈" when approximate, "—" without steps. */
  static String cadence(TimeSteps steps) {
    double median = steps.medianStep();
    if (Double.isNaN(median)) {
      return "—";
    }
    return (steps.approximate() ? "≈ " : "") + duration(Math.round(median));
  }

  /** A count with thousands separators ({@code 1,234,567}), as the run summary prints it. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A value for an axis: up to 6 significant digits, no exponent for everyday magnitudes. */
  static String number(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e7 || a < 1e-4) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    String s =
        new java.math.BigDecimal(v)
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString();
    return s;
  }

  /** A duration in its two largest units, e.g. {@code 1 h 30 min}, {@code 2 d 4 h}. */
  static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    long[] unit = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    String[] name = {"d", "h", "min", "s"};
    int i = 0;
    while (ms / unit[i] == 0) {
      i++;
    }
    long q = ms / unit[i];
    long next = i + 1 < unit.length ? (ms - q * unit[i]) / unit[i + 1] : 0;
    return q + " " + name[i] + (next > 0 ? " " + next + " " + name[i + 1] : "");
  }

  private static final String CSS =
      String.join(
          "",
          "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;",
          "margin:0;color:#1d2630;background:#f6f7f9}",
          "header{background:#1d3557;color:#fff;padding:14px 28px}",
          "header h1{margin:0;font-size:24px}.meta{margin:2px 0 8px;opacity:.85;font-size:13px}",
          "nav a{color:#fff;margin-right:18px;font-weight:600;text-decoration:none}",
          "main{max-width:1180px;margin:0 auto;padding:8px 24px 40px}",
          "section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:6px 20px 16px;",
          "margin:18px 0}h2{font-size:20px;margin:10px 0 8px;color:#1d3557}",
          "h3{font-size:16px;margin:16px 0 6px}",
          "table{border-collapse:collapse;font-size:14px}",
          "table.facts th{text-align:left;padding:3px 18px 3px 0;color:#52606d;font-weight:600}",
          "table.data{width:100%}table.data th{background:#eef1f5;text-align:left;padding:5px 8px;",
          "border-bottom:1px solid #cbd2d9}",
          "table.data td{padding:4px 8px;border-bottom:1px solid #eef1f5}",
          "td.n{text-align:right;font-variant-numeric:tabular-nums}",
          "figure{margin:6px 0 14px}figcaption{font-size:14px;margin-bottom:2px}",
          ".counts{color:#52606d}.note,.legend{font-size:13px;color:#52606d}",
          "svg{width:100%;height:auto;display:block}",
          "svg text{font-size:12px;fill:#3e4c59}.bars .category{font-size:13px;fill:#1d2630}",
          ".bar-0{fill:#7b9acc}.bar-1{fill:#1d3557}.bar-2{fill:#2a9d8f}.bar-3{fill:#e9a03b}",
          ".bar-4{fill:#8e44ad}.bars .value{font-size:12px;fill:#3e4c59}",
          ".kind-0{fill:#d62828}.kind-1{fill:#2a9d8f}.kind-2{fill:#e9a03b}.kind-3{fill:#8e44ad}",
          ".kind-4{fill:#52606d}",
          ".grid{stroke:#e4e7eb}.tick,.frame{stroke:#9aa5b1}",
          ".line-input{fill:none;stroke:#9aa5b1;stroke-width:1.4;stroke-linejoin:round}",
          "circle.line-input{fill:#9aa5b1}circle.line-output{fill:#1f6fb2}",
          ".line-output{fill:none;stroke:#1f6fb2;stroke-width:1.6;stroke-linejoin:round}",
          ".gap{fill:#f4a261;fill-opacity:.22}",
          ".line-derived{stroke:#0b3d91;stroke-width:2}circle.line-derived{fill:#0b3d91}",
          ".offscale{fill:#c0392b}.offscale-note{font-size:13px;fill:#c0392b;paint-order:stroke;"
              + "stroke:#fff;stroke-width:4px}",
          ".key.key-derived{border-color:#0b3d91}",
          ".key.key-offscale{border:none;width:auto;height:auto;color:#c0392b;font-size:11px}",
          ".panel{margin-top:4px}.panel-label{font-weight:bold}",
          ".marker-filled .marker{fill:#2a9d8f}.marker-changed .marker{fill:#e9a03b}",
          ".marker-masked .marker{stroke:#8e44ad;stroke-width:2;fill:none}",
          ".marker-dropped .marker{fill:#d62828}",
          ".key{display:inline-block;width:22px;height:0;border-top:3px solid;margin:0 5px 3px 10px}",
          ".key-input{border-color:#9aa5b1}.key-output{border-color:#1f6fb2}",
          ".key-gap{border:none;height:12px;background:#f4a261;opacity:.45;vertical-align:-1px}",
          ".sym{font-weight:400;margin-left:8px}.sym.filled{color:#2a9d8f}.sym.changed{color:#e9a03b}",
          ".sym.masked{color:#8e44ad}.sym.dropped{color:#d62828}",
          ".series{border-top:1px solid #eef1f5;margin-top:10px}",
          ".empty{fill:#9aa5b1;font-size:16px}");
}
