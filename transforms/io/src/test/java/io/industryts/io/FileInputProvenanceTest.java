package io.industryts.io;

import static io.industryts.io.IoTesting.read;
import static io.industryts.io.IoTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.spi.Chunk;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row read from a file carries its origin: file and physical line (SEMANTICS §2.7). */
class FileInputProvenanceTest {
  @TempDir Path dir;

  /** value of column v (an INT64 row number) -> "file:line" of the row. */
  private static Map<Long, String> origins(IoTesting.Read r) {
    Map<Long, String> out = new TreeMap<>();
    for (Chunk c : r.chunks) {
      assertTrue(c.hasOrigins());
      for (int i = 0; i < c.size(); i++) {
        out.put((Long) c.column("v").get(i), c.source(i) + ":" + c.line(i));
      }
    }
    return out;
  }

  @Test
  void rowsCarryFileAndPhysicalLineAcrossBlankLinesQuotesAndFiles() throws Exception {
    Path a =
        write(
            dir,
            "a.csv",
            "time,s,v\n"
                + "2024-01-01T00:00:00,x,1\n"
                + "\n"
                + "2024-01-01T00:00:01,\"two\r\nlines\",2\r\n"
                + "2024-01-01T00:00:02,y,3\n");
    Path b = write(dir, "b.csv", "time,s,v\n2024-01-01T00:00:03,z,4");
    IoTesting.Read r = read(FileInput.of(dir.resolve("*.csv").toString()));
    assertEquals(Map.of(1L, a + ":2", 2L, a + ":4", 3L, a + ":6", 4L, b + ":2"), origins(r));
  }

  @Test
  void splitRangesNumberLinesAsOneRange() throws Exception {
    StringBuilder sb = new StringBuilder("time,v\n");
    List<String> want = new ArrayList<>();
    int line = 1;
    for (int i = 0; i < 3000; i++) {
      if (i % 97 == 0) {
        sb.append(i % 2 == 0 ? "\n" : "\r\n"); // blank lines count too
        line++;
      }
      sb.append(String.format("2024-01-01T00:00:00.%03d,%d%n", i % 1000, i));
      line++;
      want.add(Integer.toString(line));
    }
    Path f = write(dir, "big.csv", sb.toString());
    IoTesting.Read many = read(FileInput.of(f).withSplitBytes(1009).withChunkRows(64));
    assertTrue(many.chunks.size() > 40);
    Map<Long, String> got = origins(many);
    assertEquals(3000, got.size());
    for (int i = 0; i < 3000; i++) {
      assertEquals(f + ":" + want.get(i), got.get((long) i), "row " + i);
    }
  }

  @Test
  void originsSurviveSliceTakeConcatAndTheCoder() throws Exception {
    Path a = write(dir, "a.csv", "time,v\n2024-01-01T00:00:00,1\n2024-01-01T00:00:01,2\n");
    Path b = write(dir, "b.csv", "time,v\n2024-01-01T00:00:02,3\n");
    Chunk ca = read(FileInput.of(a)).chunks.get(0);
    Chunk cb = read(FileInput.of(b)).chunks.get(0);
    // b's table puts b first: concatenation remaps its origins
    Chunk joined = Chunk.concat(List.of(cb, ca));
    assertEquals(List.of(b + ":2", a + ":2", a + ":3"), describe(joined));
    Chunk picked = joined.take(new int[] {2, 0}, 2).slice(1, 2);
    assertEquals(List.of(b + ":2"), describe(picked));
    ChunkCoder coder = ChunkCoder.of(joined.layout());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    coder.encode(joined, bytes);
    Chunk back = coder.decode(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(describe(joined), describe(back));
    // rows an operation builds have none
    Chunk none =
        Chunk.concat(
            List.of(new Chunk(ca.layout(), ca.key(), ca.times(), ca.seqs(), ca.columns()), cb));
    assertNull(none.source(0));
    assertNull(none.line(1));
    assertEquals(b.toString(), none.source(2));
  }

  @Test
  void withoutProvenanceRowsCarryNoOriginAndReadErrorsStillNameTheirLine() throws Exception {
    StringBuilder sb = new StringBuilder("time,v\n");
    for (int i = 0; i < 3000; i++) {
      if (i == 1500) {
        sb.append("\n"); // a blank line before the bad row: line numbers count it
      }
      sb.append(i == 2000 ? "not a time" : String.format("2024-01-01T00:00:00.%03d", i % 1000));
      sb.append(',').append(i).append('\n');
    }
    Path f = write(dir, "big.csv", sb.toString());
    IoTesting.Read r =
        read(FileInput.of(f).withProvenance(false).withSplitBytes(1009).withChunkRows(64));
    assertTrue(r.chunks.size() > 40);
    long rows = 0;
    for (Chunk c : r.chunks) {
      assertNull(c.origins(), "no origins without provenance");
      assertNull(c.source(0));
      rows += c.size();
    }
    assertEquals(2999, rows);
    // row i sits on line i + 2 (header first), one more after the blank line: 2000 -> 2003
    assertEquals(1, r.errors.size());
    assertEquals(2003L, r.errors.get(0).getInt64("line"));
    assertEquals(f.toString(), r.errors.get(0).getString("source"));
    // the same values as with provenance
    assertEquals(read(FileInput.of(f).withSplitBytes(1009).withChunkRows(64)).rows(), r.rows());
  }

  private static List<String> describe(Chunk c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      out.add(c.source(i) + ":" + c.line(i));
    }
    return out;
  }
}
