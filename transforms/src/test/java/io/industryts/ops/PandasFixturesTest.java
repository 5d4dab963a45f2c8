package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.SeriesOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conformance with pandas on the shared datasets: expected values come from {@code
 * scripts/fixtures/make_fixtures.py}; inputs are read by path from {@code industryts.testdata.dir}
 * (skipped when absent). Numbers agree within 1e-9 relative.
 */
class PandasFixturesTest {
  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  // --- loading ---

  private static Path data(String file) {
    String dir = System.getProperty("industryts.testdata.dir");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir)),
        "industryts.testdata.dir not set or missing");
    return Path.of(dir, file);
  }

  /** A CSV with a time first column and numeric others, as one sorted series (seq = file row). */
  static Chunk load(String file, String sep) throws IOException {
    List<String> lines = Files.readAllLines(data(file), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(sep, -1);
    Schema.Builder sb = Schema.builder().addDateTimeField("t");
    for (int c = 1; c < header.length; c++) {
      sb.addNullableField(header[c], FieldType.DOUBLE);
    }
    Schema schema = sb.build();
    ChunkLayout layout = ChunkLayout.of(schema, "t", List.of());
    int n = lines.size() - 1;
    long[] t = new long[n];
    long[] seq = new long[n];
    ColumnBuilder[] b = new ColumnBuilder[header.length];
    for (int c = 1; c < header.length; c++) {
      b[c] = ColumnBuilder.forType(FieldType.DOUBLE, n);
    }
    for (int i = 0; i < n; i++) {
      String[] cells = lines.get(i + 1).split(sep, -1);
      t[i] = LocalDateTime.parse(cells[0], CSV_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
      seq[i] = i;
      for (int c = 1; c < header.length; c++) {
        if (cells[c].isEmpty()) {
          b[c].appendNull();
        } else {
          b[c].appendDouble(Double.parseDouble(cells[c]));
        }
      }
    }
    Column[] cols = new Column[header.length];
    for (int c = 1; c < header.length; c++) {
      cols[c] = b[c].build();
    }
    Chunk c = new Chunk(layout, Row.withSchema(layout.keySchema()).build(), t, seq, cols);
    int[] order = SeriesOrder.sortIndex(t, seq);
    return c.take(order, order.length);
  }

  /** Rows of a fixture CSV ({@code .csv} or {@code .csv.gz}) as name → cell text. */
  static List<Map<String, String>> fixture(String path) throws IOException {
    try (InputStream raw = PandasFixturesTest.class.getResourceAsStream("/fixtures/" + path)) {
      if (raw == null) {
        fail("missing fixture " + path + "; run scripts/fixtures/make_fixtures.py");
      }
      // large fixtures are committed gzipped
      InputStream in = path.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw;
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      String[] header = lines[0].split(",", -1);
      List<Map<String, String>> out = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isEmpty()) {
          continue;
        }
        String[] cells = lines[i].split(",", -1);
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
          row.put(header[c], cells[c]);
        }
        out.add(row);
      }
      return out;
    }
  }

  static long time(String iso) {
    return java.time.Instant.parse(iso).toEpochMilli();
  }

  static void assertCell(String expected, Object actual, String where) {
    if (expected.isEmpty()) {
      assertNull(actual, where);
    } else if (expected.equals("True") || expected.equals("False")) {
      assertEquals(Boolean.valueOf(expected.equals("True")), actual, where);
    } else {
      if (actual == null) {
        fail(where + ": expected " + expected + " but was null");
      }
      double x = Double.parseDouble(expected);
      double y = ((Number) actual).doubleValue();
      assertTrue(
          Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) || Math.abs(x - y) < 1e-12,
          where + ": expected " + expected + " but was " + y);
    }
  }

  static Object cell(Chunk c, String field, int row) {
    return c.row(row).getValue(field);
  }

  static Chunk run(Operation op, Chunk in, boolean cut) {
    Kernel k = op.plan(in.layout(), KernelHarness.plan("fixture"));
    int n = in.size();
    return KernelHarness.run(
        k, in, cut ? new int[] {n / 3, 2 * n / 3} : new int[0], new HashMap<>());
  }

  /** Compares every non-{row, t} fixture column at position {@code row} of the output. */
  static void assertRows(String fixture, Chunk out) throws IOException {
    for (Map<String, String> r : fixture(fixture)) {
      int row = Integer.parseInt(r.get("row"));
      assertEquals(time(r.get("t")), out.times()[row], fixture + " row " + row + " time");
      for (Map.Entry<String, String> e : r.entrySet()) {
        if (!e.getKey().equals("row") && !e.getKey().equals("t")) {
          assertCell(
              e.getValue(), cell(out, e.getKey(), row), fixture + " row " + row + " " + e.getKey());
        }
      }
    }
  }

  // --- drop_duplicates ---

  private static void assertKept(DropDuplicates op, String fixture) throws IOException {
    Chunk in = load("machine_temperature_system_failure.csv", ",");
    Chunk out = run(op, in, true);
    Set<Long> kept = new HashSet<>();
    for (long s : out.seqs()) {
      kept.add(s);
    }
    int dropped = 0;
    for (Map<String, String> r : fixture(fixture)) {
      int row = Integer.parseInt(r.get("row"));
      boolean k = Boolean.parseBoolean(r.get("kept").toLowerCase());
      assertEquals(k, kept.contains(in.seqs()[row]), fixture + " row " + row);
      dropped += k ? 0 : 1;
    }
    assertEquals(in.size() - dropped, out.size());
  }

  @Test
  void dropDuplicatesKeepFirstOnNabMachine() throws IOException {
    assertKept(DropDuplicates.keepFirst(), "drop_duplicates/machine_first.csv");
  }

  @Test
  void dropDuplicatesKeepLastOnNabMachine() throws IOException {
    assertKept(DropDuplicates.keepLast(), "drop_duplicates/machine_last.csv");
  }

  @Test
  void dropDuplicatesKeepNoneOnNabMachine() throws IOException {
    assertKept(DropDuplicates.keepNone(), "drop_duplicates/machine_none.csv");
  }

  @Test
  void dropDuplicatesMeanOnNabMachine() throws IOException {
    Chunk out =
        run(DropDuplicates.mean(), load("machine_temperature_system_failure.csv", ","), true);
    Map<Long, Integer> at = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      assertNull(at.put(out.times()[i], i), "one row per time");
    }
    for (Map<String, String> r : fixture("drop_duplicates/machine_mean.csv")) {
      assertCell(r.get("value"), cell(out, "value", at.get(time(r.get("t")))), r.get("t"));
    }
  }

  // --- fill_null on NAB ambient with injected nulls ---

  private static Chunk ambientWithNulls() throws IOException {
    Chunk in = load("ambient_temperature_system_failure.csv", ",");
    boolean[] nulls = ((io.industryts.engine.spi.DoubleColumn) in.column("value")).nulls().clone();
    for (Map<String, String> r : fixture("fill_null/ambient_nulls.csv")) {
      nulls[Integer.parseInt(r.get("row"))] = true;
    }
    double[] v = ((io.industryts.engine.spi.DoubleColumn) in.column("value")).values().clone();
    Column[] cols = in.columnsCopy();
    cols[1] = new io.industryts.engine.spi.DoubleColumn(v, nulls);
    return in.withColumns(in.layout(), cols);
  }

  @Test
  void fillForwardWithLimit() throws IOException {
    assertRows(
        "fill_null/ambient_forward_limit2.csv",
        run(FillNull.forward("value").withLimit(2), ambientWithNulls(), true));
  }

  @Test
  void fillForwardWithMaxGap() throws IOException {
    assertRows(
        "fill_null/ambient_forward_maxgap3h.csv",
        run(
            FillNull.forward("value").withMaxGap(Duration.standardHours(3)),
            ambientWithNulls(),
            true));
  }

  @Test
  void fillBackwardWithLimitAndMaxGap() throws IOException {
    assertRows(
        "fill_null/ambient_backward_limit3_maxgap5h.csv",
        run(
            FillNull.backward("value").withLimit(3).withMaxGap(Duration.standardHours(5)),
            ambientWithNulls(),
            true));
  }

  @Test
  void fillForwardInside() throws IOException {
    assertRows(
        "fill_null/ambient_forward_inside.csv",
        run(
            FillNull.forward("value").withLimitArea(FillNull.LimitArea.INSIDE),
            ambientWithNulls(),
            true));
  }

  @Test
  void fillMeanAndMedian() throws IOException {
    assertRows("fill_null/ambient_mean.csv", run(FillNull.mean("value"), ambientWithNulls(), true));
    assertRows(
        "fill_null/ambient_median.csv", run(FillNull.median("value"), ambientWithNulls(), true));
  }

  // --- outliers on ETTh1 ---

  private static final List<String> ETT =
      List.of("HUFL", "HULL", "MUFL", "MULL", "LUFL", "LULL", "OT");

  /** Treated cells as in the fixture; every other cell equal to {@code untouched(input cell)}. */
  private static void assertCells(String fixture, Chunk in, Chunk out, String suffix, boolean flag)
      throws IOException {
    Set<String> listed = new HashSet<>();
    for (Map<String, String> r : fixture(fixture)) {
      int row = Integer.parseInt(r.get("row"));
      String c = r.get("column");
      listed.add(row + "/" + c);
      assertCell(r.get("value"), cell(out, c + suffix, row), fixture + " row " + row + " " + c);
    }
    for (String c : ETT) {
      for (int i = 0; i < in.size(); i++) {
        if (!listed.contains(i + "/" + c)) {
          Object expected = flag ? Boolean.FALSE : cell(in, c, i);
          assertEquals(expected, cell(out, c + suffix, i), c + " row " + i);
        }
      }
    }
  }

  @Test
  void zscoreClipOnEtth1() throws IOException {
    Chunk in = load("ETTh1.csv", ",");
    assertCells(
        "outliers/etth1_zscore3_clip.csv",
        in,
        run(Outliers.zscore(3.0).withAction(Outliers.Action.CLIP), in, true),
        "",
        false);
  }

  @Test
  void zscoreNullOnEtth1() throws IOException {
    Chunk in = load("ETTh1.csv", ",");
    assertCells(
        "outliers/etth1_zscore3_null.csv", in, run(Outliers.zscore(3.0), in, true), "", false);
  }

  @Test
  void iqrFlagOnEtth1() throws IOException {
    Chunk in = load("ETTh1.csv", ",");
    assertCells(
        "outliers/etth1_iqr_flag.csv",
        in,
        run(Outliers.iqr(1.5).withAction(Outliers.Action.FLAG), in, true),
        "_is_outlier",
        true);
  }

  @Test
  void hampelMedianOnEtth1() throws IOException {
    Chunk in = load("ETTh1.csv", ",");
    assertCells(
        "outliers/etth1_hampel_median.csv",
        in,
        run(Outliers.hampel(3.0).withAction(Outliers.Action.MEDIAN), in, true),
        "",
        false);
  }

  // --- resample ---

  @Test
  void resampleEtth1DailyMean() throws IOException {
    assertRows(
        "resample/etth1_1d_mean.csv",
        run(Resample.every(Duration.standardDays(1)), load("ETTh1.csv", ","), false));
  }

  @Test
  void resampleEtth1DailyEveryAggregation() throws IOException {
    Resample op =
        Resample.every(Duration.standardDays(1))
            .aggregateEach("OT", List.of(Resample.Agg.values()));
    assertRows("resample/etth1_1d_ot_all.csv", run(op, load("ETTh1.csv", ","), false));
  }

  @Test
  void resampleAmbientSevenHoursClosedRight() throws IOException {
    Resample op =
        Resample.every(Duration.standardHours(7))
            .closed(Resample.Side.RIGHT)
            .label(Resample.Side.RIGHT);
    assertRows(
        "resample/ambient_7h_right_mean.csv",
        run(op, load("ambient_temperature_system_failure.csv", ","), false));
  }

  @Test
  void resampleSkabMinuteMean() throws IOException {
    Resample op =
        Resample.every(Duration.standardMinutes(1))
            .of(
                "Accelerometer1RMS",
                "Accelerometer2RMS",
                "Current",
                "Pressure",
                "Temperature",
                "Thermocouple",
                "Voltage",
                "Volume Flow RateRMS",
                "anomaly",
                "changepoint");
    assertRows("resample/skab_1min_mean.csv", run(op, load("skab_valve1_0.csv", ";"), false));
  }

  @Test
  void resampleMachineHourlyWithOffsetPopulationStd() throws IOException {
    Chunk in =
        run(DropDuplicates.keepFirst(), load("machine_temperature_system_failure.csv", ","), false);
    Resample op =
        Resample.every(Duration.standardHours(1))
            .aggregate(Resample.Agg.STD)
            .withDdof(0)
            .withOffset(Duration.standardMinutes(15));
    assertRows("resample/machine_1h_offset15min_std0.csv", run(op, in, false));
  }

  // --- lag, diff, pct_change ---

  @Test
  void diffAndPctChangeOnEtth1() throws IOException {
    Chunk in = load("ETTh1.csv", ",");
    Chunk out =
        run(PctChange.periods(1).of("OT"), run(Diff.periods(1, 24).of("OT"), in, true), true);
    assertRows("lag/etth1_ot_diff_pct.csv", out);
  }

  @Test
  void lagsAndLeadOnEtth1TakeNeighbouringRows() throws IOException {
    Chunk in = load("ETTh1.csv", ",");
    Chunk out = run(Lead.rows(1).of("OT"), run(Lag.rows(1, 2, 3).of("OT"), in, true), true);
    for (int i = 0; i < in.size(); i++) {
      for (int k = 1; k <= 3; k++) {
        assertEquals(i >= k ? cell(in, "OT", i - k) : null, cell(out, "OT_lag" + k, i));
      }
      assertEquals(i + 1 < in.size() ? cell(in, "OT", i + 1) : null, cell(out, "OT_lead1", i));
    }
  }

  @Test
  void durationLagOnAmbientMatchesMergeAsof() throws IOException {
    Chunk in = load("ambient_temperature_system_failure.csv", ",");
    Chunk out = run(Lag.by(Duration.standardMinutes(90)).of("value"), in, true);
    for (Map<String, String> r : fixture("lag/ambient_lag_90min_source_row.csv")) {
      int row = Integer.parseInt(r.get("row"));
      String src = r.get("src_row");
      Object expected = src.isEmpty() ? null : cell(in, "value", (int) Double.parseDouble(src));
      assertEquals(expected, cell(out, "value_lag_90min", row), "row " + row);
    }
  }

  // --- rolling ---

  @Test
  void rollingMeanAndExactStdOverTenRows() throws IOException {
    assertRows(
        "rolling/etth1_rows10_mean_std.csv",
        run(
            Rolling.rows(10, "OT", "HUFL").compute(Rolling.Fn.MEAN, Rolling.Fn.STD),
            load("ETTh1.csv", ","),
            true));
  }

  @Test
  void rollingCenteredMedianAndMax() throws IOException {
    assertRows(
        "rolling/etth1_rows5_center_median_max.csv",
        run(
            Rolling.rows(5, "OT")
                .compute(Rolling.Fn.MEDIAN, Rolling.Fn.MAX)
                .withMinPeriods(1)
                .centered(),
            load("ETTh1.csv", ","),
            true));
  }

  @Test
  void rollingSixHoursOnNabMachine() throws IOException {
    Chunk in =
        run(DropDuplicates.keepFirst(), load("machine_temperature_system_failure.csv", ","), false);
    assertRows(
        "rolling/machine_6h_sum_std_count.csv",
        run(
            Rolling.over(Duration.standardHours(6), "value")
                .compute(Rolling.Fn.SUM, Rolling.Fn.STD, Rolling.Fn.COUNT),
            in,
            true));
  }

  // --- scale ---

  @Test
  void scaleStandardOnEtth1() throws IOException {
    assertRows("scale/etth1_standard.csv", run(Scale.standard(), load("ETTh1.csv", ","), true));
  }

  @Test
  void scaleMinMaxOnEtth1() throws IOException {
    assertRows("scale/etth1_minmax.csv", run(Scale.minMax(), load("ETTh1.csv", ","), true));
  }

  @Test
  void scaleRobustOnEtth1() throws IOException {
    assertRows("scale/etth1_robust.csv", run(Scale.robust(), load("ETTh1.csv", ","), true));
  }

  // --- the standard industrial pipeline (SEMANTICS §4), kernels chained ---

  static Chunk standardPipeline(Chunk in, Duration rule) {
    List<Operation> ops =
        List.of(
            DropDuplicates.keepFirst(),
            FillNull.forward(),
            FillNull.backward(),
            Outliers.zscore(3.0).withAction(Outliers.Action.CLIP),
            Resample.every(rule).aggregate(Resample.Agg.MEAN),
            Lag.rows(1, 2, 3).of(),
            Rolling.rows(10).compute(Rolling.Fn.MEAN, Rolling.Fn.STD),
            Diff.periods(1).of(),
            DatetimeFeatures.of(DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.DAYOFWEEK)
                .cyclic(DatetimeFeatures.Feature.HOUR),
            Scale.standard());
    Chunk c = in;
    for (Operation op : ops) {
      c = run(op, c, false);
    }
    return c;
  }

  private static void assertStandardPipeline(String fixture, Chunk out) throws IOException {
    assertRows(fixture, out);
    Schema s = out.schema();
    for (String f : s.getFieldNames()) {
      if (!f.endsWith("_lag1")) {
        continue;
      }
      String c = f.substring(0, f.length() - "_lag1".length());
      for (int i = 0; i + 1 < out.size(); i++) {
        Object lag1 = cell(out, f, i);
        Object diff = cell(out, c + "_diff1", i);
        Object next = cell(out, f, i + 1);
        if (lag1 != null && diff != null) {
          assertCell(String.valueOf((Double) lag1 + (Double) diff), next, c + " row " + i);
        }
        assertEquals(cell(out, c + "_lag1", i), cell(out, c + "_lag2", i + 1));
        assertEquals(cell(out, c + "_lag2", i), cell(out, c + "_lag3", i + 1));
      }
    }
  }

  @Test
  void standardPipelineOnSkabAnomalyFree() throws IOException {
    Chunk out = standardPipeline(load("skab_anomaly-free.csv", ";"), Duration.standardMinutes(1));
    assertEquals(
        List.of("Accelerometer1RMS_lag1", "Accelerometer1RMS_lag2"),
        out.schema().getFieldNames().subList(9, 11));
    assertEquals(
        List.of("hour", "dayofweek", "hour_sin", "hour_cos"),
        out.schema()
            .getFieldNames()
            .subList(out.schema().getFieldCount() - 4, out.schema().getFieldCount()));
    assertStandardPipeline("pipeline/skab_anomaly_free_1min.csv", out);
  }

  @Test
  void standardPipelineOnNabAmbientWithGaps() throws IOException {
    Chunk out =
        standardPipeline(
            load("ambient_temperature_system_failure.csv", ","), Duration.standardHours(1));
    assertStandardPipeline("pipeline/ambient_1h.csv", out);
  }

  @Test
  void standardPipelineOnEtth1Daily() throws IOException {
    Chunk out = standardPipeline(load("ETTh1.csv", ","), Duration.standardDays(1));
    assertEquals(726, out.size());
    assertStandardPipeline("pipeline/etth1_1d.csv", out);
  }

  /** The repeated hour 2014-01-07 02:00-02:55: the first copy in file order is kept (§4 step 1). */
  @Test
  void standardPipelineOnNabMachineWithTheRepeatedHour() throws IOException {
    Chunk out =
        standardPipeline(
            load("machine_temperature_system_failure.csv", ","), Duration.standardHours(1));
    assertEquals(1891, out.size());
    assertStandardPipeline("pipeline/machine_1h.csv", out);
  }

  @Test
  void standardPipelineOnSkabValve1WithLabelColumns() throws IOException {
    Chunk out = standardPipeline(load("skab_valve1_0.csv", ";"), Duration.standardMinutes(1));
    assertEquals(
        List.of("anomaly", "changepoint", "Accelerometer1RMS_lag1"),
        out.schema().getFieldNames().subList(9, 12));
    assertStandardPipeline("pipeline/skab_valve1_1min.csv", out);
  }
}
