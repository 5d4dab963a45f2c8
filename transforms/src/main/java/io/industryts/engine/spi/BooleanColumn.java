package io.industryts.engine.spi;

import java.util.Arrays;

/** BOOLEAN cells. A null cell holds false. */
public final class BooleanColumn extends PrimitiveColumn {
  private static final long serialVersionUID = 1L;
  private final boolean[] values;

  /** Wraps the arrays (not copied); both must have the same length. */
  public BooleanColumn(boolean[] values, boolean[] nulls) {
    super(nulls);
    if (values.length != nulls.length) {
      throw new IllegalArgumentException(
          "BooleanColumn: values and nulls differ in length: "
              + values.length
              + " vs "
              + nulls.length);
    }
    this.values = values;
  }

  /** A never-null column (flags). */
  public static BooleanColumn of(boolean[] values) {
    return new BooleanColumn(values, new boolean[values.length]);
  }

  /** The values, shared: never modify them. */
  public boolean[] values() {
    return values;
  }

  public boolean value(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    return nulls[i] ? null : values[i];
  }

  @Override
  public BooleanColumn slice(int from, int to) {
    return new BooleanColumn(Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to));
  }

  @Override
  public BooleanColumn take(int[] positions, int count) {
    boolean[] out = new boolean[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new BooleanColumn(out, takeNulls(nulls, positions, count));
  }

  static BooleanColumn concatBooleans(Column[] parts) {
    int n = totalSize(parts);
    boolean[] out = new boolean[n];
    int at = 0;
    for (Column c : parts) {
      System.arraycopy(((BooleanColumn) c).values, 0, out, at, c.size());
      at += c.size();
    }
    return new BooleanColumn(out, concatNulls(parts, n));
  }
}
