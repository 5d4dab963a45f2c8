package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

class InputsTest {

  @Test
  void typeNamesMapToBeamTypes() {
    assertThat(Inputs.fieldType("a", "double"), is(FieldType.DOUBLE));
    assertThat(Inputs.fieldType("a", "INT64"), is(FieldType.INT64));
    assertThat(Inputs.fieldType("a", "string"), is(FieldType.STRING));
    assertThat(Inputs.fieldType("a", "boolean"), is(FieldType.BOOLEAN));
  }

  @Test
  void unknownTypeNamesTheColumnAndTheValidTypes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Inputs.fieldType("temp", "decimal"));
    assertThat(
        e.getMessage(),
        equalTo(
            "industryts: [input.types] temp = \"decimal\" is not a "
                + "type. Expected one of double, float, int64, int32, string, boolean."));
  }

  @Test
  void tabDelimiterMayBeWrittenEscaped() {
    assertThat(Inputs.delimiter("\\t"), is('\t'));
    assertThat(Inputs.delimiter(";"), is(';'));
  }

  @Test
  void longDelimiterIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Inputs.delimiter(";;"));
    assertThat(
        e.getMessage(),
        equalTo(
            "industryts: [input] delimiter must be one character. "
                + "Got \";;\"; expected one of \",\", \";\", \"\\t\", \"|\"."));
  }
}
