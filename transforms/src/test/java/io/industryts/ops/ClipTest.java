package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.RowOpsSupport.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.1.6 {@code clip}: the worked example, output types and errors. */
class ClipTest {
  @Test
  void clipBoundsBothSidesAndKeepsNulls() {
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:00", "01:00", "02:00", "03:00"),
            col(-5.0, 3.0, null, 120.0),
            col(-5L, 3L, null, 120L));
    Map<String, Long> counters = new HashMap<>();
    Chunk out = KernelHarness.run(Clip.between(0.0, 100.0).plan(LAYOUT, plan("c")), in, counters);
    assertEquals(Arrays.asList(0.0, 3.0, null, 100.0), values(out, "a"));
    assertEquals(Arrays.asList(0L, 3L, null, 100L), values(out, "b"));
    assertEquals(4L, counters.get("values_clipped"));
  }

  @Test
  void clipWithANonIntegralBoundMakesIntegralColumnsDouble() {
    Kernel k = Clip.atMost(2.5, "b").plan(LAYOUT, plan("c"));
    assertEquals(
        FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("b").getType());
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(1.0, 1.0), col(2L, 3L));
    assertEquals(List.of(2.0, 2.5), values(KernelHarness.run(k, in), "b"));
  }

  @Test
  void clipWithIntegralBoundsKeepsIntegralType() {
    Kernel k = Clip.atLeast(0, "b").plan(LAYOUT, plan("c"));
    assertEquals(
        FieldType.INT64.withNullable(true), k.outputLayout().schema().getField("b").getType());
  }

  @Test
  void clipErrors() {
    assertEquals(
        "Clip: lower (10.0) > upper (5.0).",
        assertThrows(IllegalArgumentException.class, () -> Clip.between(10.0, 5.0)).getMessage());
    assertEquals(
        "Clip: needs lower or upper.",
        assertThrows(IllegalArgumentException.class, () -> Clip.between(null, null)).getMessage());
    Schema s = Schema.builder().addDateTimeField("t").addStringField("status").build();
    assertEquals(
        "Clip: column \"status\" is not numeric (STRING).",
        assertThrows(
                IllegalArgumentException.class,
                () -> Clip.atLeast(0, "status").plan(KernelHarness.layout(s, "t"), plan("c")))
            .getMessage());
  }

  @Test
  void clipAtLeastLeavesLargeValuesAndNulls() {
    Map<String, Long> counters = new HashMap<>();
    Chunk in =
        chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(-1.0, 500.0, null), col(1L, 2L, 3L));
    Chunk out = KernelHarness.run(Clip.atLeast(0.0, "a").plan(LAYOUT, plan("c")), in, counters);
    assertEquals(Arrays.asList(0.0, 500.0, null), values(out, "a"));
    assertEquals(1L, counters.get("values_clipped"));
  }

  @Test
  void clipAtMostLeavesSmallValues() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(-1.0, 500.0), col(1L, 2L));
    assertEquals(
        List.of(-1.0, 10.0),
        values(KernelHarness.run(Clip.atMost(10.0, "a").plan(LAYOUT, plan("c")), in), "a"));
  }

  @Test
  void clipValuesOnTheBoundsStayAndAreNotCounted() {
    Map<String, Long> counters = new HashMap<>();
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(0.0, 100.0), col(0L, 100L));
    Chunk out = KernelHarness.run(Clip.between(0.0, 100.0).plan(LAYOUT, plan("c")), in, counters);
    assertEquals(List.of(0.0, 100.0), values(out, "a"));
    assertEquals(List.of(0L, 100L), values(out, "b"));
    assertEquals(0L, counters.getOrDefault("values_clipped", 0L));
  }

  @Test
  void clipWithEqualBoundsGivesThatValue() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(-1.0, 5.0, 9.0), col(1L, 2L, 3L));
    assertEquals(
        List.of(5.0, 5.0, 5.0),
        values(KernelHarness.run(Clip.between(5.0, 5.0, "a").plan(LAYOUT, plan("c")), in), "a"));
  }

  @Test
  void clipOfAnAllNullColumnStaysNull() {
    Map<String, Long> counters = new HashMap<>();
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(null, null), col(null, null));
    Chunk out = KernelHarness.run(Clip.between(0.0, 1.0).plan(LAYOUT, plan("c")), in, counters);
    assertEquals(Arrays.asList(null, null), values(out, "a"));
    assertEquals(Arrays.asList(null, null), values(out, "b"));
    assertEquals(0L, counters.getOrDefault("values_clipped", 0L));
  }

  @Test
  void clipOfEmptyInputIsEmptyWithTheOutputSchema() {
    Kernel k = Clip.atMost(2.5, "b").plan(LAYOUT, plan("c"));
    Chunk out = KernelHarness.run(k, chunk(LAYOUT, new long[0], col(), col()));
    assertEquals(0, out.size());
    assertEquals(k.outputLayout().schema(), out.schema());
  }

  @Test
  void clipRejectsTheTimeAndMissingColumns() {
    assertEquals(
        "Clip: \"t\" is the time column and cannot be in columns.",
        assertThrows(
                IllegalArgumentException.class, () -> Clip.atLeast(0, "t").plan(LAYOUT, plan("c")))
            .getMessage());
    assertEquals(
        "Clip: column \"x\" not found. Available fields: [t, a, b]",
        assertThrows(
                IllegalArgumentException.class, () -> Clip.atLeast(0, "x").plan(LAYOUT, plan("c")))
            .getMessage());
  }
}
