package io.industryts.io;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The reading phase alone: inspects a CSV file as a job does, splits it into the job's byte ranges
 * and parses them into chunks on a pool of threads, without a Beam pipeline around it. Prints, per
 * run, rows, wall seconds, CPU seconds (user + system) of the whole process and of the parsing
 * threads, and rows per second. Not a unit test; {@code benchmarks/run-read.sh} builds and runs it
 * (also against an earlier commit, interleaved, for before/after figures in one invocation):
 *
 * <pre>{@code
 * java -XX:TieredStopAtLevel=1 -cp ... io.industryts.io.CsvReadThroughput FILE.csv [RUNS] [THREADS]
 * }</pre>
 *
 * <p>Uses only {@link FileInput#source()} and the Beam source API, which earlier versions of the
 * reader have too, so the same program measures both sides of a change.
 */
public final class CsvReadThroughput {
  private CsvReadThroughput() {}

  /**
   * Reads {@code args[0]} {@code args[1]} times (default 3) on {@code args[2]} threads (default:
   * the cores) and prints one line per run.
   *
   * @param args {@code FILE.csv [RUNS] [THREADS]}
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CsvReadThroughput FILE.csv [RUNS] [THREADS]");
      System.exit(2);
    }
    Path csv = Paths.get(args[0]);
    if (!Files.exists(csv)) {
      System.err.println(csv + " not found; generate it with ../shared/bench/gen_data.py");
      System.exit(2);
    }
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int threads =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    String label = System.getProperty("bench.label", "");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
    PipelineOptions options = PipelineOptionsFactory.create();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int r = 1; r <= runs; r++) {
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        FileInput input = FileInput.of(csv);
        BoundedSource<ReadItem> source = input.source();
        long t1 = System.nanoTime();
        List<? extends BoundedSource<ReadItem>> ranges = source.split(0, options);
        List<Future<long[]>> parts = new ArrayList<>();
        for (BoundedSource<ReadItem> range : ranges) {
          parts.add(pool.submit(() -> readAll(range, options, tmx)));
        }
        long rows = 0;
        long errors = 0;
        long chunks = 0;
        long threadCpu = 0;
        for (Future<long[]> f : parts) {
          long[] got = f.get();
          rows += got[0];
          errors += got[1];
          chunks += got[2];
          threadCpu += got[3];
        }
        long t2 = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpu0;
        double wall = (t2 - t0) / 1e9;
        System.out.printf(
            "%srun %d: %,d rows, %d chunks, %d errors, %d ranges on %d threads; inspect %.3f s,"
                + " parse %.3f s, total %.3f s wall; CPU %.3f s process, %.3f s parsing threads;"
                + " %,.0f rows/s (load %.1f)%n",
            label.isEmpty() ? "" : label + " ",
            r,
            rows,
            chunks,
            errors,
            ranges.size(),
            threads,
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            wall,
            cpu / 1e9,
            threadCpu / 1e9,
            rows / wall,
            os.getSystemLoadAverage());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Rows, errors, chunks and the thread's CPU nanoseconds of reading one range. */
  private static long[] readAll(
      BoundedSource<ReadItem> range, PipelineOptions options, ThreadMXBean tmx) throws Exception {
    long cpu0 = tmx.getCurrentThreadCpuTime();
    long rows = 0;
    long errors = 0;
    long chunks = 0;
    try (BoundedSource.BoundedReader<ReadItem> reader = range.createReader(options)) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        ReadItem item = reader.getCurrent();
        if (item.chunk != null) {
          rows += item.chunk.size();
          chunks++;
        } else {
          errors++;
        }
      }
    }
    return new long[] {rows, errors, chunks, tmx.getCurrentThreadCpuTime() - cpu0};
  }
}
