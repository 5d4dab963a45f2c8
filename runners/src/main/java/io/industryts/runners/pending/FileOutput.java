package io.industryts.runners.pending;

import io.industryts.engine.Chunk;
import io.industryts.engine.ChunkLayout;
import java.util.List;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/** Stand-in for {@code io.industryts.io.FileOutput}: one output file, format by extension. */
public final class FileOutput {
  private FileOutput() {}

  public static FileOutput to(String path) {
    return new FileOutput();
  }

  /** A copy writing CSV times with this {@code java.time} pattern (UTC). */
  public FileOutput withCsvTimeFormat(String pattern) {
    return this;
  }

  /** A copy writing CSV with this delimiter. */
  public FileOutput withCsvDelimiter(char delimiter) {
    return this;
  }

  /** Writes {@code segments} to every output; returns the written paths. */
  public static PCollection<String> writeAll(PCollection<KV<KV<Row, Long>, Chunk>> segments,
      ChunkLayout layout, List<FileOutput> outputs) {
    throw Pending.notYet("the file writer (io.industryts.io.FileOutput)");
  }
}
