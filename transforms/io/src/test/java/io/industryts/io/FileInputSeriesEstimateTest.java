package io.industryts.io;

import static io.industryts.io.IoTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size of the largest series, estimated from the sample: it decides whether the engine runs
 * each series whole (many small series in long format) or spreads it over segments.
 */
class FileInputSeriesEstimateTest {
  @TempDir Path dir;

  /**
   * A header of 11 bytes and 40 rows of 24 bytes each ({@code 2024-01-01T00:00:SS,T,1\n}), the row
   * i of tag {@code tags.charAt(i % tags.length())}: 971 bytes, 24 bytes a row, so 41 rows
   * estimated ({@code ceil(971 / 24)}).
   */
  private Path file(String name, String tags) throws Exception {
    StringBuilder sb = new StringBuilder("time,tag,v\n");
    for (int i = 0; i < 40; i++) {
      sb.append(String.format("2024-01-01T00:00:%02d,%c,1%n", i, tags.charAt(i % tags.length())));
    }
    return write(dir, name, sb.toString());
  }

  @Test
  void withoutKeysTheLargestSeriesIsTheInput() throws Exception {
    FileInput in = FileInput.of(file("one.csv", "a"));
    assertEquals(41, in.estimatedRows());
    assertEquals(41, in.estimatedSeriesRows());
  }

  @Test
  void theLargestSeriesShareOfTheSampleScalesTheEstimate() throws Exception {
    // a, a, b, c in turn: tag a has half of the rows, ceil(41 * 0.5) = 21
    assertEquals(21, FileInput.of(file("half.csv", "aabc")).keyedBy("tag").estimatedSeriesRows());
    // a, b, c, d in turn, 10 rows sampled: a has 3 of them, ceil(41 * 0.3) = 13
    assertEquals(
        13,
        FileInput.of(file("four.csv", "abcd"))
            .keyedBy("tag")
            .withSampleRows(10)
            .estimatedSeriesRows());
  }

  @Test
  void aFileSortedBySeriesIsEstimatedAsOneSeries() throws Exception {
    // the first 10 rows are all tag a: nothing tells the other series apart, the whole input
    StringBuilder sb = new StringBuilder("time,tag,v\n");
    for (int i = 0; i < 40; i++) {
      sb.append(String.format("2024-01-01T00:00:%02d,%c,1%n", i, i < 20 ? 'a' : 'b'));
    }
    FileInput in = FileInput.of(write(dir, "sorted.csv", sb.toString())).keyedBy("tag");
    assertEquals(41, in.withSampleRows(10).estimatedSeriesRows());
    // all 40 rows sampled: each tag has half
    assertEquals(21, in.estimatedSeriesRows());
  }
}
