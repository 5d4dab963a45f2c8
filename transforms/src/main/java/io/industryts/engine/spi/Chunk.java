package io.industryts.engine.spi;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/**
 * The engine's element: a slice of one series in columnar form.
 *
 * <p>A chunk holds {@code size} rows of one series (all rows share the key values in {@link
 * #key()}): the time of each row as epoch milliseconds, a tie-order number ({@link #seqs()}, the
 * input order of §1.4: file and byte position for files, a deterministic hash for rows built
 * elsewhere), and one {@link Column} per other field of the row schema. The schema's time field is
 * always {@code DATETIME}; its column slot and the key fields' slots are {@code null} because those
 * values live in {@link #times()} and {@link #key()}.
 *
 * <p><b>Provenance.</b> A chunk read from files may carry each row's origin: the source file and
 * physical line (for Parquet / Arrow: the 1-based row number), packed into one {@code long} per row
 * ({@link #origin(int, long)}) with a small table of source names per chunk, so a row rejected by
 * an operation names {@code file:line} in its error record. Slicing, taking, concatenating and
 * replacing columns or times keep the origins; rows an operation builds (buckets, grid points) have
 * none ({@link #NO_ORIGIN}). The engine drops them after the last kernel of a plan that may report
 * bad rows ({@link ContextSpec#withRowErrors()}). The writers ignore them. Origins are not part of
 * a chunk's value ({@link #equals}).
 *
 * <p>Chunks are values: nothing mutates a chunk or its arrays after construction. Whether a chunk
 * is sorted by (time, seq) depends on where it is in the engine: readers produce chunks in input
 * order, segments are sorted.
 *
 * <p><b>Blocks.</b> A reader of many small series may hand the engine a <em>block</em> ({@link
 * #block}): the rows of several series in one set of columns, grouped by series (series {@code s}
 * holds rows {@code [seriesStart(s), seriesEnd(s))}), each series with its own key ({@link
 * #seriesKey(int)}). A block costs a few large arrays where one chunk per series would cost some
 * forty objects per series. Only the engine's first grouping by series takes blocks apart ({@link
 * #series(int)}, {@link #seriesSubset(int[], int)}); {@link #key()} and the row operations reject a
 * block, so no step treats it as one series by mistake.
 */
public final class Chunk implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ChunkLayout layout;
  private final Row key;
  private final long[] times;
  private final long[] seqs;
  private final Column[] columns;
  private final String[] sources; // null: no provenance
  private final long[] origins; // per row: origin(source index, line) or NO_ORIGIN; null: none
  private final Row[] seriesKeys; // a block's keys, one per series; null: one series (key)
  private final int[] seriesEnds; // a block's end row per series, ascending; null with seriesKeys

  /** The origin of a row without one (built by an operation, or from rows without a source). */
  public static final long NO_ORIGIN = -1L;

  private static final int LINE_BITS = 40;
  private static final long LINE_MASK = (1L << LINE_BITS) - 1;

  /**
   * Wraps the arrays (not copied); no provenance.
   *
   * @param layout schema, time field and key fields
   * @param key the key values as a row of {@link ChunkLayout#keySchema()}
   * @param times epoch millis per row
   * @param seqs tie order per row (same length as {@code times})
   * @param columns one entry per schema field; {@code null} for the time and key fields
   */
  public Chunk(ChunkLayout layout, Row key, long[] times, long[] seqs, Column[] columns) {
    this(layout, key, times, seqs, columns, null, null);
  }

  /**
   * Wraps the arrays (not copied), with each row's origin.
   *
   * @param sources the source names the origins point into ({@code null}: no provenance)
   * @param origins per row {@link #origin(int, long)} or {@link #NO_ORIGIN} ({@code null} with
   *     {@code sources})
   */
  public Chunk(
      ChunkLayout layout,
      Row key,
      long[] times,
      long[] seqs,
      Column[] columns,
      String[] sources,
      long[] origins) {
    this(layout, key, null, null, times, seqs, columns, sources, origins);
  }

  private Chunk(
      ChunkLayout layout,
      Row key,
      Row[] seriesKeys,
      int[] seriesEnds,
      long[] times,
      long[] seqs,
      Column[] columns,
      String[] sources,
      long[] origins) {
    this.layout = layout;
    this.key = key;
    this.seriesKeys = seriesKeys;
    this.seriesEnds = seriesEnds;
    this.times = times;
    this.seqs = seqs;
    this.columns = columns;
    this.sources = origins == null ? null : sources;
    this.origins = sources == null ? null : origins;
    if (this.origins != null && this.origins.length != times.length) {
      throw new IllegalArgumentException("Chunk: times and origins differ in length");
    }
    if (seqs.length != times.length) {
      throw new IllegalArgumentException("Chunk: times and seqs differ in length");
    }
    if (columns.length != layout.schema().getFieldCount()) {
      throw new IllegalArgumentException(
          "Chunk: "
              + columns.length
              + " columns for a schema of "
              + layout.schema().getFieldCount()
              + " fields "
              + layout.schema().getFieldNames());
    }
    for (int f = 0; f < columns.length; f++) {
      boolean slotEmpty = layout.isTimeOrKey(f);
      if (slotEmpty != (columns[f] == null)) {
        throw new IllegalArgumentException(
            "Chunk: column slot "
                + f
                + " ("
                + layout.schema().getField(f).getName()
                + ") must be "
                + (slotEmpty ? "null (time or key field)" : "present"));
      }
      if (!slotEmpty && columns[f].size() != times.length) {
        throw new IllegalArgumentException(
            "Chunk: column "
                + layout.schema().getField(f).getName()
                + " has "
                + columns[f].size()
                + " cells, expected "
                + times.length);
      }
    }
  }

  /**
   * A block: the rows of several series, grouped by series, in one set of columns (arrays wrapped,
   * not copied). Series {@code s} has key {@code keys[s]} and rows {@code [ends[s - 1], ends[s])}
   * ({@code [0, ends[0])} for the first).
   *
   * @param keys one key per series, each a row of {@link ChunkLayout#keySchema()}
   * @param ends the end row of each series, ascending, the last one {@code times.length}
   * @throws IllegalArgumentException when keys and ends differ in length, or ends are not ascending
   *     up to the row count
   */
  public static Chunk block(
      ChunkLayout layout,
      Row[] keys,
      int[] ends,
      long[] times,
      long[] seqs,
      Column[] columns,
      String[] sources,
      long[] origins) {
    if (keys.length != ends.length || keys.length == 0) {
      throw new IllegalArgumentException(
          "Chunk.block: "
              + keys.length
              + " keys for "
              + ends.length
              + " series ends; give one key and one end row per series, at least one series");
    }
    int previous = 0;
    for (int s = 0; s < ends.length; s++) {
      if (ends[s] < previous) {
        throw new IllegalArgumentException(
            "Chunk.block: series " + s + " ends at row " + ends[s] + ", before row " + previous);
      }
      previous = ends[s];
    }
    if (previous != times.length) {
      throw new IllegalArgumentException(
          "Chunk.block: the last series ends at row "
              + previous
              + " but the block has "
              + times.length
              + " rows");
    }
    return new Chunk(layout, null, keys, ends, times, seqs, columns, sources, origins);
  }

  /** Whether this chunk is a block of several series ({@link #block}). */
  public boolean isBlock() {
    return seriesKeys != null;
  }

  /** The number of series: 1 for a chunk, the block's series count for a block. */
  public int seriesCount() {
    return seriesKeys == null ? 1 : seriesKeys.length;
  }

  /** The key of series {@code s} ({@link #key()} for a chunk, whose only series is 0). */
  public Row seriesKey(int s) {
    return seriesKeys == null ? requireSeriesZero(s, key) : seriesKeys[s];
  }

  /** The first row of series {@code s}. */
  public int seriesStart(int s) {
    return seriesKeys == null ? requireSeriesZero(s, 0) : s == 0 ? 0 : seriesEnds[s - 1];
  }

  /** The row after the last row of series {@code s}. */
  public int seriesEnd(int s) {
    return seriesKeys == null ? requireSeriesZero(s, times.length) : seriesEnds[s];
  }

  private static <T> T requireSeriesZero(int s, T value) {
    if (s != 0) {
      throw new IndexOutOfBoundsException("Chunk: series " + s + " of a chunk of one series");
    }
    return value;
  }

  /**
   * The rows of series {@code s} as a chunk of that series (copied from a block; {@code this} for a
   * chunk).
   */
  public Chunk series(int s) {
    if (seriesKeys == null) {
      return requireSeriesZero(s, this);
    }
    return rows(seriesKeys[s], seriesStart(s), seriesEnd(s));
  }

  /**
   * A block of the series {@code which[0..count)} of this block, in that order, their rows copied.
   */
  public Chunk seriesSubset(int[] which, int count) {
    requireBlock("seriesSubset");
    Row[] keys = new Row[count];
    int[] ends = new int[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      int s = which[i];
      keys[i] = seriesKeys[s];
      n += seriesEnd(s) - seriesStart(s);
      ends[i] = n;
    }
    int[] positions = new int[n];
    int at = 0;
    for (int i = 0; i < count; i++) {
      for (int r = seriesStart(which[i]); r < seriesEnd(which[i]); r++) {
        positions[at++] = r;
      }
    }
    Chunk rows = gather(null, positions, n);
    return new Chunk(
        layout, null, keys, ends, rows.times, rows.seqs, rows.columns, rows.sources, rows.origins);
  }

  private void requireBlock(String method) {
    if (seriesKeys == null) {
      throw new IllegalStateException("Chunk." + method + ": this chunk is not a block");
    }
  }

  /**
   * Throws for a block: {@code method} treats its chunk as one series, which a block is not. Blocks
   * leave the reader only towards the engine's first grouping, which splits them.
   */
  private void requireSingle(String method) {
    if (seriesKeys != null) {
      throw new IllegalStateException(
          "Chunk."
              + method
              + ": this chunk is a block of "
              + seriesKeys.length
              + " series; take its series apart first (series(i)), as the engine's grouping by"
              + " series does");
    }
  }

  /** An empty chunk of the layout. */
  public static Chunk empty(ChunkLayout layout, Row key) {
    Column[] cols = new Column[layout.schema().getFieldCount()];
    for (int f = 0; f < cols.length; f++) {
      if (!layout.isTimeOrKey(f)) {
        cols[f] = ColumnBuilder.forType(layout.schema().getField(f).getType(), 0).build();
      }
    }
    return new Chunk(layout, key, new long[0], new long[0], cols);
  }

  public ChunkLayout layout() {
    return layout;
  }

  public Schema schema() {
    return layout.schema();
  }

  /**
   * Key values as a row of {@link ChunkLayout#keySchema()} (zero fields when there are no keys).
   */
  public Row key() {
    requireSingle("key");
    return key;
  }

  public int size() {
    return times.length;
  }

  /** Epoch millis per row, shared: never modify. */
  public long[] times() {
    return times;
  }

  /** Tie order per row, shared: never modify. */
  public long[] seqs() {
    return seqs;
  }

  /** The column of schema field {@code fieldIndex} ({@code null} for the time and key fields). */
  public Column column(int fieldIndex) {
    return columns[fieldIndex];
  }

  /** The column of the named field. */
  public Column column(String fieldName) {
    return columns[layout.schema().indexOf(fieldName)];
  }

  /** All column slots, shared: never modify the array. */
  public Column[] columns() {
    return columns;
  }

  /** A copy of the column slots, for building a chunk with some columns replaced. */
  public Column[] columnsCopy() {
    return Arrays.copyOf(columns, columns.length);
  }

  /**
   * Same rows and times, other columns (and possibly another layout with the same time and keys).
   */
  public Chunk withColumns(ChunkLayout newLayout, Column[] newColumns) {
    requireSingle("withColumns");
    return new Chunk(newLayout, key, times, seqs, newColumns, sources, origins);
  }

  /** Same rows and columns, other times (e.g. snapped). */
  public Chunk withTimes(long[] newTimes) {
    requireSingle("withTimes");
    return new Chunk(layout, key, newTimes, seqs, columns, sources, origins);
  }

  /** Same rows, with these origins ({@code null}s: none). */
  public Chunk withOrigins(String[] newSources, long[] newOrigins) {
    requireSingle("withOrigins");
    return new Chunk(layout, key, times, seqs, columns, newSources, newOrigins);
  }

  /** Same rows without origins ({@code this} when it has none). */
  public Chunk withoutOrigins() {
    return origins == null
        ? this
        : new Chunk(layout, key, seriesKeys, seriesEnds, times, seqs, columns, null, null);
  }

  /** Packs a row's origin: index into the chunk's sources, and the 1-based line (or row). */
  public static long origin(int sourceIndex, long line) {
    return ((long) sourceIndex << LINE_BITS) | (line & LINE_MASK);
  }

  /** Whether the rows carry origins. */
  public boolean hasOrigins() {
    return origins != null;
  }

  /** The source names the origins point into (null without provenance), shared: never modify. */
  public String[] sources() {
    return sources;
  }

  /** Per row origin (null without provenance), shared: never modify. */
  public long[] origins() {
    return origins;
  }

  /** The source file of row {@code i}, or null when it has no origin. */
  public String source(int i) {
    if (origins == null || origins[i] == NO_ORIGIN) {
      return null;
    }
    return sources[(int) (origins[i] >>> LINE_BITS)];
  }

  /** The physical line (or row number) of row {@code i} in its source, or null. */
  public Long line(int i) {
    if (origins == null || origins[i] == NO_ORIGIN) {
      return null;
    }
    return origins[i] & LINE_MASK;
  }

  /** Rows {@code [from, to)}. */
  public Chunk slice(int from, int to) {
    requireSingle("slice");
    if (from == 0 && to == size()) {
      return this;
    }
    return rows(key, from, to);
  }

  /** Rows {@code [from, to)} as a chunk of one series with key {@code rowsKey}. */
  private Chunk rows(Row rowsKey, int from, int to) {
    Column[] out = new Column[columns.length];
    for (int f = 0; f < columns.length; f++) {
      if (columns[f] != null) {
        out[f] = columns[f].slice(from, to);
      }
    }
    return new Chunk(
        layout,
        rowsKey,
        Arrays.copyOfRange(times, from, to),
        Arrays.copyOfRange(seqs, from, to),
        out,
        sources,
        origins == null ? null : Arrays.copyOfRange(origins, from, to));
  }

  /** The rows at {@code positions[0..count)}, in that order. */
  public Chunk take(int[] positions, int count) {
    requireSingle("take");
    return gather(key, positions, count);
  }

  /** The rows at {@code positions[0..count)} as a chunk with key {@code rowsKey}. */
  private Chunk gather(Row rowsKey, int[] positions, int count) {
    Column[] out = new Column[columns.length];
    for (int f = 0; f < columns.length; f++) {
      if (columns[f] != null) {
        out[f] = columns[f].take(positions, count);
      }
    }
    long[] t = new long[count];
    long[] s = new long[count];
    for (int i = 0; i < count; i++) {
      t[i] = times[positions[i]];
      s[i] = seqs[positions[i]];
    }
    long[] o = null;
    if (origins != null) {
      o = new long[count];
      for (int i = 0; i < count; i++) {
        o[i] = origins[positions[i]];
      }
    }
    return new Chunk(layout, rowsKey, t, s, out, sources, o);
  }

  /** Concatenates chunks of one layout and key, in list order. */
  public static Chunk concat(List<Chunk> parts) {
    parts.get(0).requireSingle("concat");
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Chunk first = parts.get(0);
    int n = 0;
    for (Chunk c : parts) {
      n += c.size();
    }
    long[] t = new long[n];
    long[] s = new long[n];
    int at = 0;
    for (Chunk c : parts) {
      System.arraycopy(c.times, 0, t, at, c.size());
      System.arraycopy(c.seqs, 0, s, at, c.size());
      at += c.size();
    }
    Column[] out = new Column[first.columns.length];
    Column[] pieces = new Column[parts.size()];
    for (int f = 0; f < out.length; f++) {
      if (first.columns[f] == null) {
        continue;
      }
      for (int p = 0; p < parts.size(); p++) {
        pieces[p] = parts.get(p).columns[f];
      }
      out[f] = Column.concat(pieces);
    }
    return concatOrigins(parts, n, new Chunk(first.layout, first.key, t, s, out));
  }

  /** {@code joined} with the origins of {@code parts}, their source tables merged. */
  private static Chunk concatOrigins(List<Chunk> parts, int n, Chunk joined) {
    boolean any = false;
    for (Chunk c : parts) {
      any |= c.origins != null;
    }
    if (!any) {
      return joined;
    }
    java.util.Map<String, Integer> table = new java.util.LinkedHashMap<>();
    long[] o = new long[n];
    int at = 0;
    for (Chunk c : parts) {
      if (c.origins == null) {
        Arrays.fill(o, at, at + c.size(), NO_ORIGIN);
      } else {
        long[] remap = new long[c.sources.length];
        boolean same = true;
        for (int k = 0; k < remap.length; k++) {
          int index = table.computeIfAbsent(c.sources[k], name -> table.size());
          remap[k] = index;
          same &= index == k;
        }
        if (same) {
          System.arraycopy(c.origins, 0, o, at, c.size());
        } else {
          for (int i = 0; i < c.size(); i++) {
            long v = c.origins[i];
            o[at + i] = v == NO_ORIGIN ? v : origin((int) remap[(int) (v >>> LINE_BITS)], v);
          }
        }
      }
      at += c.size();
    }
    return joined.withOrigins(table.keySet().toArray(new String[0]), o);
  }

  /**
   * Rows {@code [from[i], to[i])} of {@code parts[i]} for {@code i < count} (chunks or blocks of
   * one layout), one after another, as one chunk of the series {@code key}, copied once: how the
   * engine builds a series from its pieces in several blocks. Origins are kept, their source tables
   * merged as {@link #concat} merges them.
   */
  public static Chunk concatRanges(Row key, Chunk[] parts, int[] from, int[] to, int count) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      n += to[i] - from[i];
    }
    Chunk first = parts[0];
    long[] t = new long[n];
    long[] s = new long[n];
    int at = 0;
    for (int i = 0; i < count; i++) {
      System.arraycopy(parts[i].times, from[i], t, at, to[i] - from[i]);
      System.arraycopy(parts[i].seqs, from[i], s, at, to[i] - from[i]);
      at += to[i] - from[i];
    }
    Column[] out = new Column[first.columns.length];
    Column[] pieces = new Column[count];
    for (int f = 0; f < out.length; f++) {
      if (first.columns[f] == null) {
        continue;
      }
      for (int i = 0; i < count; i++) {
        pieces[i] = parts[i].columns[f];
      }
      out[f] = Column.concatRanges(pieces, from, to, count, n);
    }
    Chunk joined = new Chunk(first.layout, key, t, s, out);
    boolean any = false;
    for (int i = 0; i < count; i++) {
      any |= parts[i].origins != null;
    }
    if (!any) {
      return joined;
    }
    java.util.Map<String, Integer> table = new java.util.LinkedHashMap<>();
    long[] o = new long[n];
    at = 0;
    for (int i = 0; i < count; i++) {
      Chunk c = parts[i];
      int rows = to[i] - from[i];
      if (c.origins == null) {
        Arrays.fill(o, at, at + rows, NO_ORIGIN);
      } else {
        int[] remap = new int[c.sources.length];
        for (int k = 0; k < remap.length; k++) {
          remap[k] = table.computeIfAbsent(c.sources[k], name -> table.size());
        }
        for (int r = 0; r < rows; r++) {
          long v = c.origins[from[i] + r];
          o[at + r] = v == NO_ORIGIN ? v : origin(remap[(int) (v >>> LINE_BITS)], v);
        }
      }
      at += rows;
    }
    return joined.withOrigins(table.keySet().toArray(new String[0]), o);
  }

  /** Whether rows are in series order: time ascending, ties by seq ascending. */
  public boolean isSorted() {
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1] || (times[i] == times[i - 1] && seqs[i] < seqs[i - 1])) {
        return false;
      }
    }
    return true;
  }

  /** This chunk in series order (time, then seq); {@code this} when already sorted. */
  public Chunk sorted() {
    requireSingle("sorted");
    if (isSorted()) {
      return this;
    }
    int[] order = SeriesOrder.sortIndex(times, seqs);
    return take(order, order.length);
  }

  /** The row at position {@code i} as a Beam Row (slow path: edges and tests only). */
  public Row row(int i) {
    Schema schema = layout.schema();
    Row.Builder b = Row.withSchema(schema);
    Object[] values = new Object[schema.getFieldCount()];
    for (int f = 0; f < values.length; f++) {
      values[f] = RowValues.toRowValue(this, f, i);
    }
    return b.addValues(values).build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Chunk)) {
      return false;
    }
    Chunk c = (Chunk) o;
    if (!layout.equals(c.layout)
        || !Objects.equals(key, c.key)
        || !Arrays.equals(seriesKeys, c.seriesKeys)
        || !Arrays.equals(seriesEnds, c.seriesEnds)
        || !Arrays.equals(times, c.times)
        || !Arrays.equals(seqs, c.seqs)) {
      return false;
    }
    for (int f = 0; f < columns.length; f++) {
      if (columns[f] == null) {
        continue;
      }
      for (int i = 0; i < size(); i++) {
        if (!Objects.equals(columns[f].get(i), c.columns[f].get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return seriesKeys == null
        ? Objects.hash(key, Arrays.hashCode(times))
        : Objects.hash(Arrays.hashCode(seriesKeys), Arrays.hashCode(times));
  }

  @Override
  public String toString() {
    return (seriesKeys == null ? "Chunk{key=" + key : "Chunk{block of " + seriesKeys.length)
        + ", rows="
        + size()
        + (size() > 0 ? ", from=" + times[0] + ", to=" + times[size() - 1] : "")
        + "}";
  }
}
