package io.industryts.runners.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.PlanResult.SegmentSide;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.runners.report.ColumnSamples.Marker;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A segment's profile: markers by hand, samples, steps, series merge and the data file. */
class ReportCollectorTest {
  /** The profile of one segment whose sides are these chunks (null: no rows on that side). */
  static SegmentProfile profile(
      String series, long segment, Chunk in, Chunk out, List<String> columns, boolean markers) {
    return ReportCollector.profile(
        series,
        segment,
        in == null ? null : SegmentSide.of(in, columns),
        out == null ? null : SegmentSide.of(out, columns),
        columns,
        markers);
  }

  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.DOUBLE).build();
  private static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of());

  static Chunk chunk(long[] t, Double... v) {
    ColumnBuilder b = ColumnBuilder.forType(FieldType.DOUBLE.withNullable(true), v.length);
    for (Double x : v) {
      b.appendValue(x);
    }
    long[] seq = new long[t.length];
    return new Chunk(
        LAYOUT, Row.withSchema(LAYOUT.keySchema()).build(), t, seq, new Column[] {null, b.build()});
  }

  /**
   * Input 0:·, 10:5, 20:9, 30:2, 40:· ; output 0:1 (filled), 10:5 (same), 20:6 (clipped), 40:· (30
   * dropped; 40 null on both sides: nothing).
   */
  @Test
  void markersCompareValuesAtTheSameTime() {
    Chunk in = chunk(new long[] {0, 10, 20, 30, 40}, null, 5.0, 9.0, 2.0, null);
    Chunk out = chunk(new long[] {0, 10, 20, 40}, 1.0, 5.0, 6.0, null);
    SegmentProfile p = profile("", 0, in, out, List.of("v"), true);
    ColumnSamples s = p.columns.get("v");
    assertEquals(1, s.markerTotals[Marker.FILLED.ordinal()]);
    assertEquals(1, s.markerTotals[Marker.CHANGED.ordinal()]);
    assertEquals(0, s.markerTotals[Marker.MASKED.ordinal()]);
    assertEquals(1, s.markerTotals[Marker.DROPPED.ordinal()]);
    assertArrayEquals(new long[] {0}, s.markers[Marker.FILLED.ordinal()].t);
    assertArrayEquals(new double[] {1.0}, s.markers[Marker.FILLED.ordinal()].v);
    assertArrayEquals(new double[] {6.0}, s.markers[Marker.CHANGED.ordinal()].v);
    assertArrayEquals(new long[] {30}, s.markers[Marker.DROPPED.ordinal()].t);
    assertArrayEquals(new double[] {2.0}, s.markers[Marker.DROPPED.ordinal()].v);
    assertEquals(2, s.inputNulls);
    assertEquals(1, s.outputNulls);
    assertArrayEquals(new long[] {10, 20, 30}, s.input.t);
    assertEquals(5, p.inputRows);
    assertEquals(4, p.outputRows);
    assertEquals(10.0, p.steps.medianStep());
  }

  @Test
  void maskedValuesAndDuplicateTimesPairInOrder() {
    Chunk in = chunk(new long[] {0, 0, 10}, 1.0, 2.0, 3.0);
    Chunk out = chunk(new long[] {0, 10}, 1.0, null);
    ColumnSamples s = profile("", 0, in, out, List.of("v"), true).columns.get("v");
    assertEquals(1, s.markerTotals[Marker.DROPPED.ordinal()]); // the second row at 0
    assertEquals(1, s.markerTotals[Marker.MASKED.ordinal()]);
    assertArrayEquals(new double[] {3.0}, s.markers[Marker.MASKED.ordinal()].v);
  }

  @Test
  void aSegmentWithNoOutputDropsEveryRowAndWithoutMarkersNoneAreKept() {
    Chunk in = chunk(new long[] {0, 10}, 1.0, null);
    ColumnSamples s = profile("", 0, in, null, List.of("v"), true).columns.get("v");
    assertEquals(2, s.markerTotals[Marker.DROPPED.ordinal()]);
    assertTrue(Double.isNaN(s.markers[Marker.DROPPED.ordinal()].v[1]));
    ColumnSamples none =
        profile("", 0, in, chunk(new long[] {5}, 1.0), List.of("v"), false).columns.get("v");
    assertEquals(0, none.markerTotals[Marker.DROPPED.ordinal()]);
  }

  @Test
  void samplesAreThinnedByLttbToThePointBudget() {
    int n = 5 * ReportCollector.POINTS;
    long[] t = new long[n];
    Double[] v = new Double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * 1000L;
      v[i] = Math.sin(i / 50.0);
    }
    ColumnSamples s = profile("", 0, chunk(t, v), chunk(t, v), List.of("v"), true).columns.get("v");
    assertEquals(ReportCollector.POINTS, s.input.size());
    assertEquals(0, t[0] - s.input.t[0]);
    assertEquals(t[n - 1], s.input.t[s.input.size() - 1]);
  }

  @Test
  void seriesMergeAddsTheStepAcrossSegmentEdgesAndSumsMarkers() {
    SegmentProfile a =
        profile(
            "p1",
            0,
            chunk(new long[] {0, 10, 20}, 1.0, null, 3.0),
            chunk(new long[] {0, 10, 20}, 1.0, 2.0, 3.0),
            List.of("v"),
            true);
    SegmentProfile b =
        profile(
            "p1",
            1,
            chunk(new long[] {100, 110}, null, 4.0),
            chunk(new long[] {100, 110}, 3.5, 4.0),
            List.of("v"),
            true);
    SegmentProfile other =
        profile(
            "p0", 0, chunk(new long[] {5}, 1.0), chunk(new long[] {5}, 1.0), List.of("v"), true);
    List<SeriesReport> all = SeriesReport.merge(List.of(b, other, a));
    assertEquals(List.of("p0", "p1"), List.of(all.get(0).label, all.get(1).label));
    SeriesReport p1 = all.get(1);
    assertEquals(5, p1.inputRows);
    assertEquals(0, p1.first);
    assertEquals(110, p1.last);
    assertEquals(4, p1.steps.stepCount());
    assertEquals(80, p1.steps.longestGaps().get(0).length()); // 20 -> 100, across the edge
    assertEquals(2, p1.columns.get("v").markerTotals[Marker.FILLED.ordinal()]);
    assertArrayEquals(new long[] {0, 20, 110}, p1.input("v").t);
  }

  @Test
  void profilesRoundTripThroughTheDataFile(@TempDir Path dir) throws Exception {
    SegmentProfile a =
        profile(
            "x",
            3,
            chunk(new long[] {0, 10}, 1.0, 2.0),
            chunk(new long[] {0, 10}, 1.0, 2.5),
            List.of("v"),
            true);
    Path file = dir.resolve("r.data");
    new ReportCollector.WriteDataFn(file.toString())
        .process(org.apache.beam.sdk.values.KV.of(0, List.of(a)));
    List<SegmentProfile> back = ReportCollector.read(file);
    assertEquals(1, back.size());
    assertEquals(3, back.get(0).segment);
    assertEquals(1, back.get(0).columns.get("v").markerTotals[Marker.CHANGED.ordinal()]);
    assertEquals(List.of(), ReportCollector.read(dir.resolve("missing.data")));
    try (var files = java.nio.file.Files.list(dir)) {
      assertEquals(1, files.count()); // no temporary file left
    }
  }

  @Test
  void aColumnOnlyTheOutputHasGetsNoMarkers() {
    Chunk in = chunk(new long[] {0, 10}, 1.0, 2.0);
    Schema outSchema =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("v", FieldType.DOUBLE)
            .addNullableField("v_lag1", FieldType.DOUBLE)
            .build();
    ChunkLayout outLayout = ChunkLayout.of(outSchema, "t", List.of());
    ColumnBuilder v = ColumnBuilder.forType(FieldType.DOUBLE.withNullable(true), 2);
    v.appendValue(1.0);
    v.appendValue(2.0);
    ColumnBuilder lag = ColumnBuilder.forType(FieldType.DOUBLE.withNullable(true), 2);
    lag.appendValue(null);
    lag.appendValue(1.0);
    Chunk out =
        new Chunk(
            outLayout,
            Row.withSchema(outLayout.keySchema()).build(),
            new long[] {0, 10},
            new long[2],
            new Column[] {null, v.build(), lag.build()});
    ColumnSamples s = profile("", 0, in, out, List.of("v_lag1"), true).columns.get("v_lag1");
    assertEquals(0, java.util.Arrays.stream(s.markerTotals).sum());
    assertEquals(0, s.input.size());
    assertArrayEquals(new long[] {10}, s.output.t);
  }

  @Test
  void profilesRoundTripThroughTheirCoder() throws Exception {
    SegmentProfile a =
        profile(
            "x",
            2,
            chunk(new long[] {0, 10}, 1.0, null),
            chunk(new long[] {0, 10}, 1.0, 3.0),
            List.of("v"),
            true);
    ReportCollector.ProfileCoder coder = new ReportCollector.ProfileCoder();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    coder.encode(a, bytes);
    coder.encode(a, bytes);
    java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(bytes.toByteArray());
    for (int i = 0; i < 2; i++) {
      SegmentProfile back = coder.decode(in);
      assertEquals("x", back.series);
      assertEquals(1, back.columns.get("v").markerTotals[Marker.FILLED.ordinal()]);
    }
    assertEquals(-1, in.read());
  }

  @Test
  void seriesLabelsJoinKeyValues() {
    Schema keys =
        Schema.builder()
            .addNullableField("site", FieldType.STRING)
            .addNullableField("tag", FieldType.STRING)
            .build();
    assertEquals(
        "A/FI-1", ReportCollector.seriesLabel(Row.withSchema(keys).addValues("A", "FI-1").build()));
    assertEquals(
        "null/FI-1",
        ReportCollector.seriesLabel(Row.withSchema(keys).addValues(null, "FI-1").build()));
  }

  @Test
  void eachSideProfiledAloneMergesAsBothTogether() {
    // without markers the input and the output segment are profiled apart; the series is the same
    Chunk in = chunk(new long[] {0, 10, 20, 30}, 1.0, Double.NaN, null, 4.0);
    Chunk out = chunk(new long[] {0, 15, 30}, 2.0, null, 3.0);
    SegmentProfile both = profile("m", 0, in, out, List.of("v"), false);
    SegmentProfile inOnly = profile("m", 0, in, null, List.of("v"), false);
    SegmentProfile outOnly = profile("m", 0, null, out, List.of("v"), false);
    SeriesReport together = SeriesReport.of("m", List.of(both));
    SeriesReport apart = SeriesReport.of("m", List.of(outOnly, inOnly));
    for (SeriesReport r : List.of(together, apart)) {
      assertEquals(4, r.inputRows);
      assertEquals(3, r.outputRows);
      assertEquals(10.0, r.steps.medianStep());
      ColumnSamples s = r.columns.get("v");
      assertEquals(2, s.inputNulls); // NaN counts as null
      assertEquals(1, s.outputNulls);
      assertArrayEquals(new long[] {0, 30}, s.input.t);
      assertArrayEquals(new double[] {1.0, 4.0}, s.input.v);
      assertArrayEquals(new long[] {0, 30}, s.output.t);
      assertArrayEquals(new double[] {2.0, 3.0}, s.output.v);
    }
  }
}
