package io.industryts.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.SeriesOptions;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BeamPipelineExtension.class)
class EngineTest {
  static final Schema IN =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("time")
          .addNullableField("v", FieldType.DOUBLE)
          .build();
  static final SeriesOptions BY_TAG = SeriesOptions.defaults().withKeyColumns(List.of("tag"));

  @BeforeEach
  void smallSegments(TestPipeline p) {
    p.getOptions()
        .as(EngineTuningOptions.class)
        .setSegmentRows(7); // about nine segments per series
  }

  /** Two series of 60 rows each at irregular times with one long gap, in shuffled order. */
  static List<Row> input() {
    List<Row> rows = new ArrayList<>();
    Random r = new Random(7);
    for (String tag : new String[] {"a", "b"}) {
      long t = 1_000_000;
      for (int i = 0; i < 60; i++) {
        t += 1000 + r.nextInt(5000) + (i == 30 ? 3_600_000 : 0);
        rows.add(Row.withSchema(IN).addValues(tag, new Instant(t), (double) (i * i % 17)).build());
      }
    }
    Collections.shuffle(rows, new Random(3));
    return rows;
  }

  static List<Row> series(List<Row> rows, String tag) {
    List<Row> out = new ArrayList<>();
    for (Row row : rows) {
      if (row.getString("tag").equals(tag)) {
        out.add(row);
      }
    }
    out.sort((x, y) -> x.getDateTime("time").compareTo(y.getDateTime("time")));
    return out;
  }

  @Test
  void haloCarryAndStatsMatchASequentialComputationAcrossSegments(TestPipeline p) {
    List<Row> in = input();
    PCollection<Row> out =
        Engine.runOnRows(
            p.apply(Create.of(in).withRowSchema(IN)),
            BY_TAG,
            List.of(
                new Engine.Step("lag", TestKernels.op("lag", l -> new TestKernels.Lag(l, 3))),
                new Engine.Step("cum", TestKernels.op("cum", TestKernels.CumSum::new)),
                new Engine.Step("center", TestKernels.op("center", TestKernels.Center::new))));
    Schema schema = out.getSchema();
    assertEquals(
        List.of("tag", "time", "v", "v_lag", "v_cum", "v_centered"), schema.getFieldNames());
    List<Row> expected = new ArrayList<>();
    for (String tag : new String[] {"a", "b"}) {
      List<Row> s = series(in, tag);
      double mean = 0;
      for (Row r : s) {
        mean += r.getDouble("v") / s.size();
      }
      double sum = 0;
      for (int i = 0; i < s.size(); i++) {
        double v = s.get(i).getDouble("v");
        sum += v;
        Double lag = i >= 3 ? s.get(i - 3).getDouble("v") : null;
        expected.add(
            Row.withSchema(schema)
                .addValues(tag, s.get(i).getDateTime("time"), v, lag, sum, v - meanOf(s))
                .build());
      }
    }
    PAssert.that(out).containsInAnyOrder(expected);
    p.run();
  }

  private static double meanOf(List<Row> s) {
    double sum = 0;
    for (Row r : s) {
      sum += r.getDouble("v");
    }
    return sum / s.size();
  }

  @Test
  void bidirectionalCarryDeliversEarlierAndLaterSegmentsToEverySegment(TestPipeline p) {
    List<Row> in = input();
    PCollection<Row> out =
        Engine.runOnRows(
            p.apply(Create.of(in).withRowSchema(IN)),
            BY_TAG,
            List.of(new Engine.Step("around", TestKernels.op("around", TestKernels.Around::new))));
    List<Row> expected = new ArrayList<>();
    for (String tag : new String[] {"a", "b"}) {
      List<Row> s = series(in, tag);
      double total = 0;
      for (Row r : s) {
        total += r.getDouble("v");
      }
      for (Row r : s) {
        expected.add(
            Row.withSchema(out.getSchema())
                .addValues(tag, r.getDateTime("time"), r.getDouble("v"), total)
                .build());
      }
    }
    PAssert.that(out).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void gridKernelEmitsEveryBucketOnceIncludingThoseOfEmptySegments(TestPipeline p) {
    List<Row> in = input();
    long w = 60_000;
    PCollection<Row> out =
        Engine.runOnRows(
            p.apply(Create.of(in).withRowSchema(IN)),
            BY_TAG,
            List.of(
                new Engine.Step(
                    "buckets", TestKernels.op("buckets", l -> new TestKernels.BucketCount(l, w)))));
    List<Row> expected = new ArrayList<>();
    for (String tag : new String[] {"a", "b"}) {
      List<Row> s = series(in, tag);
      long first = Math.floorDiv(s.get(0).getDateTime("time").getMillis(), w);
      long last = Math.floorDiv(s.get(s.size() - 1).getDateTime("time").getMillis(), w);
      for (long b = first; b <= last; b++) {
        double count = 0;
        for (Row r : s) {
          if (Math.floorDiv(r.getDateTime("time").getMillis(), w) == b) {
            count++;
          }
        }
        expected.add(
            Row.withSchema(out.getSchema()).addValues(tag, new Instant(b * w), count).build());
      }
    }
    assertThat("the gap spans many empty buckets", expected.size() > 100);
    PAssert.that(out).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void emptyInputGivesEmptyOutputWithTheOutputSchema(TestPipeline p) {
    PCollection<Row> out =
        Engine.runOnRows(
            p.apply(Create.empty(IN)),
            BY_TAG,
            List.of(
                new Engine.Step("lag", TestKernels.op("lag", l -> new TestKernels.Lag(l, 1))),
                new Engine.Step("center", TestKernels.op("center", TestKernels.Center::new))));
    assertEquals(
        List.of("tag", "time", "v", "v_lag", "v_centered"), out.getSchema().getFieldNames());
    PAssert.that(out).empty();
    p.run();
  }

  @Test
  void stringTimesAreParsedAndAnUnparseableOneFailsWithItsValue(TestPipeline p) {
    Schema s = Schema.builder().addStringField("timestamp").addDoubleField("v").build();
    List<Row> rows =
        List.of(
            Row.withSchema(s).addValues("2024-01-01 00:00:00", 1.0).build(),
            Row.withSchema(s).addValues("yesterday", 2.0).build());
    Engine.runOnRows(
        p.apply(Create.of(rows).withRowSchema(s)),
        SeriesOptions.defaults(),
        List.of(new Engine.Step("lag", TestKernels.op("lag", l -> new TestKernels.Lag(l, 1)))));
    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
    assertThat(
        e.getMessage(), containsString("cannot parse \"yesterday\" as a time; expected ISO-8601"));
    assertThat(
        e.getMessage(), containsString("time column \"timestamp\" (auto: first field matching"));
  }

  @Test
  void wholeSeriesStatisticsRejectUnboundedInputBeforeAnythingRuns(TestPipeline p) {
    p.enableAbandonedNodeEnforcement(false);
    PCollection<Row> unbounded =
        p.apply(Create.of(input()).withRowSchema(IN))
            .setIsBoundedInternal(PCollection.IsBounded.UNBOUNDED);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Engine.runOnRows(
                    unbounded,
                    BY_TAG,
                    List.of(
                        new Engine.Step(
                            "lag", TestKernels.op("lag", l -> new TestKernels.Lag(l, 1))),
                        new Engine.Step(
                            "center", TestKernels.op("center", TestKernels.Center::new)))));
    assertThat(
        e.getMessage(),
        containsString(
            "center: fits statistics over whole series and needs "
                + "bounded input. Got an unbounded PCollection"));
  }
}
