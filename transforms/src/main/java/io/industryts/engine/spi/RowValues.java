package io.industryts.engine.spi;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Instant;

/** Conversions between chunk cells and the Java values Beam Rows hold for each field type. */
public final class RowValues {
  private RowValues() {}

  /** The Row value of field {@code f} at row {@code i} of {@code chunk}. */
  public static Object toRowValue(Chunk chunk, int f, int i) {
    ChunkLayout layout = chunk.layout();
    if (f == layout.timeIndex()) {
      return new Instant(chunk.times()[i]);
    }
    Column c = chunk.column(f);
    if (c == null) {
      return chunk.key().getValue(layout.keySchema().indexOf(layout.field(f).getName()));
    }
    return narrow(layout.fieldType(f), c, i);
  }

  /** A column cell as the Java type Beam expects for {@code type}. */
  public static Object narrow(FieldType type, Column c, int i) {
    if (c.isNull(i)) {
      return null;
    }
    switch (type.getTypeName()) {
      case DOUBLE:
        return ((DoubleColumn) c).value(i);
      case FLOAT:
        return (float) ((DoubleColumn) c).value(i);
      case INT64:
        return ((LongColumn) c).value(i);
      case INT32:
        return (int) ((LongColumn) c).value(i);
      case INT16:
        return (short) ((LongColumn) c).value(i);
      case BYTE:
        return (byte) ((LongColumn) c).value(i);
      case BOOLEAN:
        return ((BooleanColumn) c).value(i);
      default:
        return c.get(i);
    }
  }
}
