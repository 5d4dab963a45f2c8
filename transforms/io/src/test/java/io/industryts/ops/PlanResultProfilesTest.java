package io.industryts.ops;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.PlanResult;
import io.industryts.engine.PlanResult.SegmentSide;
import io.industryts.engine.RunPlan;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.io.FileInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PlanResult#profileSegments}: each segment's sides reach the profiler as plain values. */
class PlanResultProfilesTest {
  /** 2024-01-01T00:00:00Z. */
  private static final long T0 = 1_704_067_200_000L;

  /** "key segment in|out second:value ..." for each side given (values of column v). */
  static String describe(Row key, long segment, SegmentSide in, SegmentSide out) {
    return key.getString("tag") + " " + segment + side(" in", in) + side(" out", out);
  }

  private static String side(String label, SegmentSide s) {
    if (s == null) {
      return "";
    }
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < s.times().length; i++) {
      boolean isNull = s.nulls().get("v")[i];
      cells.add((s.times()[i] - T0) / 1000 + ":" + (isNull ? "null" : s.values().get("v")[i]));
    }
    return label + " " + String.join(" ", cells);
  }

  private static PCollection<String> profiles(Pipeline p, Path dir, boolean pairSides)
      throws IOException {
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
    FileInput read = FileInput.of(csv).keyedBy("tag");
    RunPlan run =
        RunPlan.of(
            read.layout(),
            SeriesOptions.defaults().withTimeColumn("time").withKeyColumns(List.of("tag")),
            TimeSeriesPipeline.named("fill").keyedBy("tag").then(FillNull.forward("v")).steps(),
            Map.of());
    PlanResult result = read.read(p).chunks().apply("RunPlan", run);
    return result.profileSegments(
        List.of("v"), pairSides, PlanResultProfilesTest::describe, StringUtf8Coder.of());
  }

  private static Pipeline pipeline() {
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    return Pipeline.create(o);
  }

  @Test
  void pairedSidesMeetPerSegmentSortedByTime(@TempDir Path dir) throws IOException {
    Pipeline p = pipeline();
    // forward fill: a's 60 s gap takes 1.0 from 0 s; b's first row has nothing before it
    PAssert.that(profiles(p, dir, true))
        .containsInAnyOrder(
            "a 0 in 0:1.0 60:null 120:3.0 out 0:1.0 60:1.0 120:3.0",
            "b 0 in 0:null 60:5.0 out 0:null 60:5.0");
    p.run().waitUntilFinish();
  }

  @Test
  void unpairedSidesArriveAloneWithTheOtherSideNull(@TempDir Path dir) throws IOException {
    Pipeline p = pipeline();
    PAssert.that(profiles(p, dir, false))
        .containsInAnyOrder(
            "a 0 in 0:1.0 60:null 120:3.0",
            "a 0 out 0:1.0 60:1.0 120:3.0",
            "b 0 in 0:null 60:5.0",
            "b 0 out 0:null 60:5.0");
    p.run().waitUntilFinish();
  }
}
