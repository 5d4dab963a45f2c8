package io.industryts.schematransforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Configuration rows written as TOML key lines, as a Beam YAML or Python user would set the same
 * keys: each TOML value becomes the value of the configuration field of that name.
 */
final class ConfigRows {
  private ConfigRows() {}

  /** The configuration {@code Row} of {@code schema} holding the keys of {@code tomlLines}. */
  static Row of(Schema schema, String tomlLines) {
    TomlParseResult t = Toml.parse(tomlLines);
    if (t.hasErrors()) {
      throw new IllegalArgumentException(t.errors().toString());
    }
    Row.FieldValueBuilder b = Row.withSchema(schema).withFieldValues(Map.of());
    for (String key : t.keySet()) {
      if (!schema.hasField(key)) {
        throw new IllegalArgumentException(
            "no configuration field \"" + key + "\" in " + schema.getFieldNames());
      }
      Field f = schema.getField(key);
      b = b.withFieldValue(key, value(f.getType(), t.get(List.of(key))));
    }
    return b.build();
  }

  private static Object value(FieldType type, Object v) {
    switch (type.getTypeName()) {
      case STRING:
        return v.toString();
      case INT64:
        return (Long) v;
      case DOUBLE:
        return v instanceof Long ? ((Long) v).doubleValue() : (Double) v;
      case BOOLEAN:
        return (Boolean) v;
      case ARRAY:
        {
          FieldType element = type.getCollectionElementType();
          List<Object> out = new ArrayList<>();
          if (v instanceof TomlArray) {
            TomlArray a = (TomlArray) v;
            for (int i = 0; i < a.size(); i++) {
              out.add(value(element, a.get(i)));
            }
          } else {
            out.add(value(element, v));
          }
          return out;
        }
      case MAP:
        {
          TomlTable table = (TomlTable) v;
          Map<String, Object> out = new LinkedHashMap<>();
          for (String k : table.keySet()) {
            out.put(k, value(type.getMapValueType(), table.get(List.of(k))));
          }
          return out;
        }
      default:
        throw new IllegalArgumentException("unexpected configuration type " + type);
    }
  }

  /** {@code true} for the Beam types configuration fields use. */
  static boolean isConfigType(FieldType type) {
    TypeName n = type.getTypeName();
    return n == TypeName.STRING
        || n == TypeName.INT64
        || n == TypeName.DOUBLE
        || n == TypeName.BOOLEAN
        || (n == TypeName.ARRAY && isConfigType(type.getCollectionElementType()))
        || (n == TypeName.MAP
            && type.getMapKeyType().getTypeName() == TypeName.STRING
            && isConfigType(type.getMapValueType()));
  }
}
