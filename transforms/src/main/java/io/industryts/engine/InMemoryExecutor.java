package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * Runs the stages of an {@link ExecutionPlan} on series held in memory, one series as one segment:
 * each pass's context is built from the segment alone, exactly as the pipeline builds it for a
 * series with one segment ({@link PassRunner#contexts}), so both give the same rows; a
 * re-segmentation becomes a sort, with the series' plan recomputed for the next grid. It also runs
 * one pass on one segment for the pipeline ({@link #runPass}), so every executor applies kernels
 * the same way.
 *
 * <p>Used by the pipeline for series that fit in one segment (the whole-series route) and by {@link
 * Engine#runInMemory} (no pipeline).
 */
final class InMemoryExecutor {
  private InMemoryExecutor() {}

  /** A series after the stages: its (series, segment) key and its rows; null when it emptied. */
  static KV<KV<Row, Long>, Chunk> run(
      List<ExecutionPlan.Stage> stages,
      KV<Row, Long> key,
      Chunk series,
      Grid alignedTo,
      int segmentRows,
      StageContext.Sink sink) {
    KV<Row, Long> current = key;
    Chunk data = series;
    SeriesPlan plan = Segmenter.plan(stats(data), alignedTo, segmentRows);
    for (ExecutionPlan.Stage stage : stages) {
      if (stage instanceof ExecutionPlan.ResegmentStage) {
        data = data.sorted();
        if (data.size() == 0) {
          return null; // as the segmenter drops empty chunks
        }
        plan =
            Segmenter.plan(stats(data), ((ExecutionPlan.ResegmentStage) stage).grid(), segmentRows);
        current = KV.of(current.getKey(), plan.segmentOf(data.times()[0]));
      } else if (stage instanceof Pass) {
        Pass pass = (Pass) stage;
        SegmentContext context = null;
        if (pass.needsSummary()) {
          // the series is the one segment: no neighbour reads its halo rows or its carry
          SegmentSummary summary =
              (SegmentSummary)
                  PassRunner.summarize(pass, false, current, data, false).getValue().fact;
          Serializable stats =
              pass.recipe.fitsStatistics()
                  ? PassRunner.seriesStats((StatsKernel<?>) pass.first(), List.of(summary))
                  : null;
          context = PassRunner.contexts(pass, new SegmentSummary[] {summary}, plan, stats)[0];
        }
        data = runPass(pass, data, context, sink);
      } else {
        throw new IllegalArgumentException(
            "industryts: a "
                + stage.getClass().getSimpleName()
                + " stage cannot run on a series held in memory");
      }
    }
    return KV.of(current, data);
  }

  /**
   * Applies {@code plan} to one whole, time-sorted series as a single segment; the first bad row
   * throws {@link io.industryts.errors.BadRowException}.
   */
  static Chunk run(ExecutionPlan plan, Chunk series) {
    KV<KV<Row, Long>, Chunk> out =
        run(
            plan.stagesAfterSegmenting(),
            KV.of(null, 0L),
            series,
            plan.segmentGrid(),
            Integer.MAX_VALUE,
            StageContext.FAIL_ON_BAD_ROWS);
    return out == null ? Chunk.empty(plan.outputLayout(), series.key()) : out.getValue();
  }

  /**
   * Runs the kernels of {@code pass} on one segment with its context (null when the pass needs
   * none): halo rows are put around the segment, counted out of {@code rows_in}/{@code rows_out},
   * and dropped from the result.
   */
  static Chunk runPass(Pass pass, Chunk segment, SegmentContext context, StageContext.Sink sink) {
    StageContext ctx = new StageContext(sink, context);
    // origins no kernel of the plan will read are dropped before any copy of the rows
    boolean origins = pass.dropOriginsAt > 0;
    Chunk data = origins ? segment : segment.withoutOrigins();
    if (context != null && (context.haloBefore != null || context.haloAfter != null)) {
      List<Chunk> parts = new ArrayList<>(3);
      if (context.haloBefore != null) {
        parts.add(origins ? context.haloBefore : context.haloBefore.withoutOrigins());
        ctx.haloBefore = context.haloBefore.size();
      }
      parts.add(data);
      if (context.haloAfter != null) {
        parts.add(origins ? context.haloAfter : context.haloAfter.withoutOrigins());
        ctx.haloAfter = context.haloAfter.size();
      }
      data = Chunk.concat(parts);
    }
    for (int i = 0; i < pass.kernels.size(); i++) {
      if (i == pass.dropOriginsAt) {
        data = data.withoutOrigins();
      }
      Kernel k = pass.kernels.get(i);
      ctx.kernel = k;
      ctx.operation = pass.operations.get(i);
      sink.count(k.stepName(), "rows_in", data.size() - ctx.haloBefore - ctx.haloAfter);
      data = k.apply(data, ctx);
      if (!k.context().rowPreserving()) {
        ctx.haloBefore = 0;
        ctx.haloAfter = 0;
      }
      sink.count(k.stepName(), "rows_out", data.size() - ctx.haloBefore - ctx.haloAfter);
    }
    if (pass.dropOriginsAt == pass.kernels.size()) {
      data = data.withoutOrigins();
    }
    if (ctx.haloBefore > 0 || ctx.haloAfter > 0) {
      data = data.slice(ctx.haloBefore, data.size() - ctx.haloAfter);
    }
    return data;
  }

  private static SeriesStats stats(Chunk c) {
    SeriesStats s = new SeriesStats();
    s.add(c.times());
    return s;
  }
}
