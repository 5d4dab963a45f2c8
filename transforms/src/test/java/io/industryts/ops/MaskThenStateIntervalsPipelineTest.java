package io.industryts.ops;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.EngineTuningOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code mask_quality} then {@code state_intervals} on the engine, keyed, with shuffled input: the
 * rows equal a plain scan of the sorted series (SEMANTICS §2.8.3, §2.8.4) whether each series runs
 * whole, as one segment of the passes, or cut into segments of 16 rows; every interval row is
 * stamped with its {@code end}.
 */
class MaskThenStateIntervalsPipelineTest {
  private static final Schema IN =
      Schema.builder()
          .addNullableField("machine", FieldType.STRING)
          .addDateTimeField("time")
          .addNullableField("kw", FieldType.DOUBLE)
          .addNullableField("quality", FieldType.INT64)
          .build();
  private static final Map<String, ConcurrentLinkedQueue<String>> OUTPUTS =
      new ConcurrentHashMap<>();
  private static final double ABOVE = 40.0;
  private static final long MAX_GAP = Duration.standardMinutes(10).getMillis();

  /** Three machines, minute rows with runs of load, bad-quality samples and one long gap. */
  private static List<Row> input() {
    List<Row> rows = new ArrayList<>();
    Random r = new Random(11);
    String[] machines = {"m1", "m2", null};
    for (int m = 0; m < machines.length; m++) {
      long t = 1_700_000_000_000L;
      boolean loaded = m == 1;
      for (int i = 0; i < 120 + 30 * m; i++) {
        // a 30 min gap, and every 17th step 10 or 11 min: exactly at max_gap or just over it
        t +=
            60_000
                + (i == 50 ? 30 * 60_000 : 0)
                + (i % 17 == 0 ? 9 * 60_000 + r.nextInt(2) * 60_000 : 0);
        if (r.nextInt(8) == 0) {
          loaded = !loaded;
        }
        Double kw = r.nextInt(15) == 0 ? null : (loaded ? 55 : 5) + r.nextGaussian() * 4;
        long q = r.nextInt(10) == 0 ? 0 : 192;
        rows.add(Row.withSchema(IN).addValues(machines[m], new Instant(t), kw, q).build());
      }
    }
    Collections.shuffle(rows, new Random(3));
    return rows;
  }

  /** The expected rows from a scan of each sorted series, rendered as {@link #line} renders. */
  private static List<String> expected() {
    Map<String, List<Row>> bySeries = new TreeMap<>();
    for (Row r : input()) {
      bySeries
          .computeIfAbsent(String.valueOf(r.getString("machine")), k -> new ArrayList<>())
          .add(r);
    }
    List<String> out = new ArrayList<>();
    for (List<Row> g : bySeries.values()) {
      g.sort((a, b) -> a.getDateTime("time").compareTo(b.getDateTime("time")));
      int n = g.size();
      Boolean[] s = new Boolean[n];
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        Row r = g.get(i);
        t[i] = r.getDateTime("time").getMillis();
        boolean good = r.getInt64("quality") >= 192 && r.getInt64("quality") <= 255;
        Double kw = good ? r.getDouble("kw") : null;
        s[i] = kw == null ? null : kw > ABOVE;
      }
      int i = 0;
      while (i < n) {
        int j = i + 1;
        while (j < n && java.util.Objects.equals(s[j], s[i]) && t[j] - t[j - 1] <= MAX_GAP) {
          j++;
        }
        long end = j < n && t[j] - t[j - 1] <= MAX_GAP ? t[j] : t[j - 1];
        out.add(
            line(
                g.get(i).getString("machine"), s[i], t[i], end, (end - t[i]) / 1000.0, j - i, end));
        i = j;
      }
    }
    Collections.sort(out);
    return out;
  }

  private static String line(
      String machine, Boolean state, long start, long end, double seconds, long rows, long stamp) {
    return machine
        + " "
        + state
        + " "
        + new Instant(start)
        + " "
        + new Instant(end)
        + " "
        + seconds
        + " "
        + rows
        + " @ "
        + new Instant(stamp);
  }

  private static List<String> run(String name, boolean wholeSeries, int segmentRows) {
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    o.setTargetParallelism(2);
    o.as(EngineTuningOptions.class).setWholeSeries(wholeSeries);
    if (segmentRows > 0) {
      o.as(EngineTuningOptions.class).setSegmentRows(segmentRows);
    }
    Pipeline p = Pipeline.create(o);
    OUTPUTS.put(name, new ConcurrentLinkedQueue<>());
    p.apply(Create.of(input()).withRowSchema(IN))
        .apply(
            TimeSeriesPipeline.named("plant")
                .keyedBy("machine")
                .then(MaskQuality.by("quality"))
                .then(StateIntervals.where("kw").above(ABOVE).withMaxGap(Duration.millis(MAX_GAP))))
        .apply(ParDo.of(new Collect(name)));
    p.run().waitUntilFinish();
    List<String> got = new ArrayList<>(OUTPUTS.remove(name));
    Collections.sort(got);
    return got;
  }

  @Test
  void maskThenIntervalsEqualAScanOnEveryRoute() {
    List<String> want = expected();
    assertThat(want.size(), greaterThan(60));
    assertEquals(want, run("whole", true, 0));
    assertEquals(want, run("passes, one segment", false, 0));
    assertEquals(want, run("passes, segments of 16 rows", false, 16));
  }

  private static final class Collect extends DoFn<Row, Void> {
    private static final long serialVersionUID = 1L;
    private final String name;

    Collect(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element Row r, @Timestamp Instant ts) {
      OUTPUTS
          .get(name)
          .add(
              line(
                  r.getString("machine"),
                  r.getBoolean("kw_state"),
                  r.getDateTime("time").getMillis(),
                  r.getDateTime("end").getMillis(),
                  r.getDouble("duration_s"),
                  r.getInt64("rows"),
                  ts.getMillis()));
    }
  }
}
