package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job report as a person sees it: examples/configs/sensor_report.toml runs with --report, the
 * page is opened in headless Chromium, and the rendered DOM and a screenshot are checked: every
 * section, a plot per column with both lines and the markers, the numbers equal to the run
 * summary's, a screenshot that is not blank. The page and the screenshot stay in target/job-report/
 * to be looked at. Skips when Chromium is not installed (.ci/run installs it).
 */
class JobReportIT {
  private static final Path OUT = Path.of("target", "job-report").toAbsolutePath();
  private static final List<String> COLUMNS =
      List.of("temperature", "pressure", "flow", "vibration");

  @TempDir Path tmp;

  @Test
  void sensorReportShowsEverySectionPlotMarkerAndTheSummaryNumbers() throws Exception {
    Files.createDirectories(OUT);
    Path html = OUT.resolve("sensor_report.html");
    Files.deleteIfExists(html);
    Launcher.Result r =
        Launcher.run(
            "run",
            "examples/configs/sensor_report.toml",
            "--input",
            Launcher.sampleData().resolve("sensors.csv").toString(),
            "--output",
            tmp.resolve("out.csv").toString(),
            "--errors",
            tmp.resolve("bad.csv").toString(),
            "--report",
            html.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.err, containsString("industryts: report " + html));
    try (Stream<Path> files = Files.list(OUT)) {
      assertTrue(
          files.noneMatch(f -> f.getFileName().toString().startsWith(".")),
          "no temporary or data file left next to the report");
    }
    Map<String, Long> summary = summaryCounters(r.err);
    assertEquals(2148L, summary.get("launcher.rows_read"), r.err);

    Path chromium = chromium();
    Assumptions.assumeTrue(
        chromium != null,
        "Chromium is not installed (/usr/bin/chromium or "
            + "chromium on PATH); .ci/run installs it with apt-get install chromium. Skipping the "
            + "rendered-page checks of the job report.");
    String dom = chromium(chromium, "--dump-dom", html.toUri().toString());
    Path png = OUT.resolve("sensor_report.png");
    Files.deleteIfExists(png);
    chromium(chromium, "--screenshot=" + png, "--window-size=1280,2000", html.toUri().toString());

    for (String section : List.of("job", "steps", "plots", "schema")) {
      assertThat(dom, containsString("<section id=\"" + section + "\">"));
    }
    assertEquals(2, count(dom, "<svg class=\"bars"), "the rows and the changes charts");
    for (String c : COLUMNS) {
      String figure = figure(dom, c);
      assertEquals(1, count(figure, "<svg class=\"plot\""), c);
      assertEquals(1, count(figure, "<path class=\"line-input\" d=\"M"), c);
      assertEquals(1, count(figure, "<path class=\"line-output\" d=\"M"), c);
    }
    assertThat(figure(dom, "pressure"), containsString("<g class=\"markers marker-changed\">"));
    assertThat(figure(dom, "flow"), containsString("<g class=\"markers marker-filled\">"));
    assertThat(figure(dom, "temperature"), containsString("<g class=\"markers marker-dropped\">"));

    // every number the page takes from a counter equals the summary's
    Map<String, String> shown = pageCounters(dom);
    assertThat(shown.size(), greaterThan(10));
    for (Map.Entry<String, String> e : shown.entrySet()) {
      String value = e.getValue().replaceAll("^[a-z_]+ ", "");
      assertEquals(
          String.format("%,d", summary.getOrDefault(e.getKey(), 0L)),
          value,
          e.getKey() + " in the page");
    }
    for (String step : List.of("1_drop_duplicates", "2_drop_null", "3_outliers", "4_fill_null")) {
      assertTrue(
          shown.containsKey(step + ".rows_in") && shown.containsKey(step + ".rows_out"), step);
    }
    // the markers count what the steps' counters count
    assertEquals(summary.get("4_fill_null.values_filled"), markerTotal(dom, "filled"));
    assertEquals(summary.get("3_outliers.values_clipped"), markerTotal(dom, "changed"));
    long dropped =
        summary.get("1_drop_duplicates.rows_dropped") + summary.get("2_drop_null.rows_dropped");
    assertEquals(dropped * COLUMNS.size(), markerTotal(dom, "dropped"));

    assertNotBlank(png);
  }

  /**
   * The plant example (examples/configs/plant_energy.toml, whose [output] asks for a report): the
   * masked power samples, the meter's increases and the hourly integral are in the page, every
   * counter it shows equals the run summary's, and its screenshot (kept in target/job-report) is
   * not blank.
   */
  @Test
  void plantEnergyReportShowsTheMaskedSamplesAndTheSummaryNumbers() throws Exception {
    Files.createDirectories(OUT);
    Path html = OUT.resolve("plant_energy.html");
    Files.deleteIfExists(html);
    Launcher.Result r =
        Launcher.run(
            "run",
            "examples/configs/plant_energy.toml",
            "--input",
            Launcher.sampleData().resolve("plant.csv").toString(),
            "--output",
            tmp.resolve("plant.csv").toString(),
            "--errors",
            tmp.resolve("bad.csv").toString(),
            "--report",
            html.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.err, containsString("industryts: report " + html));
    Map<String, Long> summary = summaryCounters(r.err);
    assertThat(summary.get("2_mask_quality.values_masked"), greaterThan(0L));

    Path chromium = chromium();
    Assumptions.assumeTrue(
        chromium != null,
        "Chromium is not installed (/usr/bin/chromium or "
            + "chromium on PATH); .ci/run installs it with apt-get install chromium. Skipping the "
            + "rendered-page checks of the plant report.");
    String dom = chromium(chromium, "--dump-dom", html.toUri().toString());
    Path png = OUT.resolve("plant_energy.png");
    Files.deleteIfExists(png);
    chromium(chromium, "--screenshot=" + png, "--window-size=1280,2000", html.toUri().toString());
    for (String section : List.of("job", "steps", "plots", "schema")) {
      assertThat(dom, containsString("<section id=\"" + section + "\">"));
    }
    // power_kw is aggregated by the hourly resample: its input, the hourly mean (same unit) drawn
    // over it, and the hourly energy (kWh) in a panel below on the same time axis
    int placeholders = 0;
    for (String line : Files.readAllLines(Launcher.sampleData().resolve("plant.csv"))) {
      placeholders += line.split(",")[2].startsWith("-9999") ? 1 : 0;
    }
    assertThat(placeholders, greaterThan(0));
    int below = 0;
    for (String machine : List.of("oven-1", "press-1", "press-2")) {
      String power = figure(dom, machine, "power_kw");
      String main = power.substring(0, power.indexOf("<div class=\"panel\""));
      assertEquals(1, count(main, "<path class=\"line-input\" d=\"M"), machine);
      assertEquals(1, count(main, "<path class=\"line-output line-derived\" d=\"M"), machine);
      assertThat(power, containsString("<b class=\"derived\">power_kw_mean</b>"));
      String energy = power.substring(power.indexOf("data-derived=\"power_kw_integral\""));
      assertEquals(1, count(energy, "<path class=\"line-output line-derived\" d=\"M"), machine);
      assertThat(
          figure(dom, machine, "energy_kwh"),
          containsString("data-derived=\"energy_kwh_increase\""));
      // the -9999 placeholders of the bad-quality samples are drawn off scale, not on the axis
      Matcher off = Pattern.compile("data-below=\"(\\d+)\"").matcher(main);
      below += off.find() ? Integer.parseInt(off.group(1)) : 0;
      assertThat(power, not(containsString(">-10000<")));
    }
    assertEquals(placeholders, below, "every -9999 placeholder is marked off scale");
    Map<String, String> shown = pageCounters(dom);
    assertTrue(shown.containsKey("2_mask_quality.values_masked"), shown.toString());
    for (Map.Entry<String, String> e : shown.entrySet()) {
      String value = e.getValue().replaceAll("^[a-z_]+ ", "");
      assertEquals(
          String.format("%,d", summary.getOrDefault(e.getKey(), 0L)),
          value,
          e.getKey() + " in the page");
    }
    assertThat(dom, containsString("power_kw_integral"));
    assertNotBlank(png);
  }

  /** A screenshot with many colours and mostly not background: something was drawn. */
  private static void assertNotBlank(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1280, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    long notBackground = 0;
    int background = image.getRGB(image.getWidth() - 1, image.getHeight() / 2);
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        notBackground += rgb != background ? 1 : 0;
      }
    }
    assertThat("distinct colours in the screenshot", colours.size(), greaterThan(50));
    assertThat(
        "pixels that are not background",
        notBackground * 4.0 / (image.getWidth() * image.getHeight()),
        greaterThan(0.3));
  }

  /** Counters of the summary on stderr: rows read and written, each step's in, out and extras. */
  static Map<String, Long> summaryCounters(String err) {
    Map<String, Long> out = new LinkedHashMap<>();
    Matcher read = Pattern.compile("industryts: read ([\\d,]+) rows?").matcher(err);
    assertTrue(read.find(), err);
    out.put("launcher.rows_read", number(read.group(1)));
    Matcher wrote = Pattern.compile("industryts: wrote ([\\d,]+) rows?").matcher(err);
    assertTrue(wrote.find(), err);
    out.put("write.rows_out", number(wrote.group(1)));
    Matcher dead = Pattern.compile("industryts: dead-lettered ([\\d,]+) rows?").matcher(err);
    if (dead.find()) {
      out.put("write.error_records", number(dead.group(1)));
    }
    Matcher step =
        Pattern.compile("(?m)^  (\\S+)\\s+([\\d,]+) in\\s+([\\d,]+) out(?:  \\((.*)\\))?$")
            .matcher(err);
    while (step.find()) {
      out.put(step.group(1) + ".rows_in", number(step.group(2)));
      out.put(step.group(1) + ".rows_out", number(step.group(3)));
      if (step.group(4) != null) {
        for (String part : step.group(4).split(", ")) {
          int space = part.lastIndexOf(' ');
          out.put(
              step.group(1) + "." + part.substring(0, space), number(part.substring(space + 1)));
        }
      }
    }
    return out;
  }

  private static long number(String s) {
    return Long.parseLong(s.replace(",", ""));
  }

  /** The page's {@code data-counter} elements: name to text. */
  private static Map<String, String> pageCounters(String dom) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("data-counter=\"([^\"]+)\">([^<]*)<").matcher(dom);
    while (m.find()) {
      String text = m.group(2).replaceAll(" to .*$", "");
      out.put(m.group(1), text);
    }
    return out;
  }

  /** Sum over the page's plots of the marker counts of one kind. */
  private static long markerTotal(String dom, String kind) {
    Matcher m =
        Pattern.compile("data-marker=\"" + kind + "\">[^<]*? ([\\d,]+)</span>").matcher(dom);
    long total = 0;
    while (m.find()) {
      total += number(m.group(1));
    }
    return total;
  }

  /** The figure of one series' plot of one column. */
  private static String figure(String dom, String series, String column) {
    String head = "data-series=\"" + series + "\" data-column=\"" + column + "\"";
    int at = dom.indexOf(head);
    assertTrue(at >= 0, "a plot of " + column + " of " + series);
    return dom.substring(at, dom.indexOf("</figure>", at));
  }

  /** The figure of one column's plot. */
  private static String figure(String dom, String column) {
    int at = dom.indexOf("data-column=\"" + column + "\"");
    assertTrue(at >= 0, "a plot of " + column);
    return dom.substring(at, dom.indexOf("</figure>", at));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Debian's chromium, or chromium on PATH; null when absent. */
  private static Path chromium() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "chromium"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }

  /** Runs headless Chromium with a fresh profile; returns its stdout. */
  private String chromium(Path chromium, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium")));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("chromium.out");
    Path err = tmp.resolve("chromium.err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("chromium timed out: " + cmd);
    }
    assertEquals(
        0,
        p.exitValue(),
        "chromium "
            + String.join(" ", args)
            + ":\n"
            + Files.readString(err, StandardCharsets.UTF_8));
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
