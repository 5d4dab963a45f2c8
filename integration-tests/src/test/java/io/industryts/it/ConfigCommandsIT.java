package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and ops through the jar. */
class ConfigCommandsIT {
  private static final String QUICKSTART = "examples/configs/quickstart.toml";

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void validateAcceptsAJobWithoutOperations() throws IOException {
    Path job = write("empty.toml", "[pipeline]\nname = \"plant\"\n");
    Launcher.Result r = Launcher.run("validate", job.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, equalTo(job + ": valid (pipeline \"plant\", 0 operations)\n"));
    assertThat(r.err, emptyString());
  }

  @Test
  void validateReportsEveryProblemWithPositionsAndExitsTwo() throws IOException {
    Path job =
        write(
            "broken.toml",
            String.join(
                "\n",
                "[pipline]",
                "name = \"x\"",
                "",
                "[pipeline]",
                "name = 3",
                "time_colum = \"t\"",
                ""));
    Launcher.Result r = Launcher.run("validate", job.toString());
    assertThat(r.toString(), r.exitCode, is(2));
    assertThat(r.out, emptyString());
    assertThat(
        r.err,
        equalTo(
            String.join(
                "\n",
                job
                    + ":1:1: unknown key \"pipline\". Did you mean \"pipeline\"? Valid keys: [pipeline, "
                    + "input, inputs, output, operations]",
                job + ":5:1: pipeline: name must be a string. Got 3 (integer).",
                job
                    + ":6:1: pipeline: unknown key \"time_colum\". Did you mean \"time_column\"? Valid "
                    + "keys: [name, time_column, key_columns, time_zone, time_format, epoch_unit, "
                    + "ambiguous, nonexistent, nan_as_null, sequence_column, allowed_lateness]",
                "industryts: " + job + ": 3 problems; nothing was run.",
                "")));
  }

  @Test
  void validateReportsASyntaxErrorWithItsColumn() throws IOException {
    Path job = write("syntax.toml", "[pipeline\nname = \"x\"\n");
    Launcher.Result r = Launcher.run("validate", job.toString());
    assertThat(r.exitCode, is(2));
    assertThat(r.err, startsWith(job + ":1:10: syntax error: "));
    assertThat(r.err, containsString("industryts: " + job + ": 1 problem; nothing was run.\n"));
  }

  @Test
  void validateAcceptsTheQuickstart() {
    Launcher.Result r = Launcher.run("validate", QUICKSTART);
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, equalTo(QUICKSTART + ": valid (pipeline \"quickstart\", 6 operations)\n"));
  }

  @Test
  void validateReportsAMistypedOperationKey() throws IOException {
    Path job =
        write(
            "rul.toml",
            String.join("\n", "[[operations]]", "type = \"resample\"", "rul = \"1min\"", ""));
    Launcher.Result r = Launcher.run("validate", job.toString());
    assertThat(r.toString(), r.exitCode, is(2));
    assertThat(
        r.err,
        containsString(
            job
                + ":3:1: operations[1] (resample): unknown key \"rul\". "
                + "Did you mean \"rule\"?"));
  }

  @Test
  void opsListsTheOperations() {
    Launcher.Result r = Launcher.run("ops");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, startsWith("Operations (industryts ops TYPE for keys and an example):\n\n"));
    assertThat(r.out, containsString("\nresample "));
    assertThat(r.out, containsString(" industryts:resample:v1 "));
    assertThat(r.out, containsString("\nfill_null "));
  }

  @Test
  void opsOfATypeShowsItsKeysWithDefaults() {
    Launcher.Result r = Launcher.run("ops", "resample");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, startsWith("## resample (industryts:resample:v1)\n"));
    assertThat(r.out, containsString("| `rule` | duration | required |"));
    assertThat(r.out, containsString("| `aggregation` | string | \"mean\" |"));
    assertThat(r.out, containsString("Example:\n\n```toml\n[[operations]]\ntype = \"resample\""));
  }

  @Test
  void opsOfAnUnknownTypeSuggestsAndExitsTwo() {
    Launcher.Result r = Launcher.run("ops", "resampel");
    assertThat(r.exitCode, is(2));
    assertThat(
        r.err,
        startsWith(
            "industryts: unknown operation type \"resampel\" (did you mean "
                + "\"resample\"?). Known types: ["));
  }

  @Test
  void opsShowsStateIntervalsAndMaskQualityWithTheirKeys() {
    Launcher.Result all = Launcher.run("ops");
    assertThat(all.toString(), all.exitCode, is(0));
    assertThat(all.out, containsString("\nstate_intervals "));
    assertThat(all.out, containsString("\nmask_quality "));
    Launcher.Result r = Launcher.run("ops", "state_intervals");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, startsWith("## state_intervals (industryts:state_intervals:v1)\n"));
    assertThat(r.out, containsString("| `nulls` | string | \"state\" | state, skip |"));
    assertThat(
        r.out, containsString("type = \"state_intervals\"\ncolumn = \"temp\"\nabove = 90.0"));
    r = Launcher.run("ops", "mask_quality");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, containsString("| `good` | [int] \\| [string] | OPC DA 192..255; strings:"));
    assertThat(r.out, containsString("| `drop_quality` | bool | true |"));
  }
}
