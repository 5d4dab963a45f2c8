package io.industryts.engine;

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
 * <p>Chunks are values: nothing mutates a chunk or its arrays after construction. Whether a chunk is
 * sorted by (time, seq) depends on where it is in the engine: readers produce chunks in input order,
 * segments are sorted.
 */
public final class Chunk implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ChunkLayout layout;
  private final Row key;
  private final long[] times;
  private final long[] seqs;
  private final Column[] columns;

  /**
   * Wraps the arrays (not copied).
   *
   * @param layout schema, time field and key fields
   * @param key the key values as a row of {@link ChunkLayout#keySchema()}
   * @param times epoch millis per row
   * @param seqs tie order per row (same length as {@code times})
   * @param columns one entry per schema field; {@code null} for the time and key fields
   */
  public Chunk(ChunkLayout layout, Row key, long[] times, long[] seqs, Column[] columns) {
    this.layout = layout;
    this.key = key;
    this.times = times;
    this.seqs = seqs;
    this.columns = columns;
    if (seqs.length != times.length) {
      throw new IllegalArgumentException("Chunk: times and seqs differ in length");
    }
    if (columns.length != layout.schema().getFieldCount()) {
      throw new IllegalArgumentException(
          "Chunk: " + columns.length + " columns for a schema of " + layout.schema().getFieldCount()
              + " fields " + layout.schema().getFieldNames());
    }
    for (int f = 0; f < columns.length; f++) {
      boolean slotEmpty = layout.isTimeOrKey(f);
      if (slotEmpty != (columns[f] == null)) {
        throw new IllegalArgumentException(
            "Chunk: column slot " + f + " (" + layout.schema().getField(f).getName() + ") must be "
                + (slotEmpty ? "null (time or key field)" : "present"));
      }
      if (!slotEmpty && columns[f].size() != times.length) {
        throw new IllegalArgumentException(
            "Chunk: column " + layout.schema().getField(f).getName() + " has " + columns[f].size()
                + " cells, expected " + times.length);
      }
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

  /** Key values as a row of {@link ChunkLayout#keySchema()} (zero fields when there are no keys). */
  public Row key() {
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

  /** Same rows and times, other columns (and possibly another layout with the same time and keys). */
  public Chunk withColumns(ChunkLayout newLayout, Column[] newColumns) {
    return new Chunk(newLayout, key, times, seqs, newColumns);
  }

  /** Same rows and columns, other times (e.g. snapped). */
  public Chunk withTimes(long[] newTimes) {
    return new Chunk(layout, key, newTimes, seqs, columns);
  }

  /** Rows {@code [from, to)}. */
  public Chunk slice(int from, int to) {
    if (from == 0 && to == size()) {
      return this;
    }
    Column[] out = new Column[columns.length];
    for (int f = 0; f < columns.length; f++) {
      if (columns[f] != null) {
        out[f] = columns[f].slice(from, to);
      }
    }
    return new Chunk(
        layout, key, Arrays.copyOfRange(times, from, to), Arrays.copyOfRange(seqs, from, to), out);
  }

  /** The rows at {@code positions[0..count)}, in that order. */
  public Chunk take(int[] positions, int count) {
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
    return new Chunk(layout, key, t, s, out);
  }

  /** Concatenates chunks of one layout and key, in list order. */
  public static Chunk concat(List<Chunk> parts) {
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
    return new Chunk(first.layout, first.key, t, s, out);
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
    if (!layout.equals(c.layout) || !Objects.equals(key, c.key)
        || !Arrays.equals(times, c.times) || !Arrays.equals(seqs, c.seqs)) {
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
    return Objects.hash(key, Arrays.hashCode(times));
  }

  @Override
  public String toString() {
    return "Chunk{key=" + key + ", rows=" + size()
        + (size() > 0 ? ", from=" + times[0] + ", to=" + times[size() - 1] : "") + "}";
  }
}
