package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job with a named second input ({@code asof_join}, SEMANTICS §2.2.4, §2.7), through the jar. */
class AsofJoinIT {
  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Sensors per site (left), weather per site in another file with its own time column name. */
  private Path job() throws IOException {
    write(
        "sensors.csv",
        String.join(
            "\n",
            "time,site,temp",
            "2024-01-01T00:00:00,a,1.0",
            "2024-01-01T00:00:05,a,2.0",
            "2024-01-01T00:00:10,a,3.0",
            "2024-01-01T00:00:20,a,4.0",
            "2024-01-01T00:00:30,b,5.0",
            ""));
    write(
        "weather.csv",
        String.join(
            "\n",
            "obs_time;site;air;temp",
            "2024-01-01T00:00:04;a;10;0.5",
            "2024-01-01T00:00:05;a;20;0.6",
            "2024-01-01T00:00:05;a;21;0.7",
            "2024-01-01T00:00:14;a;30;0.8",
            "2024-01-01T00:00:29;a;40;0.9",
            "2024-01-01T00:00:29;c;50;1.0",
            ""));
    return write(
        "job.toml",
        String.join(
            "\n",
            "[pipeline]",
            "name = \"with_weather\"",
            "key_columns = [\"site\"]",
            "",
            "[input]",
            "path = \"sensors.csv\"",
            "",
            "[inputs.weather]",
            "path = \"weather.csv\"",
            "",
            "[[operations]]",
            "type = \"asof_join\"",
            "right = \"weather\"",
            "right_time_column = \"obs_time\"",
            "direction = \"nearest\"",
            "tolerance = \"5s\"",
            ""));
  }

  @Test
  void runJoinsTheNamedInputFromTheJobFile() throws IOException {
    Path out = tmp.resolve("out.csv");
    Launcher.Result r = Launcher.run("run", job().toString(), "--output", out.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(
        Files.readAllLines(out, StandardCharsets.UTF_8),
        equalTo(
            List.of(
                "time,site,temp,air,temp_right",
                "2024-01-01T00:00:00Z,a,1.0,10,0.5",
                "2024-01-01T00:00:05Z,a,2.0,21,0.7",
                "2024-01-01T00:00:10Z,a,3.0,30,0.8",
                "2024-01-01T00:00:20Z,a,4.0,,",
                "2024-01-01T00:00:30Z,b,5.0,,")));
    assertThat(r.err, containsString("1_asof_join"));
    assertThat(r.err.contains("counts do not add up"), is(false));
  }

  @Test
  void inputOnTheCommandLineReplacesTheNamedPath() throws IOException {
    Path job = job();
    Path other =
        write(
            "other.csv",
            String.join("\n", "obs_time,site,air,temp", "2024-01-01T00:00:01,a,7,0.1", ""));
    Path out = tmp.resolve("out.csv");
    Launcher.Result r =
        Launcher.run(
            "run", job.toString(), "--input", "weather=" + other, "--output", out.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(
        Files.readAllLines(out, StandardCharsets.UTF_8).get(1),
        equalTo("2024-01-01T00:00:00Z,a,1.0,7,0.1"));
  }

  @Test
  void explainListsTheNamedInputAndTheJoinStage() throws IOException {
    Launcher.Result r = Launcher.run("explain", job().toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, containsString("input weather: " + tmp.resolve("weather.csv")));
    assertThat(r.out, containsString("as-of join: 1_asof_join with input \"weather\""));
    assertThat(r.out, containsString("  temp_right"));
  }

  @Test
  void anUnregisteredInputIsAConfigErrorAtTheRightKey() throws IOException {
    Path job =
        write(
            "bad.toml",
            String.join(
                "\n",
                "[pipeline]",
                "key_columns = [\"site\"]",
                "",
                "[[operations]]",
                "type = \"asof_join\"",
                "right = \"weather\"",
                ""));
    Launcher.Result r = Launcher.run("validate", job.toString());
    assertThat(r.toString(), r.exitCode, is(2));
    assertThat(
        r.err,
        containsString(
            job
                + ":6:1: operations[1] (asof_join): input \"weather\" is "
                + "not registered. Registered inputs: [main]."));
  }
}
