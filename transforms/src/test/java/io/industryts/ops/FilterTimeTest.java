package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hm;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static io.industryts.ops.RowOpsSupport.LAYOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.Chunk;
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
    Chunk out = KernelHarness.run(FilterTime.between(new Instant(hm("01:00")),
        new Instant(hm("03:00"))).plan(LAYOUT, plan("f")), in, counters);
    assertEquals(List.of(2.0, 3.0), values(out, "a"));
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void filterTimeWithOneBound() {
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, 2.0, 3.0), col(1L, 2L, 3L));
    assertEquals(List.of(2.0, 3.0), values(KernelHarness.run(
        FilterTime.from(new Instant(hm("01:00"))).plan(LAYOUT, plan("f")), in), "a"));
    assertEquals(List.of(1.0), values(KernelHarness.run(
        FilterTime.until(new Instant(hm("01:00"))).plan(LAYOUT, plan("f")), in), "a"));
  }

  @Test
  void filterTimeStartMustBeBeforeEnd() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FilterTime.between(Instant.parse("2024-02-01T00:00:00Z"),
            Instant.parse("2024-01-01T00:00:00Z")));
    assertEquals("FilterTime: start (2024-02-01T00:00Z) is not before end (2024-01-01T00:00Z).",
        e.getMessage());
  }
}
