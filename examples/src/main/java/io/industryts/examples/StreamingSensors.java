package io.industryts.examples;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.Engine;
import io.industryts.ops.Diff;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.ops.Resample;
import io.industryts.ops.Rolling;
import java.util.Arrays;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Reads an unbounded source (Beam's {@code GenerateSequence} at a fixed rate: two sensors, one
 * reading a second of sensor time each, every seventh reading missing) and runs fill → lag →
 * rolling → diff → resample on it in the global window, printing each one-minute bucket as the
 * watermark passes it and any late row from the errors output (docs/streaming.md).
 *
 * <pre>
 *   mvn -q -B -DskipTests -pl examples -am package dependency:build-classpath \
 *       -Dmdep.outputFile=/tmp/industryts.cp
 *   java -cp "examples/target/classes:$(cat /tmp/industryts.cp)" \
 *       io.industryts.examples.StreamingSensors 30
 * </pre>
 *
 * <p>Argument: how many seconds to run (default 30; the source makes 200 readings a second, 100
 * seconds of sensor time); anything after it goes to Beam's {@code PipelineOptionsFactory}. The
 * source never ends, so the program stops then; the bucket still open at that moment is not
 * printed.
 */
public final class StreamingSensors {
  private StreamingSensors() {}

  static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("time")
          .addStringField("sensor")
          .addNullableField("temperature", FieldType.DOUBLE)
          .build();

  /** Builds and runs the pipeline; see the class comment for the arguments. */
  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
    String[] beamArgs = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(beamArgs).create());

    PCollection<Row> rows =
        p.apply(
                "Sensors",
                GenerateSequence.from(0)
                    .withRate(200, Duration.standardSeconds(1))
                    .withTimestampFn(i -> new Instant((i / 2) * 1000L)))
            .apply("ToRows", MapElements.via(new Reading()))
            .setRowSchema(SCHEMA);

    Engine.RowsResult result =
        TimeSeriesPipeline.named("streaming_sensors")
            .withTimeColumn("time")
            .keyedBy("sensor")
            .then(FillNull.forward("temperature"))
            .then(Lag.rows(1).of("temperature"))
            .then(
                Rolling.over(Duration.standardSeconds(30), "temperature").compute(Rolling.Fn.MEAN))
            .then(Diff.periods(1).of("temperature"))
            .then(Resample.every(Duration.standardMinutes(1)).aggregate(Resample.Agg.MEAN))
            .expandWithErrors(rows);

    result.rows().apply("PrintBuckets", ParDo.of(new Print("bucket")));
    result.errors().apply("PrintErrors", ParDo.of(new Print("error")));
    // the source never ends: stop the JVM after the given time
    Thread stop =
        new Thread(
            () -> {
              try {
                Thread.sleep(seconds * 1000L);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              System.exit(0);
            });
    stop.setDaemon(true);
    stop.start();
    p.run().waitUntilFinish();
  }

  /** Reading {@code i}: sensor {@code i % 2} at second {@code i / 2}; every seventh is missing. */
  static final class Reading extends SimpleFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row apply(Long i) {
      long second = i / 2;
      Double value = second % 7 == 3 ? null : 20 + 5 * Math.sin(second / 30.0) + (i % 2);
      return Row.withSchema(SCHEMA)
          .addValues(new Instant(second * 1000L), "s" + (i % 2), value)
          .build();
    }
  }

  /** Prints each row with its element timestamp. */
  static final class Print extends DoFn<Row, Void> {
    private final String what;

    Print(String what) {
      this.what = what;
    }

    @ProcessElement
    public void process(@Element Row row, @Timestamp Instant timestamp) {
      System.out.println(what + " @" + timestamp + ": " + row.getValues());
    }
  }
}
