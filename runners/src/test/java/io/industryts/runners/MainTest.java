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
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
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
    assertThat(
        err(),
        equalTo(
            "industryts: option --parallelism must be a positive integer. "
                + "Got \"x\"; expected e.g. --parallelism 4.\nRun industryts --help for usage.\n"));
  }

  @Test
  void unknownHelpTopicExitsTwo() {
    assertThat(run("help", "frobnicate"), is(Main.INVALID));
    assertThat(
        err(),
        equalTo(
            "industryts: no help for \"frobnicate\". Commands: run, validate, "
                + "explain, ops.\n"));
  }

  @Test
  void benchMicroModeTimesResampleAndRollingOnTheCleanedSeries(@TempDir Path dir)
      throws IOException {
    // 6 lines, one duplicate time (00:00:30, keep first) and one null (filled): 5 cleaned rows
    // in minutes 00:00, 00:01, 00:02
    Path csv = dir.resolve("in.csv");
    Files.writeString(
        csv,
        "DateTime,a,b\n"
            + "2024-01-01T00:00:00,1,10\n"
            + "2024-01-01T00:00:30,2,\n"
            + "2024-01-01T00:00:30,9,90\n"
            + "2024-01-01T00:01:00,3,30\n"
            + "2024-01-01T00:01:30,4,40\n"
            + "2024-01-01T00:02:00,5,50\n");
    assertThat(
        run(
            "bench",
            "--mode",
            "micro",
            "--input",
            csv.toString(),
            "--output",
            dir.resolve("o").toString(),
            "--repeats",
            "3",
            "--threads",
            "1"),
        is(Main.OK));
    String result = out().trim();
    assertThat(
        result,
        startsWith(
            "RESULT {\"tool\": \"industryts\", \"mode\": \"micro\", "
                + "\"rows_in\": 5, \"resample_rows\": 3, \"rolling_rows\": 5, "));
    for (String key :
        List.of("resample_s_median", "resample_s_min", "rolling_s_median", "rolling_s_min")) {
      assertThat(result, matchesPattern(".*\"" + key + "\": [0-9]+\\.[0-9]{6}, .*"));
    }
    assertThat(result, containsString("\"repeats\": 3, "));
  }

  @Test
  void benchKeyedShapeRunsTheStandardPipelinePerTag(@TempDir Path dir) throws IOException {
    // two tags interleaved in file order; (B, 00:00:00) is re-sent later (keep the first, 10).
    // Minute means: A [ (1+3)/2 = 2, 5 ], B [ 10, (20+40)/2 = 30 ]; per tag: lag1 [null, first],
    // diff1 [null, 3 | 20], rolling windows of 10 all null, z-score (ddof 0) of two values -1, 1.
    Path csv = dir.resolve("keyed.csv");
    Files.writeString(
        csv,
        "DateTime,tag,a\n"
            + "2024-01-01T00:00:00,A,1\n"
            + "2024-01-01T00:00:00,B,10\n"
            + "2024-01-01T00:00:30,A,3\n"
            + "2024-01-01T00:00:00,B,99\n"
            + "2024-01-01T00:01:00,B,20\n"
            + "2024-01-01T00:01:10,A,5\n"
            + "2024-01-01T00:01:30,B,40\n");
    Path prefix = dir.resolve("industryts_keyed");
    assertThat(
        run(
            "bench",
            "--mode",
            "full",
            "--shape",
            "keyed",
            "--input",
            csv.toString(),
            "--output",
            prefix.toString(),
            "--threads",
            "1"),
        is(Main.OK));
    assertThat(
        out(),
        startsWith(
            "RESULT {\"tool\": \"industryts\", \"mode\": \"full\", \"rows_in\": 7, "
                + "\"rows_out\": 4, \"cols_out\": 9, "));
    assertThat(
        Files.readString(Path.of(prefix + ".csv")),
        equalTo(
            "tag,DateTime,a,a_lag1,a_lag2,a_lag3,a_rolling_mean_10,a_rolling_std_10,a_diff1\n"
                + "A,2024-01-01T00:00:00,-1.0,,,,,,\n"
                + "A,2024-01-01T00:01:00,1.0,2.0,,,,,3.0\n"
                + "B,2024-01-01T00:00:00,-1.0,,,,,,\n"
                + "B,2024-01-01T00:01:00,1.0,10.0,,,,,20.0\n"));
    assertThat(Files.exists(Path.of(prefix + ".parquet")), is(true));
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
    assertThat(
        json.startsWith(
            "{\"tool\": \"industryts\", \"mode\": \"full\", \"rows_in\": 1000, "
                + "\"rows_out\": 17, \"cols_out\": 57, \"init_s\": 0.500, \"read_s\": null, "
                + "\"compute_s\": null, \"write_parquet_s\": null, \"write_csv_s\": null, "
                + "\"inproc_total_s\": 2.250, \"threads\": 2, "),
        is(true));
  }

  @Test
  void repeatedLocationPrefixIsShownOnce() {
    assertThat(
        Main.withoutRepeatedLocation("d/a.csv:3: d/a.csv:3: column \"t\": bad"),
        equalTo("d/a.csv:3: column \"t\": bad"));
  }

  @Test
  void singleLocationPrefixIsKept() {
    assertThat(
        Main.withoutRepeatedLocation("d/a.csv:3: column \"t\": bad"),
        equalTo("d/a.csv:3: column \"t\": bad"));
  }

  // ---------------------------------------------------------------------------------------------
  // Faults found before anything runs

  private static final String JOB =
      "[pipeline]\nname = \"t\"\n\n[input]\npath = \"in.csv\"\n\n"
          + "[[operations]]\ntype = \"fill_null\"\nmethod = \"forward\"\n";

  private Path job(Path dir, String text) throws IOException {
    Files.writeString(dir.resolve("in.csv"), "DateTime,v\n2024-01-01T00:00:00Z,1\n");
    Path job = dir.resolve("job.toml");
    Files.writeString(job, text);
    return job;
  }

  @Test
  void aJobPathThatIsADirectorySaysSo(@TempDir Path dir) {
    assertThat(run("validate", dir.toString()), is(Main.INVALID));
    assertThat(
        err(),
        equalTo(
            "industryts: job file "
                + dir
                + " is a directory. Expected a TOML"
                + " job file, e.g. "
                + dir.resolve("job.toml")
                + " or examples/configs/quickstart.toml.\n"));
  }

  @Test
  void aDeeplyNestedValueIsAConfigErrorWithItsPosition(@TempDir Path dir) throws IOException {
    Path job =
        job(dir, JOB + "\n[output]\npath = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    assertThat(run("validate", job.toString()), is(Main.INVALID));
    assertThat(
        err(),
        equalTo(
            job
                + ":12:72: value nested deeper than 64 arrays or inline tables."
                + " Expected a flat value (a string, a number, an array of them or a small table); check"
                + " the brackets of this value.\nindustryts: "
                + job
                + ": 1 problem; nothing was run.\n"));
  }

  @Test
  void aMissingTimeColumnIsReportedWithOnePrefix(@TempDir Path dir) throws IOException {
    Path job =
        job(
            dir,
            JOB.replace("name = \"t\"\n", "name = \"t\"\ntime_column = \"when\"\n")
                + "\n[output]\npath = \"out.csv\"\n");
    assertThat(run("run", job.toString()), is(Main.INVALID));
    assertThat(
        err(),
        equalTo(
            "industryts: "
                + job
                + " invalid job: time column \"when\" (set by"
                + " time_column) not found. Available fields: [DateTime, v]. Fix [pipeline].time_column."
                + "\n"));
  }

  @Test
  void errorsEqualToAnOutputIsRefused(@TempDir Path dir) throws IOException {
    Path job =
        job(
            dir,
            JOB
                + "\n[output]\npath = [\"out/a.csv\", \"out/b.csv\"]\n"
                + "errors = \"out/../out/b.csv\"\n");
    assertThat(run("run", job.toString()), is(Main.INVALID));
    Path real = OutputPaths.canonical(dir.resolve("out/b.csv").toString());
    assertThat(
        err(),
        equalTo(
            "industryts: output "
                + dir.resolve("out/b.csv")
                + " and errors file "
                + dir.resolve("out/b.csv")
                + " are the same file ("
                + real
                + "): the dead-letter records"
                + " would overwrite the results. Give each its own path (--output, --errors, or [output]"
                + " path / errors in the job file), e.g. --errors "
                + dir.resolve("out/bad_rows.csv")
                + "; nothing was run.\n"));
    assertThat(Files.exists(dir.resolve("out")), is(false));
  }

  @Test
  void anOutputThatIsTheInputIsRefused(@TempDir Path dir) throws IOException {
    Path job = job(dir, JOB + "\n[output]\npath = \"in.csv\"\n");
    assertThat(run("run", job.toString()), is(Main.INVALID));
    assertThat(
        err(),
        startsWith("industryts: output " + dir.resolve("in.csv") + " is the input" + " file "));
    assertThat(Files.readString(dir.resolve("in.csv")), startsWith("DateTime,v\n"));
  }

  @Test
  void aHeaderWiderThanTheColumnLimitFailsFast(@TempDir Path dir) throws IOException {
    Path job = job(dir, JOB + "\n[output]\npath = \"out.csv\"\n");
    StringBuilder header = new StringBuilder("DateTime");
    for (int i = 0; i < 30; i++) {
      header.append(",c").append(i);
    }
    Files.writeString(dir.resolve("in.csv"), header + "\n");
    assertThat(run("run", job.toString(), "--max-columns", "20"), is(Main.INVALID));
    assertThat(
        err(),
        equalTo(
            "industryts: input "
                + dir.resolve("in.csv")
                + " has more than 20"
                + " columns in its header line; nothing was run. Expected a file with one column per"
                + " field (time, keys, values). If the file is right, raise the limit with --max-columns N"
                + " (memory and inspection time grow with the columns); if it is not, check its line"
                + " breaks and delimiter ([input] delimiter).\n"));
    assertThat(ColumnLimit.countHeaderColumns(dir.resolve("in.csv"), ',', 1_000), is(31L));
    assertThat(ColumnLimit.countHeaderColumns(dir.resolve("in.csv"), ',', 10), is(11L));
  }
}
