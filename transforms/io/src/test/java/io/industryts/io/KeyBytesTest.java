package io.industryts.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Series numbers from raw key bytes. */
class KeyBytesTest {
  private static void probe(KeyBytes k, String... cells) {
    k.clear();
    for (String c : cells) {
      // each cell inside a larger buffer, as the scanner hands them over
      byte[] b = ("##" + c + "##").getBytes(StandardCharsets.UTF_8);
      k.add(b, 2, b.length - 2);
    }
  }

  @Test
  void equalBytesFindTheirSeriesAndCellBoundariesCount() {
    KeyBytes k = new KeyBytes();
    probe(k, "a", "bc");
    assertEquals(-1, k.find());
    assertEquals(0, k.insert());
    probe(k, "ab", "c");
    assertEquals(-1, k.find());
    assertEquals(1, k.insert());
    probe(k, "a", "bc");
    assertEquals(0, k.find());
    probe(k, "ab", "c");
    assertEquals(1, k.find());
    probe(k, "", "abc");
    assertEquals(-1, k.find());
  }

  @Test
  void tenThousandKeysKeepTheirNumbersAcrossTableGrowth() {
    KeyBytes k = new KeyBytes();
    for (int i = 0; i < 10_000; i++) {
      probe(k, String.format("tag_%04d", i));
      assertEquals(-1, k.find());
      assertEquals(i, k.insert());
    }
    assertEquals(10_000, k.size());
    // in another order, and twice in a row (the last series found first)
    for (int i = 9_999; i >= 0; i -= 7) {
      probe(k, String.format("tag_%04d", i));
      assertEquals(i, k.find());
      probe(k, String.format("tag_%04d", i));
      assertEquals(i, k.find());
    }
    probe(k, "tag_10000");
    assertEquals(-1, k.find());
  }
}
