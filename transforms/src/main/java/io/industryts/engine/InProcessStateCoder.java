package io.industryts.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The streaming executor's state coder when every worker runs in this JVM (the DirectRunner): it
 * writes a number standing for the value, and reading that number back returns the same value.
 *
 * <p>Why: the DirectRunner copies every state a bundle touches, through its coder (encode, then
 * decode), at the start of each bundle of each key. The executor keys its state by shard of series,
 * so a shard's state holds every series of the shard (their clocks, buffered rows and passes'
 * state) and copying it through the real coders costs time in proportion to all of them, per bundle
 * of ten rows (measured: twice the CPU of keying by series at 10,000 series). Passing the value
 * itself makes each copy a map insertion and removal per value. The values are not shared between
 * keys, and a failed bundle fails the pipeline on that runner, so a copy that is the same object
 * changes nothing that can be observed.
 *
 * <p>Every encoded value must be decoded once (the copy does both); a value encoded and never
 * decoded stays referenced until the JVM exits. Only for runners whose workers share this JVM
 * ({@link EngineTuningOptions#getWorkersInProcess()}).
 */
final class InProcessStateCoder<T> extends AtomicCoder<T> {
  private static final long serialVersionUID = 1L;
  private static final VarLongCoder ID = VarLongCoder.of();
  private static final AtomicLong NEXT = new AtomicLong();
  private static final ConcurrentHashMap<Long, Object> PARKED = new ConcurrentHashMap<>();

  @SuppressWarnings("rawtypes")
  private static final InProcessStateCoder INSTANCE = new InProcessStateCoder();

  private InProcessStateCoder() {}

  @SuppressWarnings("unchecked")
  static <T> InProcessStateCoder<T> of() {
    return (InProcessStateCoder<T>) INSTANCE;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    long id = NEXT.incrementAndGet();
    PARKED.put(id, value);
    ID.encode(id, out);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T decode(InputStream in) throws IOException {
    long id = ID.decode(in);
    Object value = PARKED.remove(id);
    if (value == null) {
      throw new CoderException(
          "industryts: streaming state value "
              + id
              + " is not in this JVM (decoded twice, or by another process). This coder is only "
              + "for runners whose workers share one JVM; set --workersInProcess=false.");
    }
    return (T) value;
  }

  /** Values parked and not yet decoded (tests). */
  static int parked() {
    return PARKED.size();
  }

  /** Map state keys stay themselves: their equality is the value's own. */
  @Override
  public Object structuralValue(T value) {
    return value;
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public void verifyDeterministic() {}
}
