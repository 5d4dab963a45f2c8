package io.industryts.runners.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.runners.report.ColumnSamples.Marker;
import io.industryts.runners.report.ColumnSamples.Points;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG builders: ticks, time axis, plot elements and bar charts. */
class SvgTest {
  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static Points[] noMarkers() {
    Points[] m = new Points[Marker.values().length];
    Arrays.fill(m, Points.EMPTY);
    return m;
  }

  @Test
  void niceTicksAreRoundAndCoverTheRange() {
    assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, Svg.niceTicks(0.3, 9.7, 5), 1e-12);
    assertArrayEquals(new double[] {70, 72, 74, 76}, Svg.niceTicks(71.2, 74.9, 2), 1e-12);
    assertArrayEquals(new double[] {4.5, 5, 5.5}, Svg.niceTicks(5, 5, 2), 1e-12);
  }

  @Test
  void timeStepGivesAtMostEightTicks() {
    assertEquals(3_600_000, Svg.timeStep(6 * 3_600_000L));
    assertEquals(1_000, Svg.timeStep(5_000));
    assertEquals(86_400_000L, Svg.timeStep(7 * 86_400_000L));
  }

  @Test
  void tickLabelsFollowTheStep() {
    long t = java.time.Instant.parse("2024-03-05T06:07:08Z").toEpochMilli();
    assertEquals("06:07:08", Svg.time(t, 10_000));
    assertEquals("03-05 06:07", Svg.time(t, 3_600_000));
    assertEquals("2024-03-05", Svg.time(t, 86_400_000L));
    assertEquals("2024-03-05 06:07:08", Svg.time(t, 0));
  }

  @Test
  void timePlotDrawsBothLinesMarkersAndGapsInsideTheFrame() {
    Points in = new Points(new long[] {0, 1000, 2000, 3000}, new double[] {1, 5, 2, 3});
    Points out = new Points(new long[] {0, 1000, 3000}, new double[] {1, 4, 3});
    Points[] markers = noMarkers();
    markers[Marker.CHANGED.ordinal()] = new Points(new long[] {1000}, new double[] {4});
    markers[Marker.DROPPED.ordinal()] = new Points(new long[] {2000}, new double[] {Double.NaN});
    String svg = Svg.timePlot("p", in, out, markers, List.of(new TimeSteps.Gap(1000, 3000)), 0);
    assertTrue(svg.startsWith("<svg class=\"plot\" id=\"p\""));
    assertEquals(1, occurrences(svg, "<path class=\"line-input\" d=\"M"));
    assertEquals(1, occurrences(svg, "<path class=\"line-output\" d=\"M"));
    assertEquals(1, occurrences(svg, "<rect class=\"gap\""));
    assertTrue(svg.contains("<g class=\"markers marker-changed\"><path"));
    // a dropped row without a value sits on the time axis (y = height - bottom margin)
    assertTrue(
        svg.contains(
            "<g class=\"markers marker-dropped\"><circle class=\"marker\" cx=\""
                + "743.3\" cy=\"246.0\""),
        svg);
    Matcher m = Pattern.compile("[ML]([0-9.]+) ([0-9.]+)").matcher(svg);
    int points = 0;
    while (m.find()) {
      double x = Double.parseDouble(m.group(1));
      double y = Double.parseDouble(m.group(2));
      assertTrue(x >= 70 && x <= Svg.WIDTH - 20 && y >= 12 && y <= Svg.PLOT_HEIGHT - 34, m.group());
      points++;
    }
    assertEquals(4 + 3 + 1, points); // input, output and the changed marker's path start
  }

  @Test
  void linesBreakWherePointsAreFartherApartThanTheBreakGap() {
    Points in = new Points(new long[] {0, 10, 20, 100, 110}, new double[] {1, 2, 3, 4, 5});
    String svg = Svg.timePlot("p", in, Points.EMPTY, noMarkers(), List.of(), 30);
    Matcher m = Pattern.compile("<path class=\"line-input\" d=\"([^\"]*)\"").matcher(svg);
    assertTrue(m.find());
    assertEquals("MLLML", m.group(1).replaceAll("[^ML]", ""));
    Matcher whole =
        Pattern.compile("<path class=\"line-input\" d=\"([^\"]*)\"")
            .matcher(Svg.timePlot("p", in, Points.EMPTY, noMarkers(), List.of(), 0));
    assertTrue(whole.find());
    assertEquals("MLLLL", whole.group(1).replaceAll("[^ML]", ""));
  }

  @Test
  void aPlotWithoutValuesSaysSo() {
    assertTrue(
        Svg.timePlot("e", Points.EMPTY, Points.EMPTY, noMarkers(), List.of(), 0)
            .contains(">no values</text>"));
  }

  @Test
  void barsAreScaledToTheLargestValueAndLabelled() {
    String svg =
        Svg.barChart(
            List.of("a", "b<"), List.of("in", "out"), new long[][] {{1000, 500}, {250, 0}});
    assertTrue(svg.contains("b&lt;"));
    assertTrue(svg.contains(">1,000</text>"));
    Matcher m =
        Pattern.compile("<rect class=\"bar bar-\\d\" x=\"200\" y=\"\\d+\" width=\"([0-9.]+)")
            .matcher(svg);
    double[] widths = new double[4];
    for (int i = 0; i < 4; i++) {
      assertTrue(m.find());
      widths[i] = Double.parseDouble(m.group(1));
    }
    assertEquals(widths[0] / 2, widths[1], 0.1);
    assertEquals(widths[0] / 4, widths[2], 0.1);
    assertEquals(0, widths[3]);
  }

  @Test
  void stackedBarsSpellOutTheNonZeroParts() {
    String svg =
        Svg.stackedBars(
            List.of("1. clean", "2. fill"),
            List.of("dropped", "filled"),
            new long[][] {{9, 0}, {0, 137}});
    assertTrue(svg.contains(">dropped 9</text>"));
    assertTrue(svg.contains(">filled 137</text>"));
    assertEquals(2, occurrences(svg, "<rect class=\"bar kind-") - 2); // + the two legend keys
  }

  @Test
  void textIsEscaped() {
    assertEquals("a&lt;b&gt;&amp;&quot;&#39;", Svg.esc("a<b>&\"'"));
  }

  @Test
  void robustLimitsKeepPlaceholdersOffTheAxis() {
    // 100 readings 40, 41, .., 49 (ten each) and 3 placeholders -9999: p5 = 40, p95 = 49, w = 9
    double[] v = new double[103];
    for (int i = 0; i < 100; i++) {
      v[i] = 40 + i / 10;
    }
    v[100] = -9999;
    v[101] = -9999;
    v[102] = -9999;
    Arrays.sort(v);
    double[] limits = Svg.robustLimits(ColumnSamples.Spread.of(v, v.length));
    assertArrayEquals(new double[] {40 - 45, 49 + 45}, limits, 1e-12);
    // constant values (w = 0): no limit
    assertEquals(null, Svg.robustLimits(ColumnSamples.Spread.of(new double[] {3, 3, 3}, 3)));

    long[] t = new long[v.length];
    double[] shuffled = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      t[i] = i * 60_000L;
      shuffled[i] = i % 40 == 7 ? -9999 : 40 + i % 10;
    }
    String svg =
        Svg.timePlot(
            "p",
            new Points(t, shuffled),
            List.of(),
            noMarkers(),
            List.of(),
            0,
            null,
            limits,
            Svg.PLOT_HEIGHT);
    assertTrue(svg.contains("data-above=\"0\" data-below=\"3\""), svg);
    assertEquals(3, occurrences(svg, "<path class=\"offscale\""));
    assertTrue(svg.contains("min -9999"), svg);
    // the value axis is 40..49 rounded out to ticks, not stretched to -9999
    assertTrue(svg.contains(">40</text>") && !svg.contains(">-2000</text>"), svg);
  }

  @Test
  void plotsGivenOneTimeRangeShareTheTimeAxis() {
    Points hourly = new Points(new long[] {3_600_000L, 7_200_000L}, new double[] {1, 2});
    String svg =
        Svg.timePlot(
            "q",
            Points.EMPTY,
            List.of(new Svg.Line("line-output", hourly, 0)),
            noMarkers(),
            List.of(),
            0,
            new long[] {0, 4 * 3_600_000L},
            null,
            Svg.PANEL_HEIGHT);
    // x from 70 to 1080 over four hours: 1 h at 322.5, 2 h at 575
    assertTrue(svg.contains("d=\"M322.5 "), svg);
    assertTrue(svg.contains("L575.0 "), svg);
  }

  @Test
  void intervalValuesAreHeldOverTheirIntervalAndBreakWhereOneIsMissing() {
    long h = 3_600_000L;
    Points hourly = new Points(new long[] {0, h, 3 * h}, new double[] {1, 2, 3});
    String svg =
        Svg.timePlot(
            "r",
            Points.EMPTY,
            List.of(new Svg.Line("line-output", hourly, 0, h)),
            noMarkers(),
            List.of(),
            0,
            new long[] {0, 4 * h},
            null,
            Svg.PANEL_HEIGHT);
    Matcher d = Pattern.compile("<path class=\"line-output\" d=\"([^\"]+)\"").matcher(svg);
    assertTrue(d.find(), svg);
    // 0-1 h at 1, riser, 1-2 h at 2; the 2-3 h interval has no value: a new M from 3 h to 4 h
    String[] moves = d.group(1).split("M");
    assertEquals(3, moves.length, d.group(1)); // "", first run, second run
    assertTrue(moves[1].matches("70\\.0 \\S+L322\\.5 \\S+L322\\.5 \\S+L575\\.0 \\S+"), d.group(1));
    assertTrue(moves[2].matches("827\\.5 \\S+L1080\\.0 \\S+"), d.group(1));
    // a panel of amounts starts at zero
    assertTrue(svg.contains(">0</text>"), svg);
  }
}
