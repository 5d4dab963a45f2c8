package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvScannerTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    return file(content.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(byte[] content) throws IOException {
    Path p = Files.createTempFile(dir, "t", ".csv");
    Files.write(p, content);
    return p;
  }

  /** Records as "offset:cell|cell|..." (plus "!unterminated"). */
  private static List<String> records(Path p, long start, long end, boolean quotes, int buffer)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (CsvScanner sc = new CsvScanner(p, start, end, (byte) ',', quotes, buffer)) {
      while (sc.next()) {
        StringBuilder sb = new StringBuilder().append(sc.recordOffset()).append(':');
        for (int i = 0; i < sc.fieldCount(); i++) {
          sb.append(i > 0 ? "|" : "").append(sc.cell(i));
        }
        if (sc.unterminatedQuote()) {
          sb.append("!unterminated");
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  private List<String> all(String content, boolean quotes) throws IOException {
    Path p = file(content);
    List<String> big = records(p, 0, Long.MAX_VALUE, quotes, 1 << 16);
    // tiny buffers exercise refills in the middle of cells, quotes and line breaks
    for (int buffer : new int[] {8, 9, 13, 64}) {
      assertEquals(big, records(p, 0, Long.MAX_VALUE, quotes, buffer), "buffer " + buffer);
    }
    return big;
  }

  @Test
  void splitsLfAndCrlfLinesAndSkipsBlankLines() throws IOException {
    assertEquals(List.of("0:a|b", "4:1|2", "10:3|", "14:|4"), all("a,b\n1,2\r\n\n3,\r\n,4", true));
    assertEquals(List.of("0:a|b", "4:1|2"), all("a,b\n1,2\n\r\n\n", false));
  }

  @Test
  void ignoresUtf8Bom() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rest = "t,v\n1,2\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + rest.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(rest, 0, all, 3, rest.length);
    assertEquals(List.of("3:t|v", "7:1|2"), records(file(all), 0, Long.MAX_VALUE, true, 1 << 16));
  }

  @Test
  void readsQuotedCellsPerRfc4180() throws IOException {
    assertEquals(
        List.of("0:a|b,c|d", "10:x \"q\" y|", "23:multi\nline|z", "39:||"),
        all("a,\"b,c\",d\n\"x \"\"q\"\" y\",\n\"multi\nline\",z\r\n\"\",,\"\"", true));
  }

  @Test
  void quotesAreLiteralInsideUnquotedCellsAndWhenQuotingIsOff() throws IOException {
    assertEquals(List.of("0:a\"b|c"), all("a\"b,c\n", true));
    assertEquals(List.of("0:\"a|b\""), all("\"a,b\"\n", false));
  }

  @Test
  void appendsTextAfterClosingQuote() throws IOException {
    assertEquals(List.of("0:ab c|d", "9:x"), all("\"ab\" c,d\nx", true));
  }

  @Test
  void reportsUnterminatedQuoteAtEndOfFile() throws IOException {
    assertEquals(List.of("0:a|b", "4:1|oops\n2,3!unterminated"), all("a,b\n1,\"oops\n2,3", true));
  }

  @Test
  void rangesPartitionTheRecordsAtEveryBoundary() throws IOException {
    Random r = new Random(1);
    StringBuilder sb = new StringBuilder("t,v,w\n");
    for (int i = 0; i < 300; i++) {
      sb.append(i).append(',').append(r.nextInt(1000)).append(',');
      if (r.nextInt(7) > 0) {
        sb.append("x".repeat(r.nextInt(20)));
      }
      sb.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
      if (r.nextInt(30) == 0) {
        sb.append('\n');
      }
    }
    Path p = file(sb.toString());
    long size = Files.size(p);
    List<String> whole = records(p, 0, size, false, 1 << 16);
    for (int trial = 0; trial < 200; trial++) {
      int pieces = 1 + r.nextInt(8);
      long[] cuts = r.longs(pieces - 1, 1, size).sorted().toArray();
      List<String> joined = new ArrayList<>();
      long start = 0;
      for (int k = 0; k <= cuts.length; k++) {
        long end = k < cuts.length ? cuts[k] : size;
        joined.addAll(records(p, start, end, false, 8 + r.nextInt(100)));
        start = end;
      }
      assertEquals(whole, joined);
    }
  }

  @Test
  void rawTextIsTheRecordWithoutItsLineBreak() throws IOException {
    try (CsvScanner sc =
        new CsvScanner(
            file("a,b\r\n\"x\ny\",2\r\n"), 0, Long.MAX_VALUE, (byte) ',', true, 1 << 16)) {
      assertTrue(sc.next());
      assertEquals("a,b", sc.rawText());
      assertTrue(sc.next());
      assertEquals("\"x\ny\",2", sc.rawText());
      assertFalse(sc.next());
    }
  }

  @Test
  void lowestLaneIsTheIndexOfTheLowestMarkedByte() {
    assertEquals(0, CsvScanner.lowestLane(0x0000000000000080L));
    assertEquals(1, CsvScanner.lowestLane(0x0000000000008000L));
    assertEquals(3, CsvScanner.lowestLane(0x8000000080000000L));
    assertEquals(7, CsvScanner.lowestLane(0x8000000000000000L));
    assertEquals(2, CsvScanner.lowestLane(0x8080808080800000L));
  }
}
