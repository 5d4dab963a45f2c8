package io.industryts.io;

import static io.industryts.io.IoTesting.read;
import static io.industryts.io.IoTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed rows read as blocks: each block holds rows of several series grouped by series, and taken
 * apart they are the rows, origins and errors of the chunks read one per series.
 */
class FileInputSeriesBlocksTest {
  @TempDir Path dir;

  /**
   * 60 rows, tags a, b, c in turn (row i: tag "abc"[i % 3], v = i, time i seconds), runs of two
   * rows of one tag from row 30 on (so a row's series is often the row before's); line 20 has a bad
   * v and line 41 a bad time.
   */
  private Path file() throws Exception {
    StringBuilder sb = new StringBuilder("time,tag,v\n");
    for (int i = 0; i < 60; i++) {
      char tag = "abc".charAt(i < 30 ? i % 3 : (i / 2) % 3);
      String time = String.format("2024-01-01T00:%02d:%02d", i / 60, i % 60);
      String v = Integer.toString(i);
      if (i == 18) {
        v = "x";
      }
      if (i == 39) {
        time = "later";
      }
      sb.append(time).append(',').append(tag).append(',').append(v).append('\n');
    }
    return write(dir, "k.csv", sb.toString());
  }

  /** tag -> "v@line" of its rows in seq order, from chunks or blocks taken apart. */
  private static Map<String, List<String>> bySeries(IoTesting.Read r) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Chunk c : r.chunks) {
      for (int s = 0; s < c.seriesCount(); s++) {
        Chunk one = c.series(s);
        List<String> rows = out.computeIfAbsent(one.key().getString("tag"), k -> new ArrayList<>());
        for (int i = 0; i < one.size(); i++) {
          rows.add(one.column("v").get(i) + "@" + one.line(i));
        }
      }
    }
    out.values().forEach(rows -> rows.sort((x, y) -> Integer.compare(line(x), line(y))));
    return out;
  }

  private static int line(String row) {
    return Integer.parseInt(row.substring(row.indexOf('@') + 1));
  }

  @Test
  void blocksTakenApartAreTheChunksReadPerSeries() throws Exception {
    FileInput in = FileInput.of(file()).keyedBy("tag").withSplitBytes(400).withChunkRows(8);
    IoTesting.Read chunks = read(in);
    IoTesting.Read blocks = read(in.withSeriesBlocks(true));

    assertTrue(blocks.chunks.size() > 4, "several ranges, blocks cut at 8 rows");
    for (Chunk b : blocks.chunks) {
      assertTrue(b.isBlock());
      assertTrue(b.size() <= 8);
    }
    for (Chunk c : chunks.chunks) {
      assertFalse(c.isBlock());
    }
    Map<String, List<String>> got = bySeries(blocks);
    assertEquals(bySeries(chunks), got);
    // by hand: a holds rows 0, 3, ..., 27 (lines 2, 5, ...), then 30, 31, 36, 37, ...; row 18
    // (line 20, an a row) has a bad v and row 39 (line 41, a b row) a bad time
    assertEquals(
        List.of("0@2", "3@5", "6@8", "9@11", "12@14", "15@17", "21@23", "24@26", "27@29", "30@32"),
        got.get("a").subList(0, 10));
    assertEquals(19, got.get("a").size());
    assertEquals(19, got.get("b").size());
    assertEquals(20, got.get("c").size());
    assertEquals(chunks.messages(), blocks.messages());
    assertEquals(2, blocks.errors.size());
    assertTrue(blocks.messages().get(0).startsWith(dir.resolve("k.csv") + ":20: "));
    assertTrue(blocks.messages().get(1).startsWith(dir.resolve("k.csv") + ":41: "));
  }

  @Test
  void inputWithoutKeyColumnsIgnoresBlocks() throws Exception {
    FileInput in = FileInput.of(file()).withSplitBytes(400).withChunkRows(8);
    IoTesting.Read r = read(in.withSeriesBlocks(true));
    for (Chunk c : r.chunks) {
      assertFalse(c.isBlock());
    }
    assertEquals(58, r.chunks.stream().mapToInt(Chunk::size).sum());
  }
}
