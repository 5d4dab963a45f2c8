package io.industryts.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.TimeSeriesPipeline;
import io.industryts.ops.Diff;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The streaming executor keys its state by shard of series: several series share one key, one flush
 * timer and one end timer, and each series still flushes at its own time and judges its own late
 * rows. On the DirectRunner every series is in one shard, so these tests put series with different
 * flush times side by side there.
 */
@ExtendWith(BeamPipelineExtension.class)
class StreamingShardsTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("time")
          .addStringField("key")
          .addNullableField("v", FieldType.DOUBLE)
          .build();

  private static TimestampedValue<Row> row(String key, long minute, double v) {
    Instant t = new Instant(minute * 60_000L);
    return TimestampedValue.of(Row.withSchema(SCHEMA).addValues(t, key, v).build(), t);
  }

  @Test
  void eachSeriesOfAShardFlushesAtItsOwnTimeAndJudgesItsOwnLateRows(TestPipeline p) {
    // "a" buffers minutes 0 and 5, "b" minutes 0 and 1: after the watermark passes minute 5, "a"
    // has flushed up to minute 5 and "b" only up to minute 1 (its latest row). Minute 3 then
    // arrives for both: late for "a", processed in order for "b".
    TestStream<Row> in =
        TestStream.create(SCHEMA, TypeDescriptors.rows(), r -> r, r -> r)
            .addElements(row("a", 0, 1.0), row("a", 5, 5.0), row("b", 0, 2.0), row("b", 1, 4.0))
            .advanceWatermarkTo(new Instant(6 * 60_000L))
            .addElements(row("a", 3, 9.0), row("b", 3, 10.0))
            .advanceWatermarkToInfinity();
    int parkedBefore = InProcessStateCoder.parked();
    Engine.RowsResult r =
        TimeSeriesPipeline.named("shards")
            .keyedBy("key")
            .then(Diff.periods(1).of("v"))
            .expandWithErrors(p.apply(in));
    Schema s = r.rows().getSchema();
    PAssert.that(r.rows())
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), "a", 1.0, null).build(),
            Row.withSchema(s).addValues(new Instant(300_000), "a", 5.0, 4.0).build(),
            Row.withSchema(s).addValues(new Instant(0), "b", 2.0, null).build(),
            Row.withSchema(s).addValues(new Instant(60_000), "b", 4.0, 2.0).build(),
            Row.withSchema(s).addValues(new Instant(180_000), "b", 10.0, 6.0).build());
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
    p.run().waitUntilFinish();
    // every state copy the runner made was read back: nothing stays parked
    assertEquals(parkedBefore, InProcessStateCoder.parked());
  }

  @Test
  void inProcessStateCoderReturnsTheSameValueOnceAndSaysWhyOtherwise() throws Exception {
    InProcessStateCoder<StreamingClock> coder = InProcessStateCoder.of();
    StreamingClock k = new StreamingClock();
    k.frontier = 42;
    int before = InProcessStateCoder.parked();
    byte[] bytes = CoderUtils.encodeToByteArray(coder, k);
    assertEquals(before + 1, InProcessStateCoder.parked());
    assertSame(k, CoderUtils.decodeFromByteArray(coder, bytes));
    assertEquals(before, InProcessStateCoder.parked());
    CoderException twice =
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(coder, bytes));
    assertTrue(twice.getMessage().contains("--workersInProcess=false"), twice.getMessage());
  }
}
