package io.industryts.engine;

import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A coder of the engine's join values ({@link Part}, {@link JoinPart}): chunks through their {@link
 * ChunkCoder}s, small facts through Java serialization, so it is not deterministic. Two coders are
 * equal when their component coders are: Flink unions (Flatten) only inputs whose coders are equal,
 * so equal layouts must compare equal.
 */
abstract class FactCarryingCoder<T> extends CustomCoder<T> {
  private static final long serialVersionUID = 1L;

  final Coder<Serializable> facts = JavaSerializedCoder.of();

  /** The coders that decide equality. */
  abstract List<Coder<?>> components();

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "facts are Java-serialized");
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((FactCarryingCoder<?>) o).components().equals(components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }
}
