import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the example sensor files into a directory (default examples/data). Needs only the JDK:
 *
 * <pre>
 *   java examples/scripts/GenerateSampleData.java examples/data
 * </pre>
 *
 * <p>Deterministic (fixed seeds): the same bytes on every machine. The files contain what real
 * plant data contains and the example jobs clean up:
 *
 * <ul>
 *   <li>{@code sensors.csv}: one wide series, 10 s cadence over 6 hours (DateTime, temperature,
 *       pressure, flow, vibration); ~1 % of timestamps missing, a few re-sent duplicates with
 *       different values, pressure spikes, empty cells, two leading empty temperatures.
 *   <li>{@code sensors_wide.csv}: the benchmark's shape (DateTime + temp_1..3, vib_x/y/z,
 *       pressure, current), 1 s cadence over 3 hours, same kinds of defects; every clock minute
 *       has data, so the standard pipeline's resample emits no empty bucket.
 *   <li>{@code tags_long.csv}: long format, several tags (tag, tagTime, value, quality), each
 *       with its own irregular cadence, gaps, duplicates, spikes and empty values.
 *   <li>{@code plant.csv}: a plant historian export, long by machine (machine, time, power_kw,
 *       power_quality, energy_kwh, status), one row a minute over 6 hours for three machines:
 *       power in kW with an OPC DA quality code (192 good; a few samples 24 "comm failure" with a
 *       -9999 value, 64 "uncertain" or 216 "good, local override"), an energy meter totalizer in
 *       kWh (press-2's meter is replaced at 03:00 and restarts from 0; oven-1's 5-digit meter
 *       wraps at 100000), a run status on/off/fault, two outages, an empty power cell and re-sent
 *       duplicate lines.
 *   <li>{@code weather.csv}: the site's weather station over the same 6 hours as {@code
 *       sensors.csv} (DateTime, ambient_temp, humidity), one observation every 5 to 9 minutes at
 *       irregular seconds, a few empty cells: the second input of the as-of join example.
 * </ul>
 */
public final class GenerateSampleData {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0, 0);

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/data");
    Files.createDirectories(dir);
    int n = 0;
    n += sensors(dir.resolve("sensors.csv"));
    n += wide(dir.resolve("sensors_wide.csv"));
    n += tags(dir.resolve("tags_long.csv"));
    n += plant(dir.resolve("plant.csv"));
    n += weather(dir.resolve("weather.csv")); // last: its presence means all files are there
    System.out.println("wrote " + n + " rows to " + dir.resolve("sensors.csv") + ", "
        + dir.resolve("sensors_wide.csv") + ", " + dir.resolve("tags_long.csv") + ", "
        + dir.resolve("plant.csv") + " and "
        + dir.resolve("weather.csv"));
  }

  /** A data line: its time and the text after the time. */
  private static final class Line {
    final long second;
    final String text;

    Line(long second, String text) {
      this.second = second;
      this.text = text;
    }
  }

  private static int sensors(Path file) throws IOException {
    Random r = new Random(20240101L);
    List<Line> lines = new ArrayList<>();
    double temp = 72.0;
    double flow = 12.0;
    for (long s = 0; s < 6 * 3600; s += 10) {
      if (s > 60 && r.nextDouble() < 0.01) {
        continue; // a missing reading
      }
      temp += r.nextGaussian() * 0.05;
      flow = 12.0 + 0.8 * Math.sin(s / 1800.0) + r.nextGaussian() * 0.1;
      double pressure = 5.0 + r.nextGaussian() * 0.05;
      if (r.nextDouble() < 0.004) {
        pressure += (r.nextBoolean() ? 1 : -1) * (3 + r.nextDouble() * 4); // a spike
      }
      double vibration = Math.abs(0.3 * Math.sin(s / 7.0) + r.nextGaussian() * 0.05);
      String[] cells = {num(temp, 3), num(pressure, 4), num(flow, 3), num(vibration, 4)};
      for (int c = 0; c < cells.length; c++) {
        if (r.nextDouble() < 0.02) {
          cells[c] = ""; // an empty cell
        }
      }
      if (s < 20) {
        cells[0] = ""; // leading nulls: only a backward fill can fill them
      }
      lines.add(new Line(s, String.join(",", cells)));
      if (r.nextDouble() < 0.003) {
        // a late re-send of the same timestamp with slightly different values
        cells[0] = cells[0].isEmpty() ? "" : num(temp + 0.2, 3);
        lines.add(new Line(s, String.join(",", cells)));
      }
    }
    return write(file, "DateTime,temperature,pressure,flow,vibration", lines, r, 3);
  }

  private static int wide(Path file) throws IOException {
    Random r = new Random(20240102L);
    List<Line> lines = new ArrayList<>();
    double[] temps = {60, 65, 70};
    for (long s = 0; s < 3 * 3600; s++) {
      if (s % 60 != 0 && r.nextDouble() < 0.005) {
        continue; // dropped second; never the first of a minute, so no minute is empty
      }
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        temps[i] += r.nextGaussian() * 0.02;
        double daily = 2 * Math.sin(2 * Math.PI * s / 86400.0);
        append(cells, num(temps[i] + daily, 4), r, s < 3 && i == 1);
      }
      for (int i = 0; i < 3; i++) {
        append(cells, num(Math.sin(s * (0.5 + i)) * 0.2 + r.nextGaussian() * 0.05, 4), r, false);
      }
      double pressure = 5 + r.nextGaussian() * 0.1;
      if (r.nextDouble() < 0.0005) {
        pressure += (r.nextBoolean() ? 1 : -1) * (2 + r.nextDouble() * 6);
      }
      append(cells, num(pressure, 4), r, s == 0);
      double current = (s / 600) % 2 == 0 ? 10 + r.nextGaussian() : 2 + r.nextGaussian() * 0.2;
      if (r.nextDouble() < 0.0005) {
        current += 20; // surge
      }
      append(cells, num(current, 4), r, false);
      lines.add(new Line(s, String.join(",", cells)));
      if (r.nextDouble() < 0.001) {
        // a late re-send with a slightly different first temperature
        String[] resent = cells.toArray(new String[0]);
        if (!resent[0].isEmpty()) {
          resent[0] = num(Double.parseDouble(resent[0]) + 0.05, 4);
        }
        lines.add(new Line(s, String.join(",", resent)));
      }
    }
    return write(file, "DateTime,temp_1,temp_2,temp_3,vib_x,vib_y,vib_z,pressure,current", lines,
        r, 30);
  }

  /** Adds the cell, or an empty cell (2 % of cells, or when forced). */
  private static void append(List<String> cells, String cell, Random r, boolean forceNull) {
    cells.add(!forceNull && r.nextDouble() >= 0.02 ? cell : "");
  }

  private static int tags(Path file) throws IOException {
    Random r = new Random(20240103L);
    String[] tags = {"FI-301", "PI-201", "TI-101", "VI-401"};
    double[] base = {12.0, 5.0, 72.0, 0.3};
    int[] cadence = {15, 30, 60, 5};
    List<String> out = new ArrayList<>();
    out.add("tag,tagTime,value,quality");
    for (int t = 0; t < tags.length; t++) {
      double v = base[t];
      for (long s = r.nextInt(cadence[t]); s < 4 * 3600; s += cadence[t] + r.nextInt(3) - 1) {
        if (r.nextDouble() < 0.01) {
          s += cadence[t] * (5 + r.nextInt(20)); // an outage
          continue;
        }
        v += r.nextGaussian() * base[t] * 0.002;
        double value = v;
        String quality = "good";
        if (r.nextDouble() < 0.003) {
          value = v * (r.nextBoolean() ? 3 : -2); // a spike
          quality = "suspect";
        }
        String cell = r.nextDouble() < 0.02 ? "" : num(value, 4);
        if (cell.isEmpty()) {
          quality = "bad";
        }
        String line = tags[t] + "," + ISO.format(START.plusSeconds(s)) + "," + cell + ","
            + quality;
        out.add(line);
        if (r.nextDouble() < 0.003) {
          out.add(line); // an exact duplicate row
        }
      }
    }
    Files.write(file, out, StandardCharsets.UTF_8);
    return out.size() - 1;
  }

  /** Rollover of oven-1's 5-digit energy meter, kWh. */
  static final double METER_WRAP = 100_000.0;

  private static int plant(Path file) throws IOException {
    Random r = new Random(20240105L);
    String[] machines = {"press-1", "press-2", "oven-1"};
    double[] ratedKw = {45.0, 30.0, 80.0};
    double[] meterStart = {12_345.0, 8_020.5, 99_950.0};
    String[] startStatus = {"on", "off", "on"};
    List<String> out = new ArrayList<>();
    out.add("machine,time,power_kw,power_quality,energy_kwh,status");
    for (int m = 0; m < machines.length; m++) {
      String status = startStatus[m];
      double meter = meterStart[m];
      for (long s = 20L * m; s < 6 * 3600; s += 60) {
        if (m == 0 && s >= 7200 && s < 7200 + 25 * 60 || m == 2 && s >= 15_000 && s < 15_420) {
          continue; // an outage: the historian stored nothing (25 min on press-1, 7 min on oven-1)
        }
        if (r.nextDouble() < 0.05) {
          double u = r.nextDouble();
          status = status.equals("on") ? (u < 0.7 ? "off" : "fault")
              : status.equals("off") ? "on" : "off"; // a fault is cleared to off, then restarted
        }
        double kw = status.equals("on")
            ? ratedKw[m] * (1 + 0.1 * Math.sin(s / 900.0)) + r.nextGaussian() * ratedKw[m] * 0.03
            : status.equals("off") ? Math.abs(0.4 + r.nextGaussian() * 0.05) : 0.0;
        meter += kw / 60.0; // the meter integrates the true power
        if (m == 1 && s == 3 * 3600 + 20) {
          meter = kw / 60.0; // press-2's meter is replaced and restarts from 0
        }
        if (meter >= METER_WRAP) {
          meter -= METER_WRAP; // oven-1's 5-digit meter wraps
        }
        int quality = 192;
        String power = num(kw, 3);
        double u = r.nextDouble();
        if (u < 0.02) {
          quality = 24; // bad, communication failure: the value is a placeholder
          power = "-9999.000";
        } else if (u < 0.03) {
          quality = 64; // uncertain: a stale reading
          power = num(kw * 0.5, 3);
        } else if (u < 0.04) {
          quality = 216; // good, local override
        }
        if (m == 1 && s == 4 * 3600 + 20) {
          power = ""; // an empty cell
        }
        String line = machines[m] + "," + ISO.format(START.plusSeconds(s)) + "," + power + ","
            + quality + "," + num(meter, 3) + "," + status;
        out.add(line);
        if (r.nextDouble() < 0.005) {
          out.add(line); // re-sent by the collector
        }
      }
    }
    Files.write(file, out, StandardCharsets.UTF_8);
    return out.size() - 1;
  }

  private static int weather(Path file) throws IOException {
    Random r = new Random(20240104L);
    List<String> out = new ArrayList<>();
    out.add("DateTime,ambient_temp,humidity");
    for (long s = 37; s < 6 * 3600; s += 300 + r.nextInt(240)) {
      double ambient = 18.0 + 4.0 * Math.sin(s / 7200.0) + r.nextGaussian() * 0.3;
      double humidity = 55.0 - 8.0 * Math.sin(s / 7200.0) + r.nextGaussian() * 1.5;
      List<String> cells = new ArrayList<>();
      cells.add(ISO.format(START.plusSeconds(s)));
      cells.add(r.nextDouble() < 0.05 ? "" : num(ambient, 2));
      cells.add(r.nextDouble() < 0.05 ? "" : num(humidity, 1));
      out.add(String.join(",", cells));
    }
    Files.write(file, out, StandardCharsets.UTF_8);
    return out.size() - 1;
  }

  /** Writes time-ordered lines, moving some duplicates up to {@code maxLate} lines later. */
  private static int write(Path file, String header, List<Line> lines, Random r, int maxLate)
      throws IOException {
    for (int i = lines.size() - 1; i > 0; i--) {
      if (lines.get(i).second == lines.get(i - 1).second) {
        // the re-send arrives late: move it forward by 1..maxLate lines
        int to = Math.min(lines.size() - 1, i + 1 + r.nextInt(maxLate));
        lines.add(to, lines.remove(i));
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(header);
      w.write('\n');
      for (Line l : lines) {
        w.write(ISO.format(START.plusSeconds(l.second)));
        w.write(',');
        w.write(l.text);
        w.write('\n');
      }
    }
    return lines.size();
  }

  private static String num(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
