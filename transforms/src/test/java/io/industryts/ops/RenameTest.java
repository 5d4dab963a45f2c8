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
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** SEMANTICS §2.6.3 {@code rename}: positions, derived mark, time/key renames and errors. */
class RenameTest {
  @Test
  void renameKeepsPositionTypeAndDerivedMark() {
    Kernel k =
        Rename.of(Map.of("flow_lag1", "previous", "temp", "temperature")).plan(LAYOUT, plan("ren"));
    Chunk out = KernelHarness.run(k, input());
    assertEquals(
        List.of("temperature", "DateTime", "tag", "flow", "previous"),
        out.schema().getFieldNames());
    assertTrue(OpColumns.isDerived(out.schema().getField("previous")));
    assertThat(values(out, "temperature"), contains(20.0, 21.0));
  }

  @Test
  void renameOfTimeAndKeyColumnsIsTrackedByTheLayout() {
    Kernel k = Rename.of(Map.of("DateTime", "ts", "tag", "asset")).plan(LAYOUT, plan("ren"));
    ChunkLayout out = k.outputLayout();
    assertEquals("ts", out.timeField());
    assertEquals(List.of("asset"), out.keyFields());
    Chunk c = KernelHarness.run(k, input());
    assertEquals(out.keySchema(), c.key().getSchema());
    assertThat(values(c, "asset"), contains("a", "a"));
    // a later step finds the series under the new names
    Kernel next = Select.columns("flow").plan(out, plan("sel"));
    assertEquals(List.of("ts", "asset", "flow"), next.outputLayout().schema().getFieldNames());
  }

  @Test
  void renameMaySwapNames() {
    Map<String, String> swap = new LinkedHashMap<>();
    swap.put("temp", "flow");
    swap.put("flow", "temp");
    Chunk out = KernelHarness.run(Rename.of(swap).plan(LAYOUT, plan("ren")), input());
    assertThat(values(out, "flow"), contains(20.0, 21.0));
    assertThat(values(out, "temp"), contains(1.0, 2.0));
  }

  @Test
  void renameRejectsAMissingColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Rename.column("x", "y").plan(LAYOUT, plan("ren")));
    assertEquals(
        "Rename: column \"x\" not found. Available fields: [temp, DateTime, tag, flow,"
            + " flow_lag1]",
        e.getMessage());
  }

  @Test
  void renameRejectsAnExistingName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Rename.column("temp", "flow").plan(LAYOUT, plan("ren")));
    assertEquals("Rename: \"flow\" already exists.", e.getMessage());
  }

  @Test
  void renameNeedsAMapping() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rename.of(Map.of()));
    assertEquals(
        "Rename: mapping is required. Got {}; expected old name -> new name.", e.getMessage());
  }

  @Test
  void renameOfEmptyInputHasTheRenamedSchema() {
    Kernel k = Rename.column("flow", "rate").plan(LAYOUT, plan("ren"));
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
    assertEquals(
        List.of("temp", "DateTime", "tag", "rate", "flow_lag1"), out.schema().getFieldNames());
  }
}
