package io.industryts.engine.spi;

import java.util.Arrays;

/** Integral cells (BYTE, INT16, INT32, INT64) widened to {@code long}. A null cell holds 0. */
public final class LongColumn extends PrimitiveColumn {
  private static final long serialVersionUID = 1L;
  private final long[] values;

  /** Wraps the arrays (not copied); both must have the same length. */
  public LongColumn(long[] values, boolean[] nulls) {
    super(nulls);
    if (values.length != nulls.length) {
      throw new IllegalArgumentException(
          "LongColumn: values and nulls differ in length: "
              + values.length
              + " vs "
              + nulls.length);
    }
    this.values = values;
  }

  /** The values, shared: never modify them. */
  public long[] values() {
    return values;
  }

  public long value(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    return nulls[i] ? null : values[i];
  }

  @Override
  public LongColumn slice(int from, int to) {
    return new LongColumn(Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to));
  }

  @Override
  public LongColumn take(int[] positions, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new LongColumn(out, takeNulls(nulls, positions, count));
  }

  static LongColumn concatLongs(Column[] parts) {
    int n = totalSize(parts);
    long[] out = new long[n];
    int at = 0;
    for (Column c : parts) {
      System.arraycopy(((LongColumn) c).values, 0, out, at, c.size());
      at += c.size();
    }
    return new LongColumn(out, concatNulls(parts, n));
  }
}
