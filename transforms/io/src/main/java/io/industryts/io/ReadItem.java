package io.industryts.io;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.ErrorRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * An element of the file sources: a chunk or an error row. Sources have one output, so readers emit
 * both kinds through it and {@link Split} separates them.
 */
final class ReadItem {
  final Chunk chunk;
  final Row error;
  final long timestamp;

  private ReadItem(Chunk chunk, Row error, long timestamp) {
    this.chunk = chunk;
    this.error = error;
    this.timestamp = timestamp;
  }

  static ReadItem chunk(Chunk chunk, long minTime) {
    return new ReadItem(chunk, null, minTime);
  }

  static ReadItem error(Row error) {
    return new ReadItem(null, error, BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
  }

  /** Tag byte, then the chunk (ChunkCoder) or the error row (RowCoder). */
  static final class ItemCoder extends CustomCoder<ReadItem> {
    private static final long serialVersionUID = 1L;
    private final ChunkCoder chunkCoder;
    private final RowCoder errorCoder = RowCoder.of(ErrorRecords.SCHEMA);

    ItemCoder(ChunkLayout layout) {
      this.chunkCoder = ChunkCoder.of(layout);
    }

    @Override
    public void encode(ReadItem item, OutputStream out) throws IOException {
      if (item.chunk != null) {
        out.write(0);
        chunkCoder.encode(item.chunk, out);
      } else {
        out.write(1);
        errorCoder.encode(item.error, out);
      }
    }

    @Override
    public ReadItem decode(InputStream in) throws IOException {
      int tag = in.read();
      if (tag == 0) {
        return new ReadItem(chunkCoder.decode(in), null, 0);
      }
      if (tag == 1) {
        return new ReadItem(null, errorCoder.decode(in), 0);
      }
      throw new CoderException("ReadItem: bad tag " + tag);
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of();
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      chunkCoder.verifyDeterministic();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ItemCoder && ((ItemCoder) o).chunkCoder.equals(chunkCoder);
    }

    @Override
    public int hashCode() {
      return chunkCoder.hashCode();
    }
  }

  /** Where parsers put what they produce. */
  interface Sink {
    void chunk(Chunk chunk, long minTime);

    void error(Row error);
  }

  /** A reader that pulls items from a parser, a batch at a time. */
  abstract static class Reader extends BoundedSource.BoundedReader<ReadItem> implements Sink {
    private final ArrayDeque<ReadItem> queue = new ArrayDeque<>();
    private ReadItem current;
    private boolean exhausted;

    /** Opens the input. */
    protected abstract void open() throws IOException;

    /** Parses on until at least one item was produced or the input ends; false at the end. */
    protected abstract boolean produce() throws IOException;

    @Override
    public final void chunk(Chunk chunk, long minTime) {
      queue.add(ReadItem.chunk(chunk, minTime));
    }

    @Override
    public final void error(Row error) {
      queue.add(ReadItem.error(error));
    }

    @Override
    public final boolean start() throws IOException {
      open();
      return advance();
    }

    @Override
    public final boolean advance() throws IOException {
      while (queue.isEmpty() && !exhausted) {
        if (!produce()) {
          exhausted = true;
        }
      }
      current = queue.poll();
      return current != null;
    }

    @Override
    public final ReadItem getCurrent() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current;
    }

    @Override
    public final Instant getCurrentTimestamp() {
      return new Instant(getCurrent().timestamp);
    }
  }

  /**
   * Separates chunks and error rows; each keeps its element timestamp. Counts the rows of the
   * chunks and the error rows under the given counter names (namespace {@code industryts}; null:
   * not counted): the reader's counters live here rather than in pass-through steps of their own,
   * each of which would cost the runner a transform to plan and schedule.
   */
  static final class Split extends DoFn<ReadItem, Chunk> {
    private static final long serialVersionUID = 1L;
    private final TupleTag<Chunk> chunks;
    private final TupleTag<Row> errors;
    private final Counter rowsCounter;
    private final Counter errorsCounter;

    Split(TupleTag<Chunk> chunks, TupleTag<Row> errors) {
      this(chunks, errors, null, null);
    }

    Split(TupleTag<Chunk> chunks, TupleTag<Row> errors, String rowsCounter, String errorsCounter) {
      this.chunks = chunks;
      this.errors = errors;
      this.rowsCounter = rowsCounter == null ? null : Metrics.counter("industryts", rowsCounter);
      this.errorsCounter =
          errorsCounter == null ? null : Metrics.counter("industryts", errorsCounter);
    }

    /** Emits the item's chunk to the chunk output or its error row to the error output. */
    @ProcessElement
    public void process(@Element ReadItem item, MultiOutputReceiver out) {
      if (item.chunk != null) {
        if (rowsCounter != null) {
          rowsCounter.inc(item.chunk.size());
        }
        out.get(chunks).output(item.chunk);
      } else {
        if (errorsCounter != null) {
          errorsCounter.inc();
        }
        out.get(errors).output(item.error);
      }
    }
  }
}
