package io.industryts.io;

import io.industryts.engine.KeyGroups;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The outputs and the dead-letter file of a job written from one gathering, for {@link
 * FileOutput#writeAll(PCollection, ChunkLayout, List, PCollection, String)} on a runner whose
 * workers share this JVM. Written apart, each would gather its input on one worker through a
 * grouping of its own (a window, a keying step, an empty-input marker, a flatten, a group by key
 * and the write: ten steps each on the DirectRunner); here the segments and the error records meet
 * in one group, and one step writes every file. The files are the same bytes as when written apart,
 * and every file stays under its temporary name for the caller to put in place.
 */
final class OutputsWithDeadLetters {
  private OutputsWithDeadLetters() {}

  private static final TupleTag<KV<KV<Row, Long>, Chunk>> SEGMENTS = new TupleTag<>("segments");
  private static final TupleTag<Row> ERRORS = new TupleTag<>("errors");

  /** The input of {@link Write}: the output's segments and the error records. */
  static PCollectionTuple input(
      PCollection<KV<KV<Row, Long>, Chunk>> segments, PCollection<Row> errors) {
    return PCollectionTuple.of(SEGMENTS, segments).and(ERRORS, errors);
  }

  /**
   * Gathers the segments and error records of {@link #input} and writes them; every output and the
   * dead-letter file must be staged ({@link FileOutput#staged}, {@link DeadLetters.Write#staged}).
   */
  static final class Write extends PTransform<PCollectionTuple, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final ChunkLayout layout;
    private final List<FileOutput> outputs;
    private final DeadLetters.Write deadLetters;

    Write(ChunkLayout layout, List<FileOutput> outputs, DeadLetters.Write deadLetters) {
      this.layout = layout;
      this.outputs = List.copyOf(outputs);
      this.deadLetters = deadLetters;
    }

    @Override
    public PCollection<String> expand(PCollectionTuple input) {
      PCollection<KV<KV<Row, Long>, Chunk>> segments = input.get(SEGMENTS);
      PCollection<Row> errors = input.get(ERRORS);
      for (FileOutput o : outputs) {
        o.validate(layout);
        if (o.format() == FileOutput.Format.PARQUET) {
          ParquetSink.preload(layout);
        }
      }
      deadLetters.requireErrorSchema(errors);
      @SuppressWarnings("unchecked")
      KvCoder<KV<Row, Long>, Chunk> segmentCoder =
          (KvCoder<KV<Row, Long>, Chunk>) (Coder<?>) segments.getCoder();
      KvCoder<Integer, Item> kv =
          KvCoder.of(VarIntCoder.of(), NullableCoder.of(new ItemCoder(segmentCoder)));
      PCollection<KV<Integer, Item>> keyedSegments =
          segments.apply("KeySegments", ParDo.of(new KeySegmentFn())).setCoder(kv);
      PCollection<KV<Integer, Item>> keyedErrors =
          errors.apply("KeyErrors", ParDo.of(new KeyErrorFn())).setCoder(kv);
      // the marker makes one group even when there are neither rows nor errors: every file is
      // still written (a header-only CSV, an empty dead-letter file)
      PCollection<KV<Integer, Item>> marker =
          input
              .getPipeline()
              .apply("Marker", Create.of(KV.<Integer, Item>of(0, null)).withCoder(kv));
      return PCollectionList.of(keyedSegments)
          .and(keyedErrors)
          .and(marker)
          .apply("WithMarker", Flatten.pCollections())
          .apply(
              "GlobalWindow",
              Window.<KV<Integer, Item>>into(new GlobalWindows())
                  .withTimestampCombiner(TimestampCombiner.EARLIEST))
          .apply("ToOneWorker", KeyGroups.byKey())
          .apply("Write", ParDo.of(new WriteFn(layout, outputs, deadLetters)))
          .setCoder(StringUtf8Coder.of());
    }
  }

  /** A segment of the output or an error record: what the one group holds. */
  static final class Item {
    final KV<KV<Row, Long>, Chunk> segment;
    final Row error;

    Item(KV<KV<Row, Long>, Chunk> segment, Row error) {
      this.segment = segment;
      this.error = error;
    }
  }

  /** Tag byte, then the segment (the segments' coder) or the error record (its row coder). */
  static final class ItemCoder extends CustomCoder<Item> {
    private static final long serialVersionUID = 1L;
    private final KvCoder<KV<Row, Long>, Chunk> segmentCoder;
    private final RowCoder errorCoder = RowCoder.of(ErrorRecords.SCHEMA);

    ItemCoder(KvCoder<KV<Row, Long>, Chunk> segmentCoder) {
      this.segmentCoder = segmentCoder;
    }

    @Override
    public void encode(Item item, OutputStream out) throws IOException {
      if (item.segment != null) {
        out.write(0);
        segmentCoder.encode(item.segment, out);
      } else {
        out.write(1);
        errorCoder.encode(item.error, out);
      }
    }

    @Override
    public Item decode(InputStream in) throws IOException {
      int tag = in.read();
      if (tag == 0) {
        return new Item(segmentCoder.decode(in), null);
      }
      if (tag == 1) {
        return new Item(null, errorCoder.decode(in));
      }
      throw new CoderException("OutputsWithDeadLetters: bad item tag " + tag);
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of();
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      segmentCoder.verifyDeterministic();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ItemCoder && ((ItemCoder) o).segmentCoder.equals(segmentCoder);
    }

    @Override
    public int hashCode() {
      return segmentCoder.hashCode();
    }
  }

  /** Keys a segment by 0, so all of them meet on one worker. */
  static final class KeySegmentFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<Integer, Item>> {
    private static final long serialVersionUID = 1L;

    /** Emits {@code segment} under key 0. */
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> segment, OutputReceiver<KV<Integer, Item>> out) {
      out.output(KV.of(0, new Item(segment, null)));
    }
  }

  /** Keys an error record by 0, so it meets the segments. */
  static final class KeyErrorFn extends DoFn<Row, KV<Integer, Item>> {
    private static final long serialVersionUID = 1L;

    /** Emits {@code error} under key 0. */
    @ProcessElement
    public void process(@Element Row error, OutputReceiver<KV<Integer, Item>> out) {
      out.output(KV.of(0, new Item(null, error)));
    }
  }

  /**
   * Writes the outputs as {@link FileOutput}'s in-memory writer does, then the dead-letter file as
   * {@link DeadLetters}' writer does, each to its temporary name; emits each path written.
   */
  static final class WriteFn extends DoFn<KV<Integer, Iterable<Item>>, String> {
    private static final long serialVersionUID = 1L;
    private static final Counter ROWS_WRITTEN =
        Metrics.counter("industryts", FileOutput.ROWS_WRITTEN_COUNTER);
    private static final Counter RECORDS_WRITTEN =
        Metrics.counter("industryts", DeadLetters.RECORDS_WRITTEN_COUNTER);
    private final ChunkLayout layout;
    private final List<FileOutput> outputs;
    private final DeadLetters.Write deadLetters;

    WriteFn(ChunkLayout layout, List<FileOutput> outputs, DeadLetters.Write deadLetters) {
      this.layout = layout;
      this.outputs = outputs;
      this.deadLetters = deadLetters;
    }

    /**
     * Writes every file from the one group: the segments in file order, the error records in the
     * dead-letter order.
     *
     * @throws IOException if a file cannot be written; no file is put in place then
     */
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Item>> all, OutputReceiver<String> out)
        throws IOException {
      List<KV<KV<Row, Long>, Chunk>> segments = new ArrayList<>();
      List<Row> errors = new ArrayList<>();
      for (Item item : all.getValue()) {
        if (item == null) {
          continue;
        }
        if (item.segment != null) {
          segments.add(item.segment);
        } else {
          errors.add(item.error);
        }
      }
      segments.sort(FileOutput.SEGMENT_ORDER);
      List<Chunk> chunks = new ArrayList<>(segments.size());
      long rows = 0;
      for (KV<KV<Row, Long>, Chunk> s : segments) {
        chunks.add(s.getValue());
        rows += s.getValue().size();
      }
      FileOutput.writeConcurrently(layout, chunks, outputs);
      errors.sort(DeadLetters.ORDER);
      Path target = Paths.get(deadLetters.path());
      StagedFiles.stage(
          target,
          deadLetters.stagingToken(),
          temp -> DeadLetters.writeRows(temp, errors, deadLetters.json()));
      for (FileOutput o : outputs) {
        out.output(o.path());
      }
      out.output(deadLetters.path());
      ROWS_WRITTEN.inc(rows);
      RECORDS_WRITTEN.inc(errors.size());
    }
  }
}
