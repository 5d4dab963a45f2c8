/**
 * The chunk engine (ARCHITECTURE §2): columnar {@link io.industryts.engine.spi.Chunk}s of one
 * series, kernels that declare their context ({@link io.industryts.engine.spi.ContextSpec}, and
 * their typed carry or statistics by the interface they implement), and the {@code ExecutionPlan}
 * compiled once from them: segmentation of each series into time segments, passes of fused kernels
 * with the context each needs (halos, carries, fitted statistics, series facts), re-segmentations
 * and as-of joins. The plan runs on a Beam runner ({@code PipelineExecutor}) or on series held in
 * memory ({@code InMemoryExecutor}); {@link io.industryts.engine.EngineTuningOptions} tunes it.
 *
 * <p>Package layering (no cycle): {@code io.industryts.ops} → {@code io.industryts} (the user API:
 * {@code TimeSeriesTransform}, {@code TimeSeriesPipeline}) → {@code io.industryts.engine} (plan and
 * executors) → {@code io.industryts.engine.spi} (what an operation implements and a kernel sees).
 * Public here: the composites a launcher applies ({@link io.industryts.engine.RunPlan} returning
 * {@link io.industryts.engine.PlanResult}), the Rows entry points and step type ({@link
 * io.industryts.engine.Engine}), the tuning options, and what the other library modules and
 * operations need ({@link io.industryts.engine.ChunkCoder} for readers and writers, {@link
 * io.industryts.engine.KeyGroups} for groupings, {@link io.industryts.engine.AsofKernel} for the
 * as-of join operation). Planning and execution classes are package-private.
 */
package io.industryts.engine;
