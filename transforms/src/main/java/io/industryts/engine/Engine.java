package io.industryts.engine;

import io.industryts.ErrorRecords;
import io.industryts.JoinOperation;
import io.industryts.Operation;
import io.industryts.PlanContext;
import io.industryts.SeriesOptions;
import io.industryts.TimeColumn;
import io.industryts.time.TimeParser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs chains of kernels over series collections (ARCHITECTURE §2). Entry points:
 *
 * <ul>
 *   <li>{@link #runOnRows}: Rows in, Rows out (a lone operation or a composite in a Beam pipeline);
 *   <li>{@link #segment} + {@link #run}: chunks from a reader, segments out (jobs);
 *   <li>{@link #toRows}: segments to Rows.
 * </ul>
 */
public final class Engine {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private Engine() {}

  /** One named operation of a chain. */
  public static final class Step implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Operation operation;

    public Step(String name, Operation operation) {
      this.name = name;
      this.operation = operation;
    }

    public String name() {
      return name;
    }

    public Operation operation() {
      return operation;
    }
  }

  /** The outcome of a run: final segments plus the errors output (bad rows, §1.13). */
  public static final class Result {
    private final Segments segments;
    private final PCollection<Row> errors;

    Result(Segments segments, PCollection<Row> errors) {
      this.segments = segments;
      this.errors = errors;
    }

    public Segments segments() {
      return segments;
    }

    /** Rows with {@link io.industryts.ErrorRecords#SCHEMA}. */
    public PCollection<Row> errors() {
      return errors;
    }
  }

  /** Applies {@code steps} to {@code input}; the first bad row (e.g. an unparseable time) fails the pipeline. */
  public static PCollection<Row> runOnRows(PCollection<Row> input, SeriesOptions options,
      List<Step> steps) {
    return runOnRows(input, options, steps, TimeParser.builder().zone(options.timeZone()).build());
  }

  /** As {@link #runOnRows(PCollection, SeriesOptions, List)}, reading string or number times with {@code times}. */
  public static PCollection<Row> runOnRows(PCollection<Row> input, SeriesOptions options,
      List<Step> steps, TimeParser times) {
    RowsResult r = runOnRowsWithErrors(input, options, steps, new ValueTimeConversion(times));
    failOnErrors("FailOnBadRows", r.errors());
    return r.rows();
  }

  /** Rows out plus the errors output. */
  public static final class RowsResult {
    private final PCollection<Row> rows;
    private final PCollection<Row> errors;

    RowsResult(PCollection<Row> rows, PCollection<Row> errors) {
      this.rows = rows;
      this.errors = errors;
    }

    public PCollection<Row> rows() {
      return rows;
    }

    /** Rows with {@link io.industryts.ErrorRecords#SCHEMA}. */
    public PCollection<Row> errors() {
      return errors;
    }
  }

  /**
   * Applies {@code steps} to {@code input}, routing bad rows to the errors output. All
   * configuration is validated here, before any data flows.
   */
  public static RowsResult runOnRowsWithErrors(PCollection<Row> input, SeriesOptions options,
      List<Step> steps, TimeConversion timeConversion) {
    return runOnRowsWithErrors(input, options, steps, timeConversion, Map.of());
  }

  /**
   * As {@link #runOnRowsWithErrors(PCollection, SeriesOptions, List, TimeConversion)}, with named
   * second inputs for the steps that read one ({@link JoinOperation}); inputs a step binds itself
   * ({@link JoinOperation#boundInputs()}) are added. Right rows get the same time conversion and
   * tie order as the main input; their bad rows go to the errors output.
   */
  public static RowsResult runOnRowsWithErrors(PCollection<Row> input, SeriesOptions options,
      List<Step> steps, TimeConversion timeConversion, Map<String, PCollection<Row>> namedInputs) {
    if (!input.hasSchema()) {
      throw new IllegalArgumentException("industryts: the input PCollection has no schema. Attach one "
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
    List<Kernel> kernels = plan(layout, resolved, steps, inputSchemas);
    requireBoundedForWholeSeries(input, kernels);
    PCollectionTuple edge = input.apply("ToChunks",
        ParDo.of(new RowEdges.RowsToChunksFn(layout, timeConversion, options.sequenceColumn(), tc.reason(),
            options.nanAsNull()))
            .withOutputTags(RowEdges.CHUNKS, TupleTagList.of(RowEdges.ERRORS)));
    PCollection<Chunk> chunks = edge.get(RowEdges.CHUNKS).setCoder(ChunkCoder.of(layout));
    edge.get(RowEdges.ERRORS).setRowSchema(ErrorRecords.SCHEMA);
    PCollectionList<Row> rightErrors = PCollectionList.empty(input.getPipeline());
    Map<String, PCollection<Chunk>> rightChunks = new LinkedHashMap<>();
    for (Kernel k : kernels) {
      if (k instanceof AsofKernel) {
        AsofKernel join = (AsofKernel) k;
        ChunkLayout rl = join.rightLayout();
        PCollection<Row> rows = inputs.get(join.rightInput());
        PCollectionTuple rightEdge = rows.apply(join.stepName() + "/RightToChunks",
            ParDo.of(new RowEdges.RowsToChunksFn(rl, timeConversion,
                    rl.schema().hasField(String.valueOf(options.sequenceColumn()))
                        ? options.sequenceColumn() : null,
                    "right input \"" + join.rightInput() + "\"", options.nanAsNull()))
                .withOutputTags(RowEdges.CHUNKS, TupleTagList.of(RowEdges.ERRORS)));
        rightChunks.put(join.stepName(), rightEdge.get(RowEdges.CHUNKS).setCoder(ChunkCoder.of(rl)));
        rightErrors = rightErrors.and(rightEdge.get(RowEdges.ERRORS).setRowSchema(ErrorRecords.SCHEMA));
      }
    }
    Result result = run(segment(chunks, layout, kernels), kernels, operationTypes(steps), rightChunks);
    PCollection<Row> rows = toRows(result.segments());
    PCollection<Row> errors = PCollectionList.of(edge.get(RowEdges.ERRORS)).and(result.errors())
        .and(rightErrors.getAll())
        .apply("AllErrors", Flatten.pCollections()).setRowSchema(ErrorRecords.SCHEMA);
    return new RowsResult(rows, errors);
  }

  /**
   * Cuts unsorted chunks (any number per series, any order) into sorted segments sized for the
   * workers, aligned to the first grid kernel among {@code kernels}.
   */
  public static Segments segment(PCollection<Chunk> chunks, ChunkLayout layout,
      List<Kernel> kernels) {
    return segment(chunks, layout, kernels,
        EngineOptions.forPipeline(chunks.getPipeline().getOptions()));
  }

  /**
   * As {@link #segment(PCollection, ChunkLayout, List)} with explicit options. The promise of
   * {@link EngineOptions#withWholeSeriesOnly()} is kept only when {@code kernels} can all run on the
   * whole-series route (no as-of join, no statistics fitted over all series).
   */
  public static Segments segment(PCollection<Chunk> chunks, ChunkLayout layout,
      List<Kernel> kernels, EngineOptions options) {
    EngineOptions effective = options;
    if (options.wholeSeriesOnly() && !wholeRouteCovers(kernels)) {
      effective = EngineOptions.forPipeline(chunks.getPipeline().getOptions());
    }
    return Segmenter.segment("Segment", chunks, layout, firstGrid(kernels, 0), effective);
  }

  /** Whether the whole-series route can run every one of {@code kernels}. */
  private static boolean wholeRouteCovers(List<Kernel> kernels) {
    for (Kernel k : kernels) {
      if (k instanceof AsofKernel || (k instanceof StatsKernel && ((StatsKernel<?>) k).globalFit())) {
        return false;
      }
    }
    return true;
  }

  private static Grid firstGrid(List<Kernel> kernels, int from) {
    for (int i = from; i < kernels.size(); i++) {
      ContextSpec c = kernels.get(i).context();
      if (c.grid() != null) {
        return c.grid();
      }
      if (c.changesTime()) {
        return null;
      }
    }
    return null;
  }

  /**
   * Rejects an unbounded input when a kernel fits statistics over whole series (SEMANTICS §1.14):
   * those need every row of a series before the first output.
   */
  static void requireBoundedForWholeSeries(PCollection<?> input, List<Kernel> kernels) {
    if (input.isBounded() == PCollection.IsBounded.BOUNDED) {
      return;
    }
    for (Kernel k : kernels) {
      if (k instanceof StatsKernel) {
        throw new IllegalArgumentException(((StatsKernel<?>) k).unboundedInputMessage());
      }
    }
  }

  private static Schema requireSchema(String name, PCollection<Row> rows) {
    if (!rows.hasSchema()) {
      throw new IllegalArgumentException("industryts: input \"" + name + "\" has no schema. "
          + "Attach one with setRowSchema(schema) or Create.of(rows).withRowSchema(schema).");
    }
    return rows.getSchema();
  }

  /** Plans each step's kernel for the layout produced by the previous one. */
  public static List<Kernel> plan(ChunkLayout input, SeriesOptions options, List<Step> steps) {
    return plan(input, options, steps, Map.of());
  }

  /**
   * As {@link #plan(ChunkLayout, SeriesOptions, List)}, with the schemas (as read) of the named
   * second inputs that join steps may read ({@link PlanContext#input(String)}).
   */
  public static List<Kernel> plan(ChunkLayout input, SeriesOptions options, List<Step> steps,
      Map<String, Schema> inputs) {
    List<Kernel> kernels = new ArrayList<>();
    ChunkLayout layout = input;
    Set<String> names = new HashSet<>();
    for (Step step : steps) {
      if (!names.add(step.name())) {
        throw new IllegalArgumentException("industryts: step name \"" + step.name()
            + "\" is used twice. Step names must be unique; set a distinct name.");
      }
      Kernel k = step.operation().plan(layout, new PlanContext(step.name(), options, inputs));
      kernels.add(k);
      layout = k.outputLayout();
    }
    return kernels;
  }

  /**
   * How {@link #run} will fuse {@code kernels} (planned by {@link #plan}) into passes over the
   * segments, one readable line per pass, for the launcher's {@code explain}: e.g. {@code "pass 2:
   * 4_outliers + 5_resample (context: statistics per series)"}.
   */
  public static List<String> describePasses(List<Kernel> kernels) {
    List<String> lines = new ArrayList<>();
    lines.add("segment: one shuffle by (series, time segment)"
        + (firstGrid(kernels, 0) != null ? ", edges on the " + firstGrid(kernels, 0) : ""));
    int index = 0;
    int from = 0;
    Grid aligned = firstGrid(kernels, 0);
    for (int i = 0; i <= kernels.size(); i++) {
      if (i < kernels.size() && !(kernels.get(i) instanceof AsofKernel)) {
        continue;
      }
      List<Kernel> stage = kernels.subList(from, i);
      index = describeStage(stage, aligned, index, lines);
      if (i < kernels.size()) {
        lines.add(AsofJoiner.describe((AsofKernel) kernels.get(i)));
        from = i + 1;
        aligned = alignmentAfter(stage, aligned); // a join keeps the segments as they are
      }
    }
    return lines;
  }

  /** The grid the segments are aligned to after {@link #runPasses} ran {@code kernels}. */
  private static Grid alignmentAfter(List<Kernel> kernels, Grid aligned) {
    Grid current = aligned;
    int done = 0;
    for (Pass pass : Pass.plan(kernels, aligned)) {
      if (pass.resegmentBefore) {
        current = firstGrid(kernels, done);
      }
      done += pass.kernels.size();
      current = pass.kernels.isEmpty() ? current
          : lastGridAlignment(pass, new SegmentPlanning(current));
    }
    return current;
  }

  private static int describeStage(List<Kernel> kernels, Grid aligned, int start,
      List<String> lines) {
    int index = start;
    for (Pass pass : Pass.plan(kernels, aligned)) {
      if (pass.resegmentBefore) {
        lines.add("re-segment: one shuffle (" + (pass.kernels.isEmpty() ? "restore series order"
            : "times changed or a new grid") + ")");
      }
      if (pass.kernels.isEmpty()) {
        continue;
      }
      index++;
      List<String> names = new ArrayList<>();
      for (Kernel k : pass.kernels) {
        names.add(k.stepName());
      }
      List<String> context = new ArrayList<>();
      if (pass.first() instanceof StatsKernel) {
        context.add("statistics per series");
      } else if (pass.first() instanceof CarryKernel) {
        context.add("carry from neighbouring segments");
      }
      if (pass.rowsBefore > 0 || pass.rowsAfter > 0) {
        context.add("halo " + pass.rowsBefore + " rows before, " + pass.rowsAfter + " after");
      }
      if (pass.millisBefore > 0 || pass.millisAfter > 0) {
        context.add("halo " + pass.millisBefore + " ms before, " + pass.millisAfter + " ms after");
      }
      if (pass.seriesInfo) {
        context.add("series first/last time");
      }
      lines.add("pass " + index + ": " + String.join(" + ", names)
          + (context.isEmpty() ? "" : " (context: " + String.join("; ", context) + ")"));
    }
    return index;
  }

  private static List<String> operationTypes(List<Step> steps) {
    List<String> out = new ArrayList<>();
    for (Step s : steps) {
      out.add(s.operation().typeName());
    }
    return out;
  }

  /** Runs planned kernels over segments, fusing consecutive kernels into passes. */
  public static Result run(Segments segments, List<Kernel> kernels) {
    List<String> types = new ArrayList<>();
    for (Kernel k : kernels) {
      types.add(k.stepName());
    }
    return run(segments, kernels, types);
  }

  /** As {@link #run(Segments, List)}, naming each kernel's operation type in error records. */
  public static Result run(Segments segments, List<Kernel> kernels, List<String> operationTypes) {
    return run(segments, kernels, operationTypes, Map.of());
  }

  /**
   * As {@link #run(Segments, List, List)}, with the right input of every {@link AsofKernel}: chunks
   * in the kernel's {@link AsofKernel#rightLayout()}, by step name. The kernels between two joins
   * run as usual; each join is its own stage ({@link AsofJoiner}).
   *
   * @throws IllegalArgumentException if a join step has no right chunks
   */
  public static Result run(Segments segments, List<Kernel> kernels, List<String> operationTypes,
      Map<String, PCollection<Chunk>> rightChunks) {
    Segments current = segments;
    PCollectionList<Row> errors = PCollectionList.empty(segments.plans().getPipeline());
    int from = 0;
    int stage = 0;
    for (int i = 0; i <= kernels.size(); i++) {
      if (i < kernels.size() && !(kernels.get(i) instanceof AsofKernel)) {
        continue;
      }
      if (i > from || (i == kernels.size() && from == 0)) {
        Result r = runPasses(stage == 0 ? "" : "AfterJoin" + stage + "/", current,
            kernels.subList(from, i), operationTypes.subList(from, i));
        current = r.segments();
        errors = errors.and(r.errors());
      }
      if (i < kernels.size()) {
        AsofKernel join = (AsofKernel) kernels.get(i);
        PCollection<Chunk> right = rightChunks.get(join.stepName());
        if (right == null) {
          throw new IllegalArgumentException(join.stepName() + ": input \"" + join.rightInput()
              + "\" was not supplied. Bind it (AsofJoin.with(rows), TimeSeriesPipeline"
              + ".withInput) or register it ([inputs." + join.rightInput() + "] / --input "
              + join.rightInput() + "=PATH).");
        }
        current = AsofJoiner.join("Join" + (++stage) + join.stepName(), current, join, right);
        from = i + 1;
      }
    }
    PCollection<Row> all = errors.size() == 0
        ? segments.plans().getPipeline().apply("NoErrors", Create.empty(ErrorRecords.SCHEMA))
        : errors.size() == 1 ? errors.get(0)
        : errors.apply("AllStepErrors", Flatten.pCollections()).setRowSchema(ErrorRecords.SCHEMA);
    return new Result(current, all);
  }

  private static Result runPasses(String prefix, Segments segments, List<Kernel> kernels,
      List<String> operationTypes) {
    List<Pass> passes = Pass.plan(kernels, segments.planning().alignedTo);
    EngineOptions options =
        EngineOptions.forPipeline(segments.plans().getPipeline().getOptions());
    // series that fit in one segment run every pass in one step, unless a pass fits over all series
    boolean wholeRoute = segments.whole() != null && options.wholeSeries()
        && passes.stream().noneMatch(p -> !p.kernels.isEmpty() && PassRunner.globalGroup(p));
    Segments current = wholeRoute ? segments.withoutWhole() : segments;
    List<List<String>> passOperations = new ArrayList<>();
    List<Grid> passGrids = new ArrayList<>();
    int planned = 0;
    for (Pass pass : passes) {
      passOperations.add(new ArrayList<>(
          operationTypes.subList(planned, planned + pass.kernels.size())));
      passGrids.add(pass.resegmentBefore ? firstGrid(kernels, planned) : null);
      planned += pass.kernels.size();
    }
    // with every series held apart there are no segments for the passes: no stages for them
    boolean passStages = !wholeRoute || segments.split() != null;
    PCollectionList<Row> errors = PCollectionList.empty(segments.plans().getPipeline());
    // the series' plans keyed per series and as one group, made once per segmentation and layout
    PCollection<KV<Row, Part>> seriesPlans = null;
    PCollection<KV<Row, Part>> globalPlans = null;
    ChunkLayout plansLayout = null;
    PassRunner.Prepared prepared = null;
    int index = 0;
    int done = 0;
    for (int p = 0; p < passes.size() && passStages; p++) {
      Pass pass = passes.get(p);
      index++;
      if (pass.resegmentBefore) {
        PCollection<Chunk> chunks = current.collection()
            .apply(prefix + "Unkey" + index, Values.create()).setCoder(ChunkCoder.of(current.layout()));
        current = Segmenter.segment(prefix + "Resegment" + index, chunks, current.layout(),
            firstGrid(kernels, done), options);
        seriesPlans = null;
        globalPlans = null;
      }
      if (pass.kernels.isEmpty()) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (Kernel k : pass.kernels) {
        names.add(k.stepName());
      }
      String name = prefix + "Pass" + index + String.join("+", names);
      PCollection<KV<Row, Part>> planGroups = null;
      if (pass.needsSummary()) {
        // plans are flattened with this pass's summaries, whose coder follows the current layout
        // (Flink unions only equal coders): re-key them when a pass before changed the layout
        if (!current.layout().equals(plansLayout)) {
          seriesPlans = null;
          globalPlans = null;
          plansLayout = current.layout();
        }
        if (PassRunner.globalGroup(pass)) {
          globalPlans = globalPlans != null ? globalPlans
              : PassRunner.planGroups(prefix + "PlanGroups" + index, current, true);
          planGroups = globalPlans;
        } else {
          seriesPlans = seriesPlans != null ? seriesPlans
              : PassRunner.planGroups(prefix + "PlanGroups" + index, current, false);
          planGroups = seriesPlans;
        }
      }
      // the next pass's input is emitted ready for its context join when it reads this output
      Pass next = p + 1 < passes.size() && !passes.get(p + 1).resegmentBefore
          && !passes.get(p + 1).kernels.isEmpty() && passes.get(p + 1).needsSummary()
          ? passes.get(p + 1) : null;
      PCollectionTuple out = PassRunner.run(name, current, pass,
          new ArrayList<>(operationTypes.subList(done, done + pass.kernels.size())), planGroups,
          prepared != null && prepared.pass == pass ? prepared : null, next);
      done += pass.kernels.size();
      ChunkLayout layout = pass.kernels.get(pass.kernels.size() - 1).outputLayout();
      current = current.next(out.get(PassRunner.MAIN), layout,
          new SegmentPlanning(lastGridAlignment(pass, current.planning())));
      prepared = next == null ? null : new PassRunner.Prepared(next,
          out.get(PassRunner.NEXT_PARTS), out.get(PassRunner.NEXT_SUMMARIES));
      errors = errors.and(out.get(PassRunner.ERRORS));
    }
    if (wholeRoute) {
      ChunkLayout layout = kernels.isEmpty() ? segments.layout()
          : kernels.get(kernels.size() - 1).outputLayout();
      PCollectionTuple whole = segments.whole().apply(prefix + "WholeSeries",
          ParDo.of(new PassRunner.WholeSeriesFn(passes, passOperations, passGrids,
                  segments.planning().alignedTo, segments.segmentRows()))
              .withOutputTags(PassRunner.MAIN, TupleTagList.of(PassRunner.ERRORS)));
      KvCoder<KV<Row, Long>, Chunk> coder = KvCoder.of(
          KvCoder.of(RowCoder.of(layout.keySchema()), VarLongCoder.of()), ChunkCoder.of(layout));
      whole.get(PassRunner.ERRORS).setRowSchema(ErrorRecords.SCHEMA);
      PCollection<KV<KV<Row, Long>, Chunk>> wholeOut = whole.get(PassRunner.MAIN).setCoder(coder);
      PCollection<KV<KV<Row, Long>, Chunk>> all = !passStages ? wholeOut
          : PCollectionList.of(current.collection()).and(wholeOut)
              .apply(prefix + "WithWholeSeries", Flatten.pCollections())
              .setCoder(coder);
      current = current.next(all, layout, new SegmentPlanning(
          alignmentAfter(kernels, segments.planning().alignedTo)));
      errors = errors.and(whole.get(PassRunner.ERRORS));
    }
    PCollection<Row> allErrors = errors.size() == 0
        ? segments.plans().getPipeline().apply(prefix + "NoErrors",
            Create.empty(ErrorRecords.SCHEMA))
        : errors.apply(prefix + "StepErrors", Flatten.pCollections()).setRowSchema(ErrorRecords.SCHEMA);
    return new Result(current, allErrors);
  }

  private static Grid lastGridAlignment(Pass pass, SegmentPlanning before) {
    for (Kernel k : pass.kernels) {
      if (k.context().grid() != null || k.context().changesTime()) {
        return null;
      }
    }
    return before.alignedTo;
  }

  /**
   * Applies planned {@code kernels} to one whole, time-sorted series held in memory, as a single
   * segment (no pipeline): statistics are fitted on the series, there is no halo or carry. The first
   * bad row throws {@link BadRowException}.
   */
  public static Chunk runInMemory(Chunk series, List<Kernel> kernels) {
    return InMemorySeries.run(series, kernels);
  }

  /**
   * The rows of the segments, each with its time field (plus the layout's element-time offset) as
   * element timestamp.
   */
  public static PCollection<Row> toRows(Segments segments) {
    return segments.collection()
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
      throw new BadRowException(ErrorRecords.describe(error));
    }
  }

  /** A bad row met where no errors output is attached; the message says what and where. */
  public static final class BadRowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRowException(String message) {
      super(message);
    }
  }
}
