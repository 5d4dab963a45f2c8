package io.industryts.ops;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.TimeSeriesPipeline;
import io.industryts.TimeSeriesTransform;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.ops.Resample.Agg;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Operations applied one by one as Beam transforms compose on input with event timestamps ({@code
 * Create.timestamped}, each row stamped with its own time): every operation of a representative set
 * after {@code resample}, and a few other orders, gives the rows of the same chain inside a {@link
 * TimeSeriesPipeline}. Run on the DirectRunner's default sharded grouping, where a lone operation's
 * grouping once re-stamped a group earlier than the shard element that carried it.
 */
class LoneOperationsComposeTest {
  private static final Schema IN =
      Schema.builder()
          .addNullableField("tag", FieldType.STRING)
          .addDateTimeField("time")
          .addNullableField("v", FieldType.DOUBLE)
          .build();
  private static final Map<String, ConcurrentLinkedQueue<String>> OUTPUTS =
      new ConcurrentHashMap<>();

  /** The representative operations, fresh each time (names are the SEMANTICS names). */
  private static Map<String, Supplier<TimeSeriesTransform<?>>> operations() {
    Map<String, Supplier<TimeSeriesTransform<?>>> ops = new LinkedHashMap<>();
    ops.put("resample", () -> Resample.every(Duration.standardMinutes(5)));
    ops.put("fill_null", () -> FillNull.forward());
    ops.put("lag", () -> Lag.rows(1));
    ops.put("rolling", () -> Rolling.rows(3).withMinPeriods(1));
    ops.put("diff", () -> Diff.periods(1));
    ops.put("scale_fixed", () -> Scale.fixed(1.0, 2.0));
    ops.put(
        "group_by_time",
        () -> GroupByTime.every(Duration.standardMinutes(10)).aggregate("v", Agg.MEAN, Agg.COUNT));
    return ops;
  }

  /** Two series of minute rows over 40 minutes with nulls, each stamped with its own time. */
  private static List<TimestampedValue<Row>> input() {
    List<TimestampedValue<Row>> rows = new ArrayList<>();
    long t0 = Instant.parse("2024-01-01T00:00:00Z").getMillis();
    for (String tag : new String[] {"a", "b"}) {
      for (int i = 0; i < 40; i++) {
        if (tag.equals("b") && i % 7 == 3) {
          continue;
        }
        Double v = i % 5 == 2 ? null : (tag.equals("a") ? 1.0 : -3.0) * i + (i % 3) * 0.5;
        Instant t = new Instant(t0 + i * 60_000L + (tag.equals("b") ? 30_000L : 0));
        rows.add(TimestampedValue.of(Row.withSchema(IN).addValues(tag, t, v).build(), t));
      }
    }
    return rows;
  }

  /** Records each row with its element timestamp under {@code name}. */
  static final class Collect extends DoFn<Row, Void> {
    private final String name;

    Collect(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element Row row, @Timestamp Instant ts) {
      OUTPUTS.get(name).add(row.getValues() + " @ " + ts);
    }
  }

  @Test
  void loneOperationsChainedEqualThePipelineChain() {
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    o.setTargetParallelism(2);
    // one grouping per series keeps this many pipelines fast; it still runs the sharded grouping
    o.as(EngineTuningOptions.class).setWholeSeries(true);
    Pipeline p = Pipeline.create(o);
    PCollection<Row> in =
        p.apply(Create.timestamped(input()).withCoder(RowCoder.of(IN))).setRowSchema(IN);
    Map<String, Supplier<TimeSeriesTransform<?>>> ops = operations();
    // each operation alone would take too long on the DirectRunner: resample (the operation that
    // re-stamps rows with their bucket's end) before every other one, and a few more orders
    List<List<String>> chains = new ArrayList<>();
    chains.add(List.of("resample"));
    for (String b : ops.keySet()) {
      if (!b.equals("resample")) {
        chains.add(List.of("resample", b));
      }
    }
    chains.add(List.of("group_by_time", "lag"));
    chains.add(List.of("lag", "resample"));
    chains.add(List.of("fill_null", "rolling"));
    for (List<String> chain : chains) {
      String name = String.join(" then ", chain);
      PCollection<Row> lone = in;
      TimeSeriesPipeline pipeline = TimeSeriesPipeline.named("p").keyedBy("tag");
      for (String op : chain) {
        lone = lone.apply(name + "/lone/" + op, ops.get(op).get().keyedBy("tag"));
        pipeline = pipeline.then(op, ops.get(op).get());
      }
      OUTPUTS.put("lone " + name, new ConcurrentLinkedQueue<>());
      OUTPUTS.put("pipeline " + name, new ConcurrentLinkedQueue<>());
      lone.apply(name + "/collect lone", ParDo.of(new Collect("lone " + name)));
      in.apply(name + "/pipeline", pipeline)
          .apply(name + "/collect pipeline", ParDo.of(new Collect("pipeline " + name)));
    }
    p.run().waitUntilFinish();
    for (List<String> chain : chains) {
      String name = String.join(" then ", chain);
      List<String> want = values(OUTPUTS.remove("pipeline " + name));
      List<String> lone = new ArrayList<>(OUTPUTS.remove("lone " + name));
      assertThat(name, want.size(), greaterThan(3));
      assertEquals(want, values(lone), name);
      // a lone operation does not know the previous one's element-time offset (§1.8), so its
      // rows are stamped no earlier than their input rows, not at the end of the window
      for (String row : lone) {
        assertTrue(row.endsWith("@ 2024-01-01T" + row.substring(row.length() - 13)), row);
      }
    }
  }

  /** The rows without their element timestamps, sorted. */
  private static List<String> values(java.util.Collection<String> rows) {
    List<String> out = new ArrayList<>();
    for (String r : rows) {
      out.add(r.substring(0, r.lastIndexOf(" @ ")));
    }
    Collections.sort(out);
    return out;
  }
}
