package io.industryts.ops;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.Engine;
import io.industryts.engine.PlanResult;
import io.industryts.engine.RunPlan;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.errors.BadRowException;
import io.industryts.io.DeadLetters;
import io.industryts.io.FileInput;
import io.industryts.io.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunPlan}: the composite a launcher applies between reading and writing files. */
class RunPlanTest {
  private static final Map<String, ConcurrentLinkedQueue<String>> OUT = new ConcurrentHashMap<>();

  private static Path csv(Path dir) throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.write(
        csv,
        List.of(
            "tag,time,v",
            "a,2024-01-01T00:02:00Z,3.0",
            "b,2024-01-01T00:01:00Z,5.0",
            "a,2024-01-01T00:00:00Z,1.0",
            "a,2024-01-01T00:01:00Z,",
            "b,2024-01-01T00:00:00Z,"));
    return csv;
  }

  /** Rows as "tag time v" and error messages, and the names of the pipeline's transforms. */
  private static List<List<String>> run(Path csv, long estimatedRows, String name) {
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    FileInput read = FileInput.of(csv).keyedBy("tag");
    TimeSeriesPipeline chain =
        TimeSeriesPipeline.named("fill").keyedBy("tag").then(FillNull.forward("v"));
    RunPlan run =
        RunPlan.of(
                read.layout(),
                SeriesOptions.defaults().withTimeColumn("time").withKeyColumns(List.of("tag")),
                chain.steps(),
                Map.of())
            .withEstimatedRows(estimatedRows);
    assertThat(run.rightInputs(), empty());
    PlanResult result = read.read(p).chunks().apply("RunPlan", run);
    OUT.put(name + "/rows", new ConcurrentLinkedQueue<>());
    OUT.put(name + "/errors", new ConcurrentLinkedQueue<>());
    result.rows().apply("CollectRows", ParDo.of(new Collect(name + "/rows", false)));
    result.errors().apply("CollectErrors", ParDo.of(new Collect(name + "/errors", true)));
    List<String> transforms = new ArrayList<>();
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            transforms.add(node.getFullName());
          }
        });
    p.run().waitUntilFinish();
    return List.of(
        new ArrayList<>(OUT.remove(name + "/rows")),
        new ArrayList<>(OUT.remove(name + "/errors")),
        transforms);
  }

  @Test
  void runsTheStepsPerSeriesInTimeOrder(@TempDir Path dir) throws IOException {
    List<List<String>> out = run(csv(dir), -1, "unknown size");
    // forward fill per series in time order: a 1, (null -> 1), 3; b starts with null (nothing
    // earlier to fill from), then 5
    assertThat(
        out.get(0),
        containsInAnyOrder(
            "a 2024-01-01T00:00:00.000Z 1.0",
            "a 2024-01-01T00:01:00.000Z 1.0",
            "a 2024-01-01T00:02:00.000Z 3.0",
            "b 2024-01-01T00:00:00.000Z null",
            "b 2024-01-01T00:01:00.000Z 5.0"));
    assertThat(out.get(1), empty());
    assertThat(out.get(2), hasItem(containsString("RunPlan/")));
  }

  /** A small input runs whole series: same rows, no stages exchanging context between segments. */
  @Test
  void aSmallInputRunsWholeSeriesWithTheSameRows(@TempDir Path dir) throws IOException {
    List<List<String>> segmented = run(csv(dir), -1, "segmented");
    List<List<String>> whole = run(csv(dir), 5, "whole");
    assertThat(whole.get(0), containsInAnyOrder(segmented.get(0).toArray()));
    assertThat(segmented.get(2), hasItem(containsString("RunPlan/")));
    assertThat(whole.get(2), not(hasItem(containsString("JoinContexts"))));
    assertThat(segmented.get(2), hasItem(containsString("JoinContexts")));
  }

  private static RunPlan plan(FileInput read, io.industryts.engine.spi.Operation... ops) {
    TimeSeriesPipeline chain = TimeSeriesPipeline.named("chain").keyedBy("tag");
    for (io.industryts.engine.spi.Operation op : ops) {
      chain = chain.then(op);
    }
    return RunPlan.of(
        read.layout(),
        SeriesOptions.defaults().withTimeColumn("time").withKeyColumns(List.of("tag")),
        chain.steps(),
        Map.of());
  }

  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> out = new TreeMap<>();
    for (MetricResult<Long> c :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.inNamespace("industryts"))
                    .build())
            .getCounters()) {
      out.put(c.getName().getName(), c.getAttempted());
    }
    return out;
  }

  /** {@code explain} prints the compiled plan: the segmentation, then one line per pass. */
  @Test
  void explainGivesThePlanLineByLine(@TempDir Path dir) throws IOException {
    FileInput read = FileInput.of(csv(dir)).keyedBy("tag");
    assertThat(
        plan(read, FillNull.forward("v"), Diff.periods(1).of("v")).explain(),
        contains(
            "segment: one shuffle by (series, time segment)",
            "pass 1: 1_fill_null (context: carry from neighbouring segments; series first/last time)",
            "pass 2: 2_diff (context: halo 1 rows before, 0 after)"));
  }

  /** Markers of a report need the output rows at input times: no re-gridding, no time changes. */
  @Test
  void keepsRowTimesUnlessAStepRegridsOrMovesTimes(@TempDir Path dir) throws IOException {
    FileInput read = FileInput.of(csv(dir)).keyedBy("tag");
    assertTrue(plan(read, FillNull.forward("v"), Diff.periods(1).of("v")).keepsRowTimes());
    assertTrue(plan(read).keepsRowTimes());
    assertFalse(
        plan(read, FillNull.forward("v"), Resample.every(Duration.standardMinutes(1)))
            .keepsRowTimes());
    assertFalse(plan(read, SnapTime.floor(Duration.standardMinutes(2))).keepsRowTimes());
  }

  /**
   * The reader counts good and bad rows under the names given; {@code timeInMemory} times a step on
   * each whole output series and counts its rows.
   */
  @Test
  void readerCountersAndInMemoryTimings(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.write(
        csv,
        List.of(
            "tag,time,v",
            "a,2024-01-01T00:00:00Z,1.0",
            "a,2024-01-01T00:00:30Z,2.0",
            "a,not a time,9.0",
            "a,2024-01-01T00:02:10Z,4.0",
            "b,2024-01-01T00:00:00Z,5.0"));
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    FileInput read =
        FileInput.of(csv).keyedBy("tag").withRowsCounter("t.rows").withErrorsCounter("t.bad");
    SeriesOptions options =
        SeriesOptions.defaults().withTimeColumn("time").withKeyColumns(List.of("tag"));
    ReadResult in = read.read(p);
    PlanResult result = in.chunks().apply("RunPlan", plan(read, FillNull.forward("v")));
    Map<String, Engine.Step> timed = new LinkedHashMap<>();
    timed.put("resample", new Engine.Step("r", Resample.every(Duration.standardMinutes(1))));
    result.timeInMemory(timed, options, 2);
    Map<String, Long> c = counters(p.run());
    assertEquals(4L, c.get("t.rows"));
    assertEquals(1L, c.get("t.bad"));
    // a: 00:00, 00:01, 00:02 buckets (00:01 empty but inside the range), b: 00:00
    assertEquals(4L, c.get("micro.rows_in"));
    assertEquals(4L, c.get("micro.resample_rows"));
    assertTrue(c.get("micro.resample_ns.0") > 0, c.toString());
    assertTrue(c.get("micro.resample_ns.1") > 0, c.toString());
    assertFalse(c.containsKey("micro.resample_ns.2"), c.toString());
  }

  /** Without a dead-letter file, the first bad row fails the run with its message. */
  @Test
  void failOnFirstFailsTheRunWithTheRowsMessage(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.write(csv, List.of("tag,time,v", "a,2024-01-01T00:00:00Z,1.0", "a,yesterday,2.0"));
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(o);
    DeadLetters.failOnFirst(FileInput.of(csv).keyedBy("tag").read(p).errors());
    Exception e = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root, instanceOf(BadRowException.class));
    assertThat(root.getMessage(), containsString("bad.csv:3"));
  }

  private static final class Collect extends DoFn<Row, Void> {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final boolean error;

    Collect(String key, boolean error) {
      this.key = key;
      this.error = error;
    }

    @ProcessElement
    public void process(@Element Row row) {
      OUT.get(key)
          .add(
              error
                  ? row.getString("message")
                  : row.getString("tag")
                      + " "
                      + row.getDateTime("time")
                      + " "
                      + row.getDouble("v"));
    }
  }
}
