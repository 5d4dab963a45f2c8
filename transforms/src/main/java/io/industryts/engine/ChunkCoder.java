package io.industryts.engine;

import io.industryts.engine.spi.BooleanColumn;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.ObjectColumn;
import io.industryts.engine.spi.PrimitiveColumn;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * Deterministic coder for chunks of one {@link ChunkLayout}: primitive arrays are written as raw
 * big-endian values, key and object cells through Beam's {@link RowCoder}. A chunk starts with a
 * tag byte: {@code 0} then its key, or {@code 1} for a block ({@link Chunk#block}) then its series
 * count and each series' key and end row; the rows follow in the same form for both.
 */
public final class ChunkCoder extends CustomCoder<Chunk> {
  private static final long serialVersionUID = 1L;

  private final ChunkLayout layout;
  private final RowCoder keyCoder;
  private final RowCoder[] cellCoders;

  private ChunkCoder(ChunkLayout layout) {
    this.layout = layout;
    this.keyCoder = RowCoder.of(layout.keySchema());
    Schema schema = layout.schema();
    this.cellCoders = new RowCoder[schema.getFieldCount()];
    for (int f = 0; f < cellCoders.length; f++) {
      FieldType type = schema.getField(f).getType();
      if (!layout.isTimeOrKey(f) && storage(type) == 'O') {
        cellCoders[f] =
            RowCoder.of(Schema.builder().addField("v", type.withNullable(true)).build());
      }
    }
  }

  public static ChunkCoder of(ChunkLayout layout) {
    return new ChunkCoder(layout);
  }

  public ChunkLayout layout() {
    return layout;
  }

  /**
   * How a value field of {@code type} is stored in a chunk column: {@code 'D'} doubles, {@code 'L'}
   * longs, {@code 'B'} booleans, {@code 'O'} objects (shared with the file readers' assemblers).
   */
  public static char storage(FieldType type) {
    switch (type.getTypeName()) {
      case DOUBLE:
      case FLOAT:
        return 'D';
      case BYTE:
      case INT16:
      case INT32:
      case INT64:
        return 'L';
      case BOOLEAN:
        return 'B';
      default:
        return 'O';
    }
  }

  @Override
  public void encode(Chunk chunk, OutputStream outStream) throws IOException {
    DataOutputStream header = new DataOutputStream(outStream);
    if (chunk.isBlock()) {
      header.writeByte(BLOCK);
      header.writeInt(chunk.seriesCount());
      header.flush();
      for (int s = 0; s < chunk.seriesCount(); s++) {
        keyCoder.encode(chunk.seriesKey(s), outStream);
        header.writeInt(chunk.seriesEnd(s));
        header.flush();
      }
    } else {
      header.writeByte(ONE_SERIES);
      header.flush();
      keyCoder.encode(chunk.key(), outStream);
    }
    int n = chunk.size();
    header.writeInt(n);
    header.flush();
    writeLongs(outStream, chunk.times(), n);
    writeLongs(outStream, chunk.seqs(), n);
    writeOrigins(outStream, chunk);
    for (int f = 0; f < cellCoders.length; f++) {
      Column c = chunk.column(f);
      if (c == null) {
        continue;
      }
      if (c instanceof PrimitiveColumn) {
        writeBooleans(outStream, ((PrimitiveColumn) c).nulls(), n);
      }
      if (c instanceof DoubleColumn) {
        double[] v = ((DoubleColumn) c).values();
        ByteBuffer buf = ByteBuffer.allocate(n * 8);
        buf.asDoubleBuffer().put(v, 0, n);
        outStream.write(buf.array());
      } else if (c instanceof LongColumn) {
        writeLongs(outStream, ((LongColumn) c).values(), n);
      } else if (c instanceof BooleanColumn) {
        writeBooleans(outStream, ((BooleanColumn) c).values(), n);
      } else {
        Schema cell = cellCoders[f].getSchema();
        Object[] v = ((ObjectColumn) c).values();
        for (int i = 0; i < n; i++) {
          cellCoders[f].encode(Row.withSchema(cell).addValue(v[i]).build(), outStream);
        }
      }
    }
  }

  /**
   * The source table (-1: none), then the origins (provenance, see {@link Chunk}) as runs when that
   * is shorter, else one {@code long} per row. Rows read from a file come in runs of consecutive
   * lines of one file ({@code base, base + 1, ...}), and sorting, filtering and slicing mostly keep
   * them: a chunk of a million rows is usually one run of 12 bytes instead of 8 MB.
   */
  private static void writeOrigins(OutputStream out, Chunk chunk) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    String[] sources = chunk.sources();
    if (!chunk.hasOrigins()) {
      data.writeInt(-1);
      data.flush();
      return;
    }
    data.writeInt(sources.length);
    for (String s : sources) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      data.writeInt(b.length);
      data.write(b);
    }
    long[] origins = chunk.origins();
    int n = chunk.size();
    int runs = countRuns(origins, n);
    // a run costs 12 bytes (first origin, length), a row 8
    if ((long) runs * 12 < (long) n * 8) {
      data.writeByte(ORIGIN_RUNS);
      data.writeInt(runs);
      int i = 0;
      while (i < n) {
        int end = runEnd(origins, i, n);
        data.writeLong(origins[i]);
        data.writeInt(end - i);
        i = end;
      }
      data.flush();
    } else {
      data.writeByte(ORIGIN_ROWS);
      data.flush();
      writeLongs(out, origins, n);
    }
  }

  /** Tag of a chunk of one series. */
  private static final int ONE_SERIES = 0;

  /** Tag of a block of several series. */
  private static final int BLOCK = 1;

  /** Origins written one per row. */
  private static final int ORIGIN_ROWS = 0;

  /** Origins written as runs: (first origin, length), each row one line after the one before. */
  private static final int ORIGIN_RUNS = 1;

  /**
   * The end of the run starting at row {@code from}: rows whose origin is one more than the row's
   * before (the next line of the same file), or rows without an origin after one without. Origins
   * are never negative but for {@link Chunk#NO_ORIGIN}, so a run of lines never reaches it.
   */
  private static int runEnd(long[] origins, int from, int n) {
    long step = origins[from] == Chunk.NO_ORIGIN ? 0 : 1;
    int i = from + 1;
    while (i < n && origins[i] == origins[i - 1] + step) {
      i++;
    }
    return i;
  }

  private static int countRuns(long[] origins, int n) {
    int runs = 0;
    for (int i = 0; i < n; i = runEnd(origins, i, n)) {
      runs++;
    }
    return runs;
  }

  private static void writeLongs(OutputStream out, long[] v, int n) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(n * 8);
    buf.asLongBuffer().put(v, 0, n);
    out.write(buf.array());
  }

  private static void writeBooleans(OutputStream out, boolean[] v, int n) throws IOException {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (v[i] ? 1 : 0);
    }
    out.write(b);
  }

  private static byte[] readBytes(InputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    int at = 0;
    while (at < n) {
      int r = in.read(b, at, n - at);
      if (r < 0) {
        throw new CoderException("ChunkCoder: unexpected end of input");
      }
      at += r;
    }
    return b;
  }

  private static long[] readLongs(InputStream in, int n) throws IOException {
    long[] v = new long[n];
    ByteBuffer.wrap(readBytes(in, n * 8)).asLongBuffer().get(v);
    return v;
  }

  private static boolean[] readBooleans(InputStream in, int n) throws IOException {
    byte[] b = readBytes(in, n);
    boolean[] v = new boolean[n];
    for (int i = 0; i < n; i++) {
      v[i] = b[i] != 0;
    }
    return v;
  }

  @Override
  public Chunk decode(InputStream inStream) throws IOException {
    DataInputStream header = new DataInputStream(inStream);
    int tag = header.readByte();
    Row key = null;
    Row[] keys = null;
    int[] ends = null;
    if (tag == ONE_SERIES) {
      key = keyCoder.decode(inStream);
    } else if (tag == BLOCK) {
      int count = header.readInt();
      keys = new Row[count];
      ends = new int[count];
      for (int s = 0; s < count; s++) {
        keys[s] = keyCoder.decode(inStream);
        ends[s] = header.readInt();
      }
    } else {
      throw new CoderException("ChunkCoder: unknown chunk tag " + tag + " (expected 0 or 1)");
    }
    int n = header.readInt();
    long[] t = readLongs(inStream, n);
    long[] s = readLongs(inStream, n);
    DataInputStream data = new DataInputStream(inStream);
    int sourceCount = data.readInt();
    String[] sources = null;
    long[] origins = null;
    if (sourceCount >= 0) {
      sources = new String[sourceCount];
      for (int k = 0; k < sourceCount; k++) {
        sources[k] = new String(readBytes(inStream, data.readInt()), StandardCharsets.UTF_8);
      }
      origins = readOrigins(data, inStream, n);
    }
    Column[] cols = new Column[cellCoders.length];
    for (int f = 0; f < cols.length; f++) {
      if (layout.isTimeOrKey(f)) {
        continue;
      }
      char kind = storage(layout.fieldType(f));
      if (kind == 'O') {
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
          v[i] = cellCoders[f].decode(inStream).getValue(0);
        }
        cols[f] = new ObjectColumn(v);
        continue;
      }
      boolean[] nulls = readBooleans(inStream, n);
      if (kind == 'D') {
        double[] v = new double[n];
        ByteBuffer.wrap(readBytes(inStream, n * 8)).asDoubleBuffer().get(v);
        cols[f] = new DoubleColumn(v, nulls);
      } else if (kind == 'L') {
        cols[f] = new LongColumn(readLongs(inStream, n), nulls);
      } else {
        cols[f] = new BooleanColumn(readBooleans(inStream, n), nulls);
      }
    }
    return keys == null
        ? new Chunk(layout, key, t, s, cols, sources, origins)
        : Chunk.block(layout, keys, ends, t, s, cols, sources, origins);
  }

  /** The origins {@link #writeOrigins} wrote: runs or one per row. */
  private static long[] readOrigins(DataInputStream data, InputStream in, int n)
      throws IOException {
    int mode = data.readByte();
    if (mode == ORIGIN_ROWS) {
      return readLongs(in, n);
    }
    if (mode != ORIGIN_RUNS) {
      throw new CoderException("ChunkCoder: unknown origin encoding " + mode);
    }
    long[] origins = new long[n];
    int runs = data.readInt();
    int at = 0;
    for (int r = 0; r < runs; r++) {
      long first = data.readLong();
      int length = data.readInt();
      if (length <= 0 || length > n - at) {
        throw new CoderException(
            "ChunkCoder: an origin run of " + length + " rows at row " + at + " of " + n);
      }
      long step = first == Chunk.NO_ORIGIN ? 0 : 1;
      for (int i = 0; i < length; i++) {
        origins[at + i] = first + step * i;
      }
      at += length;
    }
    if (at != n) {
      throw new CoderException("ChunkCoder: origin runs cover " + at + " of " + n + " rows");
    }
    return origins;
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    keyCoder.verifyDeterministic();
    for (RowCoder c : cellCoders) {
      if (c != null) {
        c.verifyDeterministic();
      }
    }
  }

  @Override
  public List<? extends org.apache.beam.sdk.coders.Coder<?>> getCoderArguments() {
    return java.util.Collections.emptyList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChunkCoder && ((ChunkCoder) o).layout.equals(layout);
  }

  @Override
  public int hashCode() {
    return layout.hashCode();
  }
}
