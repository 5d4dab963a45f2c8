package io.industryts.io;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.ObjectColumn;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * Collects the rows of one series into column arrays and cuts them into chunks of at most {@code
 * maxRows} rows, in arrival order.
 *
 * <p>A row is written into slot {@link #row()} cell by cell and becomes part of the chunk only on
 * {@link #commit()}, so a reader can abandon a half-written row (a bad cell) by not committing it:
 * the next row overwrites the slot. Arrays start small and double up to {@code maxRows}, so many
 * small series cost little. A full chunk hands its arrays over without copying. The columns of a
 * chunk without nulls share one all-false null mask (chunks never modify their arrays); masks of up
 * to {@value #SHARED_MASK_ROWS} rows are shared by all chunks of that size.
 *
 * <p>An assembler that {@link #trackSeries() tracks series} takes the rows of many series in
 * arrival order, each with its series number ({@link #setSeries}), and hands them over as a block
 * ({@link #takeBlock}): one chunk holding every series, its rows grouped by series.
 */
final class ChunkAssembler {
  // Keyed input holds one assembler per series in every byte range, so a series' arrays start
  // small: at 1,024 rows, 10,000 tags of ~9 rows per 8 MiB range allocated ~1 GB per range, a fifth
  // of all CPU samples (and most of the system time) went to allocating them, and peak RSS was
  // 6.0 GB for an 85 MB file (benchmarks/RESULTS.md, "Keyed"). Doubling to the chunk size costs a
  // large series a few copies of its first chunk only.
  private static final int INITIAL = 16;

  // Keyed input read as one chunk per series and range (1M rows of 10,000 tags: ~110,000 chunks of
  // ~9 rows) is held until the first grouping has seen the whole input. With ~2 % null cells, ~83 %
  // of their 880,000 null masks were all false: 32 bytes and an object each.
  static final int SHARED_MASK_ROWS = 1024;
  private static final boolean[][] SHARED_MASKS = new boolean[SHARED_MASK_ROWS + 1][];

  private final ChunkLayout layout;
  private final Row key;
  private final int maxRows;
  private final char[] kinds; // per schema field: D, L, B, O, or 0 for time / key slots
  private final FieldType[] types;
  private final int initial;

  private int capacity;
  private int size;
  private long minTime;
  private long[] times;
  private long[] seqs;
  private double[][] doubles;
  private long[][] longs;
  private boolean[][] booleans;
  private Object[][] objects;
  private boolean[][] nulls;
  private String[] sources; // null: rows without provenance
  private long[] origins;
  private int[] seriesIds; // per row: its series number; null unless the assembler builds blocks

  ChunkAssembler(ChunkLayout layout, Row key, int maxRows) {
    this(layout, key, maxRows, INITIAL);
  }

  /**
   * @param expectedRows rows expected in all (arrays start at this size, up to {@code maxRows}, so
   *     a large series does not grow its arrays step by step)
   */
  ChunkAssembler(ChunkLayout layout, Row key, int maxRows, long expectedRows) {
    this.layout = layout;
    this.key = key;
    this.maxRows = maxRows;
    int n = layout.schema().getFieldCount();
    this.kinds = new char[n];
    this.types = new FieldType[n];
    for (int f = 0; f < n; f++) {
      types[f] = layout.fieldType(f);
      kinds[f] = layout.isTimeOrKey(f) ? 0 : ChunkCoder.storage(types[f]);
    }
    this.initial = (int) Math.max(1, Math.min(maxRows, Math.max(INITIAL, expectedRows)));
    allocate(initial);
  }

  private void allocate(int cap) {
    int n = kinds.length;
    capacity = cap;
    size = 0;
    minTime = Long.MAX_VALUE;
    times = new long[cap];
    seqs = new long[cap];
    origins = sources == null ? null : new long[cap];
    seriesIds = seriesIds == null ? null : new int[cap];
    doubles = new double[n][];
    longs = new long[n][];
    booleans = new boolean[n][];
    objects = new Object[n][];
    nulls = new boolean[n][];
    for (int f = 0; f < n; f++) {
      switch (kinds[f]) {
        case 'D':
          doubles[f] = new double[cap];
          nulls[f] = new boolean[cap];
          break;
        case 'L':
          longs[f] = new long[cap];
          nulls[f] = new boolean[cap];
          break;
        case 'B':
          booleans[f] = new boolean[cap];
          nulls[f] = new boolean[cap];
          break;
        case 'O':
          objects[f] = new Object[cap];
          break;
        default:
          break;
      }
    }
  }

  private void grow() {
    int cap = Math.min(maxRows, capacity * 2);
    capacity = cap;
    times = Arrays.copyOf(times, cap);
    seqs = Arrays.copyOf(seqs, cap);
    if (origins != null) {
      origins = Arrays.copyOf(origins, cap);
    }
    if (seriesIds != null) {
      seriesIds = Arrays.copyOf(seriesIds, cap);
    }
    for (int f = 0; f < kinds.length; f++) {
      if (doubles[f] != null) {
        doubles[f] = Arrays.copyOf(doubles[f], cap);
      }
      if (longs[f] != null) {
        longs[f] = Arrays.copyOf(longs[f], cap);
      }
      if (booleans[f] != null) {
        booleans[f] = Arrays.copyOf(booleans[f], cap);
      }
      if (objects[f] != null) {
        objects[f] = Arrays.copyOf(objects[f], cap);
      }
      if (nulls[f] != null) {
        nulls[f] = Arrays.copyOf(nulls[f], cap);
      }
    }
  }

  Row key() {
    return key;
  }

  /**
   * Storage kind of field {@code f} ({@code D}, {@code L}, {@code B}, {@code O}; 0 for time/key).
   */
  char kind(int f) {
    return kinds[f];
  }

  /** The slot of the row being written. */
  int row() {
    return size;
  }

  int size() {
    return size;
  }

  /**
   * Gives every row of this assembler an origin in {@code source} ({@link #setLine}); call before
   * the first row.
   */
  void setSource(String source) {
    sources = new String[] {source};
    origins = new long[capacity];
  }

  /**
   * The physical line (or row number) of the row being written in the source; ignored unless {@link
   * #setSource} was called (a reader told to build no provenance).
   */
  void setLine(long line) {
    if (origins != null) {
      origins[size] = Chunk.origin(0, line);
    }
  }

  /**
   * Makes this assembler build blocks of many series ({@link #takeBlock}); call before the first
   * row.
   */
  void trackSeries() {
    seriesIds = new int[capacity];
  }

  /**
   * The series number of the row being written (an index into the keys {@link #takeBlock} gets).
   */
  void setSeries(int id) {
    seriesIds[size] = id;
  }

  void setTimeAndSeq(long time, long seq) {
    times[size] = time;
    seqs[size] = seq;
  }

  void setDouble(int f, double v) {
    doubles[f][size] = v;
    nulls[f][size] = false;
  }

  void setLong(int f, long v) {
    longs[f][size] = v;
    nulls[f][size] = false;
  }

  void setBoolean(int f, boolean v) {
    booleans[f][size] = v;
    nulls[f][size] = false;
  }

  void setObject(int f, Object v) {
    objects[f][size] = v;
  }

  /** The long value written into the current slot of field {@code f} (sequence columns). */
  long currentLong(int f) {
    return longs[f][size];
  }

  boolean currentIsNull(int f) {
    return kinds[f] == 'O' ? objects[f][size] == null : nulls[f][size];
  }

  void setNull(int f) {
    switch (kinds[f]) {
      case 'D':
        doubles[f][size] = 0;
        nulls[f][size] = true;
        break;
      case 'L':
        longs[f][size] = 0;
        nulls[f][size] = true;
        break;
      case 'B':
        booleans[f][size] = false;
        nulls[f][size] = true;
        break;
      case 'O':
        objects[f][size] = null;
        break;
      default:
        break;
    }
  }

  /** Adds the current slot to the chunk; true when the chunk is full and must be taken. */
  boolean commit() {
    long t = times[size];
    if (t < minTime) {
      minTime = t;
    }
    size++;
    if (size == capacity && capacity < maxRows) {
      grow();
    }
    return size == maxRows;
  }

  /** Smallest time among committed rows (the chunk's element timestamp). */
  long minTime() {
    return minTime;
  }

  /**
   * The committed rows as a chunk (null if none); starts a new chunk.
   *
   * @param more whether rows will follow (a full chunk is then followed by full-size arrays)
   */
  Chunk take(boolean more) {
    if (size == 0) {
      return null;
    }
    int n = size;
    boolean exact = n == capacity;
    boolean[] noNulls = null; // shared by every column of this chunk without nulls
    Column[] cols = new Column[kinds.length];
    for (int f = 0; f < kinds.length; f++) {
      boolean[] mask = null;
      if (kinds[f] == 'D' || kinds[f] == 'L' || kinds[f] == 'B') {
        if (hasNull(nulls[f], n)) {
          mask = exact ? nulls[f] : Arrays.copyOf(nulls[f], n);
        } else {
          noNulls = noNulls != null ? noNulls : noNulls(n);
          mask = noNulls;
        }
      }
      switch (kinds[f]) {
        case 'D':
          cols[f] = new DoubleColumn(exact ? doubles[f] : Arrays.copyOf(doubles[f], n), mask);
          break;
        case 'L':
          cols[f] = new LongColumn(exact ? longs[f] : Arrays.copyOf(longs[f], n), mask);
          break;
        case 'B':
          cols[f] = new BooleanColumn(exact ? booleans[f] : Arrays.copyOf(booleans[f], n), mask);
          break;
        case 'O':
          cols[f] = new ObjectColumn(exact ? objects[f] : Arrays.copyOf(objects[f], n));
          break;
        default:
          break;
      }
    }
    Chunk chunk =
        new Chunk(
            layout,
            key,
            exact ? times : Arrays.copyOf(times, n),
            exact ? seqs : Arrays.copyOf(seqs, n),
            cols,
            sources,
            origins == null ? null : exact ? origins : Arrays.copyOf(origins, n));
    if (more) {
      allocate(n == maxRows ? maxRows : initial);
    }
    return chunk;
  }

  /**
   * The committed rows as a block (null if none), grouped by series in the order of their numbers
   * and in arrival order within a series; starts a new block. Rows are copied once, into arrays of
   * exactly the block's size.
   *
   * @param keys the key of each series number given to {@link #setSeries}
   * @param more whether rows will follow (a full block is then followed by full-size arrays)
   */
  Chunk takeBlock(List<Row> keys, boolean more) {
    if (size == 0) {
      return null;
    }
    int n = size;
    int k = keys.size();
    // a counting sort by series number: start[s] is the first position of series s
    int[] start = new int[k + 1];
    for (int i = 0; i < n; i++) {
      start[seriesIds[i] + 1]++;
    }
    int present = 0;
    for (int s = 0; s < k; s++) {
      if (start[s + 1] > 0) {
        present++;
      }
      start[s + 1] += start[s];
    }
    Row[] blockKeys = new Row[present];
    int[] ends = new int[present];
    int p = 0;
    for (int s = 0; s < k; s++) {
      if (start[s + 1] > start[s]) {
        blockKeys[p] = keys.get(s);
        ends[p++] = start[s + 1];
      }
    }
    int[] positions = new int[n];
    for (int i = 0; i < n; i++) {
      positions[start[seriesIds[i]]++] = i;
    }
    long[] t = new long[n];
    long[] q = new long[n];
    for (int j = 0; j < n; j++) {
      t[j] = times[positions[j]];
      q[j] = seqs[positions[j]];
    }
    long[] o = null;
    if (origins != null) {
      o = new long[n];
      for (int j = 0; j < n; j++) {
        o[j] = origins[positions[j]];
      }
    }
    boolean[] noNulls = null; // shared by every column of this block without nulls
    Column[] cols = new Column[kinds.length];
    for (int f = 0; f < kinds.length; f++) {
      boolean[] mask = null;
      if (kinds[f] == 'D' || kinds[f] == 'L' || kinds[f] == 'B') {
        if (hasNull(nulls[f], n)) {
          mask = new boolean[n];
          for (int j = 0; j < n; j++) {
            mask[j] = nulls[f][positions[j]];
          }
        } else {
          noNulls = noNulls != null ? noNulls : noNulls(n);
          mask = noNulls;
        }
      }
      switch (kinds[f]) {
        case 'D':
          {
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
              v[j] = doubles[f][positions[j]];
            }
            cols[f] = new DoubleColumn(v, mask);
            break;
          }
        case 'L':
          {
            long[] v = new long[n];
            for (int j = 0; j < n; j++) {
              v[j] = longs[f][positions[j]];
            }
            cols[f] = new LongColumn(v, mask);
            break;
          }
        case 'B':
          {
            boolean[] v = new boolean[n];
            for (int j = 0; j < n; j++) {
              v[j] = booleans[f][positions[j]];
            }
            cols[f] = new BooleanColumn(v, mask);
            break;
          }
        case 'O':
          {
            Object[] v = new Object[n];
            for (int j = 0; j < n; j++) {
              v[j] = objects[f][positions[j]];
            }
            cols[f] = new ObjectColumn(v);
            break;
          }
        default:
          break;
      }
    }
    Chunk block = Chunk.block(layout, blockKeys, ends, t, q, cols, sources, o);
    if (more) {
      allocate(n == maxRows ? maxRows : initial);
    } else {
      size = 0;
      minTime = Long.MAX_VALUE;
    }
    return block;
  }

  private static boolean hasNull(boolean[] mask, int n) {
    for (int i = 0; i < n; i++) {
      if (mask[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * An all-false mask of {@code n} rows, never written: shared for small {@code n} (a racing thread
   * may make its own; a new array's zeros are visible to every thread).
   */
  static boolean[] noNulls(int n) {
    if (n > SHARED_MASK_ROWS) {
      return new boolean[n];
    }
    boolean[] mask = SHARED_MASKS[n];
    if (mask == null) {
      mask = new boolean[n];
      SHARED_MASKS[n] = mask;
    }
    return mask;
  }
}
