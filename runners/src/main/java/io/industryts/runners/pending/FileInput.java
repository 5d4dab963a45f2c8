package io.industryts.runners.pending;

import io.industryts.SeriesOptions;
import io.industryts.TimeColumn;
import io.industryts.engine.Chunk;
import io.industryts.engine.ChunkLayout;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Stand-in for {@code io.industryts.io.FileInput}: a file input inspected at construction (header or
 * file schema, time column, layout) and read into chunks plus error records.
 */
public final class FileInput {
  private FileInput() {}

  /** Inspects the files of {@code input} (path or glob) under the job's series and time settings. */
  public static FileInput of(InputConfig input, SeriesOptions options, TimeSettings time) {
    throw Pending.notYet("the file reader (io.industryts.io.FileInput)");
  }

  /** The schema as read (inferred CSV types, or the file's schema). */
  public Schema schema() {
    throw Pending.notYet("FileInput");
  }

  public TimeColumn timeColumn() {
    throw Pending.notYet("FileInput");
  }

  public ChunkLayout layout() {
    throw Pending.notYet("FileInput");
  }

  /** Applies the read: chunks of the input plus its error records. */
  public Read read(Pipeline pipeline, String stepName) {
    throw Pending.notYet("FileInput");
  }

  /** What {@link #read} produces. */
  public static final class Read {
    public PCollection<Chunk> chunks() {
      throw Pending.notYet("FileInput");
    }

    /** Rows with {@code io.industryts.ErrorRecords#SCHEMA}. */
    public PCollection<Row> errors() {
      throw Pending.notYet("FileInput");
    }
  }
}
