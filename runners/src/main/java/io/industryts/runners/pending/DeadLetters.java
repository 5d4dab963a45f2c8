package io.industryts.runners.pending;

import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** Stand-in for {@code io.industryts.io.DeadLetters}. */
public final class DeadLetters {
  private DeadLetters() {}

  /** Writes error records to {@code path} ({@code .csv} or {@code .jsonl}). */
  public static PCollection<String> write(PCollection<Row> errors, String path) {
    throw Pending.notYet("the dead-letter writer (io.industryts.io.DeadLetters)");
  }
}
