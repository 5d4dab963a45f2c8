package io.industryts.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.testing.BeamPipelineExtension;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
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
 * state: a windowed input is processed per window (an ordered operation sees each window's rows
 * as a series of their own); an unbounded input is rejected at construction by whole-series
 * operations.
 */
@ExtendWith(BeamPipelineExtension.class)
class WindowedAndUnboundedInputTest {
  private static final Schema SCHEMA = Schema.builder().addDateTimeField("time")
      .addNullableField("v", FieldType.DOUBLE).build();

  private static TimestampedValue<Row> at(long minute, double v) {
    Instant t = new Instant(minute * 60_000L);
    return TimestampedValue.of(Row.withSchema(SCHEMA).addValues(t, v).build(), t);
  }

  @Test
  void anOrderedOperationRestartsInEachFixedWindow(TestPipeline p) {
    PCollection<Row> out = p.apply(Create.timestamped(at(0, 1), at(1, 2), at(10, 5), at(11, 7))
            .withCoder(org.apache.beam.sdk.coders.RowCoder.of(SCHEMA)))
        .setRowSchema(SCHEMA)
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(10))))
        .apply(Lag.rows(1).of("v").keyedBy());
    Schema s = out.getSchema();
    // the first row of each 10-minute window has no previous row
    PAssert.that(out).containsInAnyOrder(
        Row.withSchema(s).addValues(new Instant(0), 1.0, null).build(),
        Row.withSchema(s).addValues(new Instant(60_000), 2.0, 1.0).build(),
        Row.withSchema(s).addValues(new Instant(600_000), 5.0, null).build(),
        Row.withSchema(s).addValues(new Instant(660_000), 7.0, 5.0).build());
    p.run();
  }

  @Test
  void aWholeSeriesOperationRejectsUnboundedInputAtConstruction(TestPipeline p) {
    PCollection<Row> in = p.apply(TestStream.create(SCHEMA, 
            org.apache.beam.sdk.values.TypeDescriptors.rows(), r -> r, r -> r)
        .addElements(at(0, 1)).advanceWatermarkToInfinity());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> in.apply(Scale.standard("v")));
    assertTrue(e.getMessage().contains("needs bounded input"), e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void unboundedInputInTheGlobalWindowFailsAtConstructionForEveryOperation(TestPipeline p) {
    // today the engine groups chunks without a trigger, which Beam refuses for unbounded input in
    // the global window; a window (Window.into) makes the same operations run per window
    PCollection<Row> in = p.apply(TestStream.create(SCHEMA,
            org.apache.beam.sdk.values.TypeDescriptors.rows(), r -> r, r -> r)
        .addElements(at(0, 1), at(1, 2)).advanceWatermarkToInfinity());
    for (io.industryts.TimeSeriesTransform<?> op : java.util.List.of(Lag.rows(1).keyedBy(),
        Log.natural("v").keyedBy())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> in.apply(op));
      assertTrue(e.getMessage().startsWith("GroupByKey cannot be applied to non-bounded"),
          e.getMessage());
    }
    p.enableAbandonedNodeEnforcement(false);
  }
}
