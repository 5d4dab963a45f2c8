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
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
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
    assertEquals(
        "DropNull: \"t\" is the time column and cannot be in columns.",
        assertThrows(
                IllegalArgumentException.class, () -> DropNull.any("t").plan(LAYOUT, plan("d")))
            .getMessage());
  }

  @Test
  void dropNullAllExampleKeepsTheFirstAndLastRowAndCountsOneDrop() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = KernelHarness.run(DropNull.all().plan(LAYOUT, plan("d")), dropExample(), counters);
    assertEquals(List.of(hm("00:00"), hm("02:00")), Arrays.asList(out.times()[0], out.times()[1]));
    assertEquals(2, out.size());
    assertEquals(1L, counters.get("rows_dropped"));
  }

  @Test
  void dropNullIsTheSameOverEverySegmentation() {
    Kernel k = DropNull.any().plan(LAYOUT, plan("d"));
    assertEquals(
        Arrays.asList(3.0),
        KernelHarness.sameOverCuts(k, dropExample(), new int[][] {{}, {1}, {2}, {1, 2}}, "a"));
  }

  @Test
  void dropNullOfEmptyInputIsEmptyWithTheInputSchema() {
    Kernel k = DropNull.any().plan(LAYOUT, plan("d"));
    Chunk out = KernelHarness.run(k, chunk(LAYOUT, new long[0], col(), col()));
    assertEquals(0, out.size());
    assertEquals(AB, out.schema());
  }

  @Test
  void dropNullOfASingleCompleteRowKeepsIt() {
    Chunk in = chunk(LAYOUT, hms("00:00"), col(1.0), col(1L));
    assertEquals(
        List.of(1.0), values(KernelHarness.run(DropNull.any().plan(LAYOUT, plan("d")), in), "a"));
  }

  @Test
  void dropNullAnyOnAnAllNullColumnDropsEveryRow() {
    Map<String, Long> counters = new HashMap<>();
    Chunk in = chunk(LAYOUT, hms("00:00", "01:00"), col(null, null), col(1L, 2L));
    Chunk out = KernelHarness.run(DropNull.any("a").plan(LAYOUT, plan("d")), in, counters);
    assertEquals(0, out.size());
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void dropNullDefaultColumnsExcludeANullKey() {
    // a null key value is a value (§1.4): its series keeps rows whose other cells are present
    Schema keyed =
        Schema.builder()
            .addNullableField("tag", FieldType.STRING)
            .addDateTimeField("t")
            .addNullableField("a", FieldType.DOUBLE)
            .build();
    ChunkLayout layout = KernelHarness.layout(keyed, "t", "tag");
    Row nullKey = Row.withSchema(layout.keySchema()).addValue(null).build();
    Chunk in = chunk(layout, nullKey, hms("00:00", "01:00"), col(1.0, null));
    Chunk out = KernelHarness.run(DropNull.any().plan(layout, plan("d")), in);
    assertEquals(List.of(1.0), values(out, "a"));
  }

  @Test
  void dropNullRejectsAKeyColumn() {
    ChunkLayout layout =
        KernelHarness.layout(
            Schema.builder()
                .addStringField("tag")
                .addDateTimeField("t")
                .addNullableField("a", FieldType.DOUBLE)
                .build(),
            "t",
            "tag");
    assertEquals(
        "DropNull: \"tag\" is a key column and cannot be in columns.",
        assertThrows(
                IllegalArgumentException.class, () -> DropNull.any("tag").plan(layout, plan("d")))
            .getMessage());
  }

  @Test
  void dropNullRejectsAMissingColumn() {
    assertEquals(
        "DropNull: column \"x\" not found. Available fields: [t, a, b]",
        assertThrows(
                IllegalArgumentException.class, () -> DropNull.any("x").plan(LAYOUT, plan("d")))
            .getMessage());
  }
}
