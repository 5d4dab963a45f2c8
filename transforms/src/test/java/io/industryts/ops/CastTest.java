package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.6.4 {@code cast}: every conversion rule, invalid values, errors. */
class CastTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("s", FieldType.STRING)
          .addNullableField("d", FieldType.DOUBLE)
          .addNullableField("n", FieldType.INT64)
          .addNullableField("b", FieldType.BOOLEAN)
          .addNullableField("m", FieldType.DECIMAL)
          .addNullableField("f", FieldType.FLOAT)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static Chunk input() {
    return chunk(
        LAYOUT,
        hms("00:00", "01:00", "02:00", "03:00", "04:00"),
        col(" 7", "x", "3.5", null, "TRUE"),
        col(2.9, -2.9, Double.POSITIVE_INFINITY, null, 3e9),
        col(1L, 0L, 3_000_000_000L, null, -5L),
        col(true, false, true, null, false),
        col(
            new BigDecimal("12.75"),
            new BigDecimal("-0.5"),
            new BigDecimal("1e30"),
            null,
            new BigDecimal("3")),
        col(1.5f, 0.1f, 2f, null, -1f));
  }

  private static List<Object> cast(FieldType type, String column, Map<String, Long> counters) {
    Kernel k = Cast.to(type, column).plan(LAYOUT, plan("cast"));
    return values(KernelHarness.run(k, input(), counters), column);
  }

  @Test
  void stringToInt64ParsesTrimmedIntegersOnly() {
    Map<String, Long> counters = new HashMap<>();
    assertThat(cast(FieldType.INT64, "s", counters), contains(7L, null, null, null, null));
    assertEquals(3L, counters.get("invalid_input"));
  }

  @Test
  void stringToDoubleAndBoolean() {
    assertThat(cast(FieldType.DOUBLE, "s", new HashMap<>()), contains(7.0, null, 3.5, null, null));
    assertThat(
        cast(FieldType.BOOLEAN, "s", new HashMap<>()), contains(null, null, null, null, true));
  }

  @Test
  void naTokensAreMissingNotInvalidForNumericAndBooleanTargets() {
    Schema schema =
        Schema.builder().addDateTimeField("t").addNullableField("s", FieldType.STRING).build();
    ChunkLayout layout = KernelHarness.layout(schema, "t");
    Chunk in =
        chunk(
            layout,
            hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00"),
            col("nan", " NA ", "null", "n/a", "None", "2"));
    for (FieldType type : List.of(FieldType.DOUBLE, FieldType.INT64, FieldType.BOOLEAN)) {
      Map<String, Long> counters = new HashMap<>();
      Kernel k = Cast.to(type, "s").plan(layout, plan("cast"));
      List<Object> out = values(KernelHarness.run(k, in, counters), "s");
      assertThat(type.toString(), out.subList(0, 5), contains(null, null, null, null, null));
      // only "None" (not a pandas NA token) and, for BOOLEAN, "2" are invalid
      assertEquals(
          type.equals(FieldType.BOOLEAN) ? 2L : 1L,
          counters.getOrDefault("invalid_input", 0L),
          type.toString());
    }
    // text stays text, as it was
    List<Object> text =
        values(
            KernelHarness.run(
                Cast.to(FieldType.STRING, "s").plan(layout, plan("cast")), in, new HashMap<>()),
            "s");
    assertThat(text, contains("nan", " NA ", "null", "n/a", "None", "2"));
  }

  @Test
  void doubleToIntegersTruncatesTowardZeroAndRejectsOutOfRange() {
    Map<String, Long> counters = new HashMap<>();
    assertThat(cast(FieldType.INT64, "d", counters), contains(2L, -2L, null, null, 3_000_000_000L));
    assertEquals(1L, counters.get("invalid_input"));
    assertThat(cast(FieldType.INT32, "d", new HashMap<>()), contains(2, -2, null, null, null));
  }

  @Test
  void int64ToInt32RejectsOutOfRange() {
    assertThat(cast(FieldType.INT32, "n", new HashMap<>()), contains(1, 0, null, null, -5));
  }

  @Test
  void numbersToStringAndBoolean() {
    assertThat(
        cast(FieldType.STRING, "n", new HashMap<>()), contains("1", "0", "3000000000", null, "-5"));
    assertThat(
        cast(FieldType.STRING, "d", new HashMap<>()),
        contains("2.9", "-2.9", "Infinity", null, "3.0E9"));
    assertThat(
        cast(FieldType.STRING, "f", new HashMap<>()), contains("1.5", "0.1", "2.0", null, "-1.0"));
    assertThat(
        cast(FieldType.BOOLEAN, "n", new HashMap<>()), contains(true, false, true, null, true));
  }

  @Test
  void booleanToNumbersAndString() {
    assertThat(cast(FieldType.INT32, "b", new HashMap<>()), contains(1, 0, 1, null, 0));
    assertThat(cast(FieldType.DOUBLE, "b", new HashMap<>()), contains(1.0, 0.0, 1.0, null, 0.0));
    assertThat(
        cast(FieldType.STRING, "b", new HashMap<>()),
        contains("true", "false", "true", null, "false"));
  }

  @Test
  void decimalToIntegerAndDouble() {
    assertThat(cast(FieldType.INT64, "m", new HashMap<>()), contains(12L, 0L, null, null, 3L));
    assertThat(
        cast(FieldType.DOUBLE, "m", new HashMap<>()), contains(12.75, -0.5, 1e30, null, 3.0));
  }

  @Test
  void doubleToFloatRejectsOverflow() {
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00"),
            col("1"),
            col(1e300),
            col(1L),
            col(true),
            col(BigDecimal.ONE),
            col(1f));
    Chunk out = KernelHarness.run(Cast.to(FieldType.FLOAT, "d").plan(LAYOUT, plan("c")), in);
    assertThat(values(out, "d"), contains((Object) null));
  }

  @Test
  void castFieldKeepsPositionAndBecomesNullableTarget() {
    Kernel k = Cast.to(FieldType.INT32, "d").alsoTo(FieldType.STRING, "n").plan(LAYOUT, plan("c"));
    Schema out = k.outputLayout().schema();
    assertEquals(SCHEMA.getFieldNames(), out.getFieldNames());
    assertEquals(FieldType.INT32.withNullable(true), out.getField("d").getType());
    assertEquals(FieldType.STRING.withNullable(true), out.getField("n").getType());
  }

  @Test
  void invalidErrorSendsTheRowToErrors() {
    Kernel k = Cast.to(FieldType.INT64, "s").onInvalid(Invalid.ERROR).plan(LAYOUT, plan("c"));
    List<String> errors = new ArrayList<>();
    Chunk out = KernelHarness.run(k, input(), new int[0], new HashMap<>(), errors);
    assertThat(values(out, "s"), contains(7L, null));
    assertEquals(
        List.of(
            "cast_invalid|s|Cast: \"s\" = \"x\" cannot be cast to int64. Set invalid = \"null\" to"
                + " write null instead.",
            "cast_invalid|s|Cast: \"s\" = \"3.5\" cannot be cast to int64. Set invalid = \"null\" to"
                + " write null instead.",
            "cast_invalid|s|Cast: \"s\" = \"TRUE\" cannot be cast to int64. Set invalid = \"null\" to"
                + " write null instead."),
        errors);
  }

  @Test
  void rejectsTheTimeColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Cast.to(FieldType.STRING, "t").plan(LAYOUT, plan("c")));
    assertEquals("Cast: \"t\" is the time column and cannot be cast.", e.getMessage());
  }

  @Test
  void rejectsAnUnsupportedTarget() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cast.to(FieldType.DATETIME, "s"));
    assertEquals(
        "Cast: type DATETIME is not a cast target. Got DATETIME; expected one of [double,"
            + " float, int64, int32, string, boolean].",
        e.getMessage());
  }
}
