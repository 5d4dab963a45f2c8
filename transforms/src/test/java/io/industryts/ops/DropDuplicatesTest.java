package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
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
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class DropDuplicatesTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("t")
          .addNullableField("v", FieldType.INT64)
          .addNullableField("s", FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of("tag"));
  private static final Row KEY_A = Row.withSchema(LAYOUT.keySchema()).addValue("a").build();

  /** Series "a" of the SEMANTICS §2.1.4 example: file rows 1, 3, 4, 5. */
  private static Chunk seriesA() {
    return chunk(
        LAYOUT,
        KEY_A,
        hms("00:00", "00:00", "01:00", "01:00"),
        col(1L, 2L, 3L, null),
        col("x", null, "y", "z"));
  }

  private static Chunk run(DropDuplicates op, Chunk in, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("1_drop_duplicates"));
    return KernelHarness.run(k, in, counters);
  }

  @Test
  void keepFirstKeepsFirstRowOfEachTime() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(DropDuplicates.keepFirst(), seriesA(), counters);
    assertThat(values(out, "v"), contains(1L, 3L));
    assertEquals(2L, counters.get("rows_dropped"));
  }

  @Test
  void keepLastKeepsLastRowIncludingItsNulls() {
    Chunk out = run(DropDuplicates.keepLast(), seriesA(), new HashMap<>());
    assertThat(values(out, "v"), contains(2L, null));
  }

  @Test
  void keepNoneDropsEveryDuplicatedGroup() {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = run(DropDuplicates.keepNone(), seriesA(), counters);
    assertEquals(0, out.size());
    assertEquals(4L, counters.get("rows_dropped"));
  }

  @Test
  void meanAveragesNumericColumnsAndTakesFirstNonNullOfOthers() {
    Chunk in =
        chunk(
            LAYOUT,
            KEY_A,
            hms("00:00", "00:00", "01:00", "01:00"),
            col(1L, 2L, 3L, null),
            col(null, "x", null, null));
    Chunk out = run(DropDuplicates.mean(), in, new HashMap<>());
    assertEquals(FieldType.DOUBLE.withNullable(true), out.schema().getField("v").getType());
    assertThat(values(out, "v"), contains(1.5, 3.0));
    assertThat(values(out, "s"), contains("x", null));
    assertEquals(
        Arrays.asList(KernelHarness.hm("00:00"), KernelHarness.hm("01:00")),
        Arrays.asList(out.times()[0], out.times()[1]));
  }

  @Test
  void alsoOnSeparatesRowsWithDifferentValues() {
    Chunk in =
        chunk(
            LAYOUT,
            KEY_A,
            hms("00:00", "00:00", "00:00", "00:00"),
            col(1L, 2L, 3L, 4L),
            col("x", null, "x", null));
    Chunk out = run(DropDuplicates.keepLast().alsoOn("s"), in, new HashMap<>());
    assertThat(values(out, "v"), contains(3L, 4L));
  }

  @Test
  void duplicatesAcrossSegmentsOfOneTimeAreNotSplitByTheEngineSoSingleRowsStay() {
    Chunk in =
        chunk(LAYOUT, KEY_A, hms("00:00", "01:00", "02:00"), col(1L, 2L, 3L), col("a", "b", "c"));
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        KernelHarness.run(
            DropDuplicates.keepFirst().plan(LAYOUT, plan("d")), in, new int[] {1, 2}, counters);
    assertThat(values(out, "v"), contains(1L, 2L, 3L));
    assertEquals(0L, counters.get("rows_dropped"));
  }

  @Test
  void rejectsMissingAlsoOnColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DropDuplicates.keepFirst().alsoOn("x").plan(LAYOUT, plan("d")));
    assertEquals(
        "DropDuplicates: column \"x\" not found. Available fields: [tag, t, v, s]", e.getMessage());
  }

  @Test
  void rejectsTimeColumnInAlsoOn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DropDuplicates.keepFirst().alsoOn("t").plan(LAYOUT, plan("d")));
    assertEquals(
        "DropDuplicates: \"t\" is the time column and cannot be in columns.", e.getMessage());
  }
}
