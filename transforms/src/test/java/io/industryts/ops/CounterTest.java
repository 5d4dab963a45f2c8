package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.CarryKernel;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §2.8.2 {@code counter}: the worked example, resets, rollover, glitches, rate units,
 * ties, nulls and the carry of the previous sample across every segmentation.
 */
class CounterTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("x", FieldType.DOUBLE)
          .addNullableField("n", FieldType.INT64)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static long[] seconds(long... s) {
    long[] out = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = KernelHarness.DAY0 + s[i] * 1000;
    }
    return out;
  }

  /** The section's example: t = 0, 10, 20, 30, 40 s, x = 90, 95, 3, ·, 10. */
  private static Chunk example() {
    return chunk(
        LAYOUT,
        seconds(0, 10, 20, 30, 40),
        col(90.0, 95.0, 3.0, null, 10.0),
        col(90L, 95L, 3L, null, 10L),
        col("a", "b", "c", "d", "e"));
  }

  /** Runs on one segment and on every segmentation; all must agree (outputs and counters). */
  private static Chunk run(Counter op, Chunk in, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("counter"));
    int n = in.size();
    Chunk first = null;
    for (int mask = 0; mask < (1 << Math.max(0, n - 1)); mask++) {
      int[] cuts = new int[Integer.bitCount(mask)];
      int j = 0;
      for (int i = 1; i < n; i++) {
        if ((mask & (1 << (i - 1))) != 0) {
          cuts[j++] = i;
        }
      }
      Map<String, Long> c = new HashMap<>();
      Chunk got = KernelHarness.run(k, in, cuts, c);
      if (first == null) {
        first = got;
        counters.putAll(c);
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(cuts));
        assertEquals(counters, c, "counters, cuts " + Arrays.toString(cuts));
      }
    }
    return first;
  }

  private static void assertValues(List<Object> got, Double... want) {
    assertEquals(want.length, got.size(), "values " + got);
    for (int i = 0; i < want.length; i++) {
      if (want[i] == null) {
        assertNull(got.get(i), "value " + i + " of " + got);
      } else {
        assertThat("value " + i + " of " + got, (Double) got.get(i), closeTo(want[i], 1e-12));
      }
    }
  }

  @Test
  void exampleWithRollover() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Counter.of("x").withRollover(100), example(), counters);
    assertEquals(List.of("t", "x", "n", "s", "x_increase", "x_rate"), out.schema().getFieldNames());
    assertValues(values(out, "x_increase"), null, 5.0, 8.0, null, 7.0);
    assertValues(values(out, "x_rate"), null, 0.5, 0.8, null, 0.35);
    assertEquals(1L, counters.get("counter_resets"));
    assertEquals(0L, counters.get("counter_glitches"));
  }

  @Test
  void exampleWithoutRolloverIsAReset() {
    Chunk out = run(Counter.of("x"), example(), new HashMap<>());
    assertValues(values(out, "x_increase"), null, 5.0, 3.0, null, 7.0);
    assertValues(values(out, "x_rate"), null, 0.5, 0.3, null, 0.35);
  }

  @Test
  void integerColumnsGiveDoubleOutputsMarkedDerived() {
    Chunk out = run(Counter.of("n").withRollover(100), example(), new HashMap<>());
    assertValues(values(out, "n_increase"), null, 5.0, 8.0, null, 7.0);
    Schema.Field f = out.schema().getField("n_increase");
    assertEquals(FieldType.DOUBLE.withNullable(true), f.getType());
    assertTrue(OpColumns.isDerived(f));
  }

  @Test
  void defaultColumnsAreTheValueColumnsAndOutputsFollowTheirOrder() {
    Kernel k =
        Counter.of()
            .withOutputs(Counter.Output.RATE, Counter.Output.INCREASE)
            .withSuffix("_m")
            .plan(LAYOUT, plan("c"));
    assertEquals(
        List.of("t", "x", "n", "s", "x_rate_m", "x_increase_m", "n_rate_m", "n_increase_m"),
        k.outputLayout().schema().getFieldNames());
    assertTrue(k instanceof CarryKernel && ((CarryKernel<?>) k).forward());
  }

  @Test
  void glitchIsNullCountedAndStillMovesThePreviousValue() {
    Chunk in =
        chunk(
            LAYOUT,
            seconds(0, 10, 20, 30),
            col(0.0, 5.0, 1000.0, 1004.0),
            col(null, null, null, null),
            col("a", "b", "c", "d"));
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Counter.of("x").withMaxIncrease(100), in, counters);
    assertValues(values(out, "x_increase"), null, 5.0, null, 4.0);
    assertValues(values(out, "x_rate"), null, 0.5, null, 0.4);
    assertEquals(1L, counters.get("counter_glitches"));
    // exactly at the limit is not a glitch
    Chunk limit = run(Counter.of("x").withMaxIncrease(995), in, new HashMap<>());
    assertValues(values(limit, "x_increase"), null, 5.0, 995.0, 4.0);
  }

  @Test
  void rateUnitScalesTheRateAndEqualTimesGiveANullRate() {
    Chunk in =
        chunk(
            LAYOUT,
            seconds(0, 60, 60, 120),
            col(1.0, 3.0, 4.0, 10.0),
            col(null, null, null, null),
            col("a", "b", "c", "d"));
    Chunk out = run(Counter.of("x").withRateUnit(Duration.standardMinutes(1)), in, new HashMap<>());
    assertValues(values(out, "x_increase"), null, 2.0, 1.0, 6.0);
    assertValues(values(out, "x_rate"), null, 2.0, null, 6.0);
  }

  @Test
  void oneRowAndAllNullRowsGiveNulls() {
    Chunk one = chunk(LAYOUT, seconds(0), col(5.0), col(1L), col("a"));
    Chunk out = run(Counter.of("x"), one, new HashMap<>());
    assertValues(values(out, "x_increase"), (Double) null);
    Chunk nulls =
        chunk(
            LAYOUT,
            seconds(0, 1, 2),
            col(null, null, null),
            col(null, null, null),
            col("a", "b", "c"));
    Chunk outNulls = run(Counter.of("x"), nulls, new HashMap<>());
    assertValues(values(outNulls, "x_increase"), null, null, null);
    assertValues(values(outNulls, "x_rate"), null, null, null);
  }

  @Test
  void thePreviousSampleIsCarriedOverSegmentsOfNullsOnly() {
    Chunk in =
        chunk(
            LAYOUT,
            seconds(0, 10, 20, 30, 40, 50),
            col(10.0, null, null, null, null, 16.0),
            col(null, null, null, null, null, null),
            col("a", "b", "c", "d", "e", "f"));
    Chunk out = run(Counter.of("x"), in, new HashMap<>());
    assertValues(values(out, "x_increase"), null, null, null, null, null, 6.0);
    assertValues(values(out, "x_rate"), null, null, null, null, null, 0.12);
  }

  @Test
  void aNanKeptAsAValuePropagatesWithoutCountingAResetOrGlitch() {
    Chunk in =
        chunk(
            LAYOUT,
            seconds(0, 10, 20),
            col(1.0, Double.NaN, 5.0),
            col(null, null, null),
            col("a", "b", "c"));
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Counter.of("x").withMaxIncrease(100), in, counters);
    List<Object> inc = values(out, "x_increase");
    assertNull(inc.get(0));
    assertTrue(Double.isNaN((Double) inc.get(1)) && Double.isNaN((Double) inc.get(2)), "" + inc);
    assertEquals(0L, counters.get("counter_resets"));
    assertEquals(0L, counters.get("counter_glitches"));
  }

  @Test
  void rolloverMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Counter.of("x").withRollover(0));
    assertEquals("Counter: rollover must be > 0. Got 0.0.", e.getMessage());
  }

  @Test
  void rejectsNonNumericColumnsAndExistingNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Counter.of("s").plan(LAYOUT, plan("c")));
    assertTrue(e.getMessage().startsWith("Counter: "), e.getMessage());
    assertTrue(e.getMessage().contains("\"s\""), e.getMessage());
    Schema clash =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("x", FieldType.DOUBLE)
            .addNullableField("x_rate", FieldType.DOUBLE)
            .build();
    IllegalArgumentException c =
        assertThrows(
            IllegalArgumentException.class,
            () -> Counter.of("x").plan(KernelHarness.layout(clash, "t"), plan("c")));
    assertTrue(c.getMessage().contains("x_rate"), c.getMessage());
  }

  @Test
  void rejectsRepeatedOrNoOutputsAndNonPositiveUnits() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Counter.of("x").withOutputs(Counter.Output.RATE, Counter.Output.RATE));
    assertThrows(IllegalArgumentException.class, () -> Counter.of("x").withOutputs());
    IllegalArgumentException u =
        assertThrows(
            IllegalArgumentException.class, () -> Counter.of("x").withRateUnit(Duration.ZERO));
    assertEquals("Counter: rate_unit must be > 0. Got PT0S.", u.getMessage());
    IllegalArgumentException m =
        assertThrows(IllegalArgumentException.class, () -> Counter.of("x").withMaxIncrease(-1));
    assertEquals("Counter: max_increase must be > 0. Got -1.0.", m.getMessage());
  }
}
