package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
  void benchMicroModeIsNotSupported() {
    assertThat(run("bench", "--mode", "micro", "--input", "x.csv", "--output", "o"),
        is(Bench.UNSUPPORTED));
    assertThat(err(), equalTo("industryts: bench --mode micro is not supported yet.\n"));
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
