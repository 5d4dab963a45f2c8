/**
 * TOML job files to validated configuration to operations (ARCHITECTURE §4): {@link
 * io.industryts.config.JobConfig} loads and validates a file, reporting every problem with its
 * position; {@link io.industryts.config.OperationRegistry} finds the {@link
 * io.industryts.config.OperationProvider}s (one per operation, via {@code ServiceLoader}), whose
 * {@link io.industryts.config.OperationDescription}s are the single source of truth for keys,
 * types, defaults and allowed values; {@link io.industryts.config.IndustryPipeline} turns a job
 * into one composite {@link io.industryts.TimeSeriesPipeline}.
 */
package io.industryts.config;
