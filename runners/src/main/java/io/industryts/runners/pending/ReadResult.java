package io.industryts.runners.pending;

import io.industryts.engine.Chunk;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** Stand-in for {@code io.industryts.io.ReadResult}. */
public final class ReadResult {
  private ReadResult() {}

  public PCollection<Chunk> chunks() {
    throw Pending.notYet("ReadResult");
  }

  /** Rows with {@code io.industryts.ErrorRecords#SCHEMA}. */
  public PCollection<Row> errors() {
    throw Pending.notYet("ReadResult");
  }
}
