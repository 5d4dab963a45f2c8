package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentsPrintsMainHelp() {
    assertThat(run(), is(Main.OK));
    assertThat(out(), equalTo(Help.MAIN));
  }

  @Test
  void helpTopicPrintsThatCommandsHelp() {
    assertThat(run("help", "validate"), is(Main.OK));
    assertThat(out(), equalTo(Help.VALIDATE));
  }

  @Test
  void commandHelpFlagPrintsThatCommandsHelp() {
    assertThat(run("explain", "--help"), is(Main.OK));
    assertThat(out(), equalTo(Help.EXPLAIN));
  }

  @Test
  void usageErrorExitsTwoWithPointerToHelp() {
    assertThat(run("run", "job.toml", "--parallelism", "x"), is(Main.INVALID));
    assertThat(out(), emptyString());
    assertThat(err(), equalTo("industryts: option --parallelism must be a positive integer. "
        + "Got \"x\"; expected e.g. --parallelism 4.\nRun industryts --help for usage.\n"));
  }

  @Test
  void unknownHelpTopicExitsTwo() {
    assertThat(run("help", "frobnicate"), is(Main.INVALID));
    assertThat(err(), equalTo("industryts: no help for \"frobnicate\". Commands: run, validate, "
        + "explain, ops.\n"));
  }

  @Test
  void benchMicroModeTimesResampleAndRollingOnTheCleanedSeries(@TempDir Path dir)
      throws IOException {
    // 6 lines, one duplicate time (00:00:30, keep first) and one null (filled): 5 cleaned rows
    // in minutes 00:00, 00:01, 00:02
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "DateTime,a,b\n"
        + "2024-01-01T00:00:00,1,10\n"
        + "2024-01-01T00:00:30,2,\n"
        + "2024-01-01T00:00:30,9,90\n"
        + "2024-01-01T00:01:00,3,30\n"
        + "2024-01-01T00:01:30,4,40\n"
        + "2024-01-01T00:02:00,5,50\n");
    assertThat(run("bench", "--mode", "micro", "--input", csv.toString(), "--output",
        dir.resolve("o").toString(), "--repeats", "3", "--threads", "1"), is(Main.OK));
    String result = out().trim();
    assertThat(result, startsWith("RESULT {\"tool\": \"industryts\", \"mode\": \"micro\", "
        + "\"rows_in\": 5, \"resample_rows\": 3, \"rolling_rows\": 5, "));
    for (String key : List.of("resample_s_median", "resample_s_min", "rolling_s_median",
        "rolling_s_min")) {
      assertThat(result, matchesPattern(".*\"" + key + "\": [0-9]+\\.[0-9]{6}, .*"));
    }
    assertThat(result, containsString("\"repeats\": 3, "));
  }

  @Test
  void benchWithoutInputIsAUsageError() {
    assertThat(run("bench", "--mode", "full"), is(Main.INVALID));
    assertThat(err(), equalTo("industryts: bench needs --input CSV.\n"));
  }

  @Test
  void rootMessageFindsTheInnermostMessage() {
    RuntimeException inner = new IllegalStateException("data.csv:3: bad");
    RuntimeException outer = new RuntimeException(new RuntimeException(inner));
    assertThat(Main.rootMessage(outer), is(inner));
  }

  @Test
  void benchResultLineHasTheContractKeys() {
    String json = Bench.json(1000, 17, 57, 0.5, 2.25, 2);
    assertThat(json.startsWith("{\"tool\": \"industryts\", \"mode\": \"full\", \"rows_in\": 1000, "
        + "\"rows_out\": 17, \"cols_out\": 57, \"init_s\": 0.500, \"read_s\": null, "
        + "\"compute_s\": null, \"write_parquet_s\": null, \"write_csv_s\": null, "
        + "\"inproc_total_s\": 2.250, \"threads\": 2, "), is(true));
  }

  @Test
  void repeatedLocationPrefixIsShownOnce() {
    assertThat(Main.withoutRepeatedLocation("d/a.csv:3: d/a.csv:3: column \"t\": bad"),
        equalTo("d/a.csv:3: column \"t\": bad"));
  }

  @Test
  void singleLocationPrefixIsKept() {
    assertThat(Main.withoutRepeatedLocation("d/a.csv:3: column \"t\": bad"),
        equalTo("d/a.csv:3: column \"t\": bad"));
  }
}
