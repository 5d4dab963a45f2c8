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
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class InterpolateTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  /** The SEMANTICS §2.1.2 example series. */
  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:00", "01:00", "03:00", "04:00", "08:00", "09:00", "10:00"),
        col(null, 10.0, null, 16.0, null, 20.0, null),
        col("a", "b", "c", "d", "e", "f", "g"));
  }

  private static final int[][] CUTS = {{}, {1}, {2}, {3}, {5}, {1, 2, 3, 4, 5, 6}, {2, 5}};

  /** Runs over every segmentation in {@link #CUTS}, asserting all agree; returns v and counters. */
  private static List<Object> run(
      Interpolate op, Chunk in, String field, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("3_interpolate"));
    List<Object> first = null;
    for (int[] cuts : CUTS) {
      int[] ok = Arrays.stream(cuts).filter(c -> c < in.size()).toArray();
      Map<String, Long> c = new HashMap<>();
      List<Object> got = values(KernelHarness.run(k, in, ok, c), field);
      if (first == null) {
        first = got;
        counters.putAll(c);
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(ok));
        assertEquals(counters, c, "counters with cuts " + Arrays.toString(ok));
      }
    }
    return first;
  }

  private static List<Object> run(Interpolate op) {
    return run(op, example(), "v", new HashMap<>());
  }

  @Test
  void linearIsLinearInTimeInsideAndLeavesEdgesNull() {
    Map<String, Long> counters = new HashMap<>();
    List<Object> v = run(Interpolate.linear("v"), example(), "v", counters);
    assertEquals(Arrays.asList(null, 10.0), v.subList(0, 2));
    assertThat((Double) v.get(2), closeTo(14, 1e-12));
    assertEquals(16.0, v.get(3));
    assertThat((Double) v.get(4), closeTo(19.2, 1e-12));
    assertEquals(20.0, v.get(5));
    assertEquals(null, v.get(6));
    assertEquals(2L, counters.get("values_filled"));
  }

  @Test
  void maxGapLeavesRunsWithALongerSpanWhole() {
    assertThat(
        run(Interpolate.linear("v").withMaxGap(Duration.standardHours(4))),
        contains(null, 10.0, 14.0, 16.0, null, 20.0, null));
  }

  @Test
  void maxGapExactlyAtTheSpanFills() {
    assertThat(
        run(Interpolate.linear("v").withMaxGap(Duration.standardHours(3))),
        contains(null, 10.0, 14.0, 16.0, null, 20.0, null));
    List<Object> v = run(Interpolate.linear("v").withMaxGap(Duration.standardHours(5)));
    assertThat((Double) v.get(4), closeTo(19.2, 1e-12));
  }

  @Test
  void edgesBothFillsLeadingAndTrailingRunsWithTheNearestObservation() {
    List<Object> v = run(Interpolate.linear("v").withEdges(Interpolate.Edges.BOTH));
    assertEquals(List.of(10.0, 10.0, 14.0, 16.0), v.subList(0, 4));
    assertEquals(List.of(20.0, 20.0), v.subList(5, 7));
  }

  @Test
  void edgesForwardFillsOnlyTrailingRuns() {
    List<Object> v = run(Interpolate.linear("v").withEdges(Interpolate.Edges.FORWARD));
    assertEquals(null, v.get(0));
    assertEquals(20.0, v.get(6));
  }

  @Test
  void edgeRunSpanUsesTheSeriesEndForMaxGap() {
    // trailing run 10:00 has span 10:00 - 09:00 = 1h; leading run 00:00 span 01:00 - 00:00 = 1h
    List<Object> v =
        run(
            Interpolate.linear("v")
                .withEdges(Interpolate.Edges.BOTH)
                .withMaxGap(Duration.standardMinutes(59)));
    assertEquals(Arrays.asList(null, 10.0, null, 16.0, null, 20.0, null), v);
  }

  @Test
  void nearestTakesTheCloserObservation() {
    assertThat(run(Interpolate.nearest("v")), contains(null, 10.0, 16.0, 16.0, 20.0, 20.0, null));
  }

  @Test
  void nearestTieTakesTheEarlierObservation() {
    Chunk in =
        chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, null, 3.0), col("a", "b", "c"));
    assertThat(run(Interpolate.nearest("v"), in, "v", new HashMap<>()), contains(1.0, 1.0, 3.0));
  }

  @Test
  void equalNeighbourTimesGiveTheEarlierValue() {
    Chunk in =
        chunk(LAYOUT, hms("01:00", "01:00", "01:00"), col(1.0, null, 3.0), col("a", "b", "c"));
    assertThat(run(Interpolate.linear("v"), in, "v", new HashMap<>()), contains(1.0, 1.0, 3.0));
  }

  @Test
  void flagMarksFilledCellsOnly() {
    List<Object> f =
        run(Interpolate.linear("v").withFlag(), example(), "v_is_filled", new HashMap<>());
    assertEquals(List.of(false, false, true, false, true, false, false), f);
  }

  @Test
  void allNullAndSingleRowSeriesStayNull() {
    Chunk allNull = chunk(LAYOUT, hms("00:00", "01:00"), col(null, null), col("a", "b"));
    assertEquals(
        Arrays.asList(null, null),
        run(
            Interpolate.linear("v").withEdges(Interpolate.Edges.BOTH),
            allNull,
            "v",
            new HashMap<>()));
    Chunk one = chunk(LAYOUT, hms("00:00"), col(5.0), col("a"));
    assertEquals(List.of(5.0), run(Interpolate.linear("v"), one, "v", new HashMap<>()));
  }

  @Test
  void integerColumnBecomesDouble() {
    Schema s =
        Schema.builder().addDateTimeField("t").addNullableField("n", FieldType.INT32).build();
    ChunkLayout l = KernelHarness.layout(s, "t");
    Kernel k = Interpolate.linear().plan(l, plan("i"));
    assertEquals(
        FieldType.DOUBLE.withNullable(true), k.outputLayout().schema().getField("n").getType());
    Chunk out = KernelHarness.run(k, chunk(l, hms("00:00", "01:00", "02:00"), col(1, null, 4)));
    assertEquals(List.of(1.0, 2.5, 4.0), values(out, "n"));
  }

  @Test
  void nonNumericColumnIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Interpolate.linear("s").plan(LAYOUT, plan("i")));
    assertEquals("Interpolate: column \"s\" is not numeric (STRING).", e.getMessage());
  }

  @Test
  void missingColumnIsRejectedWithTheAvailableFields() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Interpolate.linear("x").plan(LAYOUT, plan("i")));
    assertEquals(
        "Interpolate: column \"x\" not found. Available fields: [t, v, s]", e.getMessage());
  }

  @Test
  void maxGapMustBePositive() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Interpolate.linear().withMaxGap(Duration.ZERO));
    assertEquals("Interpolate: max_gap must be > 0. Got PT0S.", e.getMessage());
  }
}
