package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.RowOpsSupport.AB;
import static io.industryts.ops.RowOpsSupport.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.2.5 {@code filter_time}: the worked example, one-sided ranges and errors. */
class FilterTimeTest {
  @Test
  void filterTimeKeepsStartInclusiveEndExclusive() {
    long[] t = {hm("00:59"), hm("01:00"), hm("03:00") - 1, hm("03:00")};
    Chunk in = chunk(LAYOUT, t, col(1.0, 2.0, 3.0, 4.0), col(1L, 2L, 3L, 4L));
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        KernelHarness.run(
            FilterTime.between(new Instant(hm("01:00")), new Instant(hm("03:00")))
                .plan(LAYOUT, plan("f")),
            in,
            counters);
    assertEquals(List.of(2.0, 3.0), values(out, "a"));
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void filterTimeWithOneBound() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, 2.0, 3.0), col(1L, 2L, 3L));
    assertEquals(
        List.of(2.0, 3.0),
        values(
            KernelHarness.run(
                FilterTime.from(new Instant(hm("01:00"))).plan(LAYOUT, plan("f")), in),
            "a"));
    assertEquals(
        List.of(1.0),
        values(
            KernelHarness.run(
                FilterTime.until(new Instant(hm("01:00"))).plan(LAYOUT, plan("f")), in),
            "a"));
  }

  @Test
  void filterTimeStartMustBeBeforeEnd() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FilterTime.between(
                    Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z")));
    assertEquals(
        "FilterTime: start (2024-02-01T00:00Z) is not before end (2024-01-01T00:00Z).",
        e.getMessage());
  }

  @Test
  void filterTimeOfEmptyInputIsEmpty() {
    Kernel k = FilterTime.from(new Instant(hm("01:00"))).plan(LAYOUT, plan("f"));
    Chunk out = KernelHarness.run(k, chunk(LAYOUT, new long[0], col(), col()));
    assertEquals(0, out.size());
    assertEquals(AB, out.schema());
  }

  @Test
  void filterTimeDropsEveryRowOutsideTheRange() {
    Map<String, Long> counters = new HashMap<>();
    Chunk in = chunk(LAYOUT, hms("00:00", "00:30"), col(1.0, 2.0), col(1L, 2L));
    Chunk out =
        KernelHarness.run(
            FilterTime.from(new Instant(hm("01:00"))).plan(LAYOUT, plan("f")), in, counters);
    assertEquals(0, out.size());
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void filterTimeKeepsRowsWithEqualTimesTogether() {
    Chunk in =
        chunk(
            LAYOUT,
            hms("00:59", "01:00", "01:00", "03:00"),
            col(1.0, 2.0, 3.0, 4.0),
            col(1L, 2L, 3L, 4L));
    Kernel k =
        FilterTime.between(new Instant(hm("01:00")), new Instant(hm("03:00")))
            .plan(LAYOUT, plan("f"));
    assertEquals(
        List.of(2.0, 3.0),
        KernelHarness.sameOverCuts(k, in, new int[][] {{}, {1}, {2}, {1, 2, 3}}, "a"));
  }

  @Test
  void filterTimeNeedsABound() {
    assertEquals(
        "FilterTime: needs start or end. Got neither.",
        assertThrows(IllegalArgumentException.class, () -> FilterTime.between(null, null))
            .getMessage());
  }

  @Test
  void filterTimeRejectsAnEmptyRange() {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    assertEquals(
        "FilterTime: start (2024-01-01T00:00Z) is not before end (2024-01-01T00:00Z).",
        assertThrows(IllegalArgumentException.class, () -> FilterTime.between(t, t)).getMessage());
  }
}
