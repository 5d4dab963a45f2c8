package io.industryts.runners.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.config.OutputConfig;
import io.industryts.engine.Engine;
import io.industryts.engine.RunPlan;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.ops.DropNull;
import io.industryts.ops.Resample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** Planning the report: which columns, whether markers, which series. */
class JobReportTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("tag", FieldType.STRING)
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("n", FieldType.INT64)
          .addNullableField("note", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of("tag"));

  private static RunPlan plan(io.industryts.engine.spi.Operation op) {
    return RunPlan.of(
        LAYOUT,
        SeriesOptions.defaults().withTimeColumn("t").withKeyColumns(List.of("tag")),
        List.of(new Engine.Step("s", op)),
        Map.of());
  }

  private static JobReport.Columns columns(ChunkLayout layout) {
    return new JobReport.Columns(layout.schema(), layout.timeField(), layout.keyFields());
  }

  private static OutputConfig.Report settings(List<String> columns, int max, List<String> series) {
    return new OutputConfig.Report("r.html", columns, max, series);
  }

  @Test
  void defaultColumnsAreTheNumericValueColumnsAndMarkersNeedSameTimes() {
    RunPlan dropNull = plan(DropNull.any("v"));
    JobReport r =
        JobReport.plan(
            "r.html",
            OutputConfig.Report.none(),
            columns(LAYOUT),
            columns(dropNull.outputLayout()),
            dropNull.keepsRowTimes(),
            List.of("drop_null"));
    assertEquals(List.of("v", "n"), r.columns());
    assertTrue(r.markers());
    RunPlan resample = plan(Resample.every(Duration.standardMinutes(1)));
    JobReport regrid =
        JobReport.plan(
            "r.html",
            OutputConfig.Report.none(),
            columns(LAYOUT),
            columns(resample.outputLayout()),
            resample.keepsRowTimes(),
            List.of("resample"));
    assertFalse(regrid.markers());
  }

  @Test
  void aReportColumnThatIsNotNumericIsAConstructionError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                JobReport.plan(
                    "r.html",
                    settings(List.of("note"), 6, List.of()),
                    columns(LAYOUT),
                    columns(LAYOUT),
                    true,
                    List.of()));
    assertEquals(
        "industryts: report_columns: \"note\" is not a numeric value column of the "
            + "input or the output. Expected one of [v, n]; fix [output] report_columns.",
        e.getMessage());
  }

  @Test
  void seriesAreTheFirstOnesOrTheNamedOnes() {
    List<SeriesReport> all =
        SeriesReport.merge(
            List.of(
                new SegmentProfile("c", 0),
                new SegmentProfile("a", 0),
                new SegmentProfile("b", 0)));
    List<String> notes = new ArrayList<>();
    assertEquals(
        List.of("a", "b"),
        labels(JobReport.chooseSeries(all, settings(List.of(), 2, List.of()), notes)));
    assertEquals(
        List.of("c", "a"),
        labels(
            JobReport.chooseSeries(all, settings(List.of(), 2, List.of("c", "zz", "a")), notes)));
    assertEquals(List.of("Series \"zz\" (report_series) has no rows."), notes);
  }

  private static List<String> labels(List<SeriesReport> series) {
    List<String> out = new ArrayList<>();
    series.forEach(s -> out.add(s.label));
    return out;
  }

  @Test
  void outputColumnsNamedAfterAPlottedColumnArePlottedWithIt() {
    assertEquals(
        java.util.Map.of(
            "power_kw", List.of("power_kw_integral", "power_kw_mean"),
            "energy_kwh", List.of("energy_kwh_increase_sum")),
        JobReport.derived(
            List.of("power_kw", "energy_kwh"),
            List.of("power_kw", "energy_kwh"),
            List.of("power_kw_integral", "power_kw_mean", "energy_kwh_increase_sum")));
    // a column the output keeps is plotted against itself only; an input column is never derived
    assertEquals(
        java.util.Map.of("temp", List.of(), "temp_1", List.of()),
        JobReport.derived(
            List.of("temp", "temp_1"),
            List.of("temp", "temp_1"),
            List.of("temp", "temp_1", "temp_lag1")));
    assertTrue(HtmlReport.keepsUnit("power_kw", "power_kw_mean"));
    assertFalse(HtmlReport.keepsUnit("power_kw", "power_kw_integral"));
  }
}
