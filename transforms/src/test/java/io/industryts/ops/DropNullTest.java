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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.1.3 {@code drop_null}: the worked example, {@code how}, columns and errors. */
class DropNullTest {
  private static Chunk dropExample() {
    return chunk(LAYOUT, hms("00:00", "01:00", "02:00"), col(1.0, null, 3.0), col(null, null, 4L));
  }

  @Test
  void dropNullAnyKeepsOnlyCompleteRows() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = KernelHarness.run(DropNull.any().plan(LAYOUT, plan("d")), dropExample(), counters);
    assertEquals(List.of(hm("02:00")), Arrays.asList(out.times()[0]));
    assertEquals(1, out.size());
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void dropNullAllDropsOnlyRowsWhereEveryListedCellIsNull() {
    Chunk out = KernelHarness.run(DropNull.all("a", "b").plan(LAYOUT, plan("d")), dropExample());
    assertEquals(Arrays.asList(1.0, 3.0), values(out, "a"));
  }

  @Test
  void dropNullOnOneColumnIgnoresTheOthers() {
    Chunk out = KernelHarness.run(DropNull.any("a").plan(LAYOUT, plan("d")), dropExample());
    assertEquals(Arrays.asList(null, 4L), values(out, "b"));
  }

  @Test
  void dropNullRejectsTheTimeColumn() {
    assertEquals("DropNull: \"t\" is the time column and cannot be in columns.",
        assertThrows(IllegalArgumentException.class,
            () -> DropNull.any("t").plan(LAYOUT, plan("d"))).getMessage());
  }
}
