package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.testing.BeamPipelineExtension;
import java.util.List;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Sessions;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the operations do today with windowed and with unbounded input, as their class javadocs
 * state: a windowed input is processed per window (an ordered operation sees each window's rows as
 * a series of their own, also on unbounded input and on input without event timestamps); an
 * unbounded input in the global window runs on the streaming executor (its triggers change
 * nothing); on windows, a trigger that fires early or repeatedly and late panes on unbounded input
 * are rejected at construction with the fix; whole-series operations keep their §1.14 message.
 */
@ExtendWith(BeamPipelineExtension.class)
class WindowedAndUnboundedInputTest {
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("time").addNullableField("v", FieldType.DOUBLE).build();

  private static TimestampedValue<Row> at(long minute, double v) {
    Instant t = new Instant(minute * 60_000L);
    return TimestampedValue.of(Row.withSchema(SCHEMA).addValues(t, v).build(), t);
  }

  @Test
  void anOrderedOperationRestartsInEachFixedWindow(TestPipeline p) {
    PCollection<Row> out =
        p.apply(
                Create.timestamped(at(0, 1), at(1, 2), at(10, 5), at(11, 7))
                    .withCoder(org.apache.beam.sdk.coders.RowCoder.of(SCHEMA)))
            .setRowSchema(SCHEMA)
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(10))))
            .apply(Lag.rows(1).of("v").keyedBy());
    Schema s = out.getSchema();
    // the first row of each 10-minute window has no previous row
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), 1.0, null).build(),
            Row.withSchema(s).addValues(new Instant(60_000), 2.0, 1.0).build(),
            Row.withSchema(s).addValues(new Instant(600_000), 5.0, null).build(),
            Row.withSchema(s).addValues(new Instant(660_000), 7.0, 5.0).build());
    p.run();
  }

  @Test
  void aWholeSeriesOperationRejectsUnboundedInputAtConstruction(TestPipeline p) {
    PCollection<Row> in =
        p.apply(
            TestStream.create(
                    SCHEMA, org.apache.beam.sdk.values.TypeDescriptors.rows(), r -> r, r -> r)
                .addElements(at(0, 1))
                .advanceWatermarkToInfinity());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> in.apply(Scale.standard("v")));
    assertTrue(e.getMessage().contains("needs bounded input"), e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  private static TestStream<Row> stream() {
    return TestStream.create(
            SCHEMA, org.apache.beam.sdk.values.TypeDescriptors.rows(), r -> r, r -> r)
        .addElements(at(1, 2), at(0, 1))
        .advanceWatermarkTo(new Instant(5 * 60_000L))
        .addElements(at(11, 7))
        .advanceWatermarkTo(new Instant(10 * 60_000L + 30_000L))
        .addElements(at(10, 5))
        .advanceWatermarkToInfinity();
  }

  @Test
  void unboundedInputInTheGlobalWindowRunsOnTheStreamingExecutor(TestPipeline p) {
    // the row at minute 10 arrives behind the watermark but before its series processed past
    // minute 1, so it is not late: the rows are those of the bounded run
    PCollection<Row> out = p.apply("stream", stream()).apply(Lag.rows(1).of("v").keyedBy());
    // a trigger on the global window changes nothing: every row is processed once, in time order
    PCollection<Row> triggered =
        p.apply("stream again", stream())
            .apply(
                "global, every element",
                Window.<Row>configure()
                    .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
                    .discardingFiredPanes()
                    .withAllowedLateness(Duration.ZERO))
            .apply("lag triggered", Lag.rows(1).of("v").keyedBy());
    Schema s = out.getSchema();
    List<Row> expected =
        List.of(
            Row.withSchema(s).addValues(new Instant(0), 1.0, null).build(),
            Row.withSchema(s).addValues(new Instant(60_000), 2.0, 1.0).build(),
            Row.withSchema(s).addValues(new Instant(600_000), 5.0, 2.0).build(),
            Row.withSchema(s).addValues(new Instant(660_000), 7.0, 5.0).build());
    PAssert.that(out).containsInAnyOrder(expected);
    PAssert.that(triggered).containsInAnyOrder(expected);
    p.run();
  }

  @Test
  void unboundedInputInTheGlobalWindowIsAcceptedAndWholeSeriesOperationsKeepTheirMessage(
      TestPipeline p) {
    PCollection<Row> stream = p.apply("stream", stream());
    PCollection<Row> sequence =
        p.apply(GenerateSequence.from(0).withRate(1, Duration.standardSeconds(1)))
            .apply(
                MapElements.into(org.apache.beam.sdk.values.TypeDescriptors.rows())
                    .via(
                        i ->
                            Row.withSchema(SCHEMA)
                                .addValues(new Instant(i * 1000), (double) i)
                                .build()))
            .setRowSchema(SCHEMA);
    int n = 0;
    for (PCollection<Row> in : List.of(stream, sequence)) {
      for (io.industryts.TimeSeriesTransform<?> op :
          List.of(
              Lag.rows(1).keyedBy(),
              Scale.fixed(0, 2, "v").keyedBy(),
              Log.natural("v").keyedBy())) {
        in.apply("op " + (n++), op); // built without error
      }
      // whole-series operations keep their own message (SEMANTICS §1.14)
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> in.apply(Scale.standard("v")));
      assertTrue(e.getMessage().contains("use method \"fixed\""), e.getMessage());
      // re-timing is not supported on the streaming executor yet: rejected with the fix
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> in.apply(SnapTime.floor(Duration.standardMinutes(1)).keyedBy()));
      assertTrue(
          e.getMessage().contains("not supported yet")
              && e.getMessage().contains("Window.into(FixedWindows.of("),
          e.getMessage());
    }
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void fillNullMeanOnUnboundedInputNamesItsOwnAlternatives(TestPipeline p) {
    PCollection<Row> in = p.apply(stream());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> in.apply(FillNull.mean("v")));
    assertEquals(
        "FillNull: method \"mean\" fits per series and needs bounded input. Got an "
            + "unbounded PCollection; fill with a value that needs no statistics: "
            + "FillNull.forward(...) (with withLimit or withMaxGap), FillNull.constant(value, ...) or "
            + "FillNull.zero(...).",
        e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void fixedWindowsOnUnboundedInputEqualTheBoundedRunPerWindow(TestPipeline p) {
    PCollection<Row> out =
        p.apply(stream())
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(10))))
            .apply(Lag.rows(1).of("v").keyedBy());
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), 1.0, null).build(),
            Row.withSchema(s).addValues(new Instant(60_000), 2.0, 1.0).build(),
            Row.withSchema(s).addValues(new Instant(600_000), 5.0, null).build(),
            Row.withSchema(s).addValues(new Instant(660_000), 7.0, 5.0).build());
    p.run();
  }

  @Test
  void inputWithoutEventTimestampsRunsInFixedWindows(TestPipeline p) {
    // Create.of stamps every row with the minimum timestamp: all rows fall in one window
    PCollection<Row> out =
        p.apply(
                Create.of(
                        at(10, 5).getValue(),
                        at(0, 1).getValue(),
                        at(11, 7).getValue(),
                        at(1, 2).getValue())
                    .withRowSchema(SCHEMA))
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(10))))
            .apply(Lag.rows(1).of("v").keyedBy());
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), 1.0, null).build(),
            Row.withSchema(s).addValues(new Instant(60_000), 2.0, 1.0).build(),
            Row.withSchema(s).addValues(new Instant(600_000), 5.0, 2.0).build(),
            Row.withSchema(s).addValues(new Instant(660_000), 7.0, 5.0).build());
    p.run();
  }

  private PCollection<Row> timestamped(TestPipeline p, String name) {
    return p.apply(
            name,
            Create.timestamped(at(0, 1), at(1, 2), at(10, 5), at(11, 7))
                .withCoder(org.apache.beam.sdk.coders.RowCoder.of(SCHEMA)))
        .setRowSchema(SCHEMA);
  }

  @Test
  void slidingWindowsAndSessionsRunPerWindow(TestPipeline p) {
    PCollection<Row> sliding =
        timestamped(p, "rows for sliding")
            .apply(
                "sliding",
                Window.into(
                    SlidingWindows.of(Duration.standardMinutes(10))
                        .every(Duration.standardMinutes(5))))
            .apply("lag sliding", Lag.rows(1).of("v").keyedBy());
    Schema s = sliding.getSchema();
    Row r0 = Row.withSchema(s).addValues(new Instant(0), 1.0, null).build();
    Row r1 = Row.withSchema(s).addValues(new Instant(60_000), 2.0, 1.0).build();
    Row r10 = Row.withSchema(s).addValues(new Instant(600_000), 5.0, null).build();
    Row r11 = Row.withSchema(s).addValues(new Instant(660_000), 7.0, 5.0).build();
    // every row is in two 10-minute windows, each starting its own series
    PAssert.that(sliding).containsInAnyOrder(r0, r0, r1, r1, r10, r10, r11, r11);
    PCollection<Row> sessions =
        timestamped(p, "rows for sessions")
            .apply("sessions", Window.into(Sessions.withGapDuration(Duration.standardMinutes(5))))
            .apply("lag sessions", Lag.rows(1).of("v").keyedBy());
    PAssert.that(sessions).containsInAnyOrder(r0, r1, r10, r11);
    p.run();
  }

  @Test
  void triggersThatFireEarlyOrRepeatedlyAreRejectedWithTheFix(TestPipeline p) {
    PCollection<Row> bounded = timestamped(p, "rows");
    PCollection<Row> stream = p.apply(stream());
    List<PCollection<Row>> inputs =
        List.of(
            bounded.apply(
                "fixed, every element",
                Window.<Row>into(FixedWindows.of(Duration.standardMinutes(10)))
                    .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
                    .discardingFiredPanes()
                    .withAllowedLateness(Duration.ZERO)),
            stream.apply(
                "fixed, early",
                Window.<Row>into(FixedWindows.of(Duration.standardMinutes(10)))
                    .triggering(
                        AfterWatermark.pastEndOfWindow()
                            .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane()))
                    .accumulatingFiredPanes()
                    .withAllowedLateness(Duration.ZERO)));
    for (PCollection<Row> in : inputs) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> in.apply(Lag.rows(1).of("v").keyedBy()));
      assertTrue(
          e.getMessage().startsWith("industryts: ")
              && (e.getMessage().contains("Use the default trigger")
                  || e.getMessage().contains("Window.into(FixedWindows.of(")),
          e.getMessage());
    }
    PCollection<Row> late =
        stream.apply(
            "fixed, late",
            Window.<Row>into(FixedWindows.of(Duration.standardMinutes(10)))
                .withAllowedLateness(Duration.standardMinutes(1))
                .discardingFiredPanes());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> late.apply(Lag.rows(1).of("v").keyedBy()));
    assertTrue(e.getMessage().contains("Remove .withAllowedLateness(...)"), e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void allowedLatenessOnBoundedInputRuns(TestPipeline p) {
    PCollection<Row> out =
        timestamped(p, "rows")
            .apply(
                Window.<Row>into(FixedWindows.of(Duration.standardMinutes(10)))
                    .discardingFiredPanes()
                    .withAllowedLateness(Duration.standardMinutes(1)))
            .apply(Lag.rows(1).of("v").keyedBy());
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues(new Instant(0), 1.0, null).build(),
            Row.withSchema(s).addValues(new Instant(60_000), 2.0, 1.0).build(),
            Row.withSchema(s).addValues(new Instant(600_000), 5.0, null).build(),
            Row.withSchema(s).addValues(new Instant(660_000), 7.0, 5.0).build());
    p.run();
  }
}
