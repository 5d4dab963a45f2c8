package io.industryts.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.ObjectColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Blocks of several series: taking them apart, the coder, and what refuses a block. */
class ChunkBlockTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addStringField("tag")
          .addNullableField("v", Schema.FieldType.DOUBLE)
          .addNullableField("q", Schema.FieldType.STRING)
          .build();
  private static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of("tag"));

  private static Row key(String tag) {
    return Row.withSchema(LAYOUT.keySchema()).addValue(tag).build();
  }

  /**
   * Series a (rows 0-1), b (no rows), c (rows 2-4): times 10·row, seqs 100 + row, v = row (null at
   * row 3), q = "q" + row, origins lines 2 + row of "f.csv".
   */
  private static Chunk block() {
    double[] v = {0, 1, 2, 0, 4};
    boolean[] nulls = {false, false, false, true, false};
    Column[] cols = new Column[4];
    cols[2] = new DoubleColumn(v, nulls);
    cols[3] = new ObjectColumn(new Object[] {"q0", "q1", "q2", "q3", "q4"});
    long[] origins = new long[5];
    for (int i = 0; i < 5; i++) {
      origins[i] = Chunk.origin(0, 2 + i);
    }
    return Chunk.block(
        LAYOUT,
        new Row[] {key("a"), key("b"), key("c")},
        new int[] {2, 2, 5},
        new long[] {0, 10, 20, 30, 40},
        new long[] {100, 101, 102, 103, 104},
        cols,
        new String[] {"f.csv"},
        origins);
  }

  @Test
  void aBlocksSeriesComeApartWithTheirOwnKeyRowsAndOrigins() {
    Chunk b = block();
    assertTrue(b.isBlock());
    assertEquals(3, b.seriesCount());
    assertEquals(5, b.size());
    assertEquals(2, b.seriesStart(2));
    assertEquals(5, b.seriesEnd(2));
    assertEquals(2, b.seriesStart(1));
    assertEquals(2, b.seriesEnd(1));

    Chunk c = b.series(2);
    assertFalse(c.isBlock());
    assertEquals(key("c"), c.key());
    assertArrayEquals(new long[] {20, 30, 40}, c.times());
    assertArrayEquals(new long[] {102, 103, 104}, c.seqs());
    assertArrayEquals(new double[] {2, 0, 4}, ((DoubleColumn) c.column("v")).values());
    assertNull(c.column("v").get(1));
    assertEquals("q4", c.column("q").get(2));
    assertEquals(Long.valueOf(4), c.line(0));
    assertEquals("f.csv", c.source(2));
    assertEquals(0, b.series(1).size());
    assertEquals(key("b"), b.series(1).key());
  }

  @Test
  void aSubsetOfSeriesIsABlockOfThoseSeriesInTheGivenOrder() {
    Chunk sub = block().seriesSubset(new int[] {2, 0}, 2);
    assertTrue(sub.isBlock());
    assertEquals(2, sub.seriesCount());
    assertEquals(key("c"), sub.seriesKey(0));
    assertEquals(key("a"), sub.seriesKey(1));
    assertEquals(3, sub.seriesEnd(0));
    assertEquals(5, sub.seriesEnd(1));
    assertArrayEquals(new long[] {20, 30, 40, 0, 10}, sub.times());
    assertArrayEquals(new double[] {2, 0, 4, 0, 1}, ((DoubleColumn) sub.column("v")).values());
    assertEquals(Long.valueOf(2), sub.line(3));
  }

  @Test
  void theCoderKeepsBlocksAndChunksApart() throws Exception {
    ChunkCoder coder = ChunkCoder.of(LAYOUT);
    Chunk b = block();
    Chunk back = roundTrip(coder, b);
    assertTrue(back.isBlock());
    assertEquals(b, back);
    assertEquals(key("b"), back.seriesKey(1));
    assertEquals(2, back.seriesEnd(1));
    assertEquals(Long.valueOf(6), back.line(4));

    Chunk one = b.series(0);
    Chunk oneBack = roundTrip(coder, one);
    assertFalse(oneBack.isBlock());
    assertEquals(one, oneBack);
    assertEquals(key("a"), oneBack.key());
  }

  private static Chunk roundTrip(ChunkCoder coder, Chunk c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(c, out);
    return coder.decode(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void stepsOfOneSeriesRefuseABlockAndSayHowToSplitIt() {
    Chunk b = block();
    IllegalStateException key = assertThrows(IllegalStateException.class, b::key);
    assertThat(key.getMessage(), containsString("Chunk.key: this chunk is a block of 3 series"));
    assertThat(key.getMessage(), containsString("series(i)"));
    assertThrows(IllegalStateException.class, () -> b.slice(0, 1));
    assertThrows(IllegalStateException.class, b::sorted);
    assertThrows(IllegalStateException.class, () -> Chunk.concat(List.of(b, b)));
    // dropping origins keeps the block
    Chunk bare = b.withoutOrigins();
    assertTrue(bare.isBlock());
    assertFalse(bare.hasOrigins());
    assertEquals(key("c"), bare.seriesKey(2));
  }

  @Test
  void aBlockWhoseSeriesDoNotCoverItsRowsIsRejected() {
    Chunk b = block();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Chunk.block(
                    LAYOUT,
                    new Row[] {key("a"), key("c")},
                    new int[] {2, 4},
                    b.times(),
                    b.seqs(),
                    b.columns(),
                    null,
                    null));
    assertEquals(
        "Chunk.block: the last series ends at row 4 but the block has 5 rows", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Chunk.block(
                LAYOUT,
                new Row[] {key("a"), key("c")},
                new int[] {3, 2},
                b.times(),
                b.seqs(),
                b.columns(),
                null,
                null));
  }

  @Test
  void rangesOfSeveralBlocksMakeOneChunkWithTheirOriginsSourceTablesMerged() {
    Chunk b = block();
    // one row of series c from g.csv, line 9: v = 0, q = "q0"
    Chunk g =
        new Chunk(
            LAYOUT,
            key("c"),
            new long[] {50},
            new long[] {7},
            b.series(0).slice(0, 1).columns(),
            new String[] {"g.csv"},
            new long[] {Chunk.origin(0, 9)});
    Chunk c =
        Chunk.concatRanges(key("c"), new Chunk[] {g, b}, new int[] {0, 2}, new int[] {1, 5}, 2);
    assertFalse(c.isBlock());
    assertEquals(key("c"), c.key());
    assertArrayEquals(new long[] {50, 20, 30, 40}, c.times());
    assertArrayEquals(new long[] {7, 102, 103, 104}, c.seqs());
    assertArrayEquals(new double[] {0, 2, 0, 4}, ((DoubleColumn) c.column("v")).values());
    assertArrayEquals(
        new boolean[] {false, false, true, false}, ((DoubleColumn) c.column("v")).nulls());
    assertEquals("q0", c.column("q").get(0));
    assertEquals("q4", c.column("q").get(3));
    assertEquals("g.csv", c.source(0));
    assertEquals(Long.valueOf(9), c.line(0));
    assertEquals("f.csv", c.source(1));
    assertEquals(Long.valueOf(4), c.line(1));
    assertArrayEquals(new String[] {"g.csv", "f.csv"}, c.sources());
  }
}
