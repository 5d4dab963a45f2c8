package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example jobs basic_pipeline, feature_engineering, production_pipeline, asof_weather,
 * plant_states and plant_energy through the jar on the generated sample data and checks each
 * output's columns, row count and values.
 */
class ExampleJobsIT {
  @TempDir Path tmp;

  private Path sample(String name) {
    return Launcher.sampleData().resolve(name);
  }

  /** Runs a job with its input, output and errors replaced; returns the output lines. */
  private List<String> run(String job, Path input, Path out) throws IOException {
    Launcher.Result r =
        Launcher.run(
            "run",
            "examples/configs/" + job,
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--errors",
            tmp.resolve("bad.csv").toString());
    assertThat(r.toString(), r.exitCode, is(0));
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(
        r.err,
        containsString(String.format("industryts: wrote %,d rows to %s", lines.size() - 1, out)));
    assertThat(r.err, containsString("industryts: dead-lettered 0 rows"));
    assertThat(r.err.contains("counts do not add up"), is(false));
    return lines;
  }

  /** Minute of a zone-less ISO time of the sample data (read as UTC). */
  private static long minute(String time) {
    return LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC) / 60;
  }

  /**
   * Rows a 1-minute resample or regularize writes: per series, every minute from the first
   * reading's minute to the last's (empty minutes included).
   */
  private static long minutesPerSeries(Path csv, int keyField, int timeField) throws IOException {
    Map<String, long[]> range = new HashMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      String key = keyField < 0 ? "" : cells[keyField];
      long m = minute(cells[timeField]);
      range.merge(
          key,
          new long[] {m, m},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    return range.values().stream().mapToLong(r -> r[1] - r[0] + 1).sum();
  }

  private static int column(List<String> lines, String name) {
    int i = Arrays.asList(lines.get(0).split(",", -1)).indexOf(name);
    assertThat(name + " in " + lines.get(0), i >= 0, is(true));
    return i;
  }

  /** Every cell of the column is a finite number. */
  private static void assertAllFinite(List<String> lines, String name) {
    int c = column(lines, name);
    for (String line : lines.subList(1, lines.size())) {
      String cell = line.split(",", -1)[c];
      assertThat(name + " in " + line, Double.isFinite(Double.parseDouble(cell)), is(true));
    }
  }

  /**
   * Every reading (first row per timestamp) gets the latest weather observation at or before it, at
   * most 15 minutes old, as a scan of both files computes it (pd.merge_asof backward).
   */
  @Test
  void asofWeatherJoinsTheLatestObservationWithinFifteenMinutes() throws IOException {
    Path sensors = sample("sensors.csv");
    Path weather = sample("weather.csv");
    Path out = tmp.resolve("asof.csv");
    Launcher.Result r =
        Launcher.run(
            "run",
            "examples/configs/asof_weather.toml",
            "--input",
            sensors.toString(),
            "--input",
            "weather=" + weather,
            "--output",
            out.toString(),
            "--errors",
            tmp.resolve("bad.csv").toString());
    assertThat(r.toString(), r.exitCode, is(0));
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(
        lines.get(0),
        equalTo("DateTime,temperature,pressure,flow,vibration,ambient_temp,humidity"));

    // the first row per timestamp, in time order
    Map<Long, String> readings = new java.util.TreeMap<>();
    List<String> in = Files.readAllLines(sensors, StandardCharsets.UTF_8);
    for (String line : in.subList(1, in.size())) {
      readings.putIfAbsent(second(line.split(",", -1)[0]), line);
    }
    List<String> obs = Files.readAllLines(weather, StandardCharsets.UTF_8);
    obs = obs.subList(1, obs.size()); // in time order, as generated
    assertThat((long) lines.size() - 1, is((long) readings.size()));
    int k = -1; // the latest observation at or before the reading
    int row = 1;
    long matched = 0;
    for (Map.Entry<Long, String> reading : readings.entrySet()) {
      while (k + 1 < obs.size() && second(obs.get(k + 1).split(",")[0]) <= reading.getKey()) {
        k++;
      }
      String[] cells = lines.get(row++).split(",", -1);
      String[] want =
          k >= 0 && reading.getKey() - second(obs.get(k).split(",")[0]) <= 15 * 60
              ? obs.get(k).split(",", -1)
              : new String[] {"", "", ""};
      matched += k >= 0 && !want[0].isEmpty() ? 1 : 0;
      assertThat(
          cells[0],
          equalTo(
              UTC_SECONDS.format(
                  LocalDateTime.ofEpochSecond(reading.getKey(), 0, ZoneOffset.UTC))));
      for (int c = 1; c <= 2; c++) {
        assertThat(String.join(",", cells), number(cells[4 + c]), equalTo(number(want[c])));
      }
    }
    assertThat(matched, greaterThan(2000L));
    assertThat(r.err, containsString(String.format("rows_matched %,d", matched)));
  }

  private static final java.time.format.DateTimeFormatter UTC_SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  /** A number cell as the double it holds ("" for an empty cell). */
  private static String number(String cell) {
    return cell.isEmpty() ? "" : String.valueOf(Double.parseDouble(cell));
  }

  private static long second(String time) {
    return LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC);
  }

  @Test
  void basicPipelineWritesOneCleanRowPerMinute() throws IOException {
    Path in = sample("sensors.csv");
    List<String> lines = run("basic_pipeline.toml", in, tmp.resolve("basic.csv"));
    assertThat(lines.get(0), equalTo("DateTime,temperature,pressure,flow,vibration"));
    long expected = minutesPerSeries(in, -1, 0);
    assertThat(expected, is(360L)); // 6 hours of data
    assertThat((long) lines.size() - 1, is(expected));
    assertAllFinite(lines, "temperature");
    // a spike (3..7 bar off 5 bar) left in would move its minute mean by 0.5 bar or more
    int p = column(lines, "pressure");
    for (String line : lines.subList(1, lines.size())) {
      double pressure = Double.parseDouble(line.split(",", -1)[p]);
      assertThat(line, Math.abs(pressure - 5.0) < 0.3, is(true));
    }
  }

  @Test
  void featureEngineeringAppendsLagsRollingCalendarDiffAndEwm() throws IOException {
    Path in = sample("sensors.csv");
    List<String> lines = run("feature_engineering.toml", in, tmp.resolve("features.csv"));
    assertThat(
        lines.get(0),
        equalTo(
            "DateTime,temperature,pressure,flow,vibration,"
                + "temperature_lag1,temperature_lag5,pressure_lag1,pressure_lag5,"
                + "temperature_rolling_mean_15min,temperature_rolling_std_15min,"
                + "flow_rolling_mean_15min,flow_rolling_std_15min,"
                + "hour,minute,hour_sin,hour_cos,minute_sin,minute_cos,"
                + "flow_diff1,vibration_ewm_mean_span10"));
    assertThat((long) lines.size() - 1, is(minutesPerSeries(in, -1, 0)));
    assertAllFinite(lines, "hour_sin");
    assertAllFinite(lines, "vibration_ewm_mean_span10");
    // 00:00 is the first row: sin 0 = 0, cos 0 = 1, nothing to lag or difference
    String[] first = lines.get(1).split(",", -1);
    assertThat(first[column(lines, "hour_cos")], equalTo("1.0"));
    assertThat(first[column(lines, "temperature_lag1")], equalTo(""));
    assertThat(first[column(lines, "flow_diff1")], equalTo(""));
  }

  @Test
  void productionPipelineRegularizesEveryTagOnItsOwnGrid() throws IOException {
    Path in = sample("tags_long.csv");
    List<String> lines = run("production_pipeline.toml", in, tmp.resolve("production.csv"));
    assertThat(lines.get(0), equalTo("tag,tagTime,value,value_is_filled,value_is_outlier"));
    long expected = minutesPerSeries(in, 0, 1);
    assertThat(expected, greaterThan(0L));
    assertThat((long) lines.size() - 1, is(expected));
    int v = column(lines, "value");
    int filled = column(lines, "value_is_filled");
    long values = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(line, cells[filled].equals("true") || cells[filled].equals("false"), is(true));
      if (!cells[v].isEmpty()) {
        assertThat(line, Double.isFinite(Double.parseDouble(cells[v])), is(true));
        values++;
      }
    }
    // outages longer than max_gap stay null, but most grid points have a value
    assertThat(values, greaterThan(expected / 2));
  }

  /** The plant file's rows, first per (machine, time) in file order, per machine in time order. */
  private static Map<String, List<String[]>> plantSeries(Path csv) throws IOException {
    Map<String, Map<Long, String[]>> first = new java.util.TreeMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0), equalTo("machine,time,power_kw,power_quality,energy_kwh,status"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      first
          .computeIfAbsent(cells[0], k -> new java.util.TreeMap<>())
          .putIfAbsent(second(cells[1]), cells);
    }
    Map<String, List<String[]>> out = new java.util.TreeMap<>();
    first.forEach((machine, rows) -> out.put(machine, new java.util.ArrayList<>(rows.values())));
    return out;
  }

  private static String utc(long second) {
    return UTC_SECONDS.format(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC));
  }

  /**
   * Every run of each machine's status (a reading more than 5 minutes after the previous one starts
   * a new run, which then ends at its last reading), as a scan of the sample file finds them
   * (SEMANTICS §2.8.3).
   */
  @Test
  void plantStatesAreTheRunsOfEachMachinesStatus() throws IOException {
    Path in = sample("plant.csv");
    Path out = tmp.resolve("plant_states.csv");
    List<String> lines = run("plant_states.toml", in, out);
    assertThat(lines.get(0), equalTo("machine,status,time,end,duration_s,rows"));
    List<String> want = new java.util.ArrayList<>();
    long outages = 0;
    for (Map.Entry<String, List<String[]>> e : plantSeries(in).entrySet()) {
      List<String[]> g = e.getValue();
      int i = 0;
      while (i < g.size()) {
        int j = i + 1;
        while (j < g.size()
            && g.get(j)[5].equals(g.get(i)[5])
            && second(g.get(j)[1]) - second(g.get(j - 1)[1]) <= 300) {
          j++;
        }
        boolean gapAfter = j < g.size() && second(g.get(j)[1]) - second(g.get(j - 1)[1]) > 300;
        outages += gapAfter ? 1 : 0;
        long start = second(g.get(i)[1]);
        long end = j == g.size() || gapAfter ? second(g.get(j - 1)[1]) : second(g.get(j)[1]);
        want.add(
            e.getKey()
                + ","
                + g.get(i)[5]
                + ","
                + utc(start)
                + ","
                + utc(end)
                + ","
                + (double) (end - start)
                + ","
                + (j - i));
        i = j;
      }
    }
    assertThat(outages, is(2L)); // press-1's 25 min and oven-1's 7 min
    assertThat(want.size(), greaterThan(30));
    assertThat(lines.subList(1, lines.size()), equalTo(want));
  }

  /** Time-weighted step integral (SEMANTICS §2.8.1 "previous") of samples over [b0, b1), in ms. */
  private static double[] stepIntegral(
      List<Long> times, List<Double> values, long b0, long b1, long maxGapMs) {
    double area = 0;
    long covered = 0;
    for (int i = 0; i + 1 < times.size(); i++) {
      long a = times.get(i);
      long b = times.get(i + 1);
      if (b - a > maxGapMs) {
        continue;
      }
      long lo = Math.max(a, b0);
      long hi = Math.min(b, b1);
      if (hi > lo) {
        area += values.get(i) * (hi - lo);
        covered += hi - lo;
      }
    }
    return new double[] {area, covered};
  }

  private static void assertClose(String where, String cell, Double want) {
    if (want == null) {
      assertThat(where, cell, equalTo(""));
      return;
    }
    double got = Double.parseDouble(cell);
    assertThat(
        where + ": " + got + " vs " + want,
        Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)),
        is(true));
  }

  /**
   * Per machine and hour: the integral (kWh) and mean of the power samples whose OPC DA quality is
   * good (192..255), and the sum of the energy meter's increases (wrap at 100000, more than 100 kWh
   * at once left out), as a scan of the sample file computes them (SEMANTICS §2.8.1, §2.8.2,
   * §2.8.4); every other power sample with a value is counted as masked.
   */
  @Test
  void plantEnergyIntegratesGoodPowerAndSumsMeterIncreasesPerHour() throws IOException {
    Path in = sample("plant.csv");
    Path out = tmp.resolve("plant_energy.csv");
    Launcher.Result r =
        Launcher.run(
            "run",
            "examples/configs/plant_energy.toml",
            "--input",
            in.toString(),
            "--output",
            out.toString(),
            "--errors",
            tmp.resolve("bad.csv").toString());
    assertThat(r.toString(), r.exitCode, is(0));
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(
        lines.get(0), equalTo("machine,time,power_kw_integral,power_kw_mean,energy_kwh_increase"));
    long masked = 0;
    long glitches = 0;
    long wraps = 0;
    Map<String, Double[]> want = new java.util.TreeMap<>(); // "machine,hour" -> 3 cells
    for (Map.Entry<String, List<String[]>> e : plantSeries(in).entrySet()) {
      List<Long> ts = new java.util.ArrayList<>();
      List<Double> kw = new java.util.ArrayList<>();
      Map<Long, double[]> meanAcc = new java.util.TreeMap<>();
      Map<Long, Double> increases = new java.util.TreeMap<>();
      Double previousMeter = null;
      long firstHour = Long.MAX_VALUE;
      long lastHour = Long.MIN_VALUE;
      for (String[] cells : e.getValue()) {
        long s = second(cells[1]);
        long hour = s / 3600 * 3600;
        firstHour = Math.min(firstHour, hour);
        lastHour = Math.max(lastHour, hour);
        increases.putIfAbsent(hour, 0.0);
        int quality = Integer.parseInt(cells[3]);
        if (!cells[2].isEmpty() && (quality < 192 || quality > 255)) {
          masked++;
        } else if (!cells[2].isEmpty()) {
          ts.add(s * 1000);
          kw.add(Double.parseDouble(cells[2]));
          double[] acc = meanAcc.computeIfAbsent(hour, h -> new double[2]);
          acc[0] += Double.parseDouble(cells[2]);
          acc[1]++;
        }
        double meter = Double.parseDouble(cells[4]);
        if (previousMeter != null) {
          double d =
              meter >= previousMeter ? meter - previousMeter : meter + 100_000 - previousMeter;
          wraps += meter < previousMeter ? 1 : 0;
          if (d > 100) {
            glitches++;
          } else {
            increases.merge(hour, d, Double::sum);
          }
        }
        previousMeter = meter;
      }
      for (long h = firstHour; h <= lastHour; h += 3600) {
        double[] area = stepIntegral(ts, kw, h * 1000, (h + 3600) * 1000, 300_000);
        double[] acc = meanAcc.get(h);
        want.put(
            e.getKey() + "," + utc(h),
            new Double[] {
              area[1] > 0 ? area[0] / 3_600_000.0 : null,
              acc == null ? null : acc[0] / acc[1],
              increases.getOrDefault(h, 0.0)
            });
      }
    }
    assertThat(masked, greaterThan(10L));
    assertThat(wraps, is(2L)); // oven-1's wrap and press-2's meter replacement
    assertThat(glitches, is(1L)); // the replacement
    assertThat(r.err, containsString(String.format("(values_masked %,d)", masked)));
    assertThat((long) lines.size() - 1, is((long) want.size()));
    double integralTotal = 0;
    double meterTotal = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Double[] w = want.get(cells[0] + "," + cells[1]); // keys first, then time (§2.7)
      assertThat(line, w != null, is(true));
      assertClose(line + " power_kw_integral", cells[2], w[0]);
      assertClose(line + " power_kw_mean", cells[3], w[1]);
      assertClose(line + " energy_kwh_increase", cells[4], w[2]);
      integralTotal += cells[2].isEmpty() ? 0 : Double.parseDouble(cells[2]);
      meterTotal += Double.parseDouble(cells[4]);
    }
    // both measure the same energy: they agree within the masked and outage stretches
    assertThat(
        integralTotal + " kWh vs meter " + meterTotal,
        Math.abs(integralTotal - meterTotal) < 0.05 * meterTotal,
        is(true));
  }
}
