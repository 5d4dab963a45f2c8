package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** The SEMANTICS §2.5.1 example: x = 1, 2, 3, 4, ·. */
class ScaleTest {
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("x", FieldType.INT64).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static Chunk example() {
    return chunk(
        LAYOUT, hms("00:00", "01:00", "02:00", "03:00", "04:00"), col(1L, 2L, 3L, 4L, null));
  }

  private static List<Object> scale(Scale op, String field) {
    Kernel k = op.plan(LAYOUT, plan("10_scale"));
    List<Object> whole = values(KernelHarness.run(k, example()), field);
    List<Object> cut =
        values(KernelHarness.run(k, example(), new int[] {1, 3}, new HashMap<>()), field);
    assertEquals(whole, cut);
    return whole;
  }

  private static void assertClose(List<Object> got, double... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertThat((Double) got.get(i), closeTo(expected[i], 1e-12));
    }
  }

  @Test
  void standardUsesPopulationStandardDeviation() {
    List<Object> v = scale(Scale.standard("x"), "x");
    double sd = Math.sqrt(1.25);
    assertClose(v, -1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd);
    assertNull(v.get(4));
    assertThat((Double) v.get(0), closeTo(-1.3416, 1e-4));
  }

  @Test
  void minMaxMapsOntoUnitRange() {
    assertClose(scale(Scale.minMax("x"), "x"), 0, 1.0 / 3, 2.0 / 3, 1);
  }

  @Test
  void minMaxHonoursFeatureRange() {
    assertClose(scale(Scale.minMax("x").withRange(-1, 1), "x"), -1, -1.0 / 3, 1.0 / 3, 1);
  }

  @Test
  void robustUsesMedianAndInterquartileRange() {
    assertClose(scale(Scale.robust("x"), "x"), -1, -1.0 / 3, 1.0 / 3, 1);
  }

  @Test
  void fixedAppliesCenterAndScale() {
    assertClose(scale(Scale.fixed(1, 2, "x"), "x"), 0, 0.5, 1, 1.5);
  }

  @Test
  void suffixAddsDerivedColumnAndKeepsTheSource() {
    Kernel k = Scale.standard("x").withSuffix("_scaled").plan(LAYOUT, plan("s"));
    Schema out = k.outputLayout().schema();
    assertEquals(List.of("t", "x", "x_scaled"), out.getFieldNames());
    assertEquals(FieldType.INT64.withNullable(true), out.getField("x").getType());
    assertTrue(OpColumns.isDerived(out.getField("x_scaled")));
  }

  @Test
  void constantSeriesBecomesNullAndIsCounted() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(3L, 3L));
    Map<String, Long> counters = new HashMap<>();
    Chunk out = KernelHarness.run(Scale.standard("x").plan(LAYOUT, plan("s")), in, counters);
    assertThat(values(out, "x"), contains(null, null));
    assertEquals(1L, counters.get("series_degenerate"));
  }

  @Test
  void singleRowSeriesIsDegenerate() {
    Chunk in = chunk(LAYOUT, hms("00:00"), col(3L));
    Chunk out = KernelHarness.run(Scale.minMax("x").plan(LAYOUT, plan("s")), in);
    assertThat(values(out, "x"), contains((Object) null));
  }

  @Test
  void rejectsReversedFeatureRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scale.minMax().withRange(1.0, 0.0));
    assertEquals("Scale: feature_range must be [a, b] with a < b. Got [1.0, 0.0].", e.getMessage());
  }

  @Test
  void rejectsReversedQuantileRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Scale.robust().withQuantileRange(75.0, 25.0));
    assertEquals(
        "Scale: quantile_range must satisfy 0 <= lo < hi <= 100. Got [75.0, 25.0].",
        e.getMessage());
  }

  @Test
  void rejectsZeroFixedScale() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scale.fixed(0, 0));
    assertEquals("Scale: scale must be != 0. Got 0.0.", e.getMessage());
  }
}
