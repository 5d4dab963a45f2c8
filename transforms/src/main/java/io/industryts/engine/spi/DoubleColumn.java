package io.industryts.engine.spi;

import java.util.Arrays;

/** DOUBLE (or FLOAT) cells. A null cell holds 0.0 in {@link #values()}. */
public final class DoubleColumn extends PrimitiveColumn {
  private static final long serialVersionUID = 1L;
  private final double[] values;

  /** Wraps the arrays (not copied); both must have the same length. */
  public DoubleColumn(double[] values, boolean[] nulls) {
    super(nulls);
    if (values.length != nulls.length) {
      throw new IllegalArgumentException(
          "DoubleColumn: values and nulls differ in length: "
              + values.length
              + " vs "
              + nulls.length);
    }
    this.values = values;
  }

  /** A column of {@code n} nulls. */
  public static DoubleColumn allNull(int n) {
    boolean[] nulls = new boolean[n];
    Arrays.fill(nulls, true);
    return new DoubleColumn(new double[n], nulls);
  }

  /** The values, shared: never modify them. */
  public double[] values() {
    return values;
  }

  public double value(int i) {
    return values[i];
  }

  @Override
  public Object get(int i) {
    return nulls[i] ? null : values[i];
  }

  @Override
  public DoubleColumn slice(int from, int to) {
    return new DoubleColumn(Arrays.copyOfRange(values, from, to), sliceNulls(nulls, from, to));
  }

  @Override
  public DoubleColumn take(int[] positions, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new DoubleColumn(out, takeNulls(nulls, positions, count));
  }

  static DoubleColumn concatDoubles(Column[] parts) {
    int n = totalSize(parts);
    double[] out = new double[n];
    int at = 0;
    for (Column c : parts) {
      System.arraycopy(((DoubleColumn) c).values, 0, out, at, c.size());
      at += c.size();
    }
    return new DoubleColumn(out, concatNulls(parts, n));
  }
}
