package io.industryts.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** The chunk coder writes runs of consecutive lines as (first, length) and reads them back. */
class ChunkCoderOriginsTest {
  private static final ChunkLayout IN = ChunkLayout.of(EngineTest.IN, "time", List.of("tag"));
  private static final ChunkCoder CODER = ChunkCoder.of(IN);
  private static final long NO = Chunk.NO_ORIGIN;

  private static Chunk chunk(String[] sources, long[] origins) {
    int n = origins.length;
    long[] times = new long[n];
    long[] seqs = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = i * 1000L;
      seqs[i] = i;
      v[i] = i * 0.5;
    }
    Column[] cols = new Column[3];
    cols[2] = new DoubleColumn(v, new boolean[n]);
    Row key = Row.withSchema(IN.keySchema()).addValue("a").build();
    return new Chunk(IN, key, times, seqs, cols, sources, sources == null ? null : origins);
  }

  private static byte[] encode(Chunk c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CODER.encode(c, out);
    return out.toByteArray();
  }

  private static Chunk roundTrip(Chunk c) throws Exception {
    return CODER.decode(new ByteArrayInputStream(encode(c)));
  }

  @Test
  void consecutiveLinesAreOneRunOfTwelveBytes() throws Exception {
    long[] origins = new long[1000];
    for (int i = 0; i < origins.length; i++) {
      origins[i] = Chunk.origin(0, i + 2); // lines 2..1001 of in.csv
    }
    Chunk with = chunk(new String[] {"in.csv"}, origins);
    Chunk without = chunk(null, origins);
    // without: the int -1; with: source count 4, name length 4, "in.csv" 6, mode 1, run count 4,
    // one run (first origin 8, length 4) 12 = 31 bytes, 27 more; one long per row would be 8,000
    assertEquals(27, encode(with).length - encode(without).length);
    Chunk back = roundTrip(with);
    assertArrayEquals(origins, back.origins());
    assertEquals("in.csv", back.source(999));
    assertEquals(1001L, back.line(999));
    assertNull(roundTrip(without).origins());
  }

  @Test
  void runsOfLinesAndOfRowsWithoutOriginDecodeExactly() throws Exception {
    long[] origins = {
      Chunk.origin(0, 2),
      Chunk.origin(0, 3),
      Chunk.origin(0, 4),
      NO,
      NO,
      Chunk.origin(1, 10),
      Chunk.origin(1, 11)
    };
    Chunk c = chunk(new String[] {"a.csv", "b.csv"}, origins);
    Chunk back = roundTrip(c);
    assertArrayEquals(origins, back.origins());
    assertArrayEquals(new String[] {"a.csv", "b.csv"}, back.sources());
    assertNull(back.line(3));
    assertEquals("b.csv", back.source(6));
    assertEquals(11L, back.line(6));
    // the run count and three runs (40 bytes) against seven rows of no run (56): 16 bytes less
    Chunk raw = chunk(new String[] {"a.csv", "b.csv"}, new long[] {9, 7, 5, 3, 1, 8, 6});
    assertEquals(16, encode(raw).length - encode(c).length);
  }

  @Test
  void linesOutOfOrderAreWrittenOnePerRow() throws Exception {
    // reversed lines: every row is its own run (12 bytes each), so one long per row is shorter
    long[] origins = {Chunk.origin(0, 5), Chunk.origin(0, 4), Chunk.origin(0, 3)};
    Chunk c = chunk(new String[] {"in.csv"}, origins);
    Chunk without = chunk(null, origins);
    // source table 4 + 4 + 6, mode 1, three longs 24 = 39 bytes in place of the int -1: 35 more
    assertEquals(35, encode(c).length - encode(without).length);
    assertArrayEquals(origins, roundTrip(c).origins());
  }
}
