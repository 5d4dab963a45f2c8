package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * The SEMANTICS §2.3.1–§2.3.2 example shared by {@link LagTest}, {@link LeadTest}, {@link DiffTest}
 * and {@link PctChangeTest}: key {@code tag}, INT64 {@code v}, STRING {@code s}.
 */
final class ShiftSupport {
  private ShiftSupport() {}

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("t")
          .addNullableField("v", FieldType.INT64)
          .addNullableField("s", FieldType.STRING)
          .build();
  static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of("tag"));
  static final Row KEY_A = Row.withSchema(LAYOUT.keySchema()).addValue("a").build();
  static final Row KEY_B = Row.withSchema(LAYOUT.keySchema()).addValue("b").build();

  /** Series "a" of the example: {@code v = [2, 4, ·, 5, 0, 3]} hourly from 00:00. */
  static Chunk seriesA() {
    return chunk(
        LAYOUT,
        KEY_A,
        hms("00:00", "01:00", "02:00", "03:00", "04:00", "05:00"),
        col(2L, 4L, null, 5L, 0L, 3L),
        col("p", "q", "r", "s", "t", "u"));
  }

  /** Series "b" of the example: {@code v = [10, 20]} at 00:00 and 01:00. */
  static Chunk seriesB() {
    return chunk(LAYOUT, KEY_B, hms("00:00", "01:00"), col(10L, 20L), col("x", "y"));
  }

  static final int[][] CUTS = {{}, {1}, {3}, {1, 2, 3, 4, 5}};

  /** Output {@code field} of series "a", identical under every segmentation of {@link #CUTS}. */
  static List<Object> run(Kernel k, String field) {
    List<Object> first = null;
    for (int[] cuts : CUTS) {
      List<Object> got = values(KernelHarness.run(k, seriesA(), cuts, new HashMap<>()), field);
      if (first == null) {
        first = got;
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(cuts));
      }
    }
    return first;
  }
}
