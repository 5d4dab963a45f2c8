package io.industryts.ops;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.PlanResult;
import io.industryts.engine.RunPlan;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.io.FileInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
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
