package io.industryts.engine.spi;

import java.util.Arrays;

/**
 * Cells of any other Beam type (STRING, DECIMAL, DATETIME, logical types), as the Java values a
 * Beam {@code Row} holds; {@code null} is a null cell.
 */
public final class ObjectColumn extends Column {
  private static final long serialVersionUID = 1L;
  private final Object[] values;

  /** Wraps the array (not copied). */
  public ObjectColumn(Object[] values) {
    this.values = values;
  }

  /** The values, shared: never modify them. */
  public Object[] values() {
    return values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isNull(int i) {
    return values[i] == null;
  }

  @Override
  public Object get(int i) {
    return values[i];
  }

  @Override
  public ObjectColumn slice(int from, int to) {
    return new ObjectColumn(Arrays.copyOfRange(values, from, to));
  }

  @Override
  public ObjectColumn take(int[] positions, int count) {
    Object[] out = new Object[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[positions[i]];
    }
    return new ObjectColumn(out);
  }

  static ObjectColumn concatObjects(Column[] parts) {
    Object[] out = new Object[totalSize(parts)];
    int at = 0;
    for (Column c : parts) {
      System.arraycopy(((ObjectColumn) c).values, 0, out, at, c.size());
      at += c.size();
    }
    return new ObjectColumn(out);
  }
}
