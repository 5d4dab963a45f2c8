package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class ParamTypeTest {
  private static Object value(String toml) {
    TomlParseResult r = Toml.parse("v = " + toml);
    return r.get(List.of("v"));
  }

  private static Object convert(ParamType t, String toml) throws ParamType.Mismatch {
    return t.convert(value(toml));
  }

  @Test
  void integerIsAcceptedAsFloat() throws Exception {
    assertEquals(3.0, convert(ParamType.FLOAT, "3"));
  }

  @Test
  void floatIsNotAcceptedAsInt() {
    ParamType.Mismatch m =
        assertThrows(ParamType.Mismatch.class, () -> convert(ParamType.INT, "3.0"));
    assertEquals("must be an int. Got 3.0 (float).", m.getMessage());
  }

  @Test
  void intOutOfRangeIsRejected() {
    ParamType.Mismatch m =
        assertThrows(ParamType.Mismatch.class, () -> convert(ParamType.INT, "3000000000"));
    assertEquals("is out of range. Got 3000000000.", m.getMessage());
  }

  @Test
  void intOrDurationKeepsTheKind() throws Exception {
    assertEquals(10, convert(ParamType.INT_OR_DURATION, "10"));
    assertEquals(Duration.standardMinutes(5), convert(ParamType.INT_OR_DURATION, "\"5min\""));
  }

  @Test
  void singleStringBecomesAListOfOne() throws Exception {
    assertEquals(List.of("mean"), convert(ParamType.STRING_OR_STRING_LIST, "\"mean\""));
  }

  @Test
  void singleIntBecomesAListOfOne() throws Exception {
    assertEquals(List.of(2), convert(ParamType.INT_OR_INT_LIST, "2"));
  }

  @Test
  void listElementErrorsNameTheElement() {
    ParamType.Mismatch m =
        assertThrows(ParamType.Mismatch.class, () -> convert(ParamType.STRING_LIST, "[\"a\", 1]"));
    assertEquals("element 2 must be a string. Got 1 (integer).", m.getMessage());
  }

  @Test
  void floatPairNeedsTwoValues() {
    ParamType.Mismatch m =
        assertThrows(ParamType.Mismatch.class, () -> convert(ParamType.FLOAT_PAIR, "[0, 1, 2]"));
    assertEquals("must be [float, float]. Got 3 values.", m.getMessage());
  }

  @Test
  void floatPairAcceptsIntegers() throws Exception {
    assertEquals(List.of(0.0, 1.0), convert(ParamType.FLOAT_PAIR, "[0, 1]"));
  }

  @Test
  void scalarKeepsTomlType() throws Exception {
    assertEquals(0L, convert(ParamType.SCALAR, "0"));
    assertEquals("abc", convert(ParamType.SCALAR, "\"abc\""));
    assertEquals(true, convert(ParamType.SCALAR, "true"));
  }

  @Test
  void badTimePatternIsRejected() {
    ParamType.Mismatch m =
        assertThrows(
            ParamType.Mismatch.class, () -> convert(ParamType.TIME_PATTERN, "\"yyyy-MM-dd {\""));
    assertEquals(
        true,
        m.getMessage().startsWith("\"yyyy-MM-dd {\" is not a java.time pattern: "),
        m.getMessage());
  }
}
