package io.industryts.engine.spi;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;

/**
 * Where the time and key fields are in a chunk's row schema. The time field must be {@code
 * DATETIME}; keys may have any type with a deterministic coder.
 */
public final class ChunkLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Schema schema;
  private final int timeIndex;
  private final int[] keyIndexes;
  private final Schema keySchema;
  private final boolean[] timeOrKey;
  private final long elementTimeOffset;
  private final String elementTimeField;

  private ChunkLayout(
      Schema schema,
      int timeIndex,
      int[] keyIndexes,
      long elementTimeOffset,
      String elementTimeField) {
    this.schema = schema;
    this.elementTimeOffset = elementTimeOffset;
    this.elementTimeField = elementTimeField;
    this.timeIndex = timeIndex;
    this.keyIndexes = keyIndexes;
    Schema.Builder kb = Schema.builder();
    this.timeOrKey = new boolean[schema.getFieldCount()];
    timeOrKey[timeIndex] = true;
    for (int k : keyIndexes) {
      kb.addField(schema.getField(k));
      timeOrKey[k] = true;
    }
    this.keySchema = kb.build();
  }

  /**
   * The layout of {@code schema} with the given time field and key fields.
   *
   * @throws IllegalArgumentException if a field is missing or the time field is not DATETIME
   */
  public static ChunkLayout of(Schema schema, String timeField, List<String> keyFields) {
    if (!schema.hasField(timeField)) {
      throw new IllegalArgumentException(
          "time column \""
              + timeField
              + "\" not found. Available fields: "
              + schema.getFieldNames());
    }
    int t = schema.indexOf(timeField);
    if (schema.getField(t).getType().getTypeName() != TypeName.DATETIME) {
      throw new IllegalArgumentException(
          "time column \""
              + timeField
              + "\" must be DATETIME inside the engine. Got "
              + schema.getField(t).getType());
    }
    int[] keys = new int[keyFields.size()];
    for (int i = 0; i < keys.length; i++) {
      String k = keyFields.get(i);
      if (!schema.hasField(k)) {
        throw new IllegalArgumentException(
            "key column \"" + k + "\" not found. Available fields: " + schema.getFieldNames());
      }
      keys[i] = schema.indexOf(k);
      if (keys[i] == t) {
        throw new IllegalArgumentException(
            "\"" + k + "\" is the time column and cannot be a key column.");
      }
    }
    return new ChunkLayout(schema, t, keys, 0, null);
  }

  /**
   * The same time and key fields (by name) in another schema, e.g. an operation's output schema.
   */
  public ChunkLayout withSchema(Schema newSchema) {
    List<String> keys = new ArrayList<>();
    for (int k : keyIndexes) {
      keys.add(schema.getField(k).getName());
    }
    ChunkLayout out = of(newSchema, timeField(), keys);
    out = elementTimeOffset == 0 ? out : out.withElementTimeOffset(elementTimeOffset);
    return elementTimeField != null && newSchema.hasField(elementTimeField)
        ? out.withElementTimeField(elementTimeField)
        : out;
  }

  /**
   * The same layout whose rows leave the engine with element timestamp {@code time + offsetMillis}
   * (SEMANTICS §1.8): a row standing for a bucket or grid point carries its label in the time field
   * and the bucket's last instant as its timestamp. Kept by {@link #withSchema}, so row-preserving
   * operations after it keep those timestamps.
   */
  public ChunkLayout withElementTimeOffset(long offsetMillis) {
    return new ChunkLayout(schema, timeIndex, keyIndexes, offsetMillis, elementTimeField);
  }

  /**
   * The same layout whose rows leave the engine stamped with the value of the non-null DATETIME
   * field {@code field} instead of their time field (SEMANTICS §2.8.3: a state interval is stamped
   * with its {@code end}). Kept by {@link #withSchema} while the field exists.
   */
  public ChunkLayout withElementTimeField(String field) {
    if (!schema.hasField(field)
        || schema.getField(field).getType().getTypeName() != TypeName.DATETIME) {
      throw new IllegalArgumentException(
          "element time field \""
              + field
              + "\" must be a DATETIME field of "
              + schema.getFieldNames());
    }
    return new ChunkLayout(schema, timeIndex, keyIndexes, elementTimeOffset, field);
  }

  /** Index of the field that holds each row's element timestamp, or -1 (the time field). */
  public int elementTimeIndex() {
    return elementTimeField == null ? -1 : schema.indexOf(elementTimeField);
  }

  /** Element timestamp minus time field of the rows (0 unless rows stand for buckets). */
  public long elementTimeOffset() {
    return elementTimeOffset;
  }

  public Schema schema() {
    return schema;
  }

  public int timeIndex() {
    return timeIndex;
  }

  public String timeField() {
    return schema.getField(timeIndex).getName();
  }

  /** Indexes of the key fields in the row schema, in key order. */
  public int[] keyIndexes() {
    return keyIndexes.clone();
  }

  public List<String> keyFields() {
    List<String> out = new ArrayList<>();
    for (int k : keyIndexes) {
      out.add(schema.getField(k).getName());
    }
    return out;
  }

  /** Schema of {@link Chunk#key()}: the key fields, in key order (possibly no field). */
  public Schema keySchema() {
    return keySchema;
  }

  public boolean isTimeOrKey(int fieldIndex) {
    return timeOrKey[fieldIndex];
  }

  /**
   * Per field of the schema: its position in {@link Chunk#key()}, or -1 for the time field and the
   * value fields (writers take key cells from the key row).
   */
  public int[] keySlots() {
    int n = schema.getFieldCount();
    int[] slots = new int[n];
    for (int f = 0; f < n; f++) {
      slots[f] =
          isTimeOrKey(f) && f != timeIndex ? keySchema.indexOf(schema.getField(f).getName()) : -1;
    }
    return slots;
  }

  /** The key row of {@code row} (the key fields' values). */
  public Row keyOf(Row row) {
    Object[] v = new Object[keyIndexes.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.getValue(keyIndexes[i]);
    }
    return Row.withSchema(keySchema).addValues(v).build();
  }

  /** Field types of value slots, for builders. */
  public FieldType fieldType(int fieldIndex) {
    return schema.getField(fieldIndex).getType();
  }

  public Field field(int fieldIndex) {
    return schema.getField(fieldIndex);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ChunkLayout)) {
      return false;
    }
    ChunkLayout l = (ChunkLayout) o;
    return timeIndex == l.timeIndex
        && Arrays.equals(keyIndexes, l.keyIndexes)
        && schema.equals(l.schema)
        && elementTimeOffset == l.elementTimeOffset
        && java.util.Objects.equals(elementTimeField, l.elementTimeField);
  }

  @Override
  public int hashCode() {
    return schema.hashCode() * 31 + timeIndex;
  }

  @Override
  public String toString() {
    return "ChunkLayout{time="
        + timeField()
        + ", keys="
        + keyFields()
        + ", fields="
        + schema.getFieldNames()
        + "}";
  }
}
