package io.industryts.ops;

import static io.industryts.ops.ColumnUtilitySupport.LAYOUT;
import static io.industryts.ops.ColumnUtilitySupport.input;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.6.2 {@code drop_columns}: removal and errors. */
class DropColumnsTest {
  @Test
  void dropColumnsRemovesAndKeepsOrder() {
    Kernel k = DropColumns.of("flow").plan(LAYOUT, plan("drop"));
    Chunk out = KernelHarness.run(k, input());
    assertEquals(List.of("temp", "DateTime", "tag", "flow_lag1"), out.schema().getFieldNames());
    assertThat(values(out, "flow_lag1"), contains(null, 1.0));
  }

  @Test
  void dropColumnsRejectsAKeyColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DropColumns.of("tag").plan(LAYOUT, plan("drop")));
    assertEquals("DropColumns: \"tag\" is a key column and cannot be dropped.", e.getMessage());
  }

  @Test
  void dropColumnsRejectsTheTimeColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DropColumns.of("DateTime").plan(LAYOUT, plan("drop")));
    assertEquals(
        "DropColumns: \"DateTime\" is the time column and cannot be dropped.", e.getMessage());
  }

  @Test
  void dropColumnsRejectsAMissingColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DropColumns.of("x").plan(LAYOUT, plan("drop")));
    assertEquals(
        "DropColumns: column \"x\" not found. Available fields: [temp, DateTime, tag,"
            + " flow, flow_lag1]",
        e.getMessage());
  }

  @Test
  void dropColumnsNeedsColumns() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DropColumns.of());
    assertEquals(
        "DropColumns: columns is required. Got []; expected the columns to remove.",
        e.getMessage());
  }
}
