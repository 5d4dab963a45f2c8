package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.TimeSeriesTransform;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.ColumnBuilder;
import io.industryts.engine.spi.Kernel;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operations as Beam transforms on the engine: edges (empty input, one row, all-null column,
 * ties, several keys) and multi-segment runs compared with a single-segment kernel run.
 */
@ExtendWith(BeamPipelineExtension.class)
class OpsPipelineTest {
  static final Schema IN =
      Schema.builder()
          .addNullableField("tag", FieldType.STRING)
          .addDateTimeField("time")
          .addNullableField("v", FieldType.DOUBLE)
          .build();

  static Row row(String tag, long t, Double v) {
    return Row.withSchema(IN).addValues(tag, new Instant(t), v).build();
  }

  static PCollection<Row> input(TestPipeline p, List<Row> rows) {
    return p.apply(Create.of(rows).withRowSchema(IN));
  }

  @Test
  void emptyInputGivesEmptyOutputWithTheOutputSchema(TestPipeline p) {
    PCollection<Row> out = input(p, List.of()).apply(Lag.rows(1).of("v"));
    assertEquals(List.of("tag", "time", "v", "v_lag1"), out.getSchema().getFieldNames());
    PAssert.that(out).empty();
    p.run();
  }

  @Test
  void singleRowSeriesHasNullLagAndDiff(TestPipeline p) {
    PCollection<Row> out = input(p, List.of(row("a", 0, 1.0))).apply(Diff.periods(1).of("v"));
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(out.getSchema()).addValues("a", new Instant(0), 1.0, null).build());
    p.run();
  }

  @Test
  void allNullColumnStaysNullThroughFillAndScale(TestPipeline p) {
    PCollection<Row> out =
        input(p, List.of(row("a", 0, null), row("a", 1000, null)))
            .apply("fill", FillNull.forward("v"))
            .apply("scale", Scale.standard("v"));
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), null).build(),
            Row.withSchema(s).addValues("a", new Instant(1000), null).build());
    p.run();
  }

  @Test
  void tiesAreAveragedByDropDuplicatesMean(TestPipeline p) {
    PCollection<Row> out =
        input(p, List.of(row("a", 0, 1.0), row("a", 0, 4.0), row("a", 60_000, 2.0)))
            .apply(DropDuplicates.mean());
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), 2.5).build(),
            Row.withSchema(s).addValues("a", new Instant(60_000), 2.0).build());
    p.run();
  }

  @Test
  void severalKeysNeverMix(TestPipeline p) {
    PCollection<Row> out =
        input(
                p,
                List.of(
                    row("a", 0, 2.0),
                    row("a", 3_600_000, 4.0),
                    row("b", 0, 10.0),
                    row("b", 3_600_000, 20.0),
                    row(null, 0, 7.0)))
            .apply(Lag.rows(1).of("v").keyedBy("tag"));
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), 2.0, null).build(),
            Row.withSchema(s).addValues("a", new Instant(3_600_000), 4.0, 2.0).build(),
            Row.withSchema(s).addValues("b", new Instant(0), 10.0, null).build(),
            Row.withSchema(s).addValues("b", new Instant(3_600_000), 20.0, 10.0).build(),
            Row.withSchema(s).addValues(null, new Instant(0), 7.0, null).build());
    p.run();
  }

  @Test
  void constructionErrorsSurfaceWhenApplied(TestPipeline p) {
    PCollection<Row> in = input(p, List.of(row("a", 0, 1.0)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> in.apply(Rolling.rows(3, "nope")));
    assertEquals(
        "Rolling: column \"nope\" not found. Available fields: [tag, time, v]", e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  // --- several segments: the engine's result equals one kernel run over each whole series ---

  /** Two series of 80 irregular rows with nulls, a spike and a long gap, shuffled. */
  static List<Row> bigInput() {
    List<Row> rows = new ArrayList<>();
    Random r = new Random(5);
    for (String tag : new String[] {"a", "b"}) {
      long t = 1_700_000_000_000L;
      for (int i = 0; i < 80; i++) {
        t += 20_000 + r.nextInt(50_000) + (i == 40 ? 7_200_000 : 0);
        Double v = r.nextInt(6) == 0 ? null : Math.round(r.nextGaussian() * 1000) / 10.0;
        rows.add(row(tag, t, i == 33 ? Double.valueOf(500.0) : v));
      }
    }
    Collections.shuffle(rows, new Random(9));
    return rows;
  }

  /** Expected rows: the kernel over each whole series (sorted, one segment). */
  static List<Row> expected(List<Row> rows, TimeSeriesTransform<?> op) {
    ChunkLayout layout = ChunkLayout.of(IN, "time", List.of("tag"));
    Kernel k = op.plan(layout, KernelHarness.plan("x"));
    List<Row> out = new ArrayList<>();
    for (String tag : new String[] {"a", "b"}) {
      List<Row> s = new ArrayList<>();
      for (Row row : rows) {
        if (tag.equals(row.getString("tag"))) {
          s.add(row);
        }
      }
      s.sort((x, y) -> x.getDateTime("time").compareTo(y.getDateTime("time")));
      long[] t = new long[s.size()];
      ColumnBuilder vb = ColumnBuilder.forType(FieldType.DOUBLE, s.size());
      for (int i = 0; i < t.length; i++) {
        t[i] = s.get(i).getDateTime("time").getMillis();
        vb.appendValue(s.get(i).getDouble("v"));
      }
      Row key = Row.withSchema(layout.keySchema()).addValue(tag).build();
      Chunk c =
          new Chunk(layout, key, t, new long[t.length], new Column[] {null, null, vb.build()});
      Chunk res = KernelHarness.run(k, c);
      for (int i = 0; i < res.size(); i++) {
        out.add(res.row(i));
      }
    }
    return out;
  }

  /**
   * Every operation on small segments (about nine rows) gives the rows of one kernel run over each
   * whole series: halos, carries, statistics and grids cross segment boundaries correctly. One
   * pipeline with a branch per operation keeps this fast.
   */
  @Test
  void segmentedRunsMatchWholeSeriesKernelRuns(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(9);
    List<Row> rows = bigInput();
    PCollection<Row> in = input(p, rows);
    List<TimeSeriesTransform<?>> ops =
        List.of(
            FillNull.forward("v").withLimit(2).withMaxGap(Duration.standardMinutes(3)).withFlag(),
            FillNull.backward("v")
                .withLimitArea(FillNull.LimitArea.INSIDE)
                .withMaxGap(Duration.standardMinutes(2)),
            Outliers.zscore(2.0, "v").withAction(Outliers.Action.CLIP),
            Outliers.hampel(2.0, "v").overRows(5).centered().withAction(Outliers.Action.DROP),
            Resample.every(Duration.standardMinutes(2))
                .aggregate("v", Resample.Agg.MEAN, Resample.Agg.COUNT, Resample.Agg.STD),
            Rolling.rows(10, "v").compute(Rolling.Fn.MEAN, Rolling.Fn.STD).withMinPeriods(3),
            Rolling.over(Duration.standardMinutes(5), "v")
                .compute(Rolling.Fn.SUM, Rolling.Fn.COUNT),
            Lag.by(Duration.standardMinutes(3)).of("v"),
            Lead.rows(2).of("v"),
            Scale.robust("v"));
    for (int i = 0; i < ops.size(); i++) {
      TimeSeriesTransform<?> op = ops.get(i);
      List<Row> want = expected(rows, op);
      PCollection<Row> out = in.apply(i + "_" + op.typeName(), op.keyedBy("tag"));
      PAssert.that(op.toString(), out)
          .satisfies(
              got -> {
                assertRowsClose(want, got);
                return null;
              });
    }
    p.run();
  }

  /** Same rows by (tag, time); doubles within 1e-9 relative (merge order changes round-off). */
  static void assertRowsClose(List<Row> want, Iterable<Row> gotRows) {
    List<Row> got = new ArrayList<>();
    gotRows.forEach(got::add);
    java.util.Comparator<Row> order =
        java.util.Comparator.comparing((Row r) -> String.valueOf((Object) r.getValue(0)))
            .thenComparing(r -> r.getDateTime("time"));
    List<Row> w = new ArrayList<>(want);
    w.sort(order);
    got.sort(order);
    assertEquals(w.size(), got.size(), "row count");
    for (int i = 0; i < w.size(); i++) {
      assertEquals(w.get(i).getSchema(), got.get(i).getSchema());
      for (int f = 0; f < w.get(i).getFieldCount(); f++) {
        Object a = w.get(i).getValue(f);
        Object b = got.get(i).getValue(f);
        if (a instanceof Double && b instanceof Double) {
          double x = (Double) a;
          double y = (Double) b;
          assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), "row " + w.get(i) + " field " + f);
        } else {
          assertEquals(a, b, "row " + w.get(i) + " field " + f);
        }
      }
    }
  }

  @Test
  void standardPipelineOnManySegmentsEqualsTheKernelChain(TestPipeline p) throws Exception {
    Chunk in = PandasFixturesTest.load("skab_valve1_0.csv", ";");
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(400);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      rows.add(in.row(i));
    }
    Collections.shuffle(rows, new Random(1));
    io.industryts.TimeSeriesPipeline chain =
        io.industryts.TimeSeriesPipeline.named("standard")
            .then(DropDuplicates.keepFirst())
            .then(FillNull.forward())
            .then(FillNull.backward())
            .then(Outliers.zscore(3.0).withAction(Outliers.Action.CLIP))
            .then(Resample.every(Duration.standardSeconds(10)).aggregate(Resample.Agg.MEAN))
            .then(Lag.rows(1, 2, 3).of())
            .then(Rolling.rows(10).compute(Rolling.Fn.MEAN, Rolling.Fn.STD))
            .then(Diff.periods(1).of())
            .then(
                DatetimeFeatures.of(
                        DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.DAYOFWEEK)
                    .cyclic(DatetimeFeatures.Feature.HOUR))
            .then(Scale.standard());
    Chunk expected = PandasFixturesTest.standardPipeline(in, Duration.standardSeconds(10));
    List<Row> want = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      want.add(expected.row(i));
    }
    PCollection<Row> out = p.apply(Create.of(rows).withRowSchema(in.schema())).apply(chain);
    PAssert.that(out)
        .satisfies(
            got -> {
              assertRowsCloseByTime(want, got);
              return null;
            });
    p.run();
  }

  /** As {@link #assertRowsClose} for rows without a tag field. */
  static void assertRowsCloseByTime(List<Row> want, Iterable<Row> gotRows) {
    List<Row> keyed = new ArrayList<>();
    for (Row r : want) {
      keyed.add(r);
    }
    List<Row> got = new ArrayList<>();
    gotRows.forEach(got::add);
    java.util.Comparator<Row> order = java.util.Comparator.comparing(r -> r.getDateTime("t"));
    keyed.sort(order);
    got.sort(order);
    assertEquals(keyed.size(), got.size(), "row count");
    for (int i = 0; i < keyed.size(); i++) {
      Row w = keyed.get(i);
      Row g = got.get(i);
      assertEquals(w.getSchema().getFieldNames(), g.getSchema().getFieldNames());
      for (int f = 0; f < w.getFieldCount(); f++) {
        Object a = w.getValue(f);
        Object b = g.getValue(f);
        if (a instanceof Double && b instanceof Double) {
          assertEquals(
              (Double) a,
              (Double) b,
              1e-9 * Math.max(1, Math.abs((Double) a)),
              "row " + i + " field " + w.getSchema().getField(f).getName());
        } else {
          assertEquals(a, b, "row " + i + " field " + w.getSchema().getField(f).getName());
        }
      }
    }
  }
}
