package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;

/**
 * The counters {@link FileInput#withRowsCounter} and {@link FileInput#withErrorsCounter} add: each
 * passes its elements on unchanged and counts them under namespace {@code industryts}.
 */
final class ReadCounters {
  private ReadCounters() {}

  /** Counts the rows of passing chunks. */
  static final class ChunkRowsFn extends DoFn<Chunk, Chunk> {
    private static final long serialVersionUID = 1L;
    private final Counter counter;

    ChunkRowsFn(String name) {
      this.counter = Metrics.counter("industryts", name);
    }

    /** Counts {@code c}'s rows and passes it on. */
    @ProcessElement
    public void process(@Element Chunk c, OutputReceiver<Chunk> out) {
      counter.inc(c.size());
      out.output(c);
    }
  }

  /** Counts passing rows. */
  static final class RowsFn extends DoFn<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Counter counter;

    RowsFn(String name) {
      this.counter = Metrics.counter("industryts", name);
    }

    /** Counts {@code r} and passes it on. */
    @ProcessElement
    public void process(@Element Row r, OutputReceiver<Row> out) {
      counter.inc();
      out.output(r);
    }
  }
}
