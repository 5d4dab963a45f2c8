package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.OpsPipelineTest.input;
import static io.industryts.ops.OpsPipelineTest.row;
import static io.industryts.ops.RowOpsSupport.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.Kernel;
import io.industryts.testing.BeamPipelineExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SEMANTICS §2.8.5 {@code downsample_lttb}: the worked example, {@code n ≤ points}, three points,
 * nulls, ties, several keys, segmentations, errors, and the numpy reference on ETTh1.
 */
@ExtendWith(BeamPipelineExtension.class)
class DownsampleLttbTest {

  /** a = 0, 5, 1, 1, 0 at 00:00 … 04:00: the spike at 01:00 is the largest triangle. */
  @Test
  void workedExampleKeepsFirstSpikeAndLast() {
    Map<String, Long> counters = new HashMap<>();
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "01:00", "02:00", "03:00", "04:00"),
            col(0.0, 5.0, 1.0, 1.0, 0.0),
            col(10L, 11L, 12L, 13L, 14L));
    Chunk out =
        KernelHarness.run(DownsampleLttb.to(3).on("a").plan(LAYOUT, plan("d")), in, counters);
    assertEquals(Arrays.asList(0.0, 5.0, 0.0), values(out, "a"));
    assertEquals(Arrays.asList(10L, 11L, 14L), values(out, "b"));
    assertEquals(2L, counters.get("rows_dropped"));
  }

  /**
   * Eight rows to five points, by hand: buckets {1,2}, {3,4}, {5,6}; bucket 0 against kept row 0
   * (0,0) and the mean (3.5, 2) of bucket 1 keeps row 2 (area 10 vs 1.5), bucket 1 against row 2
   * (2,4) and the mean (5.5, 3.5) keeps row 4 (16.5 vs 4), bucket 2 against row 4 (4,−1) and the
   * last row (7,0) keeps row 5 (20 vs 4).
   */
  @Test
  void bucketsByHandFiveOfEight() {
    long[] x = {0, 1, 2, 3, 4, 5, 6, 7};
    double[] y = {0, 1, 4, 5, -1, 6, 1, 0};
    assertArrayEquals(new int[] {0, 2, 4, 5, 7}, Lttb.select(x, y, 5));
  }

  @Test
  void seriesNoLongerThanPointsIsKeptWhole() {
    assertArrayEquals(
        new int[] {0, 1, 2}, Lttb.select(new long[] {0, 1, 2}, new double[] {3, 1, 2}, 3));
    Map<String, Long> counters = new HashMap<>();
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, 2.0, 3.0), col(1L, 2L, 3L));
    Chunk out =
        KernelHarness.run(DownsampleLttb.to(10).on("a").plan(LAYOUT, plan("d")), in, counters);
    assertEquals(Arrays.asList(1.0, 2.0, 3.0), values(out, "a"));
    assertEquals(0L, counters.get("rows_dropped"));
  }

  @Test
  void threePointsKeepFirstLastAndTheFarthestFromTheirLine() {
    // line from (0,0) to (4,4): distances of rows 1..3 are |1-1|, |2-0|=2 (row 2), |3-3|
    assertArrayEquals(
        new int[] {0, 2, 4},
        Lttb.select(new long[] {0, 1, 2, 3, 4}, new double[] {0, 1, 0, 3, 4}, 3));
  }

  @Test
  void tiesGoToTheEarliestRow() {
    // rows 1 and 3 form equal triangles with (0,0) and (4,0)
    assertArrayEquals(
        new int[] {0, 1, 4},
        Lttb.select(new long[] {0, 1, 2, 3, 4}, new double[] {0, 2, 0, 2, 0}, 3));
    // a flat series: every triangle is 0
    assertArrayEquals(
        new int[] {0, 1, 3, 5},
        Lttb.select(new long[] {0, 1, 2, 3, 4, 5}, new double[] {1, 1, 1, 1, 1, 1}, 4));
  }

  @Test
  void nullRowsAreNeverKeptAndCountAsDropped() {
    Map<String, Long> counters = new HashMap<>();
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00"),
            col(null, 0.0, 5.0, null, 1.0, 0.0),
            col(1L, 2L, 3L, 4L, 5L, 6L));
    Chunk out =
        KernelHarness.run(DownsampleLttb.to(3).on("a").plan(LAYOUT, plan("d")), in, counters);
    assertEquals(Arrays.asList(2L, 3L, 6L), values(out, "b"));
    assertEquals(3L, counters.get("rows_dropped"));
    Chunk allNull = chunk(LAYOUT, hms("00:00", "01:00"), col(null, null), col(1L, 2L));
    assertEquals(
        0, KernelHarness.run(DownsampleLttb.to(3).on("a").plan(LAYOUT, plan("d")), allNull).size());
  }

  @Test
  void emptyAndOneRowSeries() {
    Kernel k = DownsampleLttb.to(3).on("a").plan(LAYOUT, plan("d"));
    assertEquals(0, KernelHarness.run(k, chunk(LAYOUT, new long[0], col(), col())).size());
    assertEquals(
        Arrays.asList(7.0),
        values(KernelHarness.run(k, chunk(LAYOUT, hms("00:00"), col(7.0), col(1L))), "a"));
  }

  @Test
  void everySegmentationKeepsTheSameRows() {
    int n = 40;
    long[] t = new long[n];
    Object[] a = new Object[n];
    Object[] b = new Object[n];
    for (int i = 0; i < n; i++) {
      t[i] = KernelHarness.DAY0 + i * 60_000L;
      a[i] = i % 7 == 2 ? null : Math.sin(i * 0.7) * (i % 5);
      b[i] = (long) i;
    }
    Kernel k = DownsampleLttb.to(8).on("a").plan(LAYOUT, plan("d"));
    List<Object> kept =
        KernelHarness.sameOverCuts(
            k, chunk(LAYOUT, t, a, b), new int[][] {{}, {1}, {13, 14}, {2, 9, 30, 39}}, "b");
    assertEquals(8, kept.size());
  }

  @Test
  void integerColumnsAreDownsampledByTheirValues() {
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "01:00", "02:00", "03:00", "04:00"),
            col(1.0, 1.0, 1.0, 1.0, 1.0),
            col(0L, 1L, 9L, 1L, 0L));
    assertEquals(
        Arrays.asList(0L, 9L, 0L),
        values(KernelHarness.run(DownsampleLttb.to(3).on("b").plan(LAYOUT, plan("d")), in), "b"));
  }

  @Test
  void pointsBelowThreeIsRejectedAtConstruction() {
    assertEquals(
        "DownsampleLttb: points must be >= 3. Got 2.",
        assertThrows(IllegalArgumentException.class, () -> DownsampleLttb.to(2)).getMessage());
  }

  @Test
  void missingOrTimeColumnIsRejectedWhenPlanned() {
    assertEquals(
        "DownsampleLttb: column \"z\" not found. Available fields: [t, a, b]",
        assertThrows(
                IllegalArgumentException.class,
                () -> DownsampleLttb.to(3).on("z").plan(LAYOUT, plan("d")))
            .getMessage());
    assertEquals(
        "DownsampleLttb: \"t\" is the time column and cannot be in columns.",
        assertThrows(
                IllegalArgumentException.class,
                () -> DownsampleLttb.to(3).on("t").plan(LAYOUT, plan("d")))
            .getMessage());
  }

  /** Two keys downsampled separately in a Beam pipeline, with a null key as its own series. */
  @Test
  void severalKeysAreDownsampledSeparately(TestPipeline p) {
    List<Row> rows = new ArrayList<>();
    double[] ya = {0, 5, 1, 1, 0};
    double[] yb = {0, 1, 1, 9, 0};
    for (int i = 0; i < 5; i++) {
      rows.add(row("a", i * 1000L, ya[i]));
      rows.add(row("b", i * 1000L, yb[i]));
    }
    rows.add(row(null, 0, 1.0));
    PCollection<Row> out = input(p, rows).apply(DownsampleLttb.to(3).on("v").keyedBy("tag"));
    PAssert.that(out)
        .satisfies(
            got -> {
              Map<String, List<Long>> times = new TreeMap<>();
              for (Row r : got) {
                times
                    .computeIfAbsent(String.valueOf(r.getString("tag")), x -> new ArrayList<>())
                    .add(r.getDateTime("time").getMillis());
              }
              times.values().forEach(l -> l.sort(null));
              assertEquals(
                  Map.of(
                      "a",
                      List.of(0L, 1000L, 4000L),
                      "b",
                      List.of(0L, 3000L, 4000L),
                      "null",
                      List.of(0L)),
                  times);
              return null;
            });
    p.run();
  }

  /**
   * Through the engine with segments of 16 rows (so the statistics are merged from many pieces and
   * every segment keeps its share): the same rows as one selection over each whole series.
   */
  @Test
  void manySegmentsKeepTheRowsOfOneSelection(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(16);
    List<Row> rows = new ArrayList<>();
    Map<String, List<Long>> want = new TreeMap<>();
    for (String tag : new String[] {"a", "b"}) {
      int n = tag.equals("a") ? 200 : 75;
      long[] x = new long[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i * 1000L;
        y[i] = Math.sin(i * (tag.equals("a") ? 0.3 : 0.7)) * (1 + i % 4);
        rows.add(row(tag, x[i], y[i]));
      }
      List<Long> kept = new ArrayList<>();
      for (int i : Lttb.select(x, y, 12)) {
        kept.add(x[i]);
      }
      want.put(tag, kept);
    }
    PCollection<Row> out = input(p, rows).apply(DownsampleLttb.to(12).on("v").keyedBy("tag"));
    PAssert.that(out)
        .satisfies(
            got -> {
              Map<String, List<Long>> times = new TreeMap<>();
              for (Row r : got) {
                times
                    .computeIfAbsent(r.getString("tag"), x -> new ArrayList<>())
                    .add(r.getDateTime("time").getMillis());
              }
              times.values().forEach(l -> l.sort(null));
              assertEquals(want, times);
              return null;
            });
    p.run();
  }

  @Test
  void etth1OtTo500PointsEqualsTheNumpyReference() throws IOException {
    Chunk in = PandasFixturesTest.load("ETTh1.csv", ",");
    Chunk out = PandasFixturesTest.run(DownsampleLttb.to(500).on("OT"), in, true);
    assertEquals(500, out.size());
    assertKept("downsample_lttb/etth1_ot_500.csv", out, 500);
  }

  @Test
  void etth1HuflWithNullsTo100PointsEqualsTheNumpyReference() throws IOException {
    Chunk in = PandasFixturesTest.load("ETTh1.csv", ",");
    int f = in.schema().indexOf("HUFL");
    ColumnBuilder b = ColumnBuilder.forType(FieldType.DOUBLE, in.size());
    for (int i = 0; i < in.size(); i++) {
      if (i % 11 == 3) {
        b.appendNull();
      } else {
        b.appendDouble(((Number) in.row(i).getValue(f)).doubleValue());
      }
    }
    io.industryts.engine.spi.Column[] cols = in.columnsCopy();
    cols[f] = b.build();
    Chunk holed = in.withColumns(in.layout(), cols);
    Chunk out = PandasFixturesTest.run(DownsampleLttb.to(100).on("HUFL"), holed, true);
    assertKept("downsample_lttb/etth1_hufl_nulls_100.csv", out, 100);
  }

  /** The fixture lists every kept row (its time and two columns), in order. */
  private static void assertKept(String fixture, Chunk out, int points) throws IOException {
    List<Map<String, String>> rows = PandasFixturesTest.fixture(fixture);
    assertEquals(points, rows.size(), fixture + " rows");
    assertEquals(points, out.size(), fixture + " kept rows");
    for (Map<String, String> r : rows) {
      int row = Integer.parseInt(r.get("row"));
      assertEquals(PandasFixturesTest.time(r.get("t")), out.times()[row], fixture + " row " + row);
      for (Map.Entry<String, String> e : r.entrySet()) {
        if (!e.getKey().equals("row") && !e.getKey().equals("t")) {
          double want = Double.parseDouble(e.getValue());
          double got = ((Number) PandasFixturesTest.cell(out, e.getKey(), row)).doubleValue();
          assertEquals(
              want, got, 1e-9 * Math.abs(want), fixture + " row " + row + " " + e.getKey());
        }
      }
    }
  }
}
