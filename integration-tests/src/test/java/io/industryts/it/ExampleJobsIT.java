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
 * Runs the example jobs basic_pipeline, feature_engineering, production_pipeline and asof_weather
 * through the jar on the generated sample data and checks each output's columns, row count and
 * values.
 */
class ExampleJobsIT {
  @TempDir
  Path tmp;

  private Path sample(String name) {
    return Launcher.sampleData().resolve(name);
  }

  /** Runs a job with its input, output and errors replaced; returns the output lines. */
  private List<String> run(String job, Path input, Path out) throws IOException {
    Launcher.Result r = Launcher.run("run", "examples/configs/" + job, "--input",
        input.toString(), "--output", out.toString(),
        "--errors", tmp.resolve("bad.csv").toString());
    assertThat(r.toString(), r.exitCode, is(0));
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(r.err, containsString(String.format("industryts: wrote %,d rows to %s",
        lines.size() - 1, out)));
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
      range.merge(key, new long[] {m, m},
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
   * Every reading (first row per timestamp) gets the latest weather observation at or before it,
   * at most 15 minutes old, as a scan of both files computes it (pd.merge_asof backward).
   */
  @Test
  void asofWeatherJoinsTheLatestObservationWithinFifteenMinutes() throws IOException {
    Path sensors = sample("sensors.csv");
    Path weather = sample("weather.csv");
    Path out = tmp.resolve("asof.csv");
    Launcher.Result r = Launcher.run("run", "examples/configs/asof_weather.toml", "--input",
        sensors.toString(), "--input", "weather=" + weather, "--output", out.toString(),
        "--errors", tmp.resolve("bad.csv").toString());
    assertThat(r.toString(), r.exitCode, is(0));
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0),
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
      String[] want = k >= 0 && reading.getKey() - second(obs.get(k).split(",")[0]) <= 15 * 60
          ? obs.get(k).split(",", -1) : new String[] {"", "", ""};
      matched += k >= 0 && !want[0].isEmpty() ? 1 : 0;
      assertThat(cells[0], equalTo(UTC_SECONDS.format(
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
    assertThat(lines.get(0), equalTo("DateTime,temperature,pressure,flow,vibration,"
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
}
