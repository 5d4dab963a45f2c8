package io.industryts.engine.spi;

import java.io.Serializable;

/**
 * One column of a {@link Chunk}: a primitive array plus a null mask. Columns are values: kernels
 * never mutate a column they were given; they build new ones.
 *
 * <p>Storage kinds: {@link DoubleColumn} (DOUBLE, FLOAT), {@link LongColumn} (BYTE, INT16, INT32,
 * INT64), {@link BooleanColumn} and {@link ObjectColumn} (every other Beam type, e.g. STRING,
 * DECIMAL, DATETIME). The Beam field type that a column stands for is kept by the chunk's schema.
 */
public abstract class Column implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Number of cells. */
  public abstract int size();

  /** Whether cell {@code i} is null. */
  public abstract boolean isNull(int i);

  /** Cells {@code [from, to)} as a new column. */
  public abstract Column slice(int from, int to);

  /** Cells at the given positions, in that order, as a new column. */
  public abstract Column take(int[] positions, int count);

  /** The cell boxed as the Java value Beam uses for this storage kind (null for a null cell). */
  public abstract Object get(int i);

  /** Number of null cells. */
  public int nullCount() {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      if (isNull(i)) {
        n++;
      }
    }
    return n;
  }

  /** Concatenates columns of one storage kind. */
  public static Column concat(Column[] parts) {
    Column first = parts[0];
    if (first instanceof DoubleColumn) {
      return DoubleColumn.concatDoubles(parts);
    } else if (first instanceof LongColumn) {
      return LongColumn.concatLongs(parts);
    } else if (first instanceof BooleanColumn) {
      return BooleanColumn.concatBooleans(parts);
    }
    return ObjectColumn.concatObjects(parts);
  }

  static int totalSize(Column[] parts) {
    int n = 0;
    for (Column c : parts) {
      n += c.size();
    }
    return n;
  }

  static boolean[] concatNulls(Column[] parts, int n) {
    boolean[] out = new boolean[n];
    int at = 0;
    for (Column c : parts) {
      boolean[] nulls = ((PrimitiveColumn) c).nulls;
      System.arraycopy(nulls, 0, out, at, c.size());
      at += c.size();
    }
    return out;
  }

  /**
   * Cells {@code [from[i], to[i])} of {@code parts[i]} for {@code i < count}, one after another, as
   * one column of {@code n} cells (the sum of the ranges); the parts share one storage kind.
   */
  static Column concatRanges(Column[] parts, int[] from, int[] to, int count, int n) {
    Column first = parts[0];
    boolean[] nulls = null;
    if (first instanceof PrimitiveColumn) {
      nulls = new boolean[n];
      int at = 0;
      for (int i = 0; i < count; i++) {
        System.arraycopy(((PrimitiveColumn) parts[i]).nulls, from[i], nulls, at, to[i] - from[i]);
        at += to[i] - from[i];
      }
    }
    Object out;
    if (first instanceof DoubleColumn) {
      out = new double[n];
    } else if (first instanceof LongColumn) {
      out = new long[n];
    } else if (first instanceof BooleanColumn) {
      out = new boolean[n];
    } else {
      out = new Object[n];
    }
    int at = 0;
    for (int i = 0; i < count; i++) {
      Column c = parts[i];
      Object values =
          c instanceof DoubleColumn
              ? ((DoubleColumn) c).values()
              : c instanceof LongColumn
                  ? ((LongColumn) c).values()
                  : c instanceof BooleanColumn
                      ? ((BooleanColumn) c).values()
                      : ((ObjectColumn) c).values();
      System.arraycopy(values, from[i], out, at, to[i] - from[i]);
      at += to[i] - from[i];
    }
    if (first instanceof DoubleColumn) {
      return new DoubleColumn((double[]) out, nulls);
    } else if (first instanceof LongColumn) {
      return new LongColumn((long[]) out, nulls);
    } else if (first instanceof BooleanColumn) {
      return new BooleanColumn((boolean[]) out, nulls);
    }
    return new ObjectColumn((Object[]) out);
  }
}
