package io.industryts.runners.report;

import io.industryts.runners.report.ColumnSamples.Marker;
import io.industryts.runners.report.ColumnSamples.Points;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

// Over 500 lines: the report's chart kinds (a time plot with axes, off-scale markers and gap
// shading; grouped and stacked bars) as pure functions that share escaping, number format and
// tick choice.

/**
 * Inline SVG written by the report itself: a time plot (input and output lines on one time axis,
 * markers, gap shading) and a horizontal grouped bar chart. Pure functions from data to markup; the
 * page's stylesheet ({@link HtmlReport}) gives the classes their colours.
 *
 * <pre>{@code
 * String svg = Svg.barChart(List.of("clean", "fill"), List.of("rows in", "rows out"),
 *     new long[][] {{100, 98}, {98, 98}});
 * }</pre>
 */
public final class Svg {
  private Svg() {}

  static final int WIDTH = 1100;
  static final int PLOT_HEIGHT = 280;
  static final int PANEL_HEIGHT = 170;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 12;
  private static final int BOTTOM = 34;

  /** Candidate time-axis steps, ms: the first giving at most 8 ticks is used. */
  private static final long[] TIME_STEPS = {
    1_000,
    2_000,
    5_000,
    10_000,
    15_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    900_000,
    1_800_000,
    3_600_000,
    7_200_000,
    10_800_000,
    21_600_000,
    43_200_000,
    86_400_000L,
    172_800_000L,
    604_800_000L,
    1_209_600_000L,
    2_592_000_000L,
    7_776_000_000L,
    15_552_000_000L,
    31_536_000_000L,
    63_072_000_000L,
    157_680_000_000L
  };

  /**
   * A time plot of one column: the input (thin, grey) and output (blue) lines, the markers of each
   * kind and the gaps shaded.
   *
   * @param gaps time ranges to shade (longest gaps), each {@code [start, end]}
   * @param breakGap the lines break between points farther apart than this (ms); 0: never
   */
  static String timePlot(
      String id,
      Points input,
      Points output,
      Points[] markers,
      List<TimeSteps.Gap> gaps,
      long breakGap) {
    return timePlot(
        id,
        input,
        List.of(new Line("line-output", output, breakGap)),
        markers,
        gaps,
        breakGap,
        null,
        null,
        PLOT_HEIGHT);
  }

  /** An output line of a time plot: its CSS class, its points, where it breaks (ms; 0 never). */
  static final class Line {
    final String cssClass;
    final Points points;
    final long breakGap;
    final long hold;

    Line(String cssClass, Points points, long breakGap) {
      this(cssClass, points, breakGap, 0);
    }

    /**
     * A line of interval values (an hourly mean, an hourly energy): each value is held for {@code
     * hold} ms from its time (the interval's start, the resample's left label), as a step.
     */
    Line(String cssClass, Points points, long breakGap, long hold) {
      this.cssClass = cssClass;
      this.points = points;
      this.breakGap = breakGap;
      this.hold = hold;
    }
  }

  /**
   * A time plot as {@link #timePlot(String, Points, Points, Points[], List, long)}, with any number
   * of output lines, a fixed time range ({@code timeRange} {@code [t0, t1]}, or null for the
   * points' own) so that plots stacked under each other share one time axis, and value-axis limits
   * ({@code limits} {@code [lo, hi]}, or null): points beyond them are drawn on the plot's edge
   * with an off-scale mark (▲ above, ▼ below) and counted in the plot's corner, so that a
   * placeholder such as -9999 does not flatten every real value into one line.
   */
  static String timePlot(
      String id,
      Points input,
      List<Line> outputs,
      Points[] markers,
      List<TimeSteps.Gap> gaps,
      long breakGap,
      long[] timeRange,
      double[] limits,
      int height) {
    long t0 = Long.MAX_VALUE;
    long t1 = Long.MIN_VALUE;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    List<Points> all = new ArrayList<>(List.of(input));
    for (Line l : outputs) {
      all.add(l.points);
    }
    all.addAll(List.of(markers));
    double lo = limits == null ? Double.NEGATIVE_INFINITY : limits[0];
    double hi = limits == null ? Double.POSITIVE_INFINITY : limits[1];
    for (Points p : all) {
      for (int i = 0; i < p.size(); i++) {
        t0 = Math.min(t0, p.t[i]);
        t1 = Math.max(t1, p.t[i]);
        if (!Double.isNaN(p.v[i]) && p.v[i] >= lo && p.v[i] <= hi) {
          y0 = Math.min(y0, p.v[i]);
          y1 = Math.max(y1, p.v[i]);
        }
      }
    }
    if (timeRange != null) {
      t0 = timeRange[0];
      t1 = timeRange[1];
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"plot\" id=\"")
        .append(esc(id))
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\">");
    if (t0 > t1 || y0 > y1) {
      sb.append("<text class=\"empty\" x=\"")
          .append(WIDTH / 2)
          .append("\" y=\"")
          .append(height / 2)
          .append("\" text-anchor=\"middle\">no values</text></svg>");
      return sb.toString();
    }
    if (t0 == t1) {
      t0 -= 1000;
      t1 += 1000;
    }
    if (height < PLOT_HEIGHT && y0 > 0) {
      y0 = 0; // a panel shows amounts per interval (energy, counts): from zero
    }
    double[] yTicks = niceTicks(y0, y1, height < PLOT_HEIGHT ? 3 : 5);
    y0 = Math.min(y0, yTicks[0]);
    y1 = Math.max(y1, yTicks[yTicks.length - 1]);
    if (y0 == y1) {
      y0 -= 1;
      y1 += 1;
    }
    Frame f = new Frame(t0, t1, y0, y1, height);
    for (TimeSteps.Gap g : gaps) {
      if (g.end() < t0 || g.start() > t1) {
        continue;
      }
      double a = f.x(Math.max(g.start(), t0));
      double b = f.x(Math.min(g.end(), t1));
      sb.append("<rect class=\"gap\" x=\"")
          .append(num(a))
          .append("\" y=\"")
          .append(TOP)
          .append("\" width=\"")
          .append(num(Math.max(1.5, b - a)))
          .append("\" height=\"")
          .append(height - TOP - BOTTOM)
          .append("\"><title>gap ")
          .append(esc(time(g.start(), 0)))
          .append(" to ")
          .append(esc(time(g.end(), 0)))
          .append(" (")
          .append(esc(HtmlReport.duration(g.length())))
          .append(")</title></rect>");
    }
    axes(sb, f, yTicks);
    OffScale off = new OffScale();
    line(sb, "line-input", input, f, breakGap, off);
    for (Line l : outputs) {
      if (l.hold > 0) {
        steps(sb, l.cssClass, l.points, f, l.hold, off);
      } else {
        line(sb, l.cssClass, l.points, f, l.breakGap, off);
      }
    }
    for (Marker m : Marker.values()) {
      Points p = markers[m.ordinal()];
      if (p.size() == 0) {
        continue;
      }
      sb.append("<g class=\"markers marker-").append(m.cssClass()).append("\">");
      for (int i = 0; i < p.size(); i++) {
        double x = f.x(p.t[i]);
        double y = Double.isNaN(p.v[i]) ? height - BOTTOM : f.y(f.clamp(p.v[i]));
        sb.append(shape(m, x, y));
      }
      sb.append("</g>");
    }
    off.write(sb, f);
    sb.append("</svg>");
    return sb.toString();
  }

  /**
   * Value-axis limits that keep placeholders and wild outliers off the axis: with {@code p5} and
   * {@code p95} the 5th and 95th percentiles of the values and {@code w = p95 - p5}, the axis spans
   * at most {@code [p5 - 5w, p95 + 5w]}; null (no limit) when {@code w} is 0 or there are no
   * values.
   *
   * <pre>{@code
   * // power readings 40..50 kW and a few -9999 "comm failure" placeholders:
   * Svg.robustLimits(spread);   // about {-10, 100}: -9999 is drawn off scale
   * }</pre>
   */
  static double[] robustLimits(ColumnSamples.Spread spread) {
    double[] q = spread.quantiles(0.05, 0.95);
    double w = q[1] - q[0];
    if (!(w > 0)) {
      return null;
    }
    return new double[] {q[0] - 5 * w, q[1] + 5 * w};
  }

  /** The points drawn on the plot's edge because their value is beyond the value axis. */
  private static final class OffScale {
    final List<long[]> times = new ArrayList<>();
    final List<double[]> values = new ArrayList<>();
    long above;
    long below;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    final StringBuilder marks = new StringBuilder();

    void add(Frame f, long t, double v) {
      boolean up = v > f.y1;
      if (up) {
        above++;
      } else {
        below++;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      if (above + below <= MAX_OFF_SCALE_MARKS) {
        double x = f.x(t);
        double y = up ? TOP : f.height - BOTTOM;
        marks
            .append("<path class=\"offscale\" d=\"M")
            .append(num(x))
            .append(' ')
            .append(num(up ? y - 1 : y + 1))
            .append(up ? "l-4 7h8z" : "l-4 -7h8z")
            .append("\"><title>")
            .append(esc(HtmlReport.number(v)))
            .append(" at ")
            .append(esc(time(t, 0)))
            .append(" (off scale)</title></path>");
      }
    }

    void write(StringBuilder sb, Frame f) {
      if (above + below == 0) {
        return;
      }
      sb.append("<g class=\"offscale-marks\">").append(marks).append("</g>");
      List<String> parts = new ArrayList<>();
      if (above > 0) {
        parts.add("\u25b2 " + above + " above the axis (max " + HtmlReport.number(max) + ")");
      }
      if (below > 0) {
        parts.add("\u25bc " + below + " below the axis (min " + HtmlReport.number(min) + ")");
      }
      sb.append("<text class=\"offscale-note\" data-above=\"")
          .append(above)
          .append("\" data-below=\"")
          .append(below)
          .append("\" x=\"")
          .append(WIDTH - RIGHT - 4)
          .append("\" y=\"")
          .append(TOP + 14)
          .append("\" text-anchor=\"end\">")
          .append(esc("off scale: " + String.join(", ", parts)))
          .append("</text>");
    }
  }

  /** Off-scale marks drawn per plot at most (all are counted). */
  private static final int MAX_OFF_SCALE_MARKS = 300;

  /** One marker's shape: filled ▲, changed ◆, masked ✕, dropped ●. */
  private static String shape(Marker m, double x, double y) {
    switch (m) {
      case FILLED:
        return "<path class=\"marker\" d=\"M" + num(x) + " " + num(y - 5) + "l4.5 8h-9z\"/>";
      case CHANGED:
        return "<path class=\"marker\" d=\"M" + num(x) + " " + num(y - 5) + "l5 5l-5 5l-5 -5z\"/>";
      case MASKED:
        return "<path class=\"marker\" d=\"M"
            + num(x - 4)
            + " "
            + num(y - 4)
            + "l8 8m0 -8l-8 8\"/>";
      default:
        return "<circle class=\"marker\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"3.5\"/>";
    }
  }

  /**
   * A line through the points as one path, broken (a new {@code M}) where two consecutive points
   * are more than {@code breakGap} ms apart: a long outage or a run of nulls is not drawn as if the
   * values were known.
   */
  private static void line(
      StringBuilder sb, String cssClass, Points p, Frame f, long breakGap, OffScale off) {
    if (p.size() == 0) {
      return;
    }
    for (int i = 0; i < p.size(); i++) {
      if (p.v[i] > f.y1 || p.v[i] < f.y0) {
        off.add(f, p.t[i], p.v[i]);
      }
    }
    if (p.size() == 1) {
      sb.append("<circle class=\"")
          .append(cssClass)
          .append("\" cx=\"")
          .append(num(f.x(p.t[0])))
          .append("\" cy=\"")
          .append(num(f.y(f.clamp(p.v[0]))))
          .append("\" r=\"2\"/>");
      return;
    }
    sb.append("<path class=\"").append(cssClass).append("\" d=\"");
    for (int i = 0; i < p.size(); i++) {
      boolean jump = i == 0 || breakGap > 0 && p.t[i] - p.t[i - 1] > breakGap;
      sb.append(jump ? 'M' : 'L')
          .append(num(f.x(p.t[i])))
          .append(' ')
          .append(num(f.y(f.clamp(p.v[i]))));
    }
    sb.append("\"/>");
  }

  /**
   * Interval values as steps: each held for {@code hold} ms from its time, joined to the next where
   * that starts as this one ends.
   */
  private static void steps(
      StringBuilder sb, String cssClass, Points p, Frame f, long hold, OffScale off) {
    if (p.size() == 0) {
      return;
    }
    sb.append("<path class=\"").append(cssClass).append("\" d=\"");
    long end = Long.MIN_VALUE;
    for (int i = 0; i < p.size(); i++) {
      if (p.v[i] > f.y1 || p.v[i] < f.y0) {
        off.add(f, p.t[i], p.v[i]);
      }
      String y = num(f.y(f.clamp(p.v[i])));
      sb.append(p.t[i] == end ? 'L' : 'M').append(num(f.x(p.t[i]))).append(' ').append(y);
      end = p.t[i] + hold;
      sb.append('L').append(num(f.x(Math.min(end, f.t1)))).append(' ').append(y);
    }
    sb.append("\"/>");
  }

  private static void axes(StringBuilder sb, Frame f, double[] yTicks) {
    int bottom = f.height - BOTTOM;
    sb.append("<g class=\"axis\">");
    for (double v : yTicks) {
      double y = f.y(v);
      sb.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(num(y))
          .append("\" y2=\"")
          .append(num(y))
          .append("\"/>")
          .append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(num(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(esc(HtmlReport.number(v)))
          .append("</text>");
    }
    long step = timeStep(f.t1 - f.t0);
    long first = Math.floorDiv(f.t0 + step - 1, step) * step;
    for (long t = first; t <= f.t1; t += step) {
      double x = f.x(t);
      sb.append("<line class=\"tick\" x1=\"")
          .append(num(x))
          .append("\" x2=\"")
          .append(num(x))
          .append("\" y1=\"")
          .append(bottom)
          .append("\" y2=\"")
          .append(bottom + 5)
          .append("\"/>")
          .append("<text x=\"")
          .append(num(x))
          .append("\" y=\"")
          .append(bottom + 19)
          // a label at the right end would be cut off by the plot's edge: end it at its tick
          .append(x > WIDTH - RIGHT - 40 ? "\" text-anchor=\"end\">" : "\" text-anchor=\"middle\">")
          .append(esc(time(t, step)))
          .append("</text>");
    }
    sb.append("<line class=\"frame\" x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(WIDTH - RIGHT)
        .append("\" y1=\"")
        .append(bottom)
        .append("\" y2=\"")
        .append(bottom)
        .append("\"/>")
        .append("<line class=\"frame\" x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(TOP)
        .append("\" y2=\"")
        .append(bottom)
        .append("\"/>")
        .append("</g>");
  }

  /** The time-axis tick step for a span: at most 8 ticks. */
  static long timeStep(long span) {
    for (long s : TIME_STEPS) {
      if (span / s <= 8) {
        return s;
      }
    }
    return TIME_STEPS[TIME_STEPS.length - 1];
  }

  /** A tick label: seconds below a one-minute step, date alone from one day, else date and time. */
  static String time(long t, long step) {
    String pattern =
        step == 0
            ? "yyyy-MM-dd HH:mm:ss"
            : step < 60_000 ? "HH:mm:ss" : step < 86_400_000L ? "MM-dd HH:mm" : "yyyy-MM-dd";
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
        .withZone(ZoneOffset.UTC)
        .format(Instant.ofEpochMilli(t));
  }

  /** About {@code target} round ticks (1, 2, 2.5 or 5 × 10^k apart) covering {@code [lo, hi]}. */
  static double[] niceTicks(double lo, double hi, int target) {
    if (lo == hi) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
    double raw = (hi - lo) / target;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    }
    double start = Math.floor(lo / step) * step;
    double end = Math.ceil(hi / step) * step;
    int n = (int) Math.round((end - start) / step) + 1;
    double[] ticks = new double[n];
    for (int i = 0; i < n; i++) {
      ticks[i] = start + i * step;
    }
    return ticks;
  }

  /**
   * A horizontal grouped bar chart: one group per category, one bar per series, with the values
   * printed beside the bars; scaled to the largest value.
   */
  public static String barChart(List<String> categories, List<String> series, long[][] values) {
    int barHeight = 14;
    int groupGap = 12;
    int labelWidth = 200;
    int groupHeight = series.size() * barHeight + groupGap;
    int height = Math.max(1, categories.size()) * groupHeight + 30;
    long max = 1;
    for (long[] row : values) {
      for (long v : row) {
        max = Math.max(max, v);
      }
    }
    double scale = (WIDTH - labelWidth - 140) / (double) max;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"bars\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\">");
    for (int c = 0; c < categories.size(); c++) {
      int y = 6 + c * groupHeight;
      sb.append("<text class=\"category\" x=\"")
          .append(labelWidth - 8)
          .append("\" y=\"")
          .append(y + series.size() * barHeight / 2 + 4)
          .append("\" text-anchor=\"end\">")
          .append(esc(categories.get(c)))
          .append("</text>");
      for (int s = 0; s < series.size(); s++) {
        long v = values[c][s];
        double w = v * scale;
        int by = y + s * barHeight;
        sb.append("<rect class=\"bar bar-")
            .append(s)
            .append("\" x=\"")
            .append(labelWidth)
            .append("\" y=\"")
            .append(by)
            .append("\" width=\"")
            .append(num(Math.max(v > 0 ? 1 : 0, w)))
            .append("\" height=\"")
            .append(barHeight - 2)
            .append("\"><title>")
            .append(esc(categories.get(c) + " " + series.get(s) + ": " + HtmlReport.count(v)))
            .append("</title></rect><text class=\"value\" x=\"")
            .append(num(labelWidth + w + 6))
            .append("\" y=\"")
            .append(by + barHeight - 4)
            .append("\">")
            .append(esc(HtmlReport.count(v)))
            .append("</text>");
      }
    }
    int ly = height - 10;
    int lx = labelWidth;
    for (int s = 0; s < series.size(); s++) {
      sb.append("<rect class=\"bar bar-")
          .append(s)
          .append("\" x=\"")
          .append(lx)
          .append("\" y=\"")
          .append(ly - 10)
          .append("\" width=\"12\" height=\"12\"/><text x=\"")
          .append(lx + 16)
          .append("\" y=\"")
          .append(ly)
          .append("\">")
          .append(esc(series.get(s)))
          .append("</text>");
      lx += 30 + 8 * series.get(s).length();
    }
    sb.append("</svg>");
    return sb.toString();
  }

  /**
   * One stacked horizontal bar per category, a segment per kind with a value (class {@code
   * kind-<k>}), and the non-zero parts spelled out beside it; scaled to the largest total.
   */
  public static String stackedBars(List<String> categories, List<String> kinds, long[][] values) {
    int barHeight = 18;
    int rowHeight = 28;
    int labelWidth = 200;
    int height = Math.max(1, categories.size()) * rowHeight + 34;
    long max = 1;
    for (long[] row : values) {
      long total = 0;
      for (long v : row) {
        total += v;
      }
      max = Math.max(max, total);
    }
    double scale = (WIDTH - labelWidth - 330) / (double) max;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"bars stacked\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\">");
    for (int c = 0; c < categories.size(); c++) {
      int y = 6 + c * rowHeight;
      sb.append("<text class=\"category\" x=\"")
          .append(labelWidth - 8)
          .append("\" y=\"")
          .append(y + barHeight / 2 + 4)
          .append("\" text-anchor=\"end\">")
          .append(esc(categories.get(c)))
          .append("</text>");
      double x = labelWidth;
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < kinds.size(); k++) {
        long v = values[c][k];
        if (v == 0) {
          continue;
        }
        double w = Math.max(2, v * scale);
        sb.append("<rect class=\"bar kind-")
            .append(k)
            .append("\" x=\"")
            .append(num(x))
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(num(w))
            .append("\" height=\"")
            .append(barHeight)
            .append("\"><title>")
            .append(esc(categories.get(c) + " " + kinds.get(k) + ": " + HtmlReport.count(v)))
            .append("</title></rect>");
        x += w;
        parts.add(kinds.get(k) + " " + HtmlReport.count(v));
      }
      sb.append("<text class=\"value\" x=\"")
          .append(num(x + 8))
          .append("\" y=\"")
          .append(y + barHeight / 2 + 4)
          .append("\">")
          .append(esc(parts.isEmpty() ? "no change" : String.join(", ", parts)))
          .append("</text>");
    }
    int ly = height - 10;
    int lx = labelWidth;
    for (int k = 0; k < kinds.size(); k++) {
      sb.append("<rect class=\"bar kind-")
          .append(k)
          .append("\" x=\"")
          .append(lx)
          .append("\" y=\"")
          .append(ly - 10)
          .append("\" width=\"12\" height=\"12\"/><text x=\"")
          .append(lx + 16)
          .append("\" y=\"")
          .append(ly)
          .append("\">")
          .append(esc(kinds.get(k)))
          .append("</text>");
      lx += 30 + 8 * kinds.get(k).length();
    }
    sb.append("</svg>");
    return sb.toString();
  }

  /** Escapes text for HTML and SVG content and attributes. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A coordinate with one decimal (keeps the page small). */
  static String num(double v) {
    if (!(Math.abs(v) < 1e12)) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    // as "%.1f" (half up), without the formatter: a page has tens of thousands of coordinates
    long tenths = Math.round(Math.abs(v) * 10);
    StringBuilder sb = new StringBuilder(12);
    if (v < 0 && tenths != 0) {
      sb.append('-');
    }
    return sb.append(tenths / 10).append('.').append(tenths % 10).toString();
  }

  /** Maps time and value to plot coordinates. */
  private static final class Frame {
    final long t0;
    final long t1;
    final double y0;
    final double y1;
    final int height;

    Frame(long t0, long t1, double y0, double y1, int height) {
      this.t0 = t0;
      this.t1 = t1;
      this.y0 = y0;
      this.y1 = y1;
      this.height = height;
    }

    double x(long t) {
      return LEFT + (t - t0) * (double) (WIDTH - LEFT - RIGHT) / (t1 - t0);
    }

    double y(double v) {
      return TOP + (y1 - v) * (height - TOP - BOTTOM) / (y1 - y0);
    }

    /** {@code v} moved onto the value axis when it is beyond it. */
    double clamp(double v) {
      return Math.max(y0, Math.min(y1, v));
    }
  }
}
