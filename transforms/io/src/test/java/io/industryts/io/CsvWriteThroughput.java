package io.industryts.io;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/**
 * The CSV writing phase alone: loads a job's CSV output (a time column, then double columns, as the
 * standard pipeline writes them) into chunks of 4,096 rows, then writes them with the CSV writer as
 * a job does ({@code time_format}, formatting blocks on the common pool) to a temporary file,
 * {@code RUNS} times. Prints, per run, wall seconds and the process's CPU seconds (user + system:
 * the formatting runs on several threads). Not a unit test; {@code benchmarks/run-write.sh} builds
 * and runs it, also against an earlier commit, interleaved:
 *
 * <pre>{@code
 * java -XX:TieredStopAtLevel=1 -cp ... io.industryts.io.CsvWriteThroughput OUT.csv [RUNS] [PATTERN]
 * }</pre>
 *
 * <p>Uses only the writer's entry point {@code CsvSink.write(Path, ChunkLayout, Iterable, char,
 * String)}, which earlier versions have too, so the same program measures both sides of a change.
 */
public final class CsvWriteThroughput {
  private CsvWriteThroughput() {}

  /**
   * Writes the rows of {@code args[0]} {@code args[1]} times (default 5) with time pattern {@code
   * args[2]} (default the standard pipeline's {@code yyyy-MM-dd'T'HH:mm:ss}).
   *
   * @param args {@code OUT.csv [RUNS] [PATTERN]}
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CsvWriteThroughput OUT.csv [RUNS] [PATTERN]");
      System.exit(2);
    }
    Path csv = Paths.get(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String pattern = args.length > 2 ? args[2] : "yyyy-MM-dd'T'HH:mm:ss";
    String label = System.getProperty("bench.label", "");
    List<Chunk> chunks = new ArrayList<>();
    ChunkLayout layout = load(csv, chunks);
    long rows = chunks.stream().mapToLong(Chunk::size).sum();
    int doubles = layout.schema().getFieldCount() - 1;
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path out = Files.createTempFile("csv-write-throughput", ".csv");
    try {
      for (int r = 1; r <= runs; r++) {
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        CsvSink.write(out, layout, chunks, ',', pattern);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(
            "%srun %d: %,d rows x %d doubles, %,d bytes; %.3f s wall, %.3f s CPU process;"
                + " %.0f ns CPU per cell (load %.1f)%n",
            label.isEmpty() ? "" : label + " ",
            r,
            rows,
            doubles,
            Files.size(out),
            wall,
            cpu,
            cpu * 1e9 / (rows * (doubles + 1)),
            os.getSystemLoadAverage());
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Reads {@code csv} (time, then doubles; empty cells null) into chunks of 4,096 rows. */
  private static ChunkLayout load(Path csv, List<Chunk> chunks) throws Exception {
    try (BufferedReader in = Files.newBufferedReader(csv)) {
      String[] header = in.readLine().split(",", -1);
      Schema.Builder b = Schema.builder().addField(header[0], FieldType.DATETIME);
      for (int c = 1; c < header.length; c++) {
        b.addNullableField(header[c], FieldType.DOUBLE);
      }
      ChunkLayout layout = ChunkLayout.of(b.build(), header[0], List.of());
      int n = header.length;
      int cap = 4096;
      long[] times = new long[cap];
      double[][] values = new double[n][cap];
      boolean[][] nulls = new boolean[n][cap];
      int size = 0;
      long seq = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",", -1);
        times[size] = LocalDateTime.parse(cells[0]).toInstant(ZoneOffset.UTC).toEpochMilli();
        for (int c = 1; c < n; c++) {
          nulls[c][size] = cells[c].isEmpty();
          values[c][size] = cells[c].isEmpty() ? 0 : Double.parseDouble(cells[c]);
        }
        if (++size == cap) {
          chunks.add(chunk(layout, times, values, nulls, size, seq));
          seq += size;
          size = 0;
        }
      }
      if (size > 0) {
        chunks.add(chunk(layout, times, values, nulls, size, seq));
      }
      return layout;
    }
  }

  private static Chunk chunk(
      ChunkLayout layout, long[] times, double[][] values, boolean[][] nulls, int size, long seq) {
    Column[] cols = new Column[values.length];
    for (int c = 1; c < values.length; c++) {
      cols[c] = new DoubleColumn(Arrays.copyOf(values[c], size), Arrays.copyOf(nulls[c], size));
    }
    long[] seqs = new long[size];
    for (int i = 0; i < size; i++) {
      seqs[i] = seq + i;
    }
    return new Chunk(layout, null, Arrays.copyOf(times, size), seqs, cols);
  }
}
