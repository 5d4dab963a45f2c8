package io.industryts.ops;

import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.NormalizeLogSupport.LAYOUT;
import static io.industryts.ops.NormalizeLogSupport.assertClose;
import static io.industryts.ops.NormalizeLogSupport.series;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.StatsKernel;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.5.2 {@code normalize}: the worked example, degenerate series, fit and errors. */
class NormalizeTest {
  @Test
  void normalizeExampleDividesByMaxAbs() {
    Kernel k = Normalize.maxAbs("x").plan(LAYOUT, plan("norm"));
    Chunk in = series(col(-2.0, 1.0, 4.0, null), col(1, 2, 3, 4));
    assertClose(values(KernelHarness.run(k, in), "x"), -0.5, 0.25, 1.0, null);
    assertEquals(
        values(KernelHarness.run(k, in), "x"),
        values(KernelHarness.run(k, in, new int[] {1, 2}, new HashMap<>()), "x"));
  }

  @Test
  void normalizeNegativeMaximumCounts() {
    Kernel k = Normalize.maxAbs("x").plan(LAYOUT, plan("norm"));
    assertClose(values(KernelHarness.run(k, series(col(-8.0, 2.0), col(1, 2))), "x"), -1.0, 0.25);
  }

  @Test
  void normalizeAllZeroSeriesIsNullAndCounted() {
    Map<String, Long> counters = new HashMap<>();
    Kernel k = Normalize.maxAbs("x").plan(LAYOUT, plan("norm"));
    Chunk out = KernelHarness.run(k, series(col(0.0, 0.0, null), col(1, 2, 3)), counters);
    assertThat(values(out, "x"), contains(null, null, null));
    assertEquals(1L, counters.get("series_degenerate"));
  }

  @Test
  void normalizeIntegerColumnBecomesDoubleInPlace() {
    Kernel k = Normalize.maxAbs("n").plan(LAYOUT, plan("norm"));
    assertEquals(
        FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("n").getType());
    assertClose(values(KernelHarness.run(k, series(col(1.0, 2.0), col(2, 4))), "n"), 0.5, 1.0);
  }

  @Test
  void normalizeDefaultsToValueColumnsAndSuffixAddsDerived() {
    Kernel k = Normalize.maxAbs().withSuffix("_n").plan(LAYOUT, plan("norm"));
    Schema out = k.outputLayout().schema();
    assertEquals(List.of("t", "x", "n", "x_n", "n_n"), out.getFieldNames());
    assertTrue(OpColumns.isDerived(out.getField("n_n")));
  }

  @Test
  void normalizeGlobalFitIsAStatsKernelOverAllSeries() {
    Kernel k = Normalize.maxAbs("x").withFit(Normalize.Fit.GLOBAL).plan(LAYOUT, plan("norm"));
    assertTrue(((io.industryts.engine.spi.StatsKernel<?>) k).globalFit());
  }

  @Test
  void normalizeRejectsTimeColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Normalize.maxAbs("t").plan(LAYOUT, plan("norm")));
    assertEquals("Normalize: \"t\" is the time column and cannot be in columns.", e.getMessage());
  }

  @Test
  void normalizeOfASingleNegativeValueIsMinusOne() {
    Kernel k = Normalize.maxAbs("x").plan(LAYOUT, plan("norm"));
    assertClose(values(KernelHarness.run(k, series(col(-5.0), col(1))), "x"), -1.0);
  }

  @Test
  void normalizeAllNullSeriesStaysNull() {
    Kernel k = Normalize.maxAbs("x").plan(LAYOUT, plan("norm"));
    assertThat(
        values(KernelHarness.run(k, series(col(null, null), col(1, 2))), "x"),
        contains(null, null));
  }

  @Test
  void normalizeOfEmptyInputKeepsTheOutputSchema() {
    Kernel k = Normalize.maxAbs("x").withSuffix("_n").plan(LAYOUT, plan("norm"));
    Chunk out =
        k.apply(
            Chunk.empty(LAYOUT, Row.withSchema(LAYOUT.keySchema()).build()),
            KernelHarness.context(
                k,
                0,
                0,
                null,
                null,
                ((StatsKernel<?>) k).createAccumulator(),
                0,
                0,
                0,
                true,
                true,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                new HashMap<>()));
    assertEquals(0, out.size());
    assertEquals(List.of("t", "x", "n", "x_n"), out.schema().getFieldNames());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void normalizeGlobalFitDividesEverySeriesByTheOverallMaxAbs() {
    StatsKernel k =
        (StatsKernel)
            Normalize.maxAbs("x").withFit(Normalize.Fit.GLOBAL).plan(LAYOUT, plan("norm"));
    Chunk a = series(col(-2.0, 1.0), col(1, 2));
    Chunk b = series(col(4.0, null), col(3, 4));
    Serializable all =
        k.merge(k.addSegment(k.createAccumulator(), a), k.addSegment(k.createAccumulator(), b));
    assertClose(values(k.apply(a, fitted(k, all, a)), "x"), -0.5, 0.25);
    assertClose(values(k.apply(b, fitted(k, all, b)), "x"), 1.0, null);
  }

  private static io.industryts.engine.spi.KernelContext fitted(
      Kernel k, Serializable stats, Chunk series) {
    long[] t = series.times();
    return KernelHarness.context(
        k,
        0,
        0,
        null,
        null,
        stats,
        t[0],
        t[t.length - 1],
        t.length,
        true,
        true,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        new HashMap<>());
  }

  @Test
  void normalizeRejectsANonNumericColumn() {
    Schema s =
        Schema.builder().addDateTimeField("t").addNullableField("status", FieldType.STRING).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Normalize.maxAbs("status").plan(KernelHarness.layout(s, "t"), plan("norm")));
    assertEquals("Normalize: column \"status\" is not numeric (STRING).", e.getMessage());
  }
}
