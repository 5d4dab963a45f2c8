/**
 * The chunk engine (ARCHITECTURE §2): columnar {@link io.industryts.engine.spi.Chunk}s of one
 * series, kernels that declare their context ({@link io.industryts.engine.spi.ContextSpec}, and
 * their typed carry or statistics by the interface they implement), and the {@link
 * io.industryts.engine.ExecutionPlan} compiled once from them: segmentation of each series into
 * time segments, passes of fused kernels with the context each needs (halos, carries, fitted
 * statistics, series facts), re-segmentations and as-of joins. The plan runs on a Beam runner
 * ({@code PipelineExecutor}) or on series held in memory ({@code InMemoryExecutor}); {@link
 * io.industryts.engine.EngineTuningOptions} tunes it.
 *
 * <p>Package layering (no cycle): {@code io.industryts.ops} → {@code io.industryts} (the user API:
 * {@code TimeSeriesTransform}, {@code TimeSeriesPipeline}) → {@code io.industryts.engine} (plan and
 * executors) → {@code io.industryts.engine.spi} (what an operation implements and a kernel sees).
 * Only the composites users apply and the coders and tuning options other modules need are public
 * here; planning and execution classes are package-private.
 */
package io.industryts.engine;
