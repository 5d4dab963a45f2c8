package io.industryts.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * Deterministic coder for chunks of one {@link ChunkLayout}: primitive arrays are written as raw
 * big-endian values, key and object cells through Beam's {@link RowCoder}.
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
        cellCoders[f] = RowCoder.of(Schema.builder().addField("v", type.withNullable(true)).build());
      }
    }
  }

  public static ChunkCoder of(ChunkLayout layout) {
    return new ChunkCoder(layout);
  }

  public ChunkLayout layout() {
    return layout;
  }

  static char storage(FieldType type) {
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
    keyCoder.encode(chunk.key(), outStream);
    DataOutputStream out = new DataOutputStream(outStream);
    int n = chunk.size();
    out.writeInt(n);
    long[] t = chunk.times();
    long[] s = chunk.seqs();
    for (int i = 0; i < n; i++) {
      out.writeLong(t[i]);
    }
    for (int i = 0; i < n; i++) {
      out.writeLong(s[i]);
    }
    for (int f = 0; f < cellCoders.length; f++) {
      Column c = chunk.column(f);
      if (c == null) {
        continue;
      }
      if (c instanceof PrimitiveColumn) {
        writeNulls(out, ((PrimitiveColumn) c).nulls());
      }
      if (c instanceof DoubleColumn) {
        double[] v = ((DoubleColumn) c).values();
        for (int i = 0; i < n; i++) {
          out.writeLong(Double.doubleToRawLongBits(v[i]));
        }
      } else if (c instanceof LongColumn) {
        long[] v = ((LongColumn) c).values();
        for (int i = 0; i < n; i++) {
          out.writeLong(v[i]);
        }
      } else if (c instanceof BooleanColumn) {
        boolean[] v = ((BooleanColumn) c).values();
        for (int i = 0; i < n; i++) {
          out.writeBoolean(v[i]);
        }
      } else {
        out.flush();
        Schema cell = cellCoders[f].getSchema();
        Object[] v = ((ObjectColumn) c).values();
        for (int i = 0; i < n; i++) {
          cellCoders[f].encode(Row.withSchema(cell).addValue(v[i]).build(), outStream);
        }
      }
    }
    out.flush();
  }

  private static void writeNulls(DataOutputStream out, boolean[] nulls) throws IOException {
    int b = 0;
    int bits = 0;
    for (boolean isNull : nulls) {
      b = (b << 1) | (isNull ? 1 : 0);
      if (++bits == 8) {
        out.writeByte(b);
        b = 0;
        bits = 0;
      }
    }
    if (bits > 0) {
      out.writeByte(b << (8 - bits));
    }
  }

  private static boolean[] readNulls(DataInputStream in, int n) throws IOException {
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i += 8) {
      int b = in.readUnsignedByte();
      for (int j = 0; j < 8 && i + j < n; j++) {
        nulls[i + j] = ((b >> (7 - j)) & 1) != 0;
      }
    }
    return nulls;
  }

  @Override
  public Chunk decode(InputStream inStream) throws IOException {
    Row key = keyCoder.decode(inStream);
    DataInputStream in = new DataInputStream(inStream);
    int n = in.readInt();
    long[] t = new long[n];
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = in.readLong();
    }
    for (int i = 0; i < n; i++) {
      s[i] = in.readLong();
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
      boolean[] nulls = readNulls(in, n);
      if (kind == 'D') {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = Double.longBitsToDouble(in.readLong());
        }
        cols[f] = new DoubleColumn(v, nulls);
      } else if (kind == 'L') {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readLong();
        }
        cols[f] = new LongColumn(v, nulls);
      } else {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = in.readBoolean();
        }
        cols[f] = new BooleanColumn(v, nulls);
      }
    }
    return new Chunk(layout, key, t, s, cols);
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

  static void check(boolean ok, String msg) throws CoderException {
    if (!ok) {
      throw new CoderException(msg);
    }
  }
}
