package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Chunks cut by the reader's assembler: values, null masks, and which masks are shared. */
class ChunkAssemblerTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addStringField("tag")
          .addNullableField("a", Schema.FieldType.DOUBLE)
          .addNullableField("b", Schema.FieldType.DOUBLE)
          .addNullableField("n", Schema.FieldType.INT64)
          .build();
  private static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of("tag"));
  private static final Row KEY = Row.withSchema(LAYOUT.keySchema()).addValue("x").build();

  /** Writes row {@code i} at time {@code 1000·i}: a = i, b = 10·i (null when bNull), n = i. */
  private static void row(ChunkAssembler a, int i, boolean bNull) {
    a.setTimeAndSeq(1000L * i, i);
    a.setDouble(2, i);
    if (bNull) {
      a.setNull(3);
    } else {
      a.setDouble(3, 10.0 * i);
    }
    a.setLong(4, i);
    a.commit();
  }

  @Test
  void columnsWithoutNullsShareOneAllFalseMask() {
    ChunkAssembler a = new ChunkAssembler(LAYOUT, KEY, 100);
    for (int i = 0; i < 3; i++) {
      row(a, i, i == 1);
    }
    Chunk c = a.take(false);

    DoubleColumn colA = (DoubleColumn) c.column("a");
    DoubleColumn colB = (DoubleColumn) c.column("b");
    LongColumn colN = (LongColumn) c.column("n");
    assertArrayEquals(new long[] {0, 1000, 2000}, c.times());
    assertArrayEquals(new double[] {0, 1, 2}, colA.values());
    assertArrayEquals(new double[] {0, 0, 20}, colB.values());
    assertArrayEquals(new boolean[] {false, true, false}, colB.nulls());
    assertArrayEquals(new long[] {0, 1, 2}, colN.values());
    assertArrayEquals(new boolean[] {false, false, false}, colA.nulls());
    // a and n have no null: one mask for both (and for every 3-row chunk without nulls)
    assertSame(colA.nulls(), colN.nulls());
    assertSame(colA.nulls(), ChunkAssembler.noNulls(3));
    assertNotSame(colA.nulls(), colB.nulls());
  }

  @Test
  void aNullWrittenIntoALaterChunkLeavesASharedMaskAllFalse() {
    ChunkAssembler a = new ChunkAssembler(LAYOUT, KEY, 2);
    row(a, 0, false);
    row(a, 1, false);
    Chunk first = a.take(true); // full at 2 rows: its arrays are handed over
    row(a, 2, true);
    row(a, 3, true);
    Chunk second = a.take(false);

    boolean[] firstMask = ((DoubleColumn) first.column("b")).nulls();
    assertArrayEquals(new boolean[] {false, false}, firstMask);
    assertSame(ChunkAssembler.noNulls(2), firstMask);
    assertArrayEquals(new boolean[] {true, true}, ((DoubleColumn) second.column("b")).nulls());
    assertArrayEquals(new boolean[] {false, false}, ChunkAssembler.noNulls(2));
  }

  @Test
  void chunksLongerThanTheSharedSizeGetTheirOwnMask() {
    int n = ChunkAssembler.SHARED_MASK_ROWS + 1;
    ChunkAssembler a = new ChunkAssembler(LAYOUT, KEY, n);
    for (int i = 0; i < n; i++) {
      row(a, i, false);
    }
    Chunk c = a.take(false);

    boolean[] mask = ((DoubleColumn) c.column("a")).nulls();
    assertEquals(n, mask.length);
    // still one mask for the chunk's null-free columns, but not the one of another chunk
    assertSame(mask, ((DoubleColumn) c.column("b")).nulls());
    assertNotSame(mask, ChunkAssembler.noNulls(n));
  }

  @Test
  void aBlockGroupsRowsBySeriesNumberInArrivalOrderAndLeavesOutSeriesWithoutRows() {
    Row y = Row.withSchema(LAYOUT.keySchema()).addValue("y").build();
    Row z = Row.withSchema(LAYOUT.keySchema()).addValue("z").build();
    Row w = Row.withSchema(LAYOUT.keySchema()).addValue("w").build();
    ChunkAssembler a = new ChunkAssembler(LAYOUT, KEY, 4, 2);
    a.trackSeries();
    a.setSource("f.csv");
    int[] series = {2, 0, 2, 1};
    for (int i = 0; i < 4; i++) {
      a.setSeries(series[i]);
      a.setLine(10 + i);
      row(a, i, i == 2);
    }
    // full at 4 rows; series 3 (w) has no row in this block
    Chunk block = a.takeBlock(List.of(KEY, y, z, w), true);

    assertEquals(3, block.seriesCount());
    assertEquals(
        List.of(KEY, y, z), List.of(block.seriesKey(0), block.seriesKey(1), block.seriesKey(2)));
    assertArrayEquals(
        new int[] {1, 2, 4},
        new int[] {block.seriesEnd(0), block.seriesEnd(1), block.seriesEnd(2)});
    // rows 1 (x), 3 (y), then 0 and 2 (z)
    assertArrayEquals(new long[] {1000, 3000, 0, 2000}, block.times());
    assertArrayEquals(new long[] {1, 3, 0, 2}, block.seqs());
    assertArrayEquals(new double[] {10, 30, 0, 0}, ((DoubleColumn) block.column("b")).values());
    assertArrayEquals(
        new boolean[] {false, false, false, true}, ((DoubleColumn) block.column("b")).nulls());
    assertArrayEquals(new long[] {1, 3, 0, 2}, ((LongColumn) block.column("n")).values());
    assertEquals(Long.valueOf(13), block.line(1));
    assertEquals("f.csv", block.source(3));

    // the next block starts empty, with series numbers as before
    a.setSeries(3);
    row(a, 4, false);
    Chunk next = a.takeBlock(List.of(KEY, y, z, w), false);
    assertEquals(1, next.seriesCount());
    assertEquals(w, next.seriesKey(0));
    assertArrayEquals(new long[] {4000}, next.times());
  }
}
