package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperationDescriptionTest {

  @Test
  void nameIsTheFirstKeyOfEveryOperation() {
    OperationDescription d = OperationDescription.builder("noop").build();
    assertEquals(List.of("name"), d.validKeys());
    assertEquals("industryts:noop:v1", d.id());
  }

  @Test
  void typeMustBeSnakeCase() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OperationDescription.builder("FillNull"));
    assertEquals("operation type must be snake_case. Got \"FillNull\".", e.getMessage());
  }

  @Test
  void keyDeclaredTwiceIsRejected() {
    OperationDescription.Builder b =
        OperationDescription.builder("noop").param(ParamSpec.of("limit", ParamType.INT));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> b.param(ParamSpec.of("limit", ParamType.INT)));
    assertEquals("operation noop: key \"limit\" is declared twice or reserved.", e.getMessage());
  }

  @Test
  void typeKeyIsReserved() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OperationDescription.builder("noop").param(ParamSpec.of("type", ParamType.STRING)));
    assertEquals("operation noop: key \"type\" is declared twice or reserved.", e.getMessage());
  }

  @Test
  void defaultExampleNamesTheType() {
    assertEquals(
        "[[operations]]\ntype = \"noop\"\n",
        OperationDescription.builder("noop").build().example());
  }

  @Test
  void validatedParamsRejectUnknownKeys() {
    OperationDescription d = OperationDescription.builder("noop").build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ValidatedParams.of(d, java.util.Map.of("limt", 1)));
    assertEquals("unknown key \"limt\" for noop. Valid keys: [name]", e.getMessage());
  }
}
