package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** explain and run on the example jobs and on bad input, through the jar. */
class RunCommandsIT {
  private static final String QUICKSTART = "examples/configs/quickstart.toml";

  @TempDir Path tmp;

  static List<Path> javas() {
    return Launcher.javas();
  }

  private static String sensors() {
    return Launcher.sampleData().resolve("sensors.csv").toString();
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void explainShowsTimeColumnSchemasDefaultsAndPasses() {
    Launcher.Result r = Launcher.run("explain", QUICKSTART, "--input", sensors());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(
        r.out,
        containsString(
            "time column:  DateTime (auto: first field matching "
                + "[DateTime, tagTime, timestamp, time, date])\n"));
    assertThat(r.out, containsString("keys:         none (one series)\n"));
    assertThat(r.out, containsString("input schema (as read):\n  DateTime     DATETIME"));
    assertThat(r.out, containsString("  4. 4_resample (industryts:resample:v1)\n"));
    assertThat(r.out, containsString("       closed = \"left\"\n"));
    assertThat(r.out, containsString("  temperature_rolling_mean_5"));
    assertThat(r.out, containsString("execution:\n  segment: one shuffle"));
  }

  @ParameterizedTest
  @MethodSource("javas")
  void runWritesTheQuickstartOutputAndASummary(Path java) throws IOException {
    Path out = tmp.resolve("quickstart.csv");
    Launcher.Result r =
        Launcher.run(
            java,
            "run",
            QUICKSTART,
            "--input",
            sensors(),
            "--output",
            out.toString(),
            "--errors",
            tmp.resolve("bad.csv").toString());
    assertThat(r.toString(), r.exitCode, is(0));
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(
        lines.get(0),
        equalTo(
            "DateTime,temperature,pressure,flow,vibration,"
                + "temperature_rolling_mean_5,pressure_rolling_mean_5,flow_rolling_mean_5,"
                + "vibration_rolling_mean_5,temperature_diff1,pressure_diff1,flow_diff1,vibration_diff1"));
    // 6 hours of data, every minute has rows: one row per minute
    assertThat(lines.size() - 1, is(360));
    assertThat(lines.get(1), startsWith("2024-01-01T00:00:00Z,"));
    assertThat(r.err, containsString("industryts: read 2,148 rows\n"));
    assertThat(r.err, containsString("industryts: wrote 360 rows to " + out));
    assertThat(r.err.contains("counts do not add up"), is(false));
  }

  @Test
  void badCellFailsTheJobWithFileAndLine() throws IOException {
    Path csv =
        write(
            "bad.csv",
            String.join(
                "\n",
                "DateTime,temp",
                "2024-01-01T00:00:00,1.5",
                "2024-01-01T00:01:00,abc",
                "2024-01-01T00:02:00,2.5",
                ""));
    Path job =
        write(
            "job.toml",
            String.join(
                "\n",
                "[pipeline]",
                "name = \"bad\"",
                "",
                "[input]",
                "path = \"bad.csv\"",
                "",
                "[input.types]",
                "temp = \"double\"   # the sample would otherwise infer STRING",
                "",
                "[[operations]]",
                "type = \"fill_null\"",
                "method = \"forward\"",
                "",
                "[output]",
                "path = \"out.csv\"",
                ""));
    Launcher.Result r = Launcher.run("run", job.toString());
    assertThat(r.toString(), r.exitCode, is(1));
    assertThat(
        r.err,
        containsString(
            "industryts: "
                + job
                + " failed: "
                + csv
                + ":3: column \"temp\" (field 2): \"abc\" is not a number"));
    assertThat(r.err, containsString("add --errors bad_rows.csv"));
    assertThat(r.err.contains("\tat "), is(false));
    assertThat(Files.exists(tmp.resolve("out.csv")), is(false));
  }

  @Test
  void badCellWithErrorsFileIsDeadLetteredAndCounted() throws IOException {
    write(
        "bad.csv",
        String.join(
            "\n",
            "DateTime,temp",
            "2024-01-01T00:00:00,1.5",
            "2024-01-01T00:01:00,abc",
            "2024-01-01T00:02:00,2.5",
            ""));
    Path job =
        write(
            "job.toml",
            String.join(
                "\n",
                "[input]",
                "path = \"bad.csv\"",
                "",
                "[input.types]",
                "temp = \"double\"   # the sample would otherwise infer STRING",
                "",
                "[[operations]]",
                "type = \"fill_null\"",
                "method = \"forward\"",
                "",
                "[output]",
                "path = \"out.csv\"",
                "errors = \"errors.csv\"",
                ""));
    Launcher.Result r = Launcher.run("run", job.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(Files.readAllLines(tmp.resolve("out.csv")).size(), is(3));
    assertThat(r.err, containsString("industryts: read 2 rows (+ 1 bad input row)\n"));
    assertThat(
        r.err, containsString("industryts: dead-lettered 1 row to " + tmp.resolve("errors.csv")));
    List<String> errors = Files.readAllLines(tmp.resolve("errors.csv"), StandardCharsets.UTF_8);
    assertThat(errors.size(), is(2));
    assertThat(errors.get(1), containsString(",3,"));
    assertThat(errors.get(1), containsString(",non_numeric_cell,temp,"));
  }
}
