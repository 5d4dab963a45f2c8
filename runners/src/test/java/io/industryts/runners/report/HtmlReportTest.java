package io.industryts.runners.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** The page: sections, counters carried with their names, plots, schema, nothing external. */
class HtmlReportTest {
  private static HtmlReport.Model model() {
    SegmentProfile seg =
        ReportCollectorTest.profile(
            "",
            0,
            ReportCollectorTest.chunk(
                new long[] {0, 60_000, 120_000, 600_000}, 1.0, null, 9.0, 2.0),
            ReportCollectorTest.chunk(new long[] {0, 60_000, 120_000}, 1.0, 1.0, 5.0),
            List.of("v"),
            true);
    HtmlReport.Model m = new HtmlReport.Model();
    m.jobName = "plant <A>";
    m.jobFile = "job.toml";
    m.runner = "DirectRunner";
    m.inputs = List.of("data/in.csv");
    m.timeColumn = "t";
    m.timeColumnReason = "explicit";
    m.outputs = List.of("out/o.csv");
    m.wallSeconds = 2.5;
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("launcher.rows_read", 4L);
    c.put("clean.rows_in", 4L);
    c.put("clean.rows_out", 3L);
    c.put("clean.rows_dropped", 1L);
    c.put("fill.rows_in", 3L);
    c.put("fill.rows_out", 3L);
    c.put("fill.values_filled", 1L);
    c.put("fill.series_degenerate", 0L);
    c.put("write.rows_out", 1234567L);
    m.counters = c;
    m.stepNames = List.of("clean", "fill");
    m.stepTypes = List.of("drop_null", "fill_null");
    m.series = SeriesReport.merge(List.of(seg));
    m.plotted = m.series;
    m.columns = List.of("v");
    m.markers = true;
    m.outputSchema =
        Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.DOUBLE).build();
    m.outputTimeField = "t";
    return m;
  }

  private static Map<String, String> counters(String html) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("data-counter=\"([^\"]+)\">([^<]*)<").matcher(html);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }

  @Test
  void everySectionIsThereInOrder() {
    String html = HtmlReport.render(model());
    int job = html.indexOf("<section id=\"job\">");
    int steps = html.indexOf("<section id=\"steps\">");
    int plots = html.indexOf("<section id=\"plots\">");
    int schema = html.indexOf("<section id=\"schema\">");
    assertTrue(job > 0 && job < steps && steps < plots && plots < schema, html);
    assertTrue(html.contains("<title>industryts report: plant &lt;A&gt;</title>"));
  }

  @Test
  void countersAreShownWithTheirNamesAsTheSummaryFormatsThem() {
    Map<String, String> shown = counters(HtmlReport.render(model()));
    assertEquals("4", shown.get("launcher.rows_read"));
    assertEquals("1,234,567", shown.get("write.rows_out"));
    assertEquals("3", shown.get("clean.rows_out"));
    assertEquals("1", shown.get("clean.rows_dropped"));
    assertEquals("1", shown.get("fill.values_filled"));
  }

  @Test
  void theJobSectionHasCadenceGapsAndTimeColumn() {
    String html = HtmlReport.render(model());
    assertTrue(html.contains("<td class=\"cadence\">1 min</td>"), html);
    assertTrue(
        html.contains("8 min from 2024-01-01 00:02:00") || html.contains("8 min from 1970"), html);
    // steps of the cadence itself are not listed as gaps
    assertTrue(!html.contains("; 1 min from") && !html.contains(">1 min from"), html);
    assertTrue(html.contains("t (explicit)"));
  }

  @Test
  void onePlotPerSeriesAndColumnWithItsMarkerCounts() {
    String html = HtmlReport.render(model());
    assertEquals(1, html.split("<svg class=\"plot\"", -1).length - 1);
    assertTrue(html.contains("data-marker=\"filled\">filled 1</span>"));
    assertTrue(html.contains("data-marker=\"changed\">clipped / changed 1</span>"));
    assertTrue(html.contains("data-marker=\"dropped\">dropped 1</span>"));
    // the 8-minute gap is at least three times the 1-minute cadence: shaded
    assertTrue(html.contains("<rect class=\"gap\""));
  }

  @Test
  void theSchemaListsEveryOutputField() {
    String html = HtmlReport.render(model());
    String schema = html.substring(html.indexOf("<section id=\"schema\">"));
    assertTrue(schema.contains("<td>t</td><td>DATETIME</td><td>no</td><td>time</td>"));
    assertTrue(schema.contains("<td>v</td><td>DOUBLE</td><td>yes</td><td>value</td>"));
  }

  @Test
  void thePageFetchesNothing() {
    String html = HtmlReport.render(model());
    assertFalse(
        html.contains("http://")
            || html.contains("https://")
            || html.contains("<script")
            || html.contains("<link")
            || html.contains("src="),
        "self-contained");
  }

  @Test
  void durationsUseTheLargestUnitsAndCountsGroupThousands() {
    assertEquals("250 ms", HtmlReport.duration(250));
    assertEquals("10 s", HtmlReport.duration(10_000));
    assertEquals("1 h 30 min", HtmlReport.duration(5_400_000));
    assertEquals("2 d 4 h", HtmlReport.duration(187_200_000L));
    assertEquals("1 d", HtmlReport.duration(86_400_000L + 59_000));
    assertEquals("12,345", HtmlReport.count(12345));
    assertEquals("72.5", HtmlReport.number(72.5));
    assertEquals("0.1", HtmlReport.number(0.1));
    assertEquals("1.23e+08", HtmlReport.number(123_456_789));
  }
}
