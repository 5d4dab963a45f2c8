package io.industryts.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.Engine;
import io.industryts.ops.Diff;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.ops.Resample;
import io.industryts.ops.Rolling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
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

/**
 * A keyed {@link TimeSeriesPipeline} (forward fill, lag, rolling mean, diff, 5-minute resample) on
 * unbounded input on the FlinkRunner in streaming mode (embedded mini cluster, parallelism 2): a
 * {@link TestStream} delivers the rows in four batches, each shuffled, with watermark advances and
 * one late row. The rows equal those of the bounded run of the same rows on the DirectRunner, and
 * the late row is in the errors output with reason {@code late_row}.
 *
 * <p>Compiled and run only with the {@code flink} profile, by failsafe, e.g. {@code mvn -Pflink -pl
 * runners -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test='RunnerFlinkStreamingIT'} (and by .ci/run's {@code -Dit.test='Runner*IT'}).
 */
class RunnerFlinkStreamingIT {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("time")
          .addStringField("key")
          .addNullableField("v", FieldType.DOUBLE)
          .build();

  /** Rows collected by the pipelines, by run (both runners execute in this JVM). */
  private static final Map<String, List<Row>> COLLECTED = new ConcurrentHashMap<>();

  private static final long MINUTE = 60_000L;

  private static Row row(long minute, String key, Double v) {
    return Row.withSchema(SCHEMA).addValues(new Instant(minute * MINUTE), key, v).build();
  }

  /**
   * Two series over an hour: "a" every minute (v = minute) with a 5-minute gap (20 to 24) and nulls
   * at 12, 13, 31 and 59; "b" every 2 minutes (v = 100 - 1.5 minute) with nulls at 14 and 40.
   */
  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < 60; m++) {
      if (m >= 20 && m < 25) {
        continue;
      }
      boolean isNull = m == 12 || m == 13 || m == 31 || m == 59;
      rows.add(row(m, "a", isNull ? null : (double) m));
    }
    for (int m = 0; m < 60; m += 2) {
      rows.add(row(m, "b", m == 14 || m == 40 ? null : 100.0 - 1.5 * m));
    }
    return rows;
  }

  /** Arrives after the watermark passed the last row: behind what series "a" has processed. */
  private static final Row LATE = row(10, "a", 99.0);

  private static TimestampedValue<Row> stamped(Row r) {
    return TimestampedValue.of(r, r.getDateTime("time").toInstant());
  }

  /**
   * The rows in batches of 15 minutes, each shuffled and split in two, the watermark advanced after
   * each batch, then the late row.
   */
  private static TestStream<Row> stream(List<Row> rows) {
    TestStream.Builder<Row> b = TestStream.create(SCHEMA, TypeDescriptors.rows(), r -> r, r -> r);
    Random random = new Random(11);
    for (int batch = 0; batch < 4; batch++) {
      List<TimestampedValue<Row>> in = new ArrayList<>();
      for (Row r : rows) {
        if (r.getDateTime("time").getMillis() / MINUTE / 15 == batch) {
          in.add(stamped(r));
        }
      }
      Collections.shuffle(in, random);
      int half = in.size() / 2;
      // the later half of the shuffled batch arrives first: out of order inside the watermark
      b = addAll(b, in.subList(half, in.size()));
      b = addAll(b, in.subList(0, half));
      b = b.advanceWatermarkTo(new Instant((batch + 1) * 15 * MINUTE));
    }
    return b.addElements(stamped(LATE)).advanceWatermarkToInfinity();
  }

  private static TestStream.Builder<Row> addAll(
      TestStream.Builder<Row> b, List<TimestampedValue<Row>> rows) {
    @SuppressWarnings("unchecked")
    TimestampedValue<Row>[] rest = rows.subList(1, rows.size()).toArray(new TimestampedValue[0]);
    return b.addElements(rows.get(0), rest);
  }

  private static TimeSeriesPipeline chain() {
    return TimeSeriesPipeline.named("stream")
        .keyedBy("key")
        .then(FillNull.forward("v"))
        .then(Lag.rows(1).of("v"))
        .then(Rolling.rows(3, "v").withMinPeriods(1))
        .then(Diff.periods(1).of("v"))
        .then(
            Resample.every(Duration.standardMinutes(5))
                .of("v", "v_lag1", "v_rolling_mean_3", "v_diff1"));
  }

  @Test
  void keyedChainOnFlinkStreamingEqualsTheBoundedDirectRun() {
    String id = "run-" + System.nanoTime();
    List<Row> rows = rows();

    runBounded(rows, id + "/bounded");
    List<Row> withLate = new ArrayList<>(rows);
    withLate.add(LATE);
    runBounded(withLate, id + "/bounded+late");

    FlinkPipelineOptions flink = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    flink.setRunner(FlinkRunner.class);
    flink.setStreaming(true);
    flink.setParallelism(2);
    flink.setFasterCopy(true);
    // Flink holds an operator's watermark until its open bundle finishes (1,000 elements or 1 s by
    // default): with bundles of one element the watermark follows the rows closely, so the row
    // sent after the last advance normally reaches its series after the flush past it.
    flink.setMaxBundleSize(1L);
    flink.setFlinkConfDir(RunnerSetup.flinkLocalConfDir().toString());
    Pipeline streaming = Pipeline.create(flink);
    PCollection<Row> in = streaming.apply("stream", stream(rows));
    assertEquals(PCollection.IsBounded.UNBOUNDED, in.isBounded());
    Engine.RowsResult out = chain().expandWithErrors(in);
    out.rows().apply("collect rows", ParDo.of(new Collect(id + "/stream")));
    out.errors().apply("collect errors", ParDo.of(new Collect(id + "/errors")));
    assertEquals(PipelineResult.State.DONE, streaming.run().waitUntilFinish());

    List<Row> errors = COLLECTED.getOrDefault(id + "/errors", List.of());
    List<Row> actual = sorted(COLLECTED.getOrDefault(id + "/stream", List.of()));
    // Lateness is judged where the series' state lives, against that operator's watermark. On
    // Flink (parallelism 2) watermarks reach the keyed operator through both upstream subtasks,
    // so the row sent after the last advance may still arrive before its series flushed past it.
    // Then it is processed in order, as a row inside the allowed lateness: the rows are those of
    // the bounded run that includes it. Otherwise it is late: in the errors output, and the rows
    // are those of the bounded run without it. Never both, never neither (rows_in = rows_out +
    // errors).
    boolean late = !errors.isEmpty();
    System.out.println(
        "RunnerFlinkStreamingIT: the row sent behind the watermark was "
            + (late ? "late (errors output)" : "processed in order"));
    List<Row> expected =
        sorted(COLLECTED.getOrDefault(id + (late ? "/bounded" : "/bounded+late"), List.of()));
    // 12 buckets of 5 minutes per series
    assertEquals(24, expected.size(), "bounded rows " + expected);
    assertEquals(expected.size(), actual.size(), "streaming rows " + actual);
    for (int i = 0; i < expected.size(); i++) {
      assertSameRow(
          expected.get(i),
          actual.get(i),
          "row " + i + "\nbounded: " + expected + "\nstreaming: " + actual + "\n");
    }
    if (late) {
      assertEquals(1, errors.size(), "errors " + errors);
      assertEquals("late_row", errors.get(0).getString("reason"));
      assertTrue(errors.get(0).getString("raw").contains("99.0"), errors.get(0).toString());
      // [00:10, 00:15) of "a" without the late row: v 10, 11, 11 (filled), 11 (filled), 14;
      // lag [9,10,11,11,11]; rolling mean of 3 [9, 10, 32/3, 11, 12]; diff [1,1,0,0,3]
      assertBucket(actual, "a", 10, 11.4, 10.4, 158.0 / 15, 1.0);
    }
    // hand-computed first buckets, [00:00, 00:05):
    // "a": v 0..4, lag [-,0,1,2,3], rolling mean of 3 [0,.5,1,2,3], diff [-,1,1,1,1]
    // "b": v 100,97,94, lag [-,100,97], rolling [100,98.5,97], diff [-,-3,-3]
    assertBucket(actual, "a", 0, 2.0, 1.5, 1.3, 1.0);
    assertBucket(actual, "b", 0, 97.0, 98.5, 98.5, -3.0);
  }

  private static void runBounded(List<Row> rows, String name) {
    PipelineOptions direct = PipelineOptionsFactory.create();
    direct.setRunner(DirectRunner.class);
    Pipeline bounded = Pipeline.create(direct);
    List<TimestampedValue<Row>> stamped = new ArrayList<>();
    for (Row r : rows) {
      stamped.add(stamped(r));
    }
    bounded
        .apply("rows", Create.timestamped(stamped).withCoder(RowCoder.of(SCHEMA)))
        .setRowSchema(SCHEMA)
        .apply("chain", chain())
        .apply("collect", ParDo.of(new Collect(name)));
    assertEquals(PipelineResult.State.DONE, bounded.run().waitUntilFinish());
  }

  /** The means of the bucket starting at {@code minute}: v, its lag, rolling mean and diff. */
  private static void assertBucket(
      List<Row> rows, String key, long minute, double v, double lag, double rolling, double diff) {
    Row bucket =
        rows.stream()
            .filter(
                r ->
                    key.equals(r.getString("key"))
                        && r.getDateTime("time").getMillis() == minute * MINUTE)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no bucket " + key + " @" + minute));
    assertEquals(
        List.of("key", "time", "v", "v_lag1", "v_rolling_mean_3", "v_diff1"),
        bucket.getSchema().getFieldNames());
    assertEquals(v, bucket.getDouble("v"), 1e-12, bucket.toString());
    assertEquals(lag, bucket.getDouble("v_lag1"), 1e-12, bucket.toString());
    assertEquals(rolling, bucket.getDouble("v_rolling_mean_3"), 1e-12, bucket.toString());
    assertEquals(diff, bucket.getDouble("v_diff1"), 1e-12, bucket.toString());
  }

  /** Equal rows; doubles may differ in the last bits only (sums added up in another order). */
  private static void assertSameRow(Row expected, Row actual, String what) {
    assertEquals(expected.getSchema(), actual.getSchema(), what);
    for (int f = 0; f < expected.getFieldCount(); f++) {
      Object e = expected.getValue(f);
      Object a = actual.getValue(f);
      String field = expected.getSchema().getField(f).getName();
      if (e instanceof Double && a instanceof Double) {
        double x = (Double) e;
        double y = (Double) a;
        assertTrue(
            Double.compare(x, y) == 0 || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)),
            what + ": " + field + " " + e + " vs " + a);
      } else if (e == null) {
        assertNull(a, what + ": " + field);
      } else {
        assertEquals(e, a, what + ": " + field);
      }
    }
  }

  /** By series key, then time (one row per series and bucket). */
  private static List<Row> sorted(List<Row> rows) {
    List<Row> out = new ArrayList<>(rows);
    out.sort(
        Comparator.comparing((Row r) -> r.getString("key"))
            .thenComparing(r -> r.getDateTime("time").getMillis()));
    return out;
  }

  /** Adds every row to {@link #COLLECTED} under its name. */
  private static final class Collect extends DoFn<Row, Void> {
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
