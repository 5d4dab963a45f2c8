package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.StatsKernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §2.5.4 {@code box_cox}: the worked examples (estimated λ checked against scipy 1.10
 * {@code stats.boxcox}), the domain, unfit and overflow rules, segment-independence of the fit, and
 * the Brent optimizer shared with {@code yeo_johnson}.
 */
class BoxCoxTest {
  @Test
  void slopeFactorIsContinuousWhereItsSeriesMeetsTheClosedForm() {
    // φ(u) = (u·e^u − expm1(u))/u², 1/2 at 0; series below |u| = 0.5, closed form above
    assertEquals(0.5, Power.BoxCoxSlope.phi(0), 0);
    for (double u : new double[] {-0.5, 0.5}) {
      double below = Power.BoxCoxSlope.phi(Math.nextDown(Math.abs(u)) * Math.signum(u));
      assertEquals(Power.BoxCoxSlope.phi(u), below, 1e-15);
    }
  }

  @Test
  void fittedLambdaIsWhereTheLikelihoodSlopeChangesSign() {
    double[] x = {1, 2, 3, 5, 8, 13};
    double lam = Power.mle(Power.Family.BOX_COX, x, x.length);
    assertThat(lam, closeTo(0.0835, 5e-5)); // SEMANTICS §2.5.4 example
    Power.BoxCoxSlope slope = new Power.BoxCoxSlope(x);
    assertTrue(slope.at(lam - 1e-13) > 0, "rising before λ̂");
    assertTrue(slope.at(lam + 1e-13) < 0, "falling after λ̂");
  }

  @Test
  void boxCoxFixedLambdaExampleNullsInvalidValues() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(
            BoxCox.withLambda(0.5, "x").plan(LAYOUT, plan("bc")),
            series(1.0, 4.0, 9.0, null, -1.0),
            counters);
    assertCellsWithin(values(out, "x"), 1e-15, 0.0, 2.0, 4.0, null, null);
    assertEquals(1L, counters.get("invalid_input"));
  }

  @Test
  void boxCoxFixedLambdaIsARowKernel() {
    Kernel k = BoxCox.withLambda(0.5, "x").plan(LAYOUT, plan("bc"));
    assertTrue(k.context().rowPreserving());
    assertTrue(!(k instanceof StatsKernel));
  }

  @Test
  void boxCoxZeroLambdaIsTheLogarithm() {
    Chunk out =
        run(
            BoxCox.withLambda(0, "x").plan(LAYOUT, plan("bc")),
            series(1.0, Math.E),
            new HashMap<>());
    assertCellsWithin(values(out, "x"), 1e-15, 0.0, 1.0);
  }

  @Test
  void boxCoxEstimatedLambdaMatchesScipy() {
    Chunk out =
        run(
            BoxCox.mle("x").emitLambda().plan(LAYOUT, plan("bc")),
            series(1.0, 2.0, 3.0, 5.0, 8.0, 13.0),
            new HashMap<>());
    // scipy.stats.boxcox([1, 2, 3, 5, 8, 13]): lambda 0.08349954626332
    double lam = (Double) values(out, "x_boxcox_lambda").get(0);
    assertThat(lam, closeTo(0.08349954626332, 1e-7));
    assertCellsWithin(
        values(out, "x"), 1e-6, 0.0, 0.71359863, 1.15057894, 1.72259358, 2.27088913, 2.86032512);
    assertCellsWithin(values(out, "x_boxcox_lambda"), 0, lam, lam, lam, lam, lam, lam);
  }

  @Test
  void boxCoxFitIgnoresInvalidAndNullValues() {
    Chunk out =
        run(
            BoxCox.mle("x").emitLambda().plan(LAYOUT, plan("bc")),
            series(1.0, -5.0, 2.0, 3.0, null, 5.0, 0.0, 8.0, 13.0),
            new HashMap<>());
    assertThat((Double) values(out, "x_boxcox_lambda").get(0), closeTo(0.08349954626332, 1e-7));
    assertCellsWithin(
        values(out, "x"),
        1e-6,
        0.0,
        null,
        0.71359863,
        1.15057894,
        null,
        1.72259358,
        null,
        2.27088913,
        2.86032512);
  }

  @Test
  void boxCoxSeriesWithOneDistinctValueIsUnfit() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(
            BoxCox.mle("x").emitLambda().plan(LAYOUT, plan("bc")),
            series(2.0, 2.0, -1.0, 2.0),
            counters);
    assertThat(values(out, "x"), contains(null, null, null, null));
    assertThat(values(out, "x_boxcox_lambda"), contains(null, null, null, null));
    assertEquals(1L, counters.get("series_unfit"));
  }

  @Test
  void boxCoxSingleRowSeriesIsUnfit() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(BoxCox.mle("x").plan(LAYOUT, plan("bc")), series(3.0), counters);
    assertThat(values(out, "x"), contains((Object) null));
    assertEquals(1L, counters.get("series_unfit"));
  }

  @Test
  void boxCoxOverflowingLambdaGivesNulls() {
    // three values close together and one below: scipy fits lambda = 713.93, and
    // 713.93 * ln(1e5) = 8219 overflows exp
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(
            BoxCox.mle("x").plan(LAYOUT, plan("bc")),
            series(1e5 - 100, 1e5 - 2, 1e5 - 1, 1e5),
            counters);
    assertThat(values(out, "x"), contains(null, null, null, null));
    assertEquals(1L, counters.get("lambda_overflow"));
  }

  @Test
  void boxCoxInvalidErrorSendsTheRowToErrors() {
    List<String> errors = new ArrayList<>();
    Kernel k = BoxCox.withLambda(0.5, "x").onInvalid(Invalid.ERROR).plan(LAYOUT, plan("bc"));
    Chunk out = KernelHarness.run(k, series(1.0, 4.0, -1.0), new int[0], new HashMap<>(), errors);
    assertCellsWithin(values(out, "x"), 1e-15, 0.0, 2.0);
    assertEquals(
        List.of(
            "boxcox_domain|x|BoxCox: \"x\" = -1.0 is outside the domain of Box-Cox"
                + " (x > 0). Set invalid = \"null\" to write null instead."),
        errors);
  }

  @Test
  void boxCoxSuffixKeepsTheSourceAndNamesTheLambda() {
    Kernel k = BoxCox.mle("x").emitLambda().withSuffix("_bc").plan(LAYOUT, plan("bc"));
    Schema out = k.outputLayout().schema();
    assertEquals(List.of("t", "x", "x_bc", "x_boxcox_lambda_bc"), out.getFieldNames());
    assertTrue(OpColumns.isDerived(out.getField("x_bc")));
    assertTrue(OpColumns.isDerived(out.getField("x_boxcox_lambda_bc")));
  }

  @Test
  void boxCoxFitsEachSeriesSeparately() {
    Schema s =
        Schema.builder()
            .addStringField("tag")
            .addDateTimeField("t")
            .addNullableField("x", FieldType.DOUBLE)
            .build();
    ChunkLayout layout = KernelHarness.layout(s, "t", "tag");
    Kernel k = BoxCox.mle("x").emitLambda().plan(layout, plan("bc"));
    Chunk a =
        chunk(
            layout,
            Row.withSchema(layout.keySchema()).addValue("a").build(),
            hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00"),
            col(1.0, 2.0, 3.0, 5.0, 8.0, 13.0));
    Chunk b =
        chunk(
            layout,
            Row.withSchema(layout.keySchema()).addValue("b").build(),
            hms("00:00", "01:00"),
            col(1.0, 1.0));
    assertThat(
        (Double) values(KernelHarness.run(k, a), "x_boxcox_lambda").get(0),
        closeTo(0.08349954626332, 1e-7));
    assertNull(values(KernelHarness.run(k, b), "x_boxcox_lambda").get(0));
  }

  @Test
  void boxCoxRejectsNonFiniteLambda() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BoxCox.withLambda(Double.NaN, "x"));
    assertEquals("BoxCox: lambda must be a finite number. Got NaN.", e.getMessage());
  }

  @Test
  void boxCoxRejectsANonNumericColumn() {
    Schema s =
        Schema.builder().addDateTimeField("t").addNullableField("status", FieldType.STRING).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BoxCox.mle("status").plan(KernelHarness.layout(s, "t"), plan("bc")));
    assertEquals("BoxCox: column \"status\" is not numeric (STRING).", e.getMessage());
  }

  @Test
  void brentFindsTheMinimumOutsideTheStartingBracket() {
    double x = Power.minimize(l -> (l - 7.25) * (l - 7.25), -2, 2);
    assertThat(x, closeTo(7.25, 1e-9));
  }

  @Test
  void boxCoxFixedNegativeLambda() {
    // λ = −1: (x^−1 − 1)/−1 = 1 − 1/x
    Chunk out =
        run(
            BoxCox.withLambda(-1, "x").plan(LAYOUT, plan("bc")),
            series(1.0, 2.0, 4.0),
            new HashMap<>());
    assertCellsWithin(values(out, "x"), 1e-15, 0.0, 0.5, 0.75);
  }

  @Test
  void boxCoxZeroIsOutsideTheDomain() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(BoxCox.withLambda(0.5, "x").plan(LAYOUT, plan("bc")), series(0.0, 1.0, null), counters);
    assertCellsWithin(values(out, "x"), 1e-15, null, 0.0, null);
    assertEquals(1L, counters.get("invalid_input"));
  }

  @Test
  void boxCoxAllNullColumnIsUnfit() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        run(
            BoxCox.mle("x").emitLambda().plan(LAYOUT, plan("bc")),
            series(null, null, null),
            counters);
    assertThat(values(out, "x"), contains(null, null, null));
    assertThat(values(out, "x_boxcox_lambda"), contains(null, null, null));
    assertEquals(1L, counters.get("series_unfit"));
  }

  @Test
  void boxCoxOfEmptyInputKeepsTheOutputSchema() {
    Kernel k = BoxCox.mle("x").emitLambda().plan(LAYOUT, plan("bc"));
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
    assertEquals(List.of("t", "x", "x_boxcox_lambda"), out.schema().getFieldNames());
  }
}
