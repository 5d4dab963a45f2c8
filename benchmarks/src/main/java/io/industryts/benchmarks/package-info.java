/**
 * Benchmark programs run by hand (never as timed tests), e.g. {@link
 * io.industryts.benchmarks.StreamingThroughput}: the streaming executor's rows per second beside a
 * per-element stateful {@code DoFn} and the batch run of the same rows.
 */
package io.industryts.benchmarks;
