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
}
