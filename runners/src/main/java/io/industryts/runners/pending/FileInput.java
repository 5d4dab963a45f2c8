package io.industryts.runners.pending;

import io.industryts.SeriesOptions;
import io.industryts.TimeColumn;
import io.industryts.engine.ChunkLayout;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * Stand-in for {@code io.industryts.io.FileInput}: a file input inspected on demand (header or
 * file schema, time column, layout) and read into chunks plus error records.
 */
public final class FileInput {
  /** File formats. */
  public enum Format { CSV, PARQUET, ARROW }

  private FileInput() {}

  public static FileInput of(String pathOrGlob) {
    return new FileInput();
  }

  public FileInput withFormat(Format format) {
    return this;
  }

  public FileInput withDelimiter(char delimiter) {
    return this;
  }

  public FileInput withTypes(Map<String, FieldType> columnTypes) {
    return this;
  }

  public FileInput withNanAsNull(boolean nanAsNull) {
    return this;
  }

  public FileInput withSeriesOptions(SeriesOptions options) {
    return this;
  }

  public FileInput withTimeParser(TimeParser parser) {
    return this;
  }

  public Schema schema() {
    throw Pending.notYet("the file reader (io.industryts.io.FileInput)");
  }

  public ChunkLayout layout() {
    throw Pending.notYet("the file reader (io.industryts.io.FileInput)");
  }

  public TimeColumn timeColumn() {
    throw Pending.notYet("the file reader (io.industryts.io.FileInput)");
  }

  public ReadResult read(Pipeline pipeline) {
    throw Pending.notYet("the file reader (io.industryts.io.FileInput)");
  }
}
