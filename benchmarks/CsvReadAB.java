import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.*;
import java.util.concurrent.*;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The CSV reading phase of two builds in one JVM: the io module's classes of each build in a class
 * loader of their own (the dependencies shared), the same file read alternately by one and the
 * other, so that both see the same machine, JIT and noise. Prints the median, minimum and maximum
 * CPU seconds of the parsing threads per build. {@code BASE=<commit> AB=1 benchmarks/run-read.sh
 * FILE.csv} compiles and runs it:
 *
 * <pre>
 *   java -cp DIR:DEPS CsvReadAB FILE.csv READS THREADS BEFORE_CLASSES AFTER_CLASSES
 * </pre>
 *
 * <p>Uses only public API and, by reflection, {@code FileInput.source()} and {@code
 * ReadItem.chunk}, which both builds have.
 */
public class CsvReadAB {
  static final ThreadMXBean TMX = ManagementFactory.getThreadMXBean();
  static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  static final class Side {
    final String name; final Method of; final Method source; final Field chunk; final Method size;
    Side(String name, String classes) throws Exception {
      this.name = name;
      ClassLoader l = new URLClassLoader(new URL[] {Paths.get(classes).toUri().toURL()}, CsvReadAB.class.getClassLoader());
      Class<?> fi = l.loadClass("io.industryts.io.FileInput");
      of = fi.getMethod("of", Path.class);
      source = fi.getDeclaredMethod("source"); source.setAccessible(true);
      chunk = l.loadClass("io.industryts.io.ReadItem").getDeclaredField("chunk"); chunk.setAccessible(true);
      size = l.loadClass("io.industryts.engine.spi.Chunk").getMethod("size");
    }
    /** {rows, parse-thread CPU ns} of one read on a pool of threads. */
    long[] read(Path csv, ExecutorService pool) throws Exception {
      Object input = of.invoke(null, csv);
      BoundedSource<?> src = (BoundedSource<?>) source.invoke(input);
      List<? extends BoundedSource<?>> ranges = src.split(0, OPTIONS);
      List<Future<long[]>> fs = new ArrayList<>();
      for (BoundedSource<?> r : ranges) {
        fs.add(pool.submit(() -> {
          long c0 = TMX.getCurrentThreadCpuTime(); long rows = 0;
          try (BoundedSource.BoundedReader<?> rd = r.createReader(OPTIONS)) {
            for (boolean more = rd.start(); more; more = rd.advance()) {
              Object c = chunk.get(rd.getCurrent());
              if (c != null) rows += (int) size.invoke(c);
            }
          }
          return new long[] {rows, TMX.getCurrentThreadCpuTime() - c0};
        }));
      }
      long rows = 0, cpu = 0;
      for (Future<long[]> f : fs) { long[] g = f.get(); rows += g[0]; cpu += g[1]; }
      return new long[] {rows, cpu};
    }
  }

  public static void main(String[] a) throws Exception {
    Path csv = Paths.get(a[0]); int rounds = Integer.parseInt(a[1]); int threads = Integer.parseInt(a[2]);
    Side before = new Side("before", a[3]), after = new Side("after", a[4]);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int w = 0; w < 2; w++) { before.read(csv, pool); after.read(csv, pool); }
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    cpu.put("before", new ArrayList<>()); cpu.put("after", new ArrayList<>());
    long rows = 0;
    for (int r = 0; r < rounds; r++) {
      Side[] order = r % 2 == 0 ? new Side[] {before, after} : new Side[] {after, before};
      for (Side s : order) { long[] g = s.read(csv, pool); rows = g[0]; cpu.get(s.name).add(g[1] / 1e9); }
    }
    pool.shutdownNow();
    for (Map.Entry<String, List<Double>> e : cpu.entrySet()) {
      List<Double> v = new ArrayList<>(e.getValue()); Collections.sort(v);
      double med = v.get(v.size() / 2);
      System.out.printf("%s %s: %,d rows, %d reads, parse-thread CPU s median %.3f, min %.3f, max %.3f; %,.0f rows per CPU second (median)%n",
          csv.getFileName(), e.getKey(), rows, v.size(), med, v.get(0), v.get(v.size() - 1), rows / med);
    }
  }
}
