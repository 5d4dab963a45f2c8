package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.Engine;
import io.industryts.engine.spi.Operation;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code row} and {@code ordered} operation family on unbounded input in the global window (a
 * {@code TestStream}: several batches, rows out of order inside the watermark, watermark advances
 * and one late row) gives exactly the rows of the bounded run of the same rows, computed in the
 * same pipeline; the late row is in the errors output with reason {@code late_row}.
 */
@ExtendWith(BeamPipelineExtension.class)
class StreamingOperationsTest {
  static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("time")
          .addStringField("key")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("w", FieldType.DOUBLE)
          .addInt64Field("q")
          .addStringField("s")
          .build();

  /** Rows collected by the pipeline, by case and branch (the DirectRunner runs in this JVM). */
  static final Map<String, List<Row>> COLLECTED = new ConcurrentHashMap<>();

  static Row row(long minute, String key, Double v, Double w, long q, String s) {
    return Row.withSchema(SCHEMA).addValues(new Instant(minute * 60_000L), key, v, w, q, s).build();
  }

  /**
   * Two series over an hour: "a" every minute with a 5-minute gap, a duplicate timestamp, nulls, a
   * run of nulls and a trailing null; "b" every 2 minutes starting with a null.
   */
  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < 60; m++) {
      if (m >= 20 && m < 25) {
        continue; // a gap
      }
      Double v = (m % 7 == 3 || (m >= 30 && m < 34) || m == 59) ? null : 10 + Math.sin(m) * 5;
      Double w = m % 5 == 1 ? null : (double) (m * m % 17);
      rows.add(row(m, "a", v, w, m % 11 == 5 ? 1 : 0, (m / 6) % 2 == 0 ? "on" : "off"));
      if (m == 7) {
        rows.add(row(m, "a", 3.5, 1.0, 0, "on")); // duplicate timestamp
      }
    }
    for (int m = 0; m < 60; m += 2) {
      Double v = m == 0 || m % 9 == 4 ? null : 100.0 - m * 1.5;
      rows.add(row(m, "b", v, (double) m, 0, m < 30 ? "off" : "on"));
    }
    return rows;
  }

  static final Row LATE = row(10, "a", 99.0, 99.0, 0, "on");

  private static TimestampedValue<Row> stamped(Row r) {
    return TimestampedValue.of(r, r.getDateTime("time").toInstant());
  }

  /** The rows in batches of 15 minutes, each shuffled and split in two, then the late row. */
  static TestStream<Row> stream(List<Row> rows) {
    TestStream.Builder<Row> b = TestStream.create(SCHEMA, TypeDescriptors.rows(), r -> r, r -> r);
    Random random = new Random(7);
    for (int batch = 0; batch < 4; batch++) {
      List<TimestampedValue<Row>> in = new ArrayList<>();
      for (Row r : rows) {
        long minute = r.getDateTime("time").getMillis() / 60_000L;
        if (minute / 15 == batch) {
          in.add(stamped(r));
        }
      }
      Collections.shuffle(in, random);
      int half = in.size() / 2;
      // the later half of the shuffled batch arrives first: out of order inside the watermark
      b = addAll(b, in.subList(half, in.size()));
      b = addAll(b, in.subList(0, half));
      if (batch < 3) {
        b = b.advanceWatermarkTo(new Instant((batch + 1) * 15 * 60_000L));
      }
      if (batch == 1) {
        b = b.addElements(stamped(LATE)); // behind what series "a" has processed
      }
    }
    return b.advanceWatermarkToInfinity();
  }

  private static TestStream.Builder<Row> addAll(
      TestStream.Builder<Row> b, List<TimestampedValue<Row>> rows) {
    if (rows.isEmpty()) {
      return b;
    }
    @SuppressWarnings("unchecked")
    TimestampedValue<Row>[] rest = rows.subList(1, rows.size()).toArray(new TimestampedValue[0]);
    return b.addElements(rows.get(0), rest);
  }

  static Stream<Arguments> operations() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "lag rows", () -> Lag.rows(1, 3).of("v", "w"));
    add(cases, "lag duration", () -> Lag.by(Duration.standardMinutes(2)).of("v"));
    add(cases, "lead rows", () -> Lead.rows(1, 2).of("v"));
    add(cases, "lead duration", () -> Lead.by(Duration.standardMinutes(3)).of("v"));
    add(cases, "diff", () -> Diff.periods(1, 2).of("v"));
    add(cases, "pct_change", () -> PctChange.periods(1).of("w"));
    add(cases, "rolling rows", () -> Rolling.rows(3, "v").compute(Rolling.Fn.MEAN, Rolling.Fn.MAX));
    add(
        cases,
        "rolling duration closed both",
        () ->
            Rolling.over(Duration.standardMinutes(5), "v")
                .compute(Rolling.Fn.SUM, Rolling.Fn.COUNT)
                .closed(Rolling.Closed.BOTH));
    add(
        cases,
        "rolling duration closed left",
        () ->
            Rolling.over(Duration.standardMinutes(4), "w")
                .compute(Rolling.Fn.MEAN)
                .closed(Rolling.Closed.LEFT));
    add(cases, "rolling centred", () -> Rolling.rows(5, "v").compute(Rolling.Fn.MEDIAN).centered());
    add(cases, "ewm", () -> Ewm.span(4).of("v").compute(Ewm.Fn.MEAN, Ewm.Fn.STD));
    add(
        cases,
        "cumulative",
        () -> Cumulative.of(Cumulative.CumFn.CUMSUM, Cumulative.CumFn.CUMMAX).on("v"));
    add(cases, "fill forward", () -> FillNull.forward("v", "w").withLimit(2));
    add(cases, "fill backward", () -> FillNull.backward("v", "w"));
    add(
        cases,
        "fill forward max_gap",
        () -> FillNull.forward("v").withMaxGap(Duration.standardMinutes(3)));
    add(cases, "interpolate", () -> Interpolate.linear("v", "w"));
    add(cases, "resample", () -> Resample.every(Duration.standardMinutes(10)).of("v", "w"));
    add(
        cases,
        "resample closed right label right",
        () ->
            Resample.every(Duration.standardMinutes(10))
                .aggregate(Resample.Agg.SUM)
                .of("v")
                .closed(Resample.Side.RIGHT)
                .label(Resample.Side.RIGHT));
    add(
        cases,
        "resample twa",
        () -> Resample.every(Duration.standardMinutes(10)).aggregate(Resample.Agg.TWA).of("v"));
    add(
        cases,
        "group_by_time",
        () ->
            GroupByTime.every(Duration.standardMinutes(15))
                .aggregate("v", Resample.Agg.MEAN, Resample.Agg.COUNT));
    add(
        cases,
        "regularize",
        () -> Regularize.every(Duration.standardMinutes(1)).of("v").fill(Regularize.Fill.LINEAR));
    add(cases, "outliers rolling zscore", () -> Outliers.zscore(2.0, "v").overRows(5));
    add(cases, "outliers range", () -> Outliers.range(0.0, 12.0, "v"));
    add(cases, "clip", () -> Clip.between(6.0, 12.0, "v"));
    add(
        cases,
        "datetime_features",
        () -> DatetimeFeatures.of(DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.MINUTE));
    add(cases, "counter", () -> Counter.of("w"));
    add(cases, "state_intervals", () -> StateIntervals.of("s"));
    add(cases, "mask_quality", () -> MaskQuality.by("q").of("v").withGood(0L));
    add(cases, "drop_duplicates", () -> DropDuplicates.keepLast());
    add(cases, "drop_null", () -> DropNull.any("v"));
    return cases.stream();
  }

  private static void add(List<Arguments> cases, String name, Supplier<Operation> op) {
    cases.add(Arguments.of(name, op));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void streamingRowsEqualTheBoundedRun(String name, Supplier<Operation> op, TestPipeline p) {
    List<Row> rows = rows();
    TimeSeriesPipeline chain = TimeSeriesPipeline.named("stream").keyedBy("key").then(op.get());
    List<TimestampedValue<Row>> stamped = new ArrayList<>();
    for (Row r : rows) {
      stamped.add(stamped(r));
    }
    PCollection<Row> bounded =
        p.apply("bounded", Create.timestamped(stamped).withCoder(RowCoder.of(SCHEMA)))
            .setRowSchema(SCHEMA)
            .apply("bounded run", chain);
    Engine.RowsResult streaming = chain.expandWithErrors(p.apply("stream", stream(rows)));
    String id = name + "/" + System.nanoTime();
    bounded.apply("collect bounded", ParDo.of(new Collect(id + "/bounded")));
    streaming.rows().apply("collect stream", ParDo.of(new Collect(id + "/stream")));
    streaming.errors().apply("collect errors", ParDo.of(new Collect(id + "/errors")));
    p.run().waitUntilFinish();
    compare(id, name);
  }

  private static final Schema SMALL =
      Schema.builder().addDateTimeField("time").addNullableField("v", FieldType.DOUBLE).build();

  private static TimestampedValue<Row> small(long minute, Double v) {
    Instant t = new Instant(minute * 60_000L);
    return TimestampedValue.of(Row.withSchema(SMALL).addValues(t, v).build(), t);
  }

  @Test
  void backwardFillWaitsForTheNextObservationAcrossBatches(TestPipeline p) {
    // minutes 1 and 2 are null when the watermark first passes them; minute 5 closes the gap
    TestStream<Row> in =
        TestStream.create(SMALL, TypeDescriptors.rows(), r -> r, r -> r)
            .addElements(small(1, null), small(0, 1.0), small(2, null))
            .advanceWatermarkTo(new Instant(3 * 60_000L))
            .addElements(small(5, 4.0), small(6, null))
            .advanceWatermarkToInfinity();
    PCollection<Row> out = p.apply(in).apply(FillNull.backward("v").keyedBy());
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), 1.0).build(),
            Row.withSchema(s).addValues(new Instant(60_000), 4.0).build(),
            Row.withSchema(s).addValues(new Instant(120_000), 4.0).build(),
            Row.withSchema(s).addValues(new Instant(300_000), 4.0).build(),
            // a gap that never closes stays null, as in the bounded run
            Row.withSchema(s).addValues(new Instant(360_000), null).build());
    p.run();
  }

  @Test
  void allowedLatenessProcessesARowThatArrivesBehindTheWatermarkInOrder(TestPipeline p) {
    // minute 4 arrives after the watermark passed minute 5: with 2 minutes of allowed lateness
    // the series has only flushed up to minute 3, so the row is processed in order
    TestStream<Row> in =
        TestStream.create(SMALL, TypeDescriptors.rows(), r -> r, r -> r)
            .addElements(small(0, 1.0), small(3, 2.0), small(5, 8.0))
            .advanceWatermarkTo(new Instant(5 * 60_000L + 1))
            .addElements(small(4, 4.0))
            .advanceWatermarkTo(new Instant(9 * 60_000L))
            .addElements(small(1, 9.0)) // behind the flushed minute 5: late
            .advanceWatermarkToInfinity();
    Engine.RowsResult r =
        TimeSeriesPipeline.named("late")
            .keyedBy()
            .withAllowedLateness(Duration.standardMinutes(2))
            .then(Diff.periods(1).of("v"))
            .expandWithErrors(p.apply(in));
    Schema s = r.rows().getSchema();
    PAssert.that(r.rows())
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), 1.0, null).build(),
            Row.withSchema(s).addValues(new Instant(180_000), 2.0, 1.0).build(),
            Row.withSchema(s).addValues(new Instant(240_000), 4.0, 2.0).build(),
            Row.withSchema(s).addValues(new Instant(300_000), 8.0, 4.0).build());
    PAssert.that(r.errors())
        .satisfies(
            errors -> {
              List<Row> all = new ArrayList<>();
              errors.forEach(all::add);
              assertEquals(1, all.size(), all.toString());
              assertEquals("late_row", all.get(0).getString("reason"));
              assertTrue(all.get(0).getString("raw").contains("9.0"), all.toString());
              return null;
            });
    p.run();
  }

  @Test
  void aRowBehindTheWatermarkInABucketNotYetEmittedIsProcessed(TestPipeline p) {
    // the plan ends in a 10-minute resample: once bucket [0, 10) is out, the series flushes when
    // the watermark passes 19:59.999 (nothing can be emitted before), so minute 12, arriving after
    // the watermark passed minute 15, is still in order; minute 8 is behind the emitted bucket
    TestStream<Row> in =
        TestStream.create(SMALL, TypeDescriptors.rows(), r -> r, r -> r)
            .addElements(small(0, 1.0), small(1, 2.0), small(2, 3.0))
            .advanceWatermarkTo(new Instant(3 * 60_000L))
            .addElements(small(5, 6.0), small(11, 10.0))
            .advanceWatermarkTo(new Instant(12 * 60_000L))
            .addElements(small(13, 30.0))
            .advanceWatermarkTo(new Instant(15 * 60_000L))
            .addElements(small(12, 50.0), small(8, 99.0))
            .advanceWatermarkToInfinity();
    Engine.RowsResult r =
        TimeSeriesPipeline.named("open bucket")
            .keyedBy()
            .then(Resample.every(Duration.standardMinutes(10)).of("v"))
            .expandWithErrors(p.apply(in));
    Schema s = r.rows().getSchema();
    PAssert.that(r.rows())
        .containsInAnyOrder(
            // (1 + 2 + 3 + 6) / 4
            Row.withSchema(s).addValues(new Instant(0), 3.0).build(),
            // (10 + 50 + 30) / 3: minute 12 is in; flushing at minute 13 would have made it late
            // and given (10 + 30) / 2 = 20
            Row.withSchema(s).addValues(new Instant(600_000), 30.0).build());
    PAssert.that(r.errors())
        .satisfies(
            errors -> {
              List<Row> all = new ArrayList<>();
              errors.forEach(all::add);
              assertEquals(1, all.size(), all.toString());
              assertEquals("late_row", all.get(0).getString("reason"));
              assertTrue(all.get(0).getString("raw").contains("99.0"), all.toString());
              return null;
            });
    p.run();
  }

  private static void compare(String id, String name) {
    List<Row> expected = sorted(COLLECTED.getOrDefault(id + "/bounded", List.of()));
    List<Row> actual = sorted(COLLECTED.getOrDefault(id + "/stream", List.of()));
    assertTrue(expected.size() >= 6, name + ": the bounded run has too few rows to compare");
    assertEquals(expected.size(), actual.size(), name + ": row count");
    for (int i = 0; i < expected.size(); i++) {
      assertSameRow(expected.get(i), actual.get(i), name + ": row " + i);
    }
    List<Row> errors = COLLECTED.getOrDefault(id + "/errors", List.of());
    assertEquals(1, errors.size(), name + ": errors " + errors);
    assertEquals("late_row", errors.get(0).getString("reason"));
    assertTrue(errors.get(0).getString("raw").contains("99.0"), errors.get(0).toString());
  }

  /**
   * Equal rows; doubles may differ in the last bits only (a carried sum or moment is added up in
   * another order when the series arrives in several segments, as on the batch passes).
   */
  static void assertSameRow(Row expected, Row actual, String what) {
    assertEquals(expected.getSchema(), actual.getSchema(), what);
    for (int f = 0; f < expected.getFieldCount(); f++) {
      Object e = expected.getValue(f);
      Object a = actual.getValue(f);
      if (e instanceof Double && a instanceof Double) {
        double x = (Double) e;
        double y = (Double) a;
        assertTrue(
            Double.compare(x, y) == 0 || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)),
            what + ": field " + expected.getSchema().getField(f).getName() + " " + e + " vs " + a);
      } else {
        assertEquals(e, a, what + ": field " + expected.getSchema().getField(f).getName());
      }
    }
  }

  static List<Row> sorted(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(Row::toString));
    return out;
  }

  /** Adds every row to {@link #COLLECTED} under its name. */
  static final class Collect extends DoFn<Row, Void> {
    private final String name;

    Collect(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element Row r) {
      COLLECTED.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(r);
    }
  }
}
