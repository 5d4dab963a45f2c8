/**
 * The kernel SPI, owned by the engine: what an operation implements so the engine can plan it
 * ({@link io.industryts.engine.spi.Operation}, {@link io.industryts.engine.spi.JoinOperation}),
 * what it plans with ({@link io.industryts.engine.spi.PlanContext}, {@link
 * io.industryts.engine.spi.SeriesOptions}, {@link io.industryts.engine.spi.TimeColumn}, {@link
 * io.industryts.engine.spi.ChunkLayout}), what it returns ({@link io.industryts.engine.spi.Kernel}
 * and its carry and statistics refinements {@link io.industryts.engine.spi.CarryKernel}, {@link
 * io.industryts.engine.spi.BidirectionalCarryKernel}, {@link
 * io.industryts.engine.spi.StatsKernel}), what a kernel sees ({@link
 * io.industryts.engine.spi.Chunk} with its typed columns, {@link
 * io.industryts.engine.spi.KernelContext}, {@link io.industryts.engine.spi.ContextSpec}, {@link
 * io.industryts.engine.spi.Grid}) and the errors output's schema ({@link
 * io.industryts.engine.spi.ErrorRecords}).
 *
 * <p>This package depends on no other {@code io.industryts} package, so the engine, the user API in
 * {@code io.industryts} and the operations in {@code io.industryts.ops} all build on it without a
 * cycle. A user applying operations never needs to import it; an author of a new operation does.
 */
package io.industryts.engine.spi;
