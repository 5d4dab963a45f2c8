package io.industryts.engine.spi;

/** A column backed by a primitive array and a {@code boolean[]} null mask of the same length. */
public abstract class PrimitiveColumn extends Column {
  private static final long serialVersionUID = 1L;

  /** {@code nulls[i]} is true when cell {@code i} is null; the value slot is then 0/false. */
  final boolean[] nulls;

  PrimitiveColumn(boolean[] nulls) {
    this.nulls = nulls;
  }

  /** The null mask, shared: never modify it. */
  public boolean[] nulls() {
    return nulls;
  }

  @Override
  public int size() {
    return nulls.length;
  }

  @Override
  public boolean isNull(int i) {
    return nulls[i];
  }

  @Override
  public int nullCount() {
    int n = 0;
    for (boolean isNull : nulls) {
      if (isNull) {
        n++;
      }
    }
    return n;
  }

  static boolean[] sliceNulls(boolean[] nulls, int from, int to) {
    return java.util.Arrays.copyOfRange(nulls, from, to);
  }

  static boolean[] takeNulls(boolean[] nulls, int[] positions, int count) {
    boolean[] out = new boolean[count];
    for (int i = 0; i < count; i++) {
      out[i] = nulls[positions[i]];
    }
    return out;
  }
}
