package io.industryts.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The few times the {@link StreamingExecutor} reads for every incoming element of a series: which
 * rows are late, which rows wait in the buffer, when the series flushes. Kept apart from the
 * passes' state ({@link StreamingExecutor.SeriesState}, which holds rows) so that an element only
 * reads and writes five numbers per series: runners that copy or encode state on access (the
 * DirectRunner copies it per bundle, RocksDB encodes it per access) then do so for five numbers.
 * The shard the series is hashed into keeps its own few numbers ({@link Shard}).
 */
final class StreamingClock {
  /** Rows up to this time have entered the first pass; later-arriving ones are late. */
  long frontier = Long.MIN_VALUE;

  /** Latest row time buffered and not yet handed to the passes. */
  long maxBuffered = Long.MIN_VALUE;

  /** When the series flushes next, or {@code Long.MIN_VALUE} when nothing waits. */
  long flushAt = Long.MIN_VALUE;

  /**
   * The series' frontier must reach this before the passes can emit a row ({@link
   * StreamingExecutor#nextEmission}); {@code Long.MIN_VALUE}: any flush may emit.
   */
  long emitFrom = Long.MIN_VALUE;

  /**
   * The earliest output timestamp of any later output row of the series ({@code Long.MIN_VALUE}:
   * not flushed yet, so any).
   */
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

  /**
   * What a shard of series keeps beside its series' clocks: its one flush timer (the earliest flush
   * time of its series), the output timestamp of its end timer (the earliest hold of its series),
   * and how many chunks its buffer holds, to merge them into one per series from time to time.
   */
  static final class Shard {
    /** The flush timer's time, or {@code Long.MIN_VALUE} when none is set. */
    long flushAt = Long.MIN_VALUE;

    /** The output timestamp the end timer was last set with ({@code Long.MIN_VALUE}: not set). */
    long endHold = Long.MIN_VALUE;

    /** Chunks in the buffer. */
    int entries;

    /** The buffer is merged into one chunk per series when it holds this many chunks. */
    int compactAt = StreamingExecutor.SeriesFn.COMPACT_ENTRIES;

    /** Two variable-length longs and two variable-length ints. */
    static final class Coder extends AtomicCoder<Shard> {
      private static final long serialVersionUID = 1L;
      private static final Coder INSTANCE = new Coder();
      private static final VarLongCoder LONG = VarLongCoder.of();
      private static final VarIntCoder INT = VarIntCoder.of();

      static Coder of() {
        return INSTANCE;
      }

      @Override
      public void encode(Shard c, OutputStream out) throws IOException {
        LONG.encode(c.flushAt, out);
        LONG.encode(c.endHold, out);
        INT.encode(c.entries, out);
        INT.encode(c.compactAt, out);
      }

      @Override
      public Shard decode(InputStream in) throws IOException {
        Shard c = new Shard();
        c.flushAt = LONG.decode(in);
        c.endHold = LONG.decode(in);
        c.entries = INT.decode(in);
        c.compactAt = INT.decode(in);
        return c;
      }

      @Override
      public void verifyDeterministic() {}
    }
  }
}
