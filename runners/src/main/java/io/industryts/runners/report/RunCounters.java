package io.industryts.runners.report;

import io.industryts.io.DeadLetters;
import io.industryts.io.FileOutput;

/**
 * Names of the counters the launcher adds to a job's pipeline (namespace {@code industryts}),
 * besides the engine's per-step counters: what enters and leaves the pipeline, so the run summary
 * and the job report can check that the numbers add up. They live here, beside the report that
 * shows them, so the launcher's pipeline and the report name them from one place without the report
 * depending on the launcher.
 *
 * <pre>{@code
 * long read = counters.getOrDefault(RunCounters.ROWS_READ, 0L);
 * }</pre>
 */
public final class RunCounters {
  /** Counter: good rows the reader produced. */
  public static final String ROWS_READ = "launcher.rows_read";

  /** Counter: input lines the reader rejected (unparseable time, non-numeric cell, ...). */
  public static final String READ_ERRORS = "launcher.read_errors";

  /** Counter: rows of the final result, counted by the writer (each output file holds all). */
  public static final String ROWS_WRITTEN = FileOutput.ROWS_WRITTEN_COUNTER;

  /** Counter: error records written to the dead-letter file, from the reader and from steps. */
  public static final String DEAD_LETTERED = DeadLetters.RECORDS_WRITTEN_COUNTER;

  private RunCounters() {}
}
