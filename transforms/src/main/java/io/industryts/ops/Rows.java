package io.industryts.ops;

import io.industryts.engine.spi.Chunk;

/** Row selections shared by kernels that route bad rows to the errors output. */
final class Rows {
  private Rows() {}

  /** {@code chunk} without the rows marked in {@code drop}; the chunk itself when none is. */
  static Chunk without(Chunk chunk, boolean[] drop) {
    int n = chunk.size();
    int[] keep = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (!drop[i]) {
        keep[m++] = i;
      }
    }
    return m == n ? chunk : chunk.take(keep, m);
  }
}
