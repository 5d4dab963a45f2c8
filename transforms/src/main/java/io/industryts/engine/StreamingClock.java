package io.industryts.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The few times the {@link StreamingExecutor} reads for every incoming element of a series: which
 * rows are late, which rows wait in the buffer, when the flush timer fires. Kept apart from the
 * passes' state ({@link StreamingExecutor.SeriesState}, which holds rows) so that an element only
 * reads and writes five numbers: runners that copy or encode a value state on access (the
 * DirectRunner copies it per bundle, RocksDB encodes it per access) then do so for five numbers.
 */
final class StreamingClock {
  /** Rows up to this time have entered the first pass; later-arriving ones are late. */
  long frontier = Long.MIN_VALUE;

  /** Latest row time buffered and not yet handed to the passes. */
  long maxBuffered = Long.MIN_VALUE;

  /** The flush timer's time, or {@code Long.MIN_VALUE} when none is set. */
  long flushAt = Long.MIN_VALUE;

  /**
   * The series' frontier must reach this before the passes can emit a row ({@link
   * StreamingExecutor#nextEmission}); {@code Long.MIN_VALUE}: any flush may emit.
   */
  long emitFrom = Long.MIN_VALUE;

  /** The output timestamp the end timer was last set with ({@code Long.MIN_VALUE}: not set). */
  long endHold = Long.MIN_VALUE;

  /** Notes buffered rows up to time {@code last}. */
  void buffered(long last) {
    maxBuffered = Math.max(maxBuffered, last);
  }

  /** Nothing buffered any more. */
  void emptied() {
    maxBuffered = Long.MIN_VALUE;
  }

  /** Five variable-length longs (VarLong writes a negative one in ten bytes). */
  static final class Coder extends AtomicCoder<StreamingClock> {
    private static final long serialVersionUID = 1L;
    private static final Coder INSTANCE = new Coder();
    private static final VarLongCoder LONG = VarLongCoder.of();

    static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(StreamingClock c, OutputStream out) throws IOException {
      LONG.encode(c.frontier, out);
      LONG.encode(c.maxBuffered, out);
      LONG.encode(c.flushAt, out);
      LONG.encode(c.endHold, out);
      LONG.encode(c.emitFrom, out);
    }

    @Override
    public StreamingClock decode(InputStream in) throws IOException {
      StreamingClock c = new StreamingClock();
      c.frontier = LONG.decode(in);
      c.maxBuffered = LONG.decode(in);
      c.flushAt = LONG.decode(in);
      c.endHold = LONG.decode(in);
      c.emitFrom = LONG.decode(in);
      return c;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
