package io.industryts.examples;

import io.industryts.TimeSeriesPipeline;
import io.industryts.io.FileInput;
import io.industryts.io.ReadResult;
import io.industryts.ops.DropDuplicates;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.ops.Resample;
import java.util.Arrays;
import java.util.StringJoiner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

/**
 * Builds the same cleaning and feature steps twice on one Beam pipeline: once as plain {@code
 * PTransform}s applied one after the other, once as one {@link TimeSeriesPipeline}, and writes both
 * results as text. Either form can be mixed with any other Beam transform.
 *
 * <pre>
 *   java examples/scripts/GenerateSampleData.java examples/data
 *   mvn -q -B -DskipTests -pl examples -am package dependency:build-classpath \
 *       -Dmdep.outputFile=/tmp/industryts.cp
 *   java -cp "examples/target/classes:$(cat /tmp/industryts.cp)" \
 *       io.industryts.examples.ComposeTransforms examples/data/sensors.csv out/compose
 * </pre>
 *
 * <p>Arguments: the input file (default {@code examples/data/sensors.csv}) and an output prefix
 * (default {@code out/compose}); anything after them goes to Beam's {@code PipelineOptionsFactory}.
 * It writes {@code out/compose-composed-*.csv} and {@code out/compose-pipeline-*.csv} (the same
 * rows, unordered and without a header, as Beam's TextIO writes them) and {@code
 * out/compose-count.txt}.
 */
public final class ComposeTransforms {
  private ComposeTransforms() {}

  /** Builds and runs the pipeline; see the class comment for the arguments. */
  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "examples/data/sensors.csv";
    String output = args.length > 1 ? args[1] : "out/compose";
    String[] beamArgs = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(beamArgs).create());

    ReadResult read = p.apply("ReadSensors", FileInput.of(input).withTimeColumn("DateTime"));
    PCollection<Row> rows = read.rows();

    // Each operation is an ordinary PTransform<PCollection<Row>, PCollection<Row>>.
    PCollection<Row> composed =
        rows.apply("DropDuplicates", DropDuplicates.keepFirst().withTimeColumn("DateTime"))
            .apply("FillNull", FillNull.forward().withTimeColumn("DateTime"))
            .apply(
                "Resample",
                Resample.every(Duration.standardMinutes(1))
                    .aggregate(Resample.Agg.MEAN)
                    .withTimeColumn("DateTime"))
            .apply("Lag", Lag.rows(1).of("temperature").withTimeColumn("DateTime"));

    // The same steps as one composite transform; series options are set once for all steps.
    PCollection<Row> pipelined =
        rows.apply(
            TimeSeriesPipeline.named("compose")
                .withTimeColumn("DateTime")
                .then(DropDuplicates.keepFirst())
                .then(FillNull.forward())
                .then(Resample.every(Duration.standardMinutes(1)).aggregate(Resample.Agg.MEAN))
                .then(Lag.rows(1).of("temperature")));

    composed
        .apply("FormatComposed", MapElements.via(new RowToCsv()))
        .apply("WriteComposed", TextIO.write().to(output + "-composed").withSuffix(".csv"));
    pipelined
        .apply("FormatPipelined", MapElements.via(new RowToCsv()))
        .apply("WritePipelined", TextIO.write().to(output + "-pipeline").withSuffix(".csv"));
    // Both forms produce the same rows, so the same count.
    composed
        .apply("CountComposed", Count.globally())
        .apply("FormatCount", MapElements.via(new CountLine()))
        .apply(
            "WriteCount",
            TextIO.write().to(output + "-count").withSuffix(".txt").withoutSharding());

    p.run().waitUntilFinish();
  }

  /** One CSV line per row; nulls are empty cells. Lines are unordered, as Beam writes them. */
  static final class RowToCsv extends SimpleFunction<Row, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(Row row) {
      StringJoiner line = new StringJoiner(",");
      for (int i = 0; i < row.getFieldCount(); i++) {
        Object v = row.getValue(i);
        line.add(v == null ? "" : v.toString());
      }
      return line.toString();
    }
  }

  /** The row count as one line of text. */
  static final class CountLine extends SimpleFunction<Long, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(Long count) {
      return "rows: " + count;
    }
  }
}
