package io.industryts.io;

import java.util.Arrays;

/**
 * Raw bytes of a record's key cells, used to find its series without decoding the keys; a stored
 * copy holds its series number.
 */
final class KeyBytes {
  /** The series number of a stored copy ({@link #copy(int)}); -1 for a probe. */
  int series = -1;

  private byte[] bytes = new byte[64];
  private int len;
  private int hash;

  void clear() {
    len = 0;
    hash = 1;
  }

  void add(byte[] b, int from, int to) {
    int n = to - from;
    ensure(len + n + 4);
    bytes[len++] = (byte) (n >>> 24);
    bytes[len++] = (byte) (n >>> 16);
    bytes[len++] = (byte) (n >>> 8);
    bytes[len++] = (byte) n;
    System.arraycopy(b, from, bytes, len, n);
    len += n;
    int h = hash;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    hash = 31 * h + n;
  }

  private void ensure(int n) {
    if (n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(n, bytes.length * 2));
    }
  }

  /** A stored copy of these bytes for series number {@code series}. */
  KeyBytes copy(int series) {
    KeyBytes k = new KeyBytes();
    k.series = series;
    k.bytes = Arrays.copyOf(bytes, len);
    k.len = len;
    k.hash = hash;
    return k;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof KeyBytes)) {
      return false;
    }
    KeyBytes k = (KeyBytes) o;
    return len == k.len && hash == k.hash && Arrays.equals(bytes, 0, len, k.bytes, 0, k.len);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
