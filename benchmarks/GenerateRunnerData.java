import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the inputs of the runner benchmarks and the runner equality tests. Needs only the JDK:
 *
 * <pre>
 *   java benchmarks/GenerateRunnerData.java wide ROWS OUT.csv
 *   java benchmarks/GenerateRunnerData.java long SERIES ROWS_PER_SERIES OUT.csv
 * </pre>
 *
 * <p>{@code wide}: one series in the peer benchmark's shape (DateTime, temp_1..3, vib_x/y/z,
 * pressure, current; ../shared/bench/gen_data.py), 1 s cadence with ~0.5 % of seconds missing,
 * ~0.1 % re-sent timestamps with other values, ~2 % empty cells, pressure spikes, and the first
 * cells of temp_2 and pressure empty (so the backward fill has work). {@code long}: SERIES tags in
 * long format (tag, tagTime, value), each tag with its own cadence (1..9 s), gaps, re-sends,
 * spikes and empty values; rows of different tags interleave in time as a historian export does.
 *
 * <p>Deterministic (fixed seed): the same bytes on every machine.
 */
public final class GenerateRunnerData {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0, 0);

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("wide")) {
      wide(Long.parseLong(args[1]), Path.of(args[2]));
    } else if (args.length == 4 && args[0].equals("long")) {
      longFormat(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
    } else {
      System.err.println("usage: GenerateRunnerData wide ROWS OUT.csv | long SERIES ROWS_PER_SERIES"
          + " OUT.csv");
      System.exit(2);
    }
  }

  private static String cell(SplittableRandom r, double v) {
    return r.nextDouble() < 0.02 ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  static void wide(long rows, Path out) throws IOException {
    SplittableRandom r = new SplittableRandom(20240101L);
    double[] walk = new double[3];
    long second = 0;
    long lastSecond = 0;
    String[] resend = null;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("DateTime,temp_1,temp_2,temp_3,vib_x,vib_y,vib_z,pressure,current\n");
      StringBuilder line = new StringBuilder(128);
      for (long i = 0; i < rows; i++) {
        if (resend == null && i > 30 && r.nextDouble() < 0.001) {
          // a late re-send of a recent second with slightly different values
          resend = new String[] {ISO.format(START.plusSeconds(lastSecond - r.nextInt(1, 30)))};
        }
        long t;
        if (resend != null) {
          t = -1;
        } else {
          if (r.nextDouble() < 0.005) {
            second++; // a missing second
          }
          t = second++;
          lastSecond = t;
        }
        double tt = t < 0 ? lastSecond : t;
        double day = 2 * Math.PI * tt / 86400.0;
        line.setLength(0);
        line.append(t < 0 ? resend[0] : ISO.format(START.plusSeconds(t)));
        double[] base = {62.0, 48.0, 71.0};
        double[] phase = {0.0, 1.3, 2.1};
        for (int c = 0; c < 3; c++) {
          walk[c] += r.nextDouble(-0.005, 0.005);
          double v = base[c] + 2.0 * Math.sin(day + phase[c]) + walk[c];
          line.append(',').append(c == 1 && i < 3 ? "" : cell(r, v));
        }
        double[] sig = {0.8, 0.6, 1.1};
        double[] per = {37.0, 53.0, 71.0};
        for (int c = 0; c < 3; c++) {
          double v = sig[c] * (r.nextDouble() - 0.5) * 3 + 0.5 * Math.sin(2 * Math.PI * tt / per[c]);
          line.append(',').append(cell(r, v));
        }
        double p = 5.0 + 0.05 * (r.nextDouble() - 0.5) + 0.2 * Math.sin(day * 3);
        if (r.nextDouble() < 0.0005) {
          p += (r.nextBoolean() ? 1 : -1) * r.nextDouble(2, 8);
        }
        line.append(',').append(i == 0 ? "" : cell(r, p));
        double current = ((long) tt / 600) % 3 == 0 ? 0.2 : 2.0 + 0.3 * (r.nextDouble() - 0.5);
        if (r.nextDouble() < 0.00025) {
          current *= 4;
        }
        line.append(',').append(cell(r, current)).append('\n');
        w.write(line.toString());
        resend = null;
      }
    }
  }

  static void longFormat(int series, int rowsPerSeries, Path out) throws IOException {
    SplittableRandom r = new SplittableRandom(20240102L);
    int[] cadence = new int[series];
    long[] next = new long[series];
    int[] written = new int[series];
    for (int s = 0; s < series; s++) {
      cadence[s] = 1 + r.nextInt(9);
      next[s] = r.nextInt(60);
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("tag,tagTime,value\n");
      int done = 0;
      for (long t = 0; done < series; t++) {
        for (int s = 0; s < series; s++) {
          if (written[s] >= rowsPerSeries || next[s] != t) {
            continue;
          }
          double v = 100.0 * (1 + s % 7) + 5.0 * Math.sin(2 * Math.PI * t / 3600.0 + s)
              + (r.nextDouble() - 0.5);
          if (r.nextDouble() < 0.001) {
            v += r.nextDouble(50, 200); // a spike
          }
          String tag = String.format(Locale.ROOT, "T%04d", s);
          String time = ISO.format(START.plusSeconds(t));
          w.write(tag + "," + time + "," + cell(r, v) + "\n");
          if (r.nextDouble() < 0.001) {
            w.write(tag + "," + time + "," + cell(r, v + 1) + "\n"); // a re-send
          }
          written[s]++;
          if (written[s] == rowsPerSeries) {
            done++;
          }
          // an outage of 2..20 periods now and then
          next[s] = t + cadence[s] * (r.nextDouble() < 0.002 ? 2 + r.nextInt(19) : 1);
        }
      }
    }
  }
}
