package io.industryts.benchmarks;

import io.industryts.config.JobConfig;
import io.industryts.config.OperationRegistry;
import io.industryts.io.StagedFiles;
import io.industryts.runners.JobPipeline;
import io.industryts.runners.RunnerSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.runners.TransformHierarchy;

/**
 * Counts the transforms of a launcher job's Beam graph on the DirectRunner: composites, primitives
 * by kind (ParDo, GroupByKey, Flatten, Impulse, Window, read, ...) and side inputs, as built by the
 * launcher ({@link JobPipeline#build}, the files staged as {@code industryts run} stages them) and,
 * with {@code --run}, again after the run, when the DirectRunner's overrides have replaced what it
 * rewrites (a GroupByKey becomes two primitives). Every transform costs a small job at any size:
 * translation by the runner's override matchers, an evaluator, watermark bookkeeping
 * (benchmarks/RESULTS.md, "Lean job graph").
 *
 * <pre>
 *   mvn -B -q -DskipTests -pl benchmarks -am package dependency:build-classpath \
 *       -Dmdep.outputFile=/tmp/bench.cp
 *   java -cp "benchmarks/target/classes:$(cat /tmp/bench.cp)" \
 *       io.industryts.benchmarks.JobGraphCount examples/configs/quickstart.toml \
 *       --output /tmp/q.csv --errors /tmp/q_bad.csv --run
 * </pre>
 *
 * <p>Arguments: the job file, then {@code --input PATH}, {@code --output PATH}, {@code --errors
 * PATH} (as for {@code industryts run}) and {@code --run}; {@code --tree} also prints every
 * transform, indented by nesting.
 */
public final class JobGraphCount {
  private JobGraphCount() {}

  /** Counts the job's graph; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    JobConfig job = JobConfig.load(Path.of(args[0]), OperationRegistry.load(), Set.of());
    JobPipeline.Overrides overrides = JobPipeline.Overrides.none();
    boolean run = false;
    boolean tree = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--input":
          overrides = overrides.withInput(args[++i]);
          break;
        case "--output":
          overrides = overrides.withOutputs(List.of(args[++i]));
          break;
        case "--errors":
          overrides = overrides.withErrors(args[++i]);
          break;
        case "--run":
          run = true;
          break;
        case "--tree":
          tree = true;
          break;
        default:
          throw new IllegalArgumentException(
              "JobGraphCount: unknown argument \""
                  + args[i]
                  + "\". Expected JOB.toml [--input PATH] [--output PATH] [--errors PATH] [--run]"
                  + " [--tree].");
      }
    }
    // staged as the launcher stages them on the DirectRunner (outputs and dead letters together)
    overrides = overrides.withStagingToken(StagedFiles.newToken());
    PipelineOptions options =
        RunnerSetup.options("DirectRunner", RunnerSetup.cores(), job.pipelineName(), List.of());
    JobPipeline jp = JobPipeline.build(job, overrides, options);
    print("built", jp.pipeline(), tree);
    if (run) {
      options.as(DirectOptions.class).setBlockOnRun(true);
      jp.pipeline().run().waitUntilFinish();
      print("after the DirectRunner's overrides", jp.pipeline(), tree);
    }
    System.exit(0); // the runner's thread pools may hold non-daemon threads
  }

  private static void print(String label, Pipeline pipeline, boolean tree) {
    Map<String, Integer> kinds = new TreeMap<>();
    int[] composites = new int[1];
    int[] primitives = new int[1];
    int[] sideInputs = new int[1];
    StringBuilder lines = new StringBuilder();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          private int depth;

          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            if (!node.isRootNode()) {
              composites[0]++;
              lines.append("  ".repeat(depth)).append("+ ").append(node.getFullName()).append('\n');
            }
            depth++;
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void leaveCompositeTransform(TransformHierarchy.Node node) {
            depth--;
          }

          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            primitives[0]++;
            String kind = node.getTransform().getClass().getName();
            kind = kind.substring(kind.lastIndexOf('.') + 1);
            kinds.merge(kind, 1, Integer::sum);
            sideInputs[0] += node.getTransform().getAdditionalInputs().size();
            lines
                .append("  ".repeat(depth))
                .append("- ")
                .append(node.getFullName())
                .append(" [")
                .append(kind)
                .append("]\n");
          }
        });
    System.out.println(
        label
            + ": composites "
            + composites[0]
            + ", primitives "
            + primitives[0]
            + ", side inputs "
            + sideInputs[0]);
    kinds.forEach((kind, n) -> System.out.println("  " + n + " x " + kind));
    if (tree) {
      System.out.print(lines);
    }
  }
}
