package io.industryts.ops;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.PlanResult;
import io.industryts.engine.RunPlan;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.io.FileInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series that fit in one segment run every pass in one step (the whole-series route); the rows must
 * be those of the passes over the same single segment and over many small segments, for chains with
 * carries, statistics, halos before and after, grids, time-changing steps and re-segmentation.
 */
class WholeSeriesRouteTest {
  private static final Schema IN =
      Schema.builder()
          .addNullableField("tag", FieldType.STRING)
          .addDateTimeField("time")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("w", FieldType.DOUBLE)
          .build();
  private static final Map<String, ConcurrentLinkedQueue<Row>> OUTPUTS = new ConcurrentHashMap<>();

  /** Three series of irregular rows (jitter, duplicates, nulls, a spike, a long gap), shuffled. */
  private static List<Row> input() {
    List<Row> rows = new ArrayList<>();
    Random r = new Random(5);
    String[] tags = {"a", "b", "c"};
    for (int s = 0; s < tags.length; s++) {
      long t = 1_700_000_000_000L + s * 17_000;
      for (int i = 0; i < 150 + 40 * s; i++) {
        t += 10_000 + r.nextInt(5_000) + (i == 70 ? 3_600_000 : 0);
        Double v =
            r.nextInt(6) == 0 ? null : 20 + s * 5 + r.nextGaussian() * 3 + (i == 30 ? 90 : 0);
        Double w = r.nextInt(9) == 0 ? null : 1 + r.nextDouble();
        rows.add(Row.withSchema(IN).addValues(tags[s], new Instant(t), v, w).build());
        if (i % 25 == 3) {
          rows.add(Row.withSchema(IN).addValues(tags[s], new Instant(t), v, 0.5).build());
        }
      }
    }
    Collections.shuffle(rows, new Random(8));
    return rows;
  }

  private static TimeSeriesPipeline chain() {
    return TimeSeriesPipeline.named("routes")
        .keyedBy("tag")
        .then(DropDuplicates.keepFirst())
        .then(FillNull.forward("w"))
        .then(Outliers.zscore(2.5).withAction(Outliers.Action.CLIP))
        .then(Ewm.span(5).of("w"))
        .then(Lead.rows(2).of("v"))
        .then(Rolling.over(Duration.standardMinutes(2)).compute(Rolling.Fn.MEAN, Rolling.Fn.MAX))
        .then(SnapTime.round(Duration.standardSeconds(30)))
        .then(Resample.every(Duration.standardMinutes(1)).aggregate(Resample.Agg.MEAN))
        .then(Interpolate.linear("v").withMaxGap(Duration.standardMinutes(5)))
        .then(FillNull.backward())
        .then(Cumulative.of(Cumulative.CumFn.CUMSUM).on("w"))
        .then(Lag.rows(1, 2).of())
        .then(Rolling.rows(4).compute(Rolling.Fn.MEAN, Rolling.Fn.STD))
        .then(Diff.periods(1).of())
        .then(Scale.standard());
  }

  /**
   * The chain's rows, with the whole-series route on or off and segments of the default size or
   * {@code segmentRows}.
   */
  private static List<Row> run(String name, boolean wholeSeries, Integer segmentRows) {
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    o.setTargetParallelism(2);
    o.as(EngineTuningOptions.class).setWholeSeries(wholeSeries);
    if (segmentRows != null) {
      o.as(EngineTuningOptions.class).setSegmentRows(segmentRows);
    }
    Pipeline p = Pipeline.create(o);
    OUTPUTS.put(name, new ConcurrentLinkedQueue<>());
    p.apply(Create.of(input()).withRowSchema(IN)).apply(chain()).apply(ParDo.of(new Collect(name)));
    p.run().waitUntilFinish();
    return new ArrayList<>(OUTPUTS.remove(name));
  }

  @Test
  void wholeSeriesRouteEqualsThePassesOnOneAndOnManySegments() {
    List<Row> whole = run("whole", true, null);
    List<Row> passesOneSegment = run("passes, one segment", false, null);
    List<Row> passesManySegments = run("passes, segments of 16 rows", false, 16);
    assertThat(whole.size(), greaterThan(300));
    OpsPipelineTest.assertRowsClose(passesOneSegment, whole);
    OpsPipelineTest.assertRowsClose(passesManySegments, whole);
  }

  /**
   * The launcher promises that every series fits in one segment when its input is small; a series
   * bigger than promised (here: segments of 16 rows) must still get the rows of the passes.
   */
  @Test
  void aBrokenWholeSeriesPromiseCostsSpeedNotCorrectness(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("in.csv");
    List<String> lines = new ArrayList<>(List.of("tag,time,v,w"));
    for (Row r : input()) {
      lines.add(
          r.getString("tag")
              + ","
              + r.getDateTime("time")
              + ","
              + (r.getDouble("v") == null ? "" : r.getDouble("v"))
              + ","
              + (r.getDouble("w") == null ? "" : r.getDouble("w")));
    }
    Files.write(csv, lines);
    List<Row> passes = runEngine(csv, 16, -1, "segments of 16 rows");
    List<Row> promised = runEngine(csv, 16, 16, "promised whole");
    assertThat(promised.size(), greaterThan(300));
    OpsPipelineTest.assertRowsClose(passes, promised);
    assertThat(TRANSFORMS.get("segments of 16 rows"), hasItem(containsString("JoinContexts")));
    assertThat(TRANSFORMS.get("promised whole"), not(hasItem(containsString("JoinContexts"))));
  }

  private static final Map<String, List<String>> TRANSFORMS = new ConcurrentHashMap<>();

  /** The full names of the pipeline's transforms. */
  private static List<String> transformNames(Pipeline p) {
    List<String> names = new ArrayList<>();
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            names.add(node.getFullName());
          }
        });
    return names;
  }

  /**
   * The chain through the launcher's composite with {@code segmentRows} rows a segment; {@code
   * estimatedRows} at most that many promises that every series fits in one segment.
   */
  private static List<Row> runEngine(Path csv, int segmentRows, long estimatedRows, String name) {
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    o.setTargetParallelism(2);
    o.as(EngineTuningOptions.class).setSegmentRows(segmentRows);
    Pipeline p = Pipeline.create(o);
    FileInput read = FileInput.of(csv).keyedBy("tag");
    SeriesOptions options =
        SeriesOptions.defaults().withTimeColumn("time").withKeyColumns(List.of("tag"));
    RunPlan run =
        RunPlan.of(read.layout(), options, chain().steps(), Map.of())
            .withEstimatedRows(estimatedRows);
    PlanResult result = read.read(p).chunks().apply("RunPlan", run);
    OUTPUTS.put(name, new ConcurrentLinkedQueue<>());
    result.rows().apply(ParDo.of(new Collect(name)));
    TRANSFORMS.put(name, transformNames(p));
    p.run().waitUntilFinish();
    return new ArrayList<>(OUTPUTS.remove(name));
  }

  private static final class Collect extends DoFn<Row, Void> {
    private static final long serialVersionUID = 1L;
    private final String name;

    Collect(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element Row row) {
      OUTPUTS.get(name).add(row);
    }
  }
}
