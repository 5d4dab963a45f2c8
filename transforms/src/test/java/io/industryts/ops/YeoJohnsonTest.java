package io.industryts.ops;

import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.PowerSupport.LAYOUT;
import static io.industryts.ops.PowerSupport.assertCellsWithin;
import static io.industryts.ops.PowerSupport.run;
import static io.industryts.ops.PowerSupport.series;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.StatsKernel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §2.5.5 {@code yeo_johnson}: the worked examples (estimated λ checked against scipy 1.10
 * {@code stats.yeojohnson}), the λ = 0 / λ = 2 branches, the unfit rule and empty input.
 */
class YeoJohnsonTest {
  @Test
  void yeoJohnsonFixedLambdaExample() {
    Chunk out =
        run(
            YeoJohnson.withLambda(0.5, "x").plan(LAYOUT, plan("yj")),
            series(-1.0, 0.0, 3.0, 8.0),
            new HashMap<>());
    // scipy.stats.yeojohnson([-1, 0, 3, 8], 0.5)
    assertCellsWithin(values(out, "x"), 1e-8, -1.21895142, 0.0, 2.0, 4.0);
  }

  @Test
  void yeoJohnsonLambdaTwoUsesTheLogBranchForNegatives() {
    Chunk out =
        run(
            YeoJohnson.withLambda(2, "x").plan(LAYOUT, plan("yj")),
            series(-1.0, 1.0),
            new HashMap<>());
    assertCellsWithin(values(out, "x"), 1e-15, -Math.log(2), 1.5);
  }

  @Test
  void yeoJohnsonEstimatedLambdaMatchesScipy() {
    Chunk out =
        run(
            YeoJohnson.mle("x").emitLambda().plan(LAYOUT, plan("yj")),
            series(-3.0, -1.0, 0.0, 1.0, 2.0, 6.0, 15.0, null),
            new HashMap<>());
    assertThat(
        (Double) values(out, "x_yeojohnson_lambda").get(0), closeTo(0.5278002135533567, 1e-7));
    assertCellsWithin(
        values(out, "x"),
        1e-6,
        -4.54934944,
        -1.20530253,
        0.0,
        0.83692502,
        1.48875767,
        3.39677747,
        6.29122084,
        null);
  }

  @Test
  void yeoJohnsonAllNullColumnIsUnfit() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(YeoJohnson.mle("x").plan(LAYOUT, plan("yj")), series(null, null, null), counters);
    assertThat(values(out, "x"), contains(null, null, null));
    assertEquals(1L, counters.get("series_unfit"));
  }

  @Test
  void emptySeriesKeepsTheOutputSchema() {
    Kernel k = YeoJohnson.mle("x").emitLambda().plan(LAYOUT, plan("yj"));
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
    assertEquals(List.of("t", "x", "x_yeojohnson_lambda"), out.schema().getFieldNames());
  }

  @Test
  void yeoJohnsonLambdaZeroUsesTheLogBranchForNonNegatives() {
    // x ≥ 0: log1p(x); x < 0: −((1 − x)^2 − 1)/2, so −1 → −1.5
    Chunk out =
        run(
            YeoJohnson.withLambda(0, "x").plan(LAYOUT, plan("yj")),
            series(-1.0, 0.0, Math.E - 1, null),
            new HashMap<>());
    assertCellsWithin(values(out, "x"), 1e-15, -1.5, 0.0, 1.0, null);
  }

  @Test
  void yeoJohnsonSingleRowSeriesIsUnfit() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(YeoJohnson.mle("x").plan(LAYOUT, plan("yj")), series(3.0), counters);
    assertThat(values(out, "x"), contains((Object) null));
    assertEquals(1L, counters.get("series_unfit"));
  }

  @Test
  void yeoJohnsonSeriesWithOneDistinctValueIsUnfit() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(
            YeoJohnson.mle("x").emitLambda().plan(LAYOUT, plan("yj")),
            series(-2.0, -2.0, null, -2.0),
            counters);
    assertThat(values(out, "x"), contains(null, null, null, null));
    assertThat(values(out, "x_yeojohnson_lambda"), contains(null, null, null, null));
    assertEquals(1L, counters.get("series_unfit"));
  }

  @Test
  void yeoJohnsonRejectsANonNumericColumn() {
    Schema s =
        Schema.builder().addDateTimeField("t").addNullableField("status", FieldType.STRING).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> YeoJohnson.mle("status").plan(KernelHarness.layout(s, "t"), plan("yj")));
    assertEquals("YeoJohnson: column \"status\" is not numeric (STRING).", e.getMessage());
  }
}
