/**
 * The {@code industryts} launcher: the command line ({@link io.industryts.runners.Main}), the
 * wiring of a TOML job into a Beam pipeline ({@link io.industryts.runners.JobPipeline}), runner
 * selection and tuning, the end-of-run summary from Beam metrics, and the benchmark command.
 */
package io.industryts.runners;
