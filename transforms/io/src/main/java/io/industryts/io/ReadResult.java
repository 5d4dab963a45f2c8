package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * What {@link FileInput} produces: the rows as chunks, and the rows that could not be read.
 *
 * <ul>
 *   <li>{@link #chunks()}: each chunk holds rows of one series (equal key values), in file order,
 *       not sorted by time; its element timestamp is the smallest time in it. Coder {@code
 *       ChunkCoder.of(layout())}. Each row's {@code seq} is its input order (SEMANTICS §1.4).
 *   <li>{@link #errors()}: one {@link io.industryts.engine.spi.ErrorRecords#SCHEMA} row per bad
 *       input row (SEMANTICS §2.7), step and operation {@code "read"}.
 *   <li>{@link #rows()}: the same rows as Beam Rows, for pipelines without the engine.
 * </ul>
 */
public final class ReadResult implements POutput {
  private final Pipeline pipeline;
  private final TupleTag<Chunk> chunksTag;
  private final PCollection<Chunk> chunks;
  private final TupleTag<Row> errorsTag;
  private final PCollection<Row> errors;
  private final ChunkLayout layout;
  private PCollection<Row> rows;

  ReadResult(
      Pipeline pipeline,
      TupleTag<Chunk> chunksTag,
      PCollection<Chunk> chunks,
      TupleTag<Row> errorsTag,
      PCollection<Row> errors,
      ChunkLayout layout) {
    this.pipeline = pipeline;
    this.chunksTag = chunksTag;
    this.chunks = chunks;
    this.errorsTag = errorsTag;
    this.errors = errors;
    this.layout = layout;
  }

  /** The rows read, as unsorted chunks of one series each. */
  public PCollection<Chunk> chunks() {
    return chunks;
  }

  /** Bad rows, as {@link io.industryts.engine.spi.ErrorRecords#SCHEMA} rows. */
  public PCollection<Row> errors() {
    return errors;
  }

  /**
   * The rows read, as Beam Rows of {@link #layout()}'s schema, each with its time field as element
   * timestamp (SEMANTICS §1.8). For pipelines that do not run on the engine; the conversion is
   * applied once, on first call, as the step {@code ChunksToRows}.
   */
  public PCollection<Row> rows() {
    if (rows == null) {
      rows = chunks.apply("ChunksToRows", ParDo.of(new ToRowsFn())).setRowSchema(layout.schema());
    }
    return rows;
  }

  /** Each row of each chunk, stamped with its time. */
  static final class ToRowsFn extends DoFn<Chunk, Row> {
    private static final long serialVersionUID = 1L;

    /** Emits each row of {@code chunk}, stamped with its time as the element timestamp. */
    @ProcessElement
    public void process(@Element Chunk chunk, OutputReceiver<Row> out) {
      long[] times = chunk.times();
      for (int i = 0; i < chunk.size(); i++) {
        out.outputWithTimestamp(chunk.row(i), new Instant(times[i]));
      }
    }
  }

  /** Schema, time field and key fields of {@link #chunks()}. */
  public ChunkLayout layout() {
    return layout;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(chunksTag, chunks, errorsTag, errors);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, org.apache.beam.sdk.values.PInput input, PTransform<?, ?> transform) {}
}
