package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.SeriesOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Runs a chain of steps on chunks read by a file reader: plans every step when built (so a
 * configuration error surfaces before the pipeline runs), then, when applied, segments the series,
 * runs the compiled plan and returns a {@link PlanResult} with the output and the errors output.
 * This is the middle of a launcher's job: read files, run the plan, write files.
 *
 * <p>Example, with a reader from {@code industryts-io} ({@code FileInput}, whose {@code ReadResult}
 * holds the chunks):
 *
 * <pre>{@code
 * FileInput input = FileInput.of(Path.of("sensors.csv")).keyedBy("tag");
 * SeriesOptions options = SeriesOptions.defaults().withTimeColumn("time")
 *     .withKeyColumns(List.of("tag"));
 * RunPlan run = RunPlan.of(input.layout(), options, pipeline.steps(), Map.of())
 *     .withEstimatedRows(input.estimatedSeriesRows());
 * PlanResult result = input.read(p).chunks().apply("RunPlan", run);
 * // result.segments() to FileOutput.writeAll, result.errors() to the dead letters
 * }</pre>
 *
 * <p>({@code pipeline} is a {@code TimeSeriesPipeline}, {@code p} the Beam pipeline.)
 *
 * <p>Steps that read a second input ({@code asof_join}) list it in {@link #rightInputs()}; bind
 * each with {@link #withRightInput(String, PCollection)} before applying.
 */
public final class RunPlan extends PTransform<PCollection<Chunk>, PlanResult> {
  private static final long serialVersionUID = 1L;

  /**
   * A second input a join step reads: the step, the input's name, and the layout its chunks must
   * have (time field and key fields to read it with).
   */
  public record RightInput(String stepName, String inputName, ChunkLayout layout) {}

  private final ChunkLayout layout;
  private final List<Kernel> kernels;
  private final List<String> operationTypes;
  private final long estimatedRows;
  private final transient Map<String, PCollection<Chunk>> rightChunks;

  private RunPlan(
      ChunkLayout layout,
      List<Kernel> kernels,
      List<String> operationTypes,
      long estimatedRows,
      Map<String, PCollection<Chunk>> rightChunks) {
    this.layout = layout;
    this.kernels = kernels;
    this.operationTypes = operationTypes;
    this.estimatedRows = estimatedRows;
    this.rightChunks = rightChunks;
  }

  /**
   * Plans {@code steps} for input chunks of {@code layout} under {@code options} (time column
   * resolved), with the schemas (as read) of the named second inputs join steps may read.
   *
   * @throws IllegalArgumentException with a SEMANTICS §1.13 message when a step does not fit
   */
  public static RunPlan of(
      ChunkLayout layout,
      SeriesOptions options,
      List<Engine.Step> steps,
      Map<String, Schema> namedInputs) {
    List<String> types = new ArrayList<>();
    for (Engine.Step s : steps) {
      types.add(s.operation().typeName());
    }
    return new RunPlan(
        layout,
        List.copyOf(Engine.plan(layout, options, steps, namedInputs)),
        List.copyOf(types),
        -1,
        Map.of());
  }

  /**
   * The same plan, told how many rows the input's largest series holds (an estimate, -1 when
   * unknown; the whole input's rows are a safe bound): when every series fits in one segment, the
   * series run whole, with no stages for passes over segments. A short estimate costs speed only,
   * never correctness.
   */
  public RunPlan withEstimatedRows(long rows) {
    return new RunPlan(layout, kernels, operationTypes, rows, rightChunks);
  }

  /** The same plan with the right input of join step {@code stepName} bound to {@code chunks}. */
  public RunPlan withRightInput(String stepName, PCollection<Chunk> chunks) {
    Map<String, PCollection<Chunk>> bound = new LinkedHashMap<>(rightChunks);
    bound.put(stepName, chunks);
    return new RunPlan(layout, kernels, operationTypes, estimatedRows, bound);
  }

  /** The second inputs the join steps read, in step order. */
  public List<RightInput> rightInputs() {
    List<RightInput> out = new ArrayList<>();
    for (Kernel k : kernels) {
      if (k instanceof AsofKernel) {
        AsofKernel join = (AsofKernel) k;
        out.add(new RightInput(join.stepName(), join.rightInput(), join.rightLayout()));
      }
    }
    return out;
  }

  /** The planned kernels, one per step (for reports that describe each step). */
  public List<Kernel> kernels() {
    return kernels;
  }

  /** The operation type of each step, in order. */
  public List<String> operationTypes() {
    return operationTypes;
  }

  /**
   * The compiled plan as text, one line per stage (segmentation, each pass with its kernels and
   * context, re-segmentations, joins): what {@code industryts explain} prints under "execution".
   *
   * <pre>{@code
   * RunPlan.of(input.layout(), options, pipeline.steps(), Map.of()).explain()
   *     .forEach(System.out::println);
   * // ... pass 2: 4_outliers + 5_resample (context: statistics per series) ...
   * }</pre>
   */
  public List<String> explain() {
    return ExecutionPlan.compile(layout, kernels, operationTypes).describe();
  }

  /**
   * Whether every output row keeps the time of an input row: no step re-grids the series (resample,
   * regularize, group_by_time, ...) or moves times (snap_time). A report can then compare input and
   * output values at the same times.
   *
   * <pre>{@code
   * boolean compareValues = run.keepsRowTimes();
   * }</pre>
   */
  public boolean keepsRowTimes() {
    for (Kernel k : kernels) {
      if (k.context().grid() != null || k.context().changesTime()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a step may report bad rows (e.g. {@code cast} with {@code invalid = "error"}), whose
   * error records name the row's file and line: only then need the input rows carry their origin.
   * Without such a step the plan drops the origins where rows enter it, and a reader need not build
   * them at all.
   *
   * <pre>{@code
   * FileInput reader = input.withProvenance(run.reportsRowErrors());
   * }</pre>
   */
  public boolean reportsRowErrors() {
    for (Kernel k : kernels) {
      if (k.context().rowErrors()) {
        return true;
      }
    }
    return false;
  }

  /** The layout of the output chunks. */
  public ChunkLayout outputLayout() {
    return kernels.isEmpty() ? layout : kernels.get(kernels.size() - 1).outputLayout();
  }

  @Override
  public PlanResult expand(PCollection<Chunk> chunks) {
    EngineOptions engineOptions = EngineOptions.forPipeline(chunks.getPipeline().getOptions());
    if (estimatedRows >= 0 && estimatedRows <= engineOptions.segmentRows()) {
      // every series fits in one segment (if the estimate is short, a series is still computed
      // right, in one piece): no stages for the passes over segments
      engineOptions = engineOptions.withWholeSeriesOnly();
    }
    Segments input = Engine.segment(chunks, layout, kernels, engineOptions);
    Engine.Result result = Engine.run(input, kernels, operationTypes, rightChunks);
    return new PlanResult(input, result.segments(), result.errors());
  }
}
