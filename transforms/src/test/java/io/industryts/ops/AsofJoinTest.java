package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

/** SEMANTICS §2.2.4 {@code asof_join}: the worked example, the edges and the error messages. */
@ExtendWith(BeamPipelineExtension.class)
class AsofJoinTest {
  static final Schema LEFT =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("k", FieldType.STRING)
          .addInt64Field("seq")
          .addNullableField("x", FieldType.DOUBLE)
          .addNullableField("v", FieldType.INT64)
          .build();
  static final Schema RIGHT =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("k", FieldType.STRING)
          .addInt64Field("seq")
          .addNullableField("v", FieldType.INT64)
          .build();

  /** Segment sizes: one segment per series, and one, two, three rows per segment. */
  static final int[] SEGMENT_ROWS = {65_536, 1, 2, 3};

  static Row left(long seconds, String k, long seq) {
    return Row.withSchema(LEFT)
        .addValues(new Instant(seconds * 1000), k, seq, (double) seconds, null)
        .build();
  }

  static Row right(long seconds, String k, long seq, Long v) {
    return Row.withSchema(RIGHT).addValues(new Instant(seconds * 1000), k, seq, v).build();
  }

  /** The left rows of the §2.2.4 example. */
  static List<Row> exampleLeft() {
    return List.of(
        left(0, "a", 0), left(5, "a", 1), left(10, "a", 2), left(20, "a", 3), left(30, "b", 4));
  }

  /** The right rows of the §2.2.4 example, in input order (seq). */
  static List<Row> exampleRight() {
    return List.of(
        right(4, "a", 0, 10L),
        right(5, "a", 1, 20L),
        right(5, "a", 2, 21L),
        right(14, "a", 3, 30L),
        right(29, "a", 4, 40L));
  }

  /**
   * Runs {@code joins} chained in one pipeline (each reading input "r" = {@code rightRows} and
   * suffixing its v column with {@code suffixes[i]}), keyed by k, ties by seq.
   */
  static PCollection<Row> run(
      TestPipeline p, String name, List<Row> leftRows, List<Row> rightRows, AsofJoin... joins) {
    PCollection<Row> l = p.apply(name + "/Left", Create.of(leftRows).withRowSchema(LEFT));
    PCollection<Row> r = p.apply(name + "/Right", Create.of(rightRows).withRowSchema(RIGHT));
    TimeSeriesPipeline tsp =
        TimeSeriesPipeline.of(
                name,
                SeriesOptions.defaults().withKeyColumns(List.of("k")).withSequenceColumn("seq"))
            .withInput("r", r);
    for (int i = 0; i < joins.length; i++) {
      tsp = tsp.then("join" + i, joins[i].withSuffix("_" + i));
    }
    return l.apply(name, tsp);
  }

  /** Asserts column {@code field} per left row, ordered by (t, seq). */
  static void assertColumn(PCollection<Row> out, String field, String label, Object... want) {
    PAssert.that(label, out)
        .satisfies(
            rows -> {
              List<Row> sorted = new ArrayList<>();
              rows.forEach(sorted::add);
              sorted.sort(
                  Comparator.comparing((Row r) -> r.getDateTime("t").getMillis())
                      .thenComparing(r -> r.getInt64("seq")));
              List<Object> got = new ArrayList<>();
              for (Row r : sorted) {
                got.add(r.getValue(field));
              }
              assertEquals(Arrays.asList(want), got, label);
              return null;
            });
  }

  static AsofJoin join() {
    return AsofJoin.withInput("r").columns("v");
  }

  @Test
  void workedExampleOfSemanticsAllFiveColumnsOnEverySegmentation(TestPipeline p) {
    Duration five = Duration.standardSeconds(5);
    for (int rows : SEGMENT_ROWS) {
      p.getOptions().as(EngineTuningOptions.class).setSegmentRows(rows);
      String s = "seg" + rows;
      PCollection<Row> out =
          run(
              p,
              s,
              exampleLeft(),
              exampleRight(),
              join().backward(),
              join().withTolerance(five),
              join().forward().withTolerance(five),
              join().nearest().withTolerance(five),
              join().disallowExactMatches());
      assertColumn(out, "v_0", s + " backward", null, 21L, 21L, 30L, null);
      assertColumn(out, "v_1", s + " backward 5s", null, 21L, 21L, null, null);
      assertColumn(out, "v_2", s + " forward 5s", 10L, 20L, 30L, null, null);
      assertColumn(out, "v_3", s + " nearest 5s", 10L, 21L, 30L, null, null);
      assertColumn(out, "v_4", s + " no exact", null, 10L, 21L, 30L, null);
    }
    p.run();
  }

  @Test
  void passesBeforeAndAfterTheJoinRunOnItsRowsOnSmallSegments(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setSegmentRows(2);
    PCollection<Row> l = p.apply("Left", Create.of(exampleLeft()).withRowSchema(LEFT));
    PCollection<Row> r = p.apply("Right", Create.of(exampleRight()).withRowSchema(RIGHT));
    PCollection<Row> out =
        l.apply(
            TimeSeriesPipeline.of(
                    "chain",
                    SeriesOptions.defaults().withKeyColumns(List.of("k")).withSequenceColumn("seq"))
                .withInput("r", r)
                .then(Clip.atLeast(6.0, "x"))
                .then(join().withSuffix("_0"))
                .then(Lag.rows(1).of("v_0", "x")));
    // series a: v_0 = [·, 21, 21, 30] → lag [·, ·, 21, 21]; x clipped = [6, 6, 10, 20] → lag
    assertColumn(out, "v_0_lag1", "joined then lagged", null, null, 21L, 21L, null);
    assertColumn(out, "x_lag1", "clipped then lagged", null, 6.0, 6.0, 10.0, null);
    p.run();
  }

  @Test
  void countersCountMatchedAndUnmatchedRows(TestPipeline p) {
    run(p, "c", exampleLeft(), exampleRight(), join());
    org.apache.beam.sdk.PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(3L, counter(result, "join0.rows_matched"));
    assertEquals(2L, counter(result, "join0.rows_unmatched"));
  }

  static long counter(org.apache.beam.sdk.PipelineResult result, String name) {
    long sum = 0;
    for (org.apache.beam.sdk.metrics.MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                org.apache.beam.sdk.metrics.MetricsFilter.builder()
                    .addNameFilter(
                        org.apache.beam.sdk.metrics.MetricNameFilter.named("industryts", name))
                    .build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  @Test
  void emptyRightInputLeavesEveryAddedColumnNull(TestPipeline p) {
    PCollection<Row> out = run(p, "e", exampleLeft(), List.of(), join());
    assertColumn(out, "v_0", "empty right", null, null, null, null, null);
    assertColumn(out, "x", "left unchanged", 0.0, 5.0, 10.0, 20.0, 30.0);
    p.run();
  }

  @Test
  void rightSeriesAbsentOnTheLeftCreateNoRows(TestPipeline p) {
    List<Row> r = new ArrayList<>(exampleRight());
    r.add(right(1, "zzz", 9, 99L));
    r.add(right(31, "zzz", 10, 98L));
    assertColumn(
        run(p, "absent", exampleLeft(), r, join()), "v_0", "absent", null, 21L, 21L, 30L, null);
    p.run();
  }

  @Test
  void nullKeysMatchNullKeys(TestPipeline p) {
    List<Row> l = List.of(left(1, null, 0), left(3, "a", 1), left(6, null, 2));
    List<Row> r = List.of(right(0, null, 0, 1L), right(2, "a", 1, 2L), right(5, null, 2, 3L));
    assertColumn(run(p, "nulls", l, r, join()), "v_0", "null keys", 1L, 2L, 3L);
    p.run();
  }

  @Test
  void tiesOnBothSidesTakeLastBackwardAndFirstForward(TestPipeline p) {
    List<Row> l = List.of(left(5, "a", 0), left(5, "a", 1));
    List<Row> r = List.of(right(5, "a", 0, 1L), right(5, "a", 1, 2L), right(5, "a", 2, 3L));
    for (int rows : SEGMENT_ROWS) {
      p.getOptions().as(EngineTuningOptions.class).setSegmentRows(rows);
      PCollection<Row> out =
          run(p, "ties" + rows, l, r, join(), join().forward(), join().nearest());
      assertColumn(out, "v_0", "backward " + rows, 3L, 3L);
      assertColumn(out, "v_1", "forward " + rows, 1L, 1L);
      assertColumn(out, "v_2", "nearest " + rows, 3L, 3L);
    }
    p.run();
  }

  @Test
  void toleranceIsInclusiveToTheMillisecond(TestPipeline p) {
    List<Row> l = List.of(left(10, "a", 0));
    List<Row> r = List.of(right(5, "a", 0, 1L));
    PCollection<Row> out =
        run(
            p,
            "tol",
            l,
            r,
            join().withTolerance(Duration.millis(5000)),
            join().withTolerance(Duration.millis(4999)));
    assertColumn(out, "v_0", "at the limit", 1L);
    assertColumn(out, "v_1", "1 ms below", (Object) null);
    p.run();
  }

  /**
   * Left every second, right every 7 s with nulls: on segments of 2 and 7 rows the backward,
   * forward and nearest matches cross any number of segments and equal a brute-force merge.
   */
  @Test
  void rightRowsSpanningManyLeftSegmentsMatchABruteForceMerge(TestPipeline p) {
    List<Row> l = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      l.add(left(i, "a", i));
    }
    List<Row> r = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      r.add(right(3 + 17 * i, "a", i, i % 3 == 2 ? null : (long) i));
    }
    for (int rows : new int[] {2, 7}) {
      p.getOptions().as(EngineTuningOptions.class).setSegmentRows(rows);
      AsofJoin.Direction[] all = AsofJoin.Direction.values();
      AsofJoin[] joins = new AsofJoin[all.length];
      for (int j = 0; j < all.length; j++) {
        joins[j] = join().withDirection(all[j]).withTolerance(Duration.standardSeconds(6));
      }
      PCollection<Row> out = run(p, "span" + rows, l, r, joins);
      for (int j = 0; j < all.length; j++) {
        Object[] want = new Object[60];
        for (int i = 0; i < 60; i++) {
          want[i] = brute(i, all[j]);
        }
        assertColumn(out, "v_" + j, all[j] + " " + rows, want);
      }
    }
    p.run();
  }

  /** Match of left second {@code t} against right rows at 3, 20, 37, 54 (values 0, 1, null, 3). */
  private static Long brute(long t, AsofJoin.Direction d) {
    long[] rt = {3, 20, 37, 54};
    Long[] v = {0L, 1L, null, 3L};
    int back = -1;
    int fwd = -1;
    for (int j = 0; j < rt.length; j++) {
      if (rt[j] <= t) {
        back = j;
      }
      if (rt[j] >= t && fwd < 0) {
        fwd = j;
      }
    }
    int pick =
        d == AsofJoin.Direction.BACKWARD
            ? back
            : d == AsofJoin.Direction.FORWARD
                ? fwd
                : back < 0 ? fwd : fwd < 0 ? back : t - rt[back] <= rt[fwd] - t ? back : fwd;
    return pick < 0 || Math.abs(t - rt[pick]) > 6 ? null : v[pick];
  }

  @Test
  void loneJoinIsKeyedByItsOnColumnsAndSuffixesClashingNames(TestPipeline p) {
    Schema rs =
        Schema.builder()
            .addDateTimeField("time")
            .addStringField("k")
            .addNullableField("x", FieldType.DOUBLE)
            .build();
    PCollection<Row> r =
        p.apply(
            "R",
            Create.of(Row.withSchema(rs).addValues(new Instant(4000), "a", 7.5).build())
                .withRowSchema(rs));
    PCollection<Row> out =
        p.apply("L", Create.of(left(5, "a", 0), left(6, "b", 1)).withRowSchema(LEFT))
            .apply(AsofJoin.with(r).on("k"));
    assertEquals(List.of("t", "k", "seq", "x", "v", "x_right"), out.getSchema().getFieldNames());
    assertColumn(out, "x_right", "lone", 7.5, null);
    p.run();
  }

  @Test
  void byMaySelectSomeOfTheLeftKeys(TestPipeline p) {
    Schema ls =
        Schema.builder()
            .addDateTimeField("t")
            .addStringField("site")
            .addStringField("sensor")
            .build();
    Schema rs =
        Schema.builder().addDateTimeField("t").addStringField("site").addInt64Field("temp").build();
    PCollection<Row> r =
        p.apply(
            "R",
            Create.of(
                    Row.withSchema(rs).addValues(new Instant(0), "s1", 10L).build(),
                    Row.withSchema(rs).addValues(new Instant(0), "s2", 20L).build())
                .withRowSchema(rs));
    PCollection<Row> out =
        p.apply(
                "L",
                Create.of(
                        Row.withSchema(ls).addValues(new Instant(1000), "s1", "p").build(),
                        Row.withSchema(ls).addValues(new Instant(1000), "s1", "q").build(),
                        Row.withSchema(ls).addValues(new Instant(1000), "s2", "p").build())
                    .withRowSchema(ls))
            .apply(AsofJoin.with(r).on("site").keyedBy("site", "sensor"));
    Schema os = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(os).addValues(new Instant(1000), "s1", "p", 10L).build(),
            Row.withSchema(os).addValues(new Instant(1000), "s1", "q", 10L).build(),
            Row.withSchema(os).addValues(new Instant(1000), "s2", "p", 20L).build());
    p.run();
  }

  @Test
  void toleranceMustBePositive() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AsofJoin.withInput("r").withTolerance(Duration.ZERO));
    assertEquals("AsofJoin: tolerance must be > 0. Got PT0S.", e.getMessage());
  }

  @Test
  void keyMissingOnTheRightIsReportedWithTheRightFields() {
    Schema rs = Schema.builder().addDateTimeField("t").addInt64Field("v").build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AsofJoin.withInput("r").on("k").plan(leftLayout(), context(Map.of("r", rs))));
    assertEquals(
        "AsofJoin: key \"k\" not found in right input. Right fields: [t, v]. Fix by / on, "
            + "or rename the right field.",
        e.getMessage());
  }

  @Test
  void unregisteredInputIsReportedWithTheRegisteredOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AsofJoin.withInput("weather").plan(leftLayout(), context(Map.of())));
    assertEquals(
        "AsofJoin: input \"weather\" is not registered. Registered inputs: [main]. "
            + "Register it with [inputs.weather] or --input weather=PATH (Java: "
            + "TimeSeriesPipeline.withInput).",
        e.getMessage());
  }

  @Test
  void byMustNameLeftKeyColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AsofJoin.withInput("r").on("seq").plan(leftLayout(), context(Map.of("r", RIGHT))));
    assertEquals(
        "AsofJoin: key \"seq\" is not a key column of the left input. Got by [seq]; key "
            + "columns [k]. Add it to key_columns (keyedBy) or remove it from by (on). Available "
            + "fields: [t, k, seq, x, v]",
        e.getMessage());
  }

  @Test
  void addedColumnsFollowTheLeftFieldsInRightOrderWithTheSuffixOnClashes() {
    io.industryts.engine.spi.Kernel k =
        AsofJoin.withInput("r").plan(leftLayout(), context(Map.of("r", RIGHT)));
    assertEquals(
        List.of("t", "k", "seq", "x", "v", "seq_right", "v_right"),
        k.outputLayout().schema().getFieldNames());
  }

  @Test
  void aColumnNamingTheRightTimeIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AsofJoin.withInput("r")
                    .columns("t")
                    .plan(leftLayout(), context(Map.of("r", RIGHT))));
    assertEquals(
        "AsofJoin: column \"t\" is the right time column and is not added (the left has "
            + "its own). Got columns [t]; remove \"t\".",
        e.getMessage());
  }

  @Test
  void describePassesShowsTheJoinAsItsOwnStageBetweenPasses() {
    io.industryts.engine.spi.ChunkLayout l = leftLayout();
    io.industryts.engine.RunPlan run =
        io.industryts.engine.RunPlan.of(
            l,
            SeriesOptions.defaults().withKeyColumns(List.of("k")),
            List.of(
                new io.industryts.engine.Engine.Step("1_clip", Clip.atLeast(0.0, "x")),
                new io.industryts.engine.Engine.Step(
                    "2_asof_join", AsofJoin.withInput("r").columns("v")),
                new io.industryts.engine.Engine.Step("3_lag", Lag.rows(1).of("x"))),
            Map.of("r", RIGHT));
    assertEquals(
        List.of(
            "segment: one shuffle by (series, time segment)",
            "pass 1: 1_clip",
            "as-of join: 2_asof_join with input \"r\" (right rows co-segmented with the left "
                + "segments; keys [k])",
            "pass 2: 3_lag (context: halo 1 rows before, 0 after)"),
        run.explain());
  }

  @Test
  void aGridAfterTheJoinUsesTheFirstSegmentationWithoutReCutting() {
    io.industryts.engine.spi.ChunkLayout left = leftLayout();
    io.industryts.engine.RunPlan run =
        io.industryts.engine.RunPlan.of(
            left,
            SeriesOptions.defaults().withKeyColumns(List.of("k")),
            List.of(
                new io.industryts.engine.Engine.Step(
                    "1_asof_join", AsofJoin.withInput("r").columns("v")),
                new io.industryts.engine.Engine.Step(
                    "2_resample",
                    Resample.every(Duration.standardMinutes(1)).aggregate(Resample.Agg.MEAN))),
            Map.of("r", RIGHT));
    List<String> lines = run.explain();
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(
        List.of(false, false, false),
        lines.stream().map(l -> l.startsWith("re-segment")).toList(),
        lines.toString());
  }

  static io.industryts.engine.spi.ChunkLayout leftLayout() {
    return io.industryts.engine.spi.ChunkLayout.of(LEFT, "t", List.of("k"));
  }

  static io.industryts.engine.spi.PlanContext context(Map<String, Schema> inputs) {
    return new io.industryts.engine.spi.PlanContext(
        "join", SeriesOptions.defaults().withKeyColumns(List.of("k")), inputs);
  }
}
