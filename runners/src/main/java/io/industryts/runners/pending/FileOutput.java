package io.industryts.runners.pending;

import io.industryts.engine.Chunk;
import io.industryts.engine.ChunkLayout;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** Stand-in for {@code io.industryts.io.FileOutput}: one output file, format by extension. */
public final class FileOutput {
  private FileOutput() {}

  public static FileOutput to(String path) {
    throw Pending.notYet("the file writer (io.industryts.io.FileOutput)");
  }

  /** A copy writing CSV times with this {@code java.time} pattern (UTC). */
  public FileOutput withTimeFormat(String pattern) {
    throw Pending.notYet("FileOutput");
  }

  /** A copy writing CSV with this delimiter. */
  public FileOutput withDelimiter(String delimiter) {
    throw Pending.notYet("FileOutput");
  }

  public void write(PCollection<KV<KV<Row, Long>, Chunk>> segments, ChunkLayout layout) {
    throw Pending.notYet("FileOutput");
  }
}
