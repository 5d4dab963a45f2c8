package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.JoinOperation;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.engine.spi.StatsKernel;
import io.industryts.engine.spi.TimeColumn;
import io.industryts.errors.BadRowException;
import io.industryts.time.TimeParser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs chains of operations over series collections (ARCHITECTURE §2). Public entry points:
 *
 * <ul>
 *   <li>{@link #runOnRows} / {@link #runOnRowsWithErrors}: Rows in, Rows out (a lone operation or a
 *       {@code TimeSeriesPipeline} in a Beam pipeline);
 *   <li>{@link #runInMemory}: planned kernels over one whole series held in memory (tests,
 *       benchmarks);
 *   <li>{@link #failOnErrors}: fail the pipeline on the first error record.
 * </ul>
 *
 * <p>Chunks from a file reader go through the {@link RunPlan} composite instead.
 *
 * <pre>{@code
 * PCollection<Row> out = Engine.runOnRows(rows, SeriesOptions.defaults(),
 *     List.of(new Engine.Step("fill", FillNull.forward("v"))));
 * }</pre>
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private Engine() {}

  /**
   * One named operation of a chain.
   *
   * @param name the step name (SEMANTICS §1.1 {@code name}), unique in its chain
   * @param operation the operation
   */
  public record Step(String name, Operation operation) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The outcome of a run: final segments plus the errors output (bad rows, §1.13).
   *
   * @param segments the final segments
   * @param errors rows with {@link io.industryts.engine.spi.ErrorRecords#SCHEMA}
   */
  record Result(Segments segments, PCollection<Row> errors) {}

  /**
   * Applies {@code steps} to {@code input}; the first bad row (e.g. an unparseable time) fails the
   * pipeline.
   */
  public static PCollection<Row> runOnRows(
      PCollection<Row> input, SeriesOptions options, List<Step> steps) {
    return runOnRows(input, options, steps, TimeParser.builder().zone(options.timeZone()).build());
  }

  /**
   * As {@link #runOnRows(PCollection, SeriesOptions, List)}, reading string or number times with
   * {@code times}.
   */
  public static PCollection<Row> runOnRows(
      PCollection<Row> input, SeriesOptions options, List<Step> steps, TimeParser times) {
    RowsResult r = runOnRowsWithErrors(input, options, steps, times);
    failOnErrors("FailOnBadRows", r.errors());
    return r.rows();
  }

  /**
   * Rows out plus the errors output.
   *
   * @param rows the output rows
   * @param errors rows with {@link io.industryts.engine.spi.ErrorRecords#SCHEMA}
   */
  public record RowsResult(PCollection<Row> rows, PCollection<Row> errors) {}

  /**
   * Applies {@code steps} to {@code input}, routing bad rows to the errors output; string or number
   * times are read with {@code times}. All configuration is validated here, before any data flows.
   *
   * <pre>{@code
   * Engine.RowsResult r = Engine.runOnRowsWithErrors(rows, SeriesOptions.defaults(),
   *     pipeline.steps(), TimeParser.utc());
   * r.errors().apply(...);   // ErrorRecords.SCHEMA rows
   * }</pre>
   */
  public static RowsResult runOnRowsWithErrors(
      PCollection<Row> input, SeriesOptions options, List<Step> steps, TimeParser times) {
    return runOnRowsWithErrors(input, options, steps, times, Map.of());
  }

  /**
   * As {@link #runOnRowsWithErrors(PCollection, SeriesOptions, List, TimeParser)}, with named
   * second inputs for the steps that read one ({@link JoinOperation}); inputs a step binds itself
   * ({@link JoinOperation#boundInputs()}) are added. Right rows get the same time conversion and
   * tie order as the main input; their bad rows go to the errors output.
   */
  public static RowsResult runOnRowsWithErrors(
      PCollection<Row> input,
      SeriesOptions options,
      List<Step> steps,
      TimeParser times,
      Map<String, PCollection<Row>> namedInputs) {
    TimeConversion timeConversion = new ValueTimeConversion(times);
    if (!input.hasSchema()) {
      throw new IllegalArgumentException(
          "industryts: the input PCollection has no schema. Attach one "
              + "with setRowSchema(schema) or Create.of(rows).withRowSchema(schema).");
    }
    Schema schema = input.getSchema();
    TimeColumn tc = TimeColumn.resolve(schema, options.timeColumn());
    LOG.info("{}", tc);
    ChunkLayout layout = RowEdges.layoutFor(schema, tc.name(), options.keyColumns());
    SeriesOptions resolved = options.withTimeColumn(tc.name());
    Map<String, PCollection<Row>> inputs = new LinkedHashMap<>(namedInputs);
    for (Step step : steps) {
      if (step.operation() instanceof JoinOperation) {
        ((JoinOperation) step.operation()).boundInputs().forEach(inputs::putIfAbsent);
      }
    }
    Map<String, Schema> inputSchemas = new LinkedHashMap<>();
    inputs.forEach((n, rows) -> inputSchemas.put(n, requireSchema(n, rows)));
    ExecutionPlan plan = compile(layout, plan(layout, resolved, steps, inputSchemas), steps);
    requireBoundedForWholeSeries(input, plan);
    boolean streaming = StreamingExecutor.handles(input);
    if (streaming) {
      StreamingExecutor.requireSupported(plan);
      return StreamingExecutor.runOnRows(
          input,
          plan,
          timeConversion,
          options.sequenceColumn(),
          tc.reason(),
          options.nanAsNull(),
          options.allowedLatenessMillis());
    }
    requireSupportedWindowing(input, plan);
    PCollectionTuple edge =
        input.apply(
            "ToChunks",
            ParDo.of(
                    new RowEdges.RowsToChunksFn(
                        layout,
                        timeConversion,
                        options.sequenceColumn(),
                        tc.reason(),
                        options.nanAsNull()))
                .withOutputTags(RowEdges.CHUNKS, TupleTagList.of(RowEdges.ERRORS)));
    PCollection<Chunk> chunks = edge.get(RowEdges.CHUNKS).setCoder(ChunkCoder.of(layout));
    edge.get(RowEdges.ERRORS).setRowSchema(ErrorRecords.SCHEMA);
    PCollectionList<Row> rightErrors = PCollectionList.empty(input.getPipeline());
    Map<String, PCollection<Chunk>> rightChunks = new LinkedHashMap<>();
    for (AsofKernel join : plan.joins()) {
      ChunkLayout rl = join.rightLayout();
      PCollection<Row> rows = inputs.get(join.rightInput());
      PCollectionTuple rightEdge =
          rows.apply(
              join.stepName() + "/RightToChunks",
              ParDo.of(
                      new RowEdges.RowsToChunksFn(
                          rl,
                          timeConversion,
                          rl.schema().hasField(String.valueOf(options.sequenceColumn()))
                              ? options.sequenceColumn()
                              : null,
                          "right input \"" + join.rightInput() + "\"",
                          options.nanAsNull()))
                  .withOutputTags(RowEdges.CHUNKS, TupleTagList.of(RowEdges.ERRORS)));
      rightChunks.put(join.stepName(), rightEdge.get(RowEdges.CHUNKS).setCoder(ChunkCoder.of(rl)));
      rightErrors =
          rightErrors.and(rightEdge.get(RowEdges.ERRORS).setRowSchema(ErrorRecords.SCHEMA));
    }
    Result result =
        PipelineExecutor.run(
            segment(chunks, plan, options(input)), plan, rightChunks, options(input));
    PCollection<Row> rows = toRows(result.segments());
    PCollection<Row> errors =
        PCollectionList.of(edge.get(RowEdges.ERRORS))
            .and(result.errors())
            .and(rightErrors.getAll())
            .apply("AllErrors", Flatten.pCollections())
            .setRowSchema(ErrorRecords.SCHEMA);
    return new RowsResult(rows, errors);
  }

  /**
   * Cuts unsorted chunks (any number per series, any order) into sorted segments sized for the
   * workers, aligned to the first grid kernel among {@code kernels}.
   */
  static Segments segment(PCollection<Chunk> chunks, ChunkLayout layout, List<Kernel> kernels) {
    return segment(
        chunks, layout, kernels, EngineOptions.forPipeline(chunks.getPipeline().getOptions()));
  }

  /**
   * As {@link #segment(PCollection, ChunkLayout, List)} with explicit options. The promise of
   * {@link EngineOptions#withWholeSeriesOnly()} is kept only when {@code kernels} can all run on
   * the whole-series route (no as-of join, no statistics fitted over all series).
   */
  static Segments segment(
      PCollection<Chunk> chunks, ChunkLayout layout, List<Kernel> kernels, EngineOptions options) {
    return segment(chunks, ExecutionPlan.compile(layout, kernels, stepNames(kernels)), options);
  }

  /** The plan's {@link ExecutionPlan.SegmentStage}. */
  static Segments segment(PCollection<Chunk> chunks, ExecutionPlan plan, EngineOptions options) {
    EngineOptions effective = options;
    if (options.wholeSeriesOnly() && !plan.runsWholeSeries()) {
      effective = EngineOptions.forPipeline(chunks.getPipeline().getOptions());
    }
    return Segmenter.segment(
        "Segment",
        chunks,
        plan.inputLayout(),
        plan.segmentGrid(),
        effective,
        !plan.reportsRowErrors());
  }

  private static List<String> stepNames(List<Kernel> kernels) {
    List<String> names = new ArrayList<>();
    for (Kernel k : kernels) {
      names.add(k.stepName());
    }
    return names;
  }

  /**
   * Rejects an unbounded input when a kernel fits statistics over whole series (SEMANTICS §1.14):
   * those need every row of a series before the first output.
   */
  static void requireBoundedForWholeSeries(PCollection<?> input, ExecutionPlan plan) {
    if (input.isBounded() == PCollection.IsBounded.BOUNDED || !plan.fitsStatistics()) {
      return;
    }
    for (Kernel k : plan.kernels()) {
      if (k instanceof StatsKernel) {
        throw new IllegalArgumentException(((StatsKernel<?>) k).unboundedInputMessage());
      }
    }
  }

  /**
   * Rejects, when the operations are applied, a windowing the engine cannot run correctly, with the
   * fix (SEMANTICS §1.8, §1.14; docs/streaming.md). Unbounded input in the global window runs on
   * the {@link StreamingExecutor} and is not checked here. Otherwise the engine processes each
   * window's rows as a series of their own once the window is complete, so it needs one pane per
   * window: a trigger that fires early or repeatedly, or late panes on unbounded input, would each
   * be processed as a partial series and give wrong rows.
   */
  static void requireSupportedWindowing(PCollection<?> input, ExecutionPlan plan) {
    WindowingStrategy<?, ?> w = input.getWindowingStrategy();
    String steps = String.join(", ", stepNames(plan.kernels()));
    boolean unbounded = input.isBounded() == PCollection.IsBounded.UNBOUNDED;
    Trigger trigger = w.getTrigger();
    if (!(trigger instanceof DefaultTrigger || trigger instanceof AfterWatermark.FromEndOfWindow)) {
      throw new IllegalArgumentException(
          "industryts: "
              + steps
              + ": the input's trigger "
              + trigger
              + " may fire a window more than once (early or repeated panes); each pane "
              + "would be processed as a partial series of its own. Use the default trigger: window "
              + "with Window.into(FixedWindows.of(...)) without .triggering(...).");
    }
    if (unbounded && w.getAllowedLateness().getMillis() > 0) {
      throw new IllegalArgumentException(
          "industryts: "
              + steps
              + ": the input allows late data ("
              + "allowed lateness "
              + w.getAllowedLateness()
              + "); a late pane would be processed "
              + "as a partial series of its own. Remove .withAllowedLateness(...) from the input's "
              + "Window (late rows are then dropped by Beam, counted in its dropped-due-to-lateness "
              + "metric).");
    }
  }

  private static EngineOptions options(PCollection<?> input) {
    return EngineOptions.forPipeline(input.getPipeline().getOptions());
  }

  private static Schema requireSchema(String name, PCollection<Row> rows) {
    if (!rows.hasSchema()) {
      throw new IllegalArgumentException(
          "industryts: input \""
              + name
              + "\" has no schema. "
              + "Attach one with setRowSchema(schema) or Create.of(rows).withRowSchema(schema).");
    }
    return rows.getSchema();
  }

  /** Plans each step's kernel for the layout produced by the previous one. */
  static List<Kernel> plan(ChunkLayout input, SeriesOptions options, List<Step> steps) {
    return plan(input, options, steps, Map.of());
  }

  /**
   * As {@link #plan(ChunkLayout, SeriesOptions, List)}, with the schemas (as read) of the named
   * second inputs that join steps may read ({@link PlanContext#input(String)}).
   */
  static List<Kernel> plan(
      ChunkLayout input, SeriesOptions options, List<Step> steps, Map<String, Schema> inputs) {
    List<Kernel> kernels = new ArrayList<>();
    ChunkLayout layout = input;
    Set<String> names = new HashSet<>();
    for (Step step : steps) {
      if (!names.add(step.name())) {
        throw new IllegalArgumentException(
            "industryts: step name \""
                + step.name()
                + "\" is used twice. Step names must be unique; set a distinct name.");
      }
      Kernel k = step.operation().plan(layout, new PlanContext(step.name(), options, inputs));
      kernels.add(k);
      layout = k.outputLayout();
    }
    return kernels;
  }

  /**
   * Compiles planned {@code kernels} (from {@link #plan}) for input chunks of {@code input} into
   * the physical plan every executor runs and {@code explain} prints ({@link
   * ExecutionPlan#describe()}); error records name each step's operation type.
   */
  static ExecutionPlan compile(ChunkLayout input, List<Kernel> kernels, List<Step> steps) {
    return ExecutionPlan.compile(input, kernels, operationTypes(steps));
  }

  /** As {@link #compile(ChunkLayout, List, List)}, naming each kernel's step in error records. */
  static ExecutionPlan compile(ChunkLayout input, List<Kernel> kernels) {
    return ExecutionPlan.compile(input, kernels, stepNames(kernels));
  }

  private static List<String> operationTypes(List<Step> steps) {
    List<String> out = new ArrayList<>();
    for (Step s : steps) {
      out.add(s.operation().typeName());
    }
    return out;
  }

  /** Runs planned kernels over segments, fusing consecutive kernels into passes. */
  static Result run(Segments segments, List<Kernel> kernels) {
    return run(segments, kernels, stepNames(kernels));
  }

  /** As {@link #run(Segments, List)}, naming each kernel's operation type in error records. */
  static Result run(Segments segments, List<Kernel> kernels, List<String> operationTypes) {
    return run(segments, kernels, operationTypes, Map.of());
  }

  /**
   * As {@link #run(Segments, List, List)}, with the right input of every {@link AsofKernel}: chunks
   * in the kernel's {@link AsofKernel#rightLayout()}, by step name. The kernels between two joins
   * run as usual; each join is its own stage ({@link AsofJoiner}).
   *
   * @throws IllegalArgumentException if a join step has no right chunks
   */
  static Result run(
      Segments segments,
      List<Kernel> kernels,
      List<String> operationTypes,
      Map<String, PCollection<Chunk>> rightChunks) {
    ExecutionPlan plan =
        ExecutionPlan.compile(
            segments.layout(), kernels, operationTypes, segments.planning().alignedTo);
    return PipelineExecutor.run(
        segments,
        plan,
        rightChunks,
        EngineOptions.forPipeline(segments.plans().getPipeline().getOptions()));
  }

  /**
   * Applies planned {@code kernels} to one whole, time-sorted series held in memory, as a single
   * segment (no pipeline): statistics are fitted on the series, there is no halo or carry. The
   * first bad row throws {@link BadRowException}.
   */
  public static Chunk runInMemory(Chunk series, List<Kernel> kernels) {
    return InMemoryExecutor.run(compile(series.layout(), kernels), series);
  }

  /**
   * The rows of the segments, each with its time field (plus the layout's element-time offset) as
   * element timestamp.
   */
  static PCollection<Row> toRows(Segments segments) {
    return segments
        .collection()
        .apply("ToRows", ParDo.of(new RowEdges.ChunksToRowsFn()))
        .setRowSchema(segments.layout().schema());
  }

  /** Makes the pipeline fail with the record's message on the first error row. */
  public static void failOnErrors(String name, PCollection<Row> errors) {
    errors.apply(name, ParDo.of(new FailFn()));
  }

  /** Throws on any element: used where no errors output is attached (SEMANTICS §1.13). */
  static final class FailFn extends DoFn<Row, Void> {
    @ProcessElement
    public void process(@Element Row error) {
      throw badRow(ErrorRecords.describe(error), error);
    }
  }

  /** The exception for the error record {@code error} ({@link ErrorRecords#SCHEMA}). */
  static BadRowException badRow(String message, Row error) {
    return new BadRowException(
        message,
        error.getString("source"),
        error.getInt64("line"),
        error.getString("field"),
        error.getString("reason"));
  }
}
