package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.testing.BeamPipelineExtension;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviours SEMANTICS.md leaves open (or states twice, differently) and that the operations settle
 * the way pandas does; each test is one entry of docs/semantics-decisions.md.
 */
@ExtendWith(BeamPipelineExtension.class)
class SemanticsDecisionsTest {
  private static final Schema DOUBLES =
      Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.DOUBLE).build();
  private static final ChunkLayout D = KernelHarness.layout(DOUBLES, "t");
  private static final Schema LONGS =
      Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.INT64).build();
  private static final ChunkLayout L = KernelHarness.layout(LONGS, "t");

  @TempDir Path dir;

  private static Chunk run(Kernel k, Chunk in, Map<String, Long> counters) {
    return KernelHarness.run(k, in, counters);
  }

  // §2 intro vs §2.5.2: pandas `s / s.abs().max()` on one value 5 gives 1.0, not NaN.
  @Test
  void normalizeOfASingleNonZeroValueIsPlusOrMinusOne() {
    Kernel k = Normalize.maxAbs("v").plan(D, plan("n"));
    assertThat(
        values(run(k, chunk(D, hms("00:00"), col(5.0)), new HashMap<>()), "v"), contains(1.0));
    assertThat(
        values(run(k, chunk(D, hms("00:00"), col(-4.0)), new HashMap<>()), "v"), contains(-1.0));
  }

  // §1.5 / §2.4.2 silent on overflow: pandas int64 cumsum/cumprod wrap (two's complement).
  @Test
  void integralCumsumAndCumprodWrapOnOverflow() {
    Kernel k =
        Cumulative.of(Cumulative.CumFn.CUMSUM, Cumulative.CumFn.CUMPROD).on("v").plan(L, plan("c"));
    Chunk out = run(k, chunk(L, hms("00:00", "01:00"), col(1L << 62, 1L << 62)), new HashMap<>());
    assertThat(values(out, "v_cumsum"), contains(1L << 62, Long.MIN_VALUE));
    assertThat(values(out, "v_cumprod"), contains(1L << 62, 0L));
  }

  // §1.5 lists "clip with non-integral bounds" for clip only; outliers clip/median are silent.
  // pandas `x.mask(out, x.clip(lo, hi))` on int64 gives float64.
  @Test
  void outliersClipMakesAnIntegralColumnDouble() {
    Chunk in =
        chunk(
            L,
            hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"),
            col(10L, 11L, 10L, 12L, 50L, 11L, 10L));
    Kernel k = Outliers.zscore(2.0, "v").withAction(Outliers.Action.CLIP).plan(L, plan("o"));
    assertEquals(
        FieldType.DOUBLE, k.outputLayout().schema().getField("v").getType().withNullable(false));
    List<Object> got = values(run(k, in, new HashMap<>()), "v");
    assertEquals(10.0, got.get(0));
    assertThat((Double) got.get(4), closeTo(46.0563, 1e-4));
  }

  // The null action needs no new value: the column keeps its integral type (nullable INT64).
  @Test
  void outliersNullKeepsAnIntegralColumnIntegral() {
    Chunk in =
        chunk(
            L,
            hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"),
            col(10L, 11L, 10L, 12L, 50L, 11L, 10L));
    Kernel k = Outliers.zscore(2.0, "v").plan(L, plan("o"));
    assertEquals(
        FieldType.INT64, k.outputLayout().schema().getField("v").getType().withNullable(false));
    assertThat(
        values(run(k, in, new HashMap<>()), "v"), contains(10L, 11L, 10L, 12L, null, 11L, 10L));
  }

  // §2.2.3 allows window 1 with closed "neither": the window is empty, so every value is null
  // (pandas `s.rolling(1, min_periods=1, closed="neither").sum()` gives [nan, nan]).
  @Test
  void rollingNeitherOverOneRowIsAlwaysNull() {
    Kernel k =
        Rolling.rows(1, "v")
            .compute(Rolling.Fn.SUM)
            .closed(Rolling.Closed.NEITHER)
            .plan(D, plan("r"));
    List<Object> got =
        values(
            run(k, chunk(D, hms("00:00", "01:00"), col(1.0, 2.0)), new HashMap<>()),
            "v_rolling_sum_1");
    assertEquals(Arrays.asList(null, null), got);
  }

  // §2.2.2 prose: n = "the first row after g"; its pandas form de-duplicates with keep="last",
  // so of several rows at the time after g the last one supplies the values.
  @Test
  void regularizeBackwardTakesTheLastRowAtTheNextTime() {
    Chunk in = chunk(D, hms("00:00:00", "00:01:30", "00:01:30"), col(1.0, 2.0, 3.0));
    Kernel k =
        Regularize.every(Duration.standardMinutes(1))
            .fill(Regularize.Fill.BACKWARD)
            .plan(D, plan("g"));
    assertThat(values(run(k, in, new HashMap<>()), "v"), contains(1.0, 3.0));
  }

  // §2.2.2 names the counters only: rows_inserted = grid points without a row exactly at them;
  // values_filled = cells of such points that came out non-null.
  @Test
  void regularizeCountsInsertedPointsAndFilledCells() {
    Chunk in =
        chunk(D, hms("00:00:20", "00:01:00", "00:01:30", "00:04:10"), col(1.0, null, 3.0, 9.0));
    Map<String, Long> counters = new HashMap<>();
    Kernel k = Regularize.every(Duration.standardMinutes(1)).plan(D, plan("g"));
    assertEquals(Arrays.asList(null, null, 3.0, 3.0, 3.0), values(run(k, in, counters), "v"));
    assertEquals(4L, counters.get("rows_inserted"));
    assertEquals(3L, counters.get("values_filled"));
  }

  // §2.1.4 counter rows_dropped with keep = "mean": every row folded into another counts.
  @Test
  void dropDuplicatesMeanCountsFoldedRowsAsDropped() {
    Chunk in = chunk(D, hms("00:00", "00:00", "00:00", "01:00"), col(1.0, 2.0, 3.0, 4.0));
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(DropDuplicates.mean().plan(D, plan("d")), in, counters);
    assertThat(values(out, "v"), contains(2.0, 4.0));
    assertEquals(2L, counters.get("rows_dropped"));
  }

  // §2.2.1 counter buckets_empty counts emitted empty buckets only: none without empty buckets.
  @Test
  void resampleWithoutEmptyBucketsCountsNoEmptyBucket() {
    Chunk in = chunk(D, hms("00:10", "02:40"), col(1.0, 9.0));
    Map<String, Long> withEmpty = new HashMap<>();
    run(
        Resample.every(Duration.standardHours(1)).aggregate(Resample.Agg.SUM).plan(D, plan("r")),
        in,
        withEmpty);
    assertEquals(1L, withEmpty.get("buckets_empty"));
    Map<String, Long> without = new HashMap<>();
    run(
        Resample.every(Duration.standardHours(1))
            .aggregate(Resample.Agg.SUM)
            .withoutEmptyBuckets()
            .plan(D, plan("r")),
        in,
        without);
    assertEquals(0L, without.getOrDefault("buckets_empty", 0L));
  }

  // §1.10 "sum of no values = 0" applies to buckets (pandas resample sum of an all-NaN bucket
  // is 0.0); integral sums wrap on overflow like numpy int64.
  @Test
  void resampleIntegralSumWrapsOnOverflow() {
    Chunk in = chunk(L, hms("00:10", "00:20"), col(Long.MAX_VALUE, 1L));
    Chunk out =
        run(
            Resample.every(Duration.standardHours(1))
                .aggregate(Resample.Agg.SUM)
                .plan(L, plan("r")),
            in,
            new HashMap<>());
    assertThat(values(out, "v"), contains(Long.MIN_VALUE));
  }

  // §2.3.3 / DST fall-back: both 00:30Z and 01:30Z on 2024-10-27 are 02:30 wall clock in Berlin
  // (pandas `tz_convert("Europe/Berlin").dt.hour` gives [2, 2]).
  @Test
  void calendarFeaturesRepeatTheWallClockHourAtFallBack() {
    Schema s = Schema.builder().addDateTimeField("t").build();
    ChunkLayout layout = KernelHarness.layout(s, "t");
    long t0 = java.time.Instant.parse("2024-10-27T00:30:00Z").toEpochMilli();
    Kernel k =
        DatetimeFeatures.of(DatetimeFeatures.Feature.HOUR)
            .plan(
                layout,
                new PlanContext(
                    "d", SeriesOptions.defaults().withTimeZone(ZoneId.of("Europe/Berlin"))));
    Chunk out = KernelHarness.run(k, chunk(layout, new long[] {t0, t0 + 3_600_000L}));
    assertThat(values(out, "hour"), contains(2, 2));
  }

  // §1.6 "day = 24 h, fixed" with origin start_day in a DST zone: buckets stay 24 h long from the
  // first local midnight, so after the spring change they start at 01:00 local time (pandas'
  // tz-aware "1D" follows calendar days instead; not in §3).
  @Test
  void startDayBucketsAreFixedTwentyFourHoursAcrossDst(TestPipeline p) {
    Schema schema =
        Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.DOUBLE).build();
    List<Row> rows = new ArrayList<>();
    for (String t :
        List.of("2024-03-30T11:00:00Z", "2024-03-31T10:00:00Z", "2024-03-31T22:30:00Z")) {
      rows.add(Row.withSchema(schema).addValues(Instant.parse(t), 1.0).build());
    }
    PCollection<Row> out =
        p.apply(Create.of(rows).withRowSchema(schema))
            .apply(
                Resample.every(Duration.standardDays(1))
                    .aggregate(Resample.Agg.SUM)
                    .withOrigin(Resample.Origin.startDay())
                    .withTimeZone(ZoneId.of("Europe/Berlin")));
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(schema).addValues(Instant.parse("2024-03-29T23:00:00Z"), 1.0).build(),
            Row.withSchema(schema).addValues(Instant.parse("2024-03-30T23:00:00Z"), 2.0).build());
    p.run();
  }

  // §2.3.1 "null if |t_j − (t_i − d)| > tolerance": a match exactly at the tolerance is kept, as
  // pandas merge_asof(tolerance=...) is inclusive.
  @Test
  void durationLagMatchExactlyAtTheToleranceIsKept() {
    Chunk in = chunk(D, hms("00:00", "02:00", "02:01"), col(1.0, 2.0, 3.0));
    Kernel k =
        Lag.by(Duration.standardHours(1))
            .of("v")
            .withTolerance(Duration.standardHours(1))
            .plan(D, plan("l"));
    assertEquals(Arrays.asList(null, 1.0, null), values(run(k, in, new HashMap<>()), "v_lag_1h"));
  }

  // §2.6.4 is silent on the text "NaN" (Double.parseDouble accepts it): it is a missing value, as
  // pandas to_numeric(errors="coerce") gives NaN, so it becomes null and is not invalid.
  @Test
  void castOfTheTextNanToDoubleIsNullAndNotInvalid() {
    Schema schema =
        Schema.builder().addDateTimeField("t").addNullableField("s", FieldType.STRING).build();
    ChunkLayout layout = KernelHarness.layout(schema, "t");
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(
            Cast.to(FieldType.DOUBLE, "s").plan(layout, plan("c")),
            chunk(layout, hms("00:00", "01:00"), col("NaN", "1.5")),
            counters);
    assertEquals(Arrays.asList(null, 1.5), values(out, "s"));
    assertEquals(0L, counters.getOrDefault("invalid_input", 0L));
  }

  // §1.10 "sum of no values = 0" also for a bucket that received only null cells (pandas
  // `df.resample("1h", on="t").v.sum()` gives 0.0 there), while mean stays null.
  @Test
  void resampleSumOfABucketOfNullsIsZero() {
    Chunk in = chunk(D, hms("00:10", "01:10", "01:20"), col(1.0, null, null));
    Chunk out =
        run(
            Resample.every(Duration.standardHours(1))
                .aggregate("v", Resample.Agg.SUM, Resample.Agg.MEAN)
                .plan(D, plan("r")),
            in,
            new HashMap<>());
    assertEquals(Arrays.asList(1.0, 0.0), values(out, "v_sum"));
    assertEquals(Arrays.asList(1.0, null), values(out, "v_mean"));
  }

  // §1.5 / §2.3.2 silent on integer overflow in diff: the difference is taken in DOUBLE, so it is
  // the exact value rounded to a double (numpy's int64 `Series([-2**63, 2**63-1]).diff()` wraps
  // to -1.0 first; the correct difference is what a pandas user means).
  @Test
  void integralDiffIsExactInDoubleWithoutWrapping() {
    Chunk in = chunk(L, hms("00:00", "01:00"), col(Long.MIN_VALUE, Long.MAX_VALUE));
    assertEquals(
        Arrays.asList(null, 0x1p64),
        values(run(Diff.periods(1).of("v").plan(L, plan("d")), in, new HashMap<>()), "v_diff1"));
  }

  // §2.2.2 start/end beyond the data: forward keeps the last row's values after it, backward and
  // linear give null there, as `s.reindex(grid, method="pad" | "backfill")` and
  // `interpolate(method="time", limit_area="inside")` on the union index.
  @Test
  void regularizeRangeBeyondTheDataFollowsReindex() {
    Chunk in = chunk(D, hms("00:00", "00:10"), col(1.0, 2.0));
    Instant start = new Instant(KernelHarness.hm("00:08"));
    Instant end = new Instant(KernelHarness.hm("00:12"));
    Map<Regularize.Fill, List<Object>> got = new HashMap<>();
    for (Regularize.Fill f :
        List.of(Regularize.Fill.FORWARD, Regularize.Fill.BACKWARD, Regularize.Fill.LINEAR)) {
      got.put(
          f,
          values(
              run(
                  Regularize.every(Duration.standardMinutes(1))
                      .fill(f)
                      .between(start, end)
                      .plan(D, plan("g")),
                  in,
                  new HashMap<>()),
              "v"));
    }
    assertEquals(Arrays.asList(1.0, 1.0, 2.0, 2.0, 2.0), got.get(Regularize.Fill.FORWARD));
    assertEquals(Arrays.asList(2.0, 2.0, 2.0, null, null), got.get(Regularize.Fill.BACKWARD));
    KernelHarness.assertCells(got.get(Regularize.Fill.LINEAR), 1e-12, 0, 1.8, 1.9, 2.0, null, null);
  }

  /** "time field | element timestamp" of each row. */
  static final class TimeAndStamp extends DoFn<Row, String> {
    @ProcessElement
    public void process(@Element Row r, @Timestamp Instant ts, OutputReceiver<String> out) {
      out.output(r.getDateTime("t").toInstant() + "|" + ts);
    }
  }

  // §1.8 says row-preserving operations keep each row's element timestamp and readers set it to
  // the time field; it is silent for rows built elsewhere (Create stamps them with the minimum
  // timestamp). Every output row is stamped with its time field. pandas has no element
  // timestamps; this is what a reader-fed job sees too.
  @Test
  void rowPreservingOutputsAreStampedWithTheirTimeField(TestPipeline p) {
    List<Row> rows = new ArrayList<>();
    for (String t : List.of("2024-01-01T00:10:00Z", "2024-01-01T00:50:00Z")) {
      rows.add(Row.withSchema(DOUBLES).addValues(Instant.parse(t), 1.0).build());
    }
    PCollection<String> out =
        p.apply(Create.of(rows).withRowSchema(DOUBLES))
            .apply(Lag.rows(1).of("v"))
            .apply(ParDo.of(new TimeAndStamp()));
    PAssert.that(out)
        .containsInAnyOrder(
            "2024-01-01T00:10:00.000Z|2024-01-01T00:10:00.000Z",
            "2024-01-01T00:50:00.000Z|2024-01-01T00:50:00.000Z");
    p.run();
  }

  // §1.7 with origin "start" and closed "right": the first row sits exactly on the origin, so it
  // falls in the bucket that ends there, (o − w, o], as k = ceil((t − o)/w) − 1 = −1 says (pandas
  // `df.resample("1h", on="t", origin="start", closed="right", label="right").v.mean()` on
  // 00:10 → 1, 00:40 → 2, 01:10 → 3 gives 00:10 → 1.0, 01:10 → 2.5).
  @Test
  void originStartClosedRightPutsTheFirstRowInTheBucketEndingAtIt(TestPipeline p) {
    List<Row> rows = new ArrayList<>();
    String[] t = {"00:10", "00:40", "01:10"};
    for (int i = 0; i < t.length; i++) {
      rows.add(
          Row.withSchema(DOUBLES).addValues(new Instant(KernelHarness.hm(t[i])), i + 1.0).build());
    }
    PCollection<Row> out =
        p.apply(Create.of(rows).withRowSchema(DOUBLES))
            .apply(
                Resample.every(Duration.standardHours(1))
                    .aggregate(Resample.Agg.MEAN)
                    .withOrigin(Resample.Origin.start())
                    .closed(Resample.Side.RIGHT)
                    .label(Resample.Side.RIGHT));
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(DOUBLES).addValues(new Instant(KernelHarness.hm("00:10")), 1.0).build(),
            Row.withSchema(DOUBLES).addValues(new Instant(KernelHarness.hm("01:10")), 2.5).build());
    p.run();
  }

  // §1.11 / §2.2.3 with closed "both": a row window of n holds n + 1 rows, but min_periods still
  // defaults to n and may not exceed n (pandas `s.rolling(2, closed="both").sum()` on 1, 2, 4
  // gives nan, 3, 7; `min_periods=3` raises "min_periods 3 must be <= window 2").
  @Test
  void closedBothRowWindowKeepsMinPeriodsAtTheWindowLength() {
    Kernel k =
        Rolling.rows(2, "v").compute(Rolling.Fn.SUM).closed(Rolling.Closed.BOTH).plan(D, plan("r"));
    assertEquals(
        Arrays.asList(null, 3.0, 7.0),
        values(
            run(k, chunk(D, hms("00:00", "01:00", "02:00"), col(1.0, 2.0, 4.0)), new HashMap<>()),
            "v_rolling_sum_2"));
    assertEquals(
        "Rolling: min_periods (3) > window (2).",
        assertThrows(
                IllegalArgumentException.class,
                () -> Rolling.rows(2, "v").closed(Rolling.Closed.BOTH).withMinPeriods(3))
            .getMessage());
  }

  // §2.1.1 "value must convert to each column's type" leaves open which conversions count: only
  // lossless ones, as pandas' nullable Int64 (`pd.Series([1, None], dtype="Int64").fillna(2.0)`
  // gives [1, 2]; `.fillna(1.5)` and `.fillna("1")` raise "Invalid value ... for dtype Int64").
  // Text is never parsed into a number; by default only the columns that can hold it are filled.
  @Test
  void constantValueConvertsOnlyWithoutLoss() {
    Schema schema =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("n", FieldType.INT64)
            .addNullableField("d", FieldType.DOUBLE)
            .addNullableField("s", FieldType.STRING)
            .build();
    ChunkLayout layout = KernelHarness.layout(schema, "t");
    Chunk in =
        chunk(layout, hms("00:00"), col((Object) null), col((Object) null), col((Object) null));
    assertEquals(
        Arrays.asList(2L, 2.0, null),
        run(FillNull.constant(2.0).plan(layout, plan("f")), in, new HashMap<>())
            .row(0)
            .getValues()
            .subList(1, 4));
    assertEquals(
        Arrays.asList(null, 1.5, null),
        run(FillNull.constant(1.5).plan(layout, plan("f")), in, new HashMap<>())
            .row(0)
            .getValues()
            .subList(1, 4));
    assertEquals(
        "FillNull: value \"1.5\" cannot be stored in column \"n\" (INT64).",
        assertThrows(
                IllegalArgumentException.class,
                () -> FillNull.constant(1.5, "n").plan(layout, plan("f")))
            .getMessage());
    assertEquals(
        "FillNull: value \"1\" cannot be stored in column \"n\" (INT64).",
        assertThrows(
                IllegalArgumentException.class,
                () -> FillNull.constant("1", "n").plan(layout, plan("f")))
            .getMessage());
  }
}
