package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

class ColumnTypesTest {

  @Test
  void everyNameMapsToItsBeamType() {
    assertEquals(FieldType.DOUBLE, ColumnTypes.fieldType("t", "double"));
    assertEquals(FieldType.FLOAT, ColumnTypes.fieldType("t", "float"));
    assertEquals(FieldType.INT64, ColumnTypes.fieldType("t", "int64"));
    assertEquals(FieldType.INT32, ColumnTypes.fieldType("t", "int32"));
    assertEquals(FieldType.STRING, ColumnTypes.fieldType("t", "string"));
    assertEquals(FieldType.BOOLEAN, ColumnTypes.fieldType("t", "Boolean"));
  }

  @Test
  void anUnknownNameIsAnErrorNamingWhereAndTheAllowedNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ColumnTypes.fieldType("Cast: types.v", "float64"));
    assertEquals(
        "Cast: types.v = \"float64\" is not a type. Expected one of double, float, int64, int32,"
            + " string, boolean.",
        e.getMessage());
  }
}
