package io.industryts.ops;

import static io.industryts.ops.ColumnUtilitySupport.LAYOUT;
import static io.industryts.ops.ColumnUtilitySupport.input;
import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Kernel;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.6.1 {@code select}: output order and errors. */
class SelectTest {
  @Test
  void selectPutsTimeThenKeysThenColumnsInOrder() {
    Kernel k = Select.columns("flow_lag1", "temp").plan(LAYOUT, plan("sel"));
    Chunk out = KernelHarness.run(k, input());
    assertEquals(List.of("DateTime", "tag", "flow_lag1", "temp"), out.schema().getFieldNames());
    assertThat(values(out, "temp"), contains(20.0, 21.0));
    assertThat(values(out, "flow_lag1"), contains(null, 1.0));
    assertThat(values(out, "tag"), contains("a", "a"));
    assertTrue(OpColumns.isDerived(out.schema().getField("flow_lag1")));
  }

  @Test
  void selectRejectsTheTimeColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Select.columns("DateTime").plan(LAYOUT, plan("sel")));
    assertEquals(
        "Select: \"DateTime\" is the time column and cannot be in columns; it is always" + " kept.",
        e.getMessage());
  }

  @Test
  void selectRejectsAMissingColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Select.columns("x").plan(LAYOUT, plan("sel")));
    assertEquals(
        "Select: column \"x\" not found. Available fields: [temp, DateTime, tag, flow,"
            + " flow_lag1]",
        e.getMessage());
  }

  @Test
  void selectRejectsAKeyColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Select.columns("tag").plan(LAYOUT, plan("sel")));
    assertEquals(
        "Select: \"tag\" is a key column and cannot be in columns; it is always kept.",
        e.getMessage());
  }

  @Test
  void selectNeedsColumns() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Select.columns());
    assertEquals(
        "Select: columns is required. Got []; expected the columns to keep besides the"
            + " time and key columns.",
        e.getMessage());
  }

  @Test
  void selectOfEmptyInputHasTheSelectedSchema() {
    Kernel k = Select.columns("flow").plan(LAYOUT, plan("sel"));
    Chunk out =
        KernelHarness.run(
            k,
            chunk(
                LAYOUT,
                Row.withSchema(LAYOUT.keySchema()).addValue("a").build(),
                new long[0],
                col(),
                col(),
                col()));
    assertEquals(0, out.size());
    assertEquals(List.of("DateTime", "tag", "flow"), out.schema().getFieldNames());
  }
}
