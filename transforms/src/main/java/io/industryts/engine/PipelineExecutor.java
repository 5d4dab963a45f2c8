package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import io.industryts.engine.spi.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Runs an {@link ExecutionPlan} on a Beam runner, stage by stage, after its {@link
 * ExecutionPlan.SegmentStage} (done by {@link Engine#segment}): each pass becomes {@link
 * PassRunner}'s transforms, each re-segmentation a {@link Segmenter} shuffle, each join {@link
 * AsofJoiner}'s. The stages between two joins form a section; the series of a section's input that
 * fit in one segment run the whole section in one step ({@link InMemoryExecutor}) unless a pass of
 * the section fits statistics over all series.
 */
final class PipelineExecutor {
  private PipelineExecutor() {}

  /**
   * Runs the stages after the first segmentation on {@code segments}; {@code rightChunks} holds the
   * right input of every join, by step name.
   *
   * @throws IllegalArgumentException if a join step has no right chunks
   */
  static Engine.Result run(
      Segments segments,
      ExecutionPlan plan,
      Map<String, PCollection<Chunk>> rightChunks,
      EngineOptions options) {
    Segments current = segments;
    PCollectionList<Row> errors = PCollectionList.empty(segments.plans().getPipeline());
    List<ExecutionPlan.Stage> section = new ArrayList<>();
    int joins = 0;
    List<ExecutionPlan.Stage> stages = plan.stagesAfterSegmenting();
    for (int i = 0; i <= stages.size(); i++) {
      ExecutionPlan.Stage stage = i < stages.size() ? stages.get(i) : null;
      if (stage != null && !(stage instanceof ExecutionPlan.JoinStage)) {
        section.add(stage);
        continue;
      }
      // a plan without stages still runs its (empty) section: the held-apart series rejoin
      if (!section.isEmpty() || stages.isEmpty()) {
        Engine.Result r =
            runSection(joins == 0 ? "" : "AfterJoin" + joins + "/", current, section, options);
        current = r.segments();
        errors = errors.and(r.errors());
        section = new ArrayList<>();
      }
      if (stage != null) {
        AsofKernel join = ((ExecutionPlan.JoinStage) stage).kernel();
        PCollection<Chunk> right = rightChunks.get(join.stepName());
        if (right == null) {
          throw new IllegalArgumentException(
              join.stepName()
                  + ": input \""
                  + join.rightInput()
                  + "\" was not supplied. Bind it (AsofJoin.with(rows), TimeSeriesPipeline"
                  + ".withInput) or register it ([inputs."
                  + join.rightInput()
                  + "] / --input "
                  + join.rightInput()
                  + "=PATH).");
        }
        current = AsofJoiner.join("Join" + (++joins) + join.stepName(), current, join, right);
      }
    }
    PCollection<Row> all =
        errors.size() == 0
            ? segments.plans().getPipeline().apply("NoErrors", Create.empty(ErrorRecords.SCHEMA))
            : errors.size() == 1
                ? errors.get(0)
                : errors
                    .apply("AllStepErrors", Flatten.pCollections())
                    .setRowSchema(ErrorRecords.SCHEMA);
    return new Engine.Result(current, all);
  }

  /** Runs the pass and re-segment stages between two joins. */
  private static Engine.Result runSection(
      String prefix, Segments segments, List<ExecutionPlan.Stage> section, EngineOptions options) {
    // series that fit in one segment run every stage in one step, unless a pass fits over all
    // series
    boolean wholeRoute =
        segments.whole() != null
            && options.wholeSeries()
            && section.stream().noneMatch(s -> s instanceof Pass && ((Pass) s).globalGroup());
    // with every series held apart there are no segments for the passes: no stages for them
    boolean passStages = !wholeRoute || segments.split() != null;
    Segments current = wholeRoute ? segments.withoutWhole() : segments;
    PCollectionList<Row> errors = PCollectionList.empty(segments.plans().getPipeline());
    if (passStages) {
      PassStages passes = new PassStages(prefix, options, errors);
      for (int s = 0; s < section.size(); s++) {
        ExecutionPlan.Stage stage = section.get(s);
        if (stage instanceof ExecutionPlan.ResegmentStage) {
          current = passes.resegment(current, (ExecutionPlan.ResegmentStage) stage);
        } else {
          // the next pass's input is emitted ready for its context join when it reads this output
          ExecutionPlan.Stage after = s + 1 < section.size() ? section.get(s + 1) : null;
          Pass next = after instanceof Pass && ((Pass) after).needsSummary() ? (Pass) after : null;
          current = passes.pass(current, (Pass) stage, next);
        }
      }
      errors = passes.errors;
    }
    if (wholeRoute) {
      Grid alignedAfter = ExecutionPlan.alignmentAfter(section, segments.planning().alignedTo);
      ChunkLayout layout = segments.layout();
      for (ExecutionPlan.Stage stage : section) {
        layout = stage instanceof Pass ? ((Pass) stage).outputLayout() : layout;
      }
      PCollectionTuple whole =
          segments
              .whole()
              .apply(
                  prefix + "WholeSeries",
                  ParDo.of(
                          new PassRunner.WholeSeriesFn(
                              section, segments.planning().alignedTo, segments.segmentRows()))
                      .withOutputTags(PassRunner.MAIN, TupleTagList.of(PassRunner.ERRORS)));
      KvCoder<KV<Row, Long>, Chunk> coder =
          KvCoder.of(
              KvCoder.of(RowCoder.of(layout.keySchema()), VarLongCoder.of()),
              ChunkCoder.of(layout));
      whole.get(PassRunner.ERRORS).setRowSchema(ErrorRecords.SCHEMA);
      PCollection<KV<KV<Row, Long>, Chunk>> wholeOut = whole.get(PassRunner.MAIN).setCoder(coder);
      PCollection<KV<KV<Row, Long>, Chunk>> all =
          !passStages
              ? wholeOut
              : PCollectionList.of(current.collection())
                  .and(wholeOut)
                  .apply(prefix + "WithWholeSeries", Flatten.pCollections())
                  .setCoder(coder);
      current = current.next(all, layout, new SegmentPlanning(alignedAfter));
      errors = errors.and(whole.get(PassRunner.ERRORS));
    }
    // one errors output is used as it is: a Flatten of one input would be a step that copies it
    PCollection<Row> allErrors =
        errors.size() == 0
            ? segments
                .plans()
                .getPipeline()
                .apply(prefix + "NoErrors", Create.empty(ErrorRecords.SCHEMA))
            : errors.size() == 1
                ? errors.get(0)
                : errors
                    .apply(prefix + "StepErrors", Flatten.pCollections())
                    .setRowSchema(ErrorRecords.SCHEMA);
    return new Engine.Result(current, allErrors);
  }

  /**
   * The transforms of a section's pass and re-segment stages, applied one after the other; keeps
   * what consecutive stages share (the series' plans keyed for a context join, a pass input
   * prepared by the pass before) and the errors of every pass.
   */
  private static final class PassStages {
    private final String prefix;
    private final EngineOptions options;
    private PCollectionList<Row> errors;

    /**
     * The series' plans keyed per series and as one group, made once per segmentation and layout.
     */
    private PCollection<KV<Row, Part>> seriesPlans;

    private PCollection<KV<Row, Part>> globalPlans;
    private ChunkLayout plansLayout;
    private PassRunner.Prepared prepared;

    /** Stage number in transform names: a re-segmentation and the pass after it share one. */
    private int index;

    private boolean resegmented;

    PassStages(String prefix, EngineOptions options, PCollectionList<Row> errors) {
      this.prefix = prefix;
      this.options = options;
      this.errors = errors;
    }

    Segments resegment(Segments in, ExecutionPlan.ResegmentStage stage) {
      index++;
      resegmented = true;
      PCollection<Chunk> chunks =
          in.collection()
              .apply(prefix + "Unkey" + index, Values.create())
              .setCoder(ChunkCoder.of(in.layout()));
      seriesPlans = null;
      globalPlans = null;
      return Segmenter.segment(
          prefix + "Resegment" + index, chunks, in.layout(), stage.grid(), options);
    }

    Segments pass(Segments in, Pass pass, Pass next) {
      if (!resegmented) {
        index++;
      }
      resegmented = false;
      String name = prefix + "Pass" + index + pass.stepNames();
      PCollection<KV<Row, Part>> planGroups = null;
      if (pass.needsSummary()) {
        // plans are flattened with this pass's summaries, whose coder follows the current layout
        // (Flink unions only equal coders): re-key them when a pass before changed the layout
        if (!in.layout().equals(plansLayout)) {
          seriesPlans = null;
          globalPlans = null;
          plansLayout = in.layout();
        }
        if (pass.globalGroup()) {
          globalPlans =
              globalPlans != null
                  ? globalPlans
                  : PassRunner.planGroups(prefix + "PlanGroups" + index, in, true);
          planGroups = globalPlans;
        } else {
          seriesPlans =
              seriesPlans != null
                  ? seriesPlans
                  : PassRunner.planGroups(prefix + "PlanGroups" + index, in, false);
          planGroups = seriesPlans;
        }
      }
      PCollectionTuple out =
          PassRunner.run(
              name,
              in,
              pass,
              planGroups,
              prepared != null && prepared.pass == pass ? prepared : null,
              next);
      prepared =
          next == null
              ? null
              : new PassRunner.Prepared(
                  next, out.get(PassRunner.NEXT_PARTS), out.get(PassRunner.NEXT_SUMMARIES));
      errors = errors.and(out.get(PassRunner.ERRORS));
      return in.next(
          out.get(PassRunner.MAIN), pass.outputLayout(), new SegmentPlanning(pass.alignedAfter));
    }
  }
}
