package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class RegularizeTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");
  private static final Duration MIN = Duration.standardMinutes(1);

  /** The SEMANTICS §2.2.2 example: 00:00:20 → 1, 00:01:00 → ·, 00:01:30 → 3, 00:04:10 → 9. */
  private static Chunk example() {
    return chunk(
        LAYOUT,
        hms("00:00:20", "00:01:00", "00:01:30", "00:04:10"),
        col(1.0, null, 3.0, 9.0),
        col("a", "b", "c", "d"));
  }

  /** Cuts on bucket edges only, as the engine aligns segments to the grid. */
  private static final int[][] CUTS = {{}, {1}, {3}, {1, 3}};

  private static Chunk run(Regularize op, Chunk in, int[][] cuts, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("2_regularize"));
    Chunk first = null;
    for (int[] c : cuts) {
      Map<String, Long> cnt = new HashMap<>();
      Chunk got = KernelHarness.run(k, in, c, cnt);
      if (first == null) {
        first = got;
        counters.putAll(cnt);
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(c));
        assertEquals(counters, cnt, "counters with cuts " + Arrays.toString(c));
      }
    }
    return first;
  }

  private static List<Object> v(Regularize op) {
    return values(run(op, example(), CUTS, new HashMap<>()), "v");
  }

  private static List<Long> times(Chunk c) {
    List<Long> out = new ArrayList<>();
    for (long t : c.times()) {
      out.add(t);
    }
    return out;
  }

  @Test
  void gridRunsFromTheFirstRowsBucketToTheLastRowsBucket() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(Regularize.every(MIN), example(), CUTS, counters);
    assertEquals(
        List.of(hm("00:00"), hm("00:01"), hm("00:02"), hm("00:03"), hm("00:04")), times(out));
    assertEquals(List.of("t", "v", "s"), out.schema().getFieldNames());
    assertEquals(4L, counters.get("rows_inserted"));
  }

  @Test
  void nullFillLeavesEveryInsertedPointNull() {
    assertEquals(
        Arrays.asList(null, null, null, null, null),
        v(Regularize.every(MIN).fill(Regularize.Fill.NULL)));
  }

  @Test
  void forwardTakesThePreviousRowAndKeepsNullsOfAnExactRow() {
    assertEquals(Arrays.asList(null, null, 3.0, 3.0, 3.0), v(Regularize.every(MIN)));
  }

  @Test
  void forwardCopiesTheWholeRowIncludingNonNumericColumns() {
    assertEquals(
        Arrays.asList(null, "b", "c", "c", "c"),
        values(run(Regularize.every(MIN), example(), CUTS, new HashMap<>()), "s"));
  }

  @Test
  void backwardTakesTheNextRow() {
    assertEquals(
        Arrays.asList(1.0, null, 9.0, 9.0, 9.0),
        v(Regularize.every(MIN).fill(Regularize.Fill.BACKWARD)));
  }

  @Test
  void nearestTakesTheCloserRow() {
    assertEquals(
        Arrays.asList(1.0, null, 3.0, 9.0, 9.0),
        v(Regularize.every(MIN).fill(Regularize.Fill.NEAREST)));
  }

  @Test
  void nearestTieTakesTheLaterRow() {
    Chunk in = chunk(LAYOUT, hms("00:00:30", "00:01:30"), col(1.0, 2.0), col("a", "b"));
    Chunk out =
        run(
            Regularize.every(MIN).fill(Regularize.Fill.NEAREST),
            in,
            new int[][] {{}, {1}},
            new HashMap<>());
    assertEquals(Arrays.asList(1.0, 2.0), values(out, "v"));
  }

  @Test
  void linearInterpolatesInTimeBetweenNonNullNeighboursIncludingOffGridRows() {
    List<Object> got = v(Regularize.every(MIN).fill(Regularize.Fill.LINEAR));
    assertNull(got.get(0));
    assertThat((Double) got.get(1), closeTo(1 + 2.0 * 40 / 70, 1e-12));
    assertThat((Double) got.get(2), closeTo(4.125, 1e-12));
    assertThat((Double) got.get(3), closeTo(6.375, 1e-12));
    assertThat((Double) got.get(4), closeTo(8.625, 1e-12));
  }

  @Test
  void linearWithMaxGapNullsPointsWhoseNeighboursAreTooFarApart() {
    List<Object> got =
        v(
            Regularize.every(MIN)
                .fill(Regularize.Fill.LINEAR)
                .withMaxGap(Duration.standardMinutes(2)));
    assertThat((Double) got.get(1), closeTo(2.142857142857143, 1e-12));
    assertEquals(Arrays.asList(null, null, null), got.subList(2, 5));
  }

  @Test
  void forwardMaxGapExactlyAtTheSpanFills() {
    // 00:02 to 00:04: neighbours 00:01:30 and 00:04:10, 160 s apart
    assertEquals(
        Arrays.asList(null, null, 3.0, 3.0, 3.0),
        v(Regularize.every(MIN).withMaxGap(Duration.standardSeconds(160))));
    assertEquals(
        Arrays.asList(null, null, null, null, null),
        v(Regularize.every(MIN).withMaxGap(Duration.standardSeconds(159))));
  }

  @Test
  void aMissingNeighbourMeasuresTheDistanceToTheOtherFromThePoint() {
    // 00:00 has only a next row 20 s later
    assertEquals(
        Arrays.asList(1.0, null, null, null, null),
        v(
            Regularize.every(MIN)
                .fill(Regularize.Fill.BACKWARD)
                .withMaxGap(Duration.standardSeconds(20))));
  }

  @Test
  void theLastOfSeveralRowsAtAPointSuppliesItsValues() {
    Chunk in =
        chunk(LAYOUT, hms("00:00", "00:00", "00:01"), col(1.0, 2.0, 3.0), col("a", "b", "c"));
    Chunk out = run(Regularize.every(MIN), in, new int[][] {{}, {2}}, new HashMap<>());
    assertEquals(List.of(2.0, 3.0), values(out, "v"));
  }

  @Test
  void flagIsTrueOnlyForFilledNonNullValues() {
    Chunk out = run(Regularize.every(MIN).withFlag().of("v"), example(), CUTS, new HashMap<>());
    assertEquals(List.of("t", "v", "v_is_filled"), out.schema().getFieldNames());
    assertEquals(List.of(false, false, true, true, true), values(out, "v_is_filled"));
  }

  @Test
  void startAndEndGiveTheSameRangeForEverySeries() {
    Regularize op =
        Regularize.every(MIN)
            .fill(Regularize.Fill.NEAREST)
            .between(new Instant(hm("00:00") - 60_000), new Instant(hm("00:05") + 30_000));
    Chunk out = run(op, example(), CUTS, new HashMap<>());
    assertEquals(7, out.size());
    assertEquals(hm("00:00") - 60_000, out.times()[0]);
    assertEquals(hm("00:05"), out.times()[6]);
    assertEquals(Arrays.asList(1.0, 1.0, null, 3.0, 9.0, 9.0, 9.0), values(out, "v"));
  }

  @Test
  void singleRowGivesOnePoint() {
    Chunk in = chunk(LAYOUT, hms("00:00:20"), col(4.0), col("a"));
    Chunk out =
        run(
            Regularize.every(MIN).fill(Regularize.Fill.LINEAR).of("v"),
            in,
            new int[][] {{}},
            new HashMap<>());
    assertEquals(List.of(hm("00:00")), times(out));
    assertEquals(Arrays.asList((Object) null), values(out, "v"));
  }

  @Test
  void linearNeedsNumericColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Regularize.every(MIN).fill(Regularize.Fill.LINEAR).of("s").plan(LAYOUT, plan("r")));
    assertEquals(
        "Regularize: fill \"linear\" needs numeric columns. Got \"s\" (STRING).", e.getMessage());
  }

  @Test
  void startAfterEndIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Regularize.every(MIN).between(new Instant(10_000), new Instant(0)));
    assertEquals(
        "Regularize: start is after end. Got start 1970-01-01T00:00:10Z, end"
            + " 1970-01-01T00:00Z.",
        e.getMessage());
  }

  @Test
  void ruleMustBePositive() {
    assertEquals(
        "Regularize: rule must be > 0. Got PT0S.",
        assertThrows(IllegalArgumentException.class, () -> Regularize.every(Duration.ZERO))
            .getMessage());
  }
}
