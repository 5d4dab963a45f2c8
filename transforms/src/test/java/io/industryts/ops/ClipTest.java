package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.RowOpsSupport.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.Chunk;
import io.industryts.engine.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.1.6 {@code clip}: the worked example, output types and errors. */
class ClipTest {
  @Test
  void clipBoundsBothSidesAndKeepsNulls() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00", "03:00"), col(-5.0, 3.0, null, 120.0),
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
    assertEquals(FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("b").getType());
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(1.0, 1.0), col(2L, 3L));
    assertEquals(List.of(2.0, 2.5), values(KernelHarness.run(k, in), "b"));
  }

  @Test
  void clipWithIntegralBoundsKeepsIntegralType() {
    Kernel k = Clip.atLeast(0, "b").plan(LAYOUT, plan("c"));
    assertEquals(FieldType.INT64.withNullable(true), k.outputLayout().schema().getField("b").getType());
  }

  @Test
  void clipErrors() {
    assertEquals("Clip: lower (10.0) > upper (5.0).", assertThrows(IllegalArgumentException.class,
        () -> Clip.between(10.0, 5.0)).getMessage());
    assertEquals("Clip: needs lower or upper.", assertThrows(IllegalArgumentException.class,
        () -> Clip.between(null, null)).getMessage());
    Schema s = Schema.builder().addDateTimeField("t").addStringField("status").build();
    assertEquals("Clip: column \"status\" is not numeric (STRING).",
        assertThrows(IllegalArgumentException.class,
            () -> Clip.atLeast(0, "status").plan(KernelHarness.layout(s, "t"), plan("c")))
            .getMessage());
  }
}
