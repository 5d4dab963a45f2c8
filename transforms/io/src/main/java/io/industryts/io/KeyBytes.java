package io.industryts.io;

import java.util.Arrays;

/**
 * The series numbers of records' key cells, found from the cells' raw bytes without decoding them.
 * A record's key cells are {@link #add added} to a probe, then {@link #find} gives the number of
 * the series with the same bytes, or {@link #insert} numbers a new series 0, 1, 2, ...
 *
 * <p>One flat table, not a hash map of byte-array keys: the bytes of all keys sit in one array and
 * the slots hold series numbers, so a lookup reads a slot, a hash and the bytes, where a map read a
 * node, a key object and its array (with 10,000 series the lookup was a tenth of all reading). The
 * series found last is tried first: long-format files often hold runs of rows of one series.
 */
final class KeyBytes {
  private byte[] probe = new byte[64];
  private int len;
  private int hash;

  private byte[] store = new byte[1024]; // the bytes of every series' key, one after another
  private int stored;
  private int[] starts = new int[16]; // per series: where its bytes start in store
  private int[] lengths = new int[16];
  private int[] hashes = new int[16];
  private int count;
  private int[] slots = new int[32]; // series number + 1, or 0 for an empty slot
  private int last = -1;

  /** Starts the probe of a new record. */
  void clear() {
    len = 0;
    hash = 1;
  }

  /**
   * Adds key cell {@code b[from, to)} to the probe (its length too, so "ab","c" is not "a","bc").
   */
  void add(byte[] b, int from, int to) {
    int n = to - from;
    ensureProbe(len + n + 4);
    probe[len++] = (byte) (n >>> 24);
    probe[len++] = (byte) (n >>> 16);
    probe[len++] = (byte) (n >>> 8);
    probe[len++] = (byte) n;
    System.arraycopy(b, from, probe, len, n);
    len += n;
    int h = hash;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    hash = 31 * h + n;
  }

  private void ensureProbe(int n) {
    if (n > probe.length) {
      probe = Arrays.copyOf(probe, Math.max(n, probe.length * 2));
    }
  }

  /** The number of the series whose key bytes equal the probe's, or -1 when there is none yet. */
  int find() {
    if (last >= 0 && matches(last)) {
      return last;
    }
    int mask = slots.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == 0) {
        return -1;
      }
      if (matches(s - 1)) {
        last = s - 1;
        return last;
      }
    }
  }

  private boolean matches(int series) {
    return hashes[series] == hash
        && lengths[series] == len
        && Arrays.equals(store, starts[series], starts[series] + len, probe, 0, len);
  }

  /** Stores the probe's bytes as the next series; returns its number (the series count before). */
  int insert() {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
      hashes = Arrays.copyOf(hashes, count * 2);
    }
    if (stored + len > store.length) {
      store = Arrays.copyOf(store, Math.max(stored + len, store.length * 2));
    }
    System.arraycopy(probe, 0, store, stored, len);
    starts[count] = stored;
    lengths[count] = len;
    hashes[count] = hash;
    stored += len;
    int series = count++;
    if (2 * count > slots.length) {
      rehash(slots.length * 2);
    } else {
      place(series);
    }
    last = series;
    return series;
  }

  /** The number of series stored. */
  int size() {
    return count;
  }

  private void rehash(int size) {
    slots = new int[size];
    for (int s = 0; s < count; s++) {
      place(s);
    }
  }

  private void place(int series) {
    int mask = slots.length - 1;
    int i = spread(hashes[series]) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = series + 1;
  }

  /** Spreads the high bits of a hash over the low bits that pick a slot. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
