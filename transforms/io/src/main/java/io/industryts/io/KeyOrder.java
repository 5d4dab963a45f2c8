package io.industryts.io;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.beam.sdk.values.Row;

/**
 * Order of series keys in written files (SEMANTICS §1.4): field by field, ascending, nulls last.
 * Values compare naturally (numbers, strings, booleans, instants, decimals); byte arrays compare
 * unsigned lexicographically; anything else by its string form.
 */
final class KeyOrder implements Comparator<Row>, java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final KeyOrder INSTANCE = new KeyOrder();

  @Override
  public int compare(Row a, Row b) {
    int n = Math.min(a.getFieldCount(), b.getFieldCount());
    for (int i = 0; i < n; i++) {
      int c = compareValues(a.getValue(i), b.getValue(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.getFieldCount(), b.getFieldCount());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compareValues(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : 1) : -1;
    }
    if (x instanceof byte[] && y instanceof byte[]) {
      return Arrays.compareUnsigned((byte[]) x, (byte[]) y);
    }
    if (x instanceof Row && y instanceof Row) {
      return INSTANCE.compare((Row) x, (Row) y);
    }
    if (x instanceof Comparable && x.getClass() == y.getClass()) {
      return ((Comparable) x).compareTo(y);
    }
    return x.toString().compareTo(y.toString());
  }
}
