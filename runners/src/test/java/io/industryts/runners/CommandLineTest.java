package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.runners.CommandLine.Command;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void noArgumentsMeansHelp() throws Exception {
    assertThat(CommandLine.parse().command(), is(Command.HELP));
  }

  @Test
  void runTakesJobFileAndDefaultsToDirectRunner() throws Exception {
    CommandLine cl = CommandLine.parse("run", "job.toml");
    assertThat(cl.command(), is(Command.RUN));
    assertThat(cl.jobFile(), equalTo("job.toml"));
    assertThat(cl.runner(), equalTo("DirectRunner"));
    assertThat(cl.parallelism(), equalTo(OptionalInt.empty()));
    assertThat(cl.mainInput(), equalTo(Optional.empty()));
  }

  @Test
  void optionValueMayFollowOrBeJoinedWithEquals() throws Exception {
    CommandLine cl =
        CommandLine.parse("run", "job.toml", "--input", "data/*.csv", "--errors=bad.csv");
    assertThat(cl.mainInput(), equalTo(Optional.of("data/*.csv")));
    assertThat(cl.errors(), equalTo(Optional.of("bad.csv")));
  }

  @Test
  void reportTakesOnePath() throws Exception {
    assertThat(
        CommandLine.parse("run", "job.toml", "--report", "out/r.html").report(),
        equalTo(Optional.of("out/r.html")));
    assertThat(CommandLine.parse("run", "job.toml").report(), equalTo(Optional.empty()));
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> CommandLine.parse("run", "job.toml", "--report", "a.html", "--report", "b.html"));
    assertThat(e.getMessage(), containsString("--report"));
  }

  @Test
  void outputIsRepeatableInOrder() throws Exception {
    CommandLine cl =
        CommandLine.parse("run", "job.toml", "--output", "a.parquet", "--output", "b.csv");
    assertThat(cl.outputs(), contains("a.parquet", "b.csv"));
  }

  @Test
  void inputWithNameIsANamedInput() throws Exception {
    CommandLine cl =
        CommandLine.parse(
            "run", "job.toml", "--input", "main.csv", "--input", "weather=w/2024.csv");
    assertThat(cl.mainInput(), equalTo(Optional.of("main.csv")));
    assertThat(cl.namedInputs(), equalTo(Map.of("weather", "w/2024.csv")));
  }

  @Test
  void inputPathWithEqualsAfterASlashIsTheMainInput() throws Exception {
    CommandLine cl = CommandLine.parse("run", "job.toml", "--input", "dir/a=b.csv");
    assertThat(cl.mainInput(), equalTo(Optional.of("dir/a=b.csv")));
    assertThat(cl.namedInputs(), equalTo(Map.of()));
  }

  @Test
  void secondMainInputIsRejected() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> CommandLine.parse("run", "job.toml", "--input", "a.csv", "--input", "b.csv"));
    assertThat(e.getMessage(), equalTo("option --input is given twice. Give it once."));
  }

  @Test
  void runnerAcceptsShortLowerCaseNames() throws Exception {
    assertThat(
        CommandLine.parse("run", "j.toml", "--runner=flink").runner(), equalTo("FlinkRunner"));
    assertThat(
        CommandLine.parse("run", "j.toml", "--runner", "SparkRunner").runner(),
        equalTo("SparkRunner"));
  }

  @Test
  void unknownRunnerIsRejectedWithSuggestion() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> CommandLine.parse("run", "j.toml", "--runner=FlinkRuner"));
    assertThat(
        e.getMessage(),
        equalTo(
            "unknown runner \"FlinkRuner\". Expected one of "
                + "[DirectRunner, FlinkRunner, SparkRunner] (did you mean \"FlinkRunner\"?)."));
  }

  @Test
  void parallelismMustBePositive() throws Exception {
    assertThat(
        CommandLine.parse("run", "j.toml", "--parallelism", "4").parallelism(),
        equalTo(OptionalInt.of(4)));
    UsageException e =
        assertThrows(
            UsageException.class, () -> CommandLine.parse("run", "j.toml", "--parallelism", "0"));
    assertThat(
        e.getMessage(),
        equalTo(
            "option --parallelism must be a positive integer. "
                + "Got \"0\"; expected e.g. --parallelism 4."));
  }

  @Test
  void argumentsAfterDoubleDashGoToBeam() throws Exception {
    CommandLine cl =
        CommandLine.parse(
            "run", "j.toml", "--verbose", "--", "--flinkMaster=x:8081", "--output", "not-ours");
    assertThat(cl.isVerbose(), is(true));
    assertThat(cl.beamArgs(), contains("--flinkMaster=x:8081", "--output", "not-ours"));
    assertThat(cl.outputs().isEmpty(), is(true));
  }

  @Test
  void unknownOptionNamesValidOnesAndSuggests() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> CommandLine.parse("run", "j.toml", "--ouput", "x.csv"));
    assertThat(
        e.getMessage(),
        equalTo(
            "unknown option --ouput for run. Valid options: "
                + "[--errors, --help, --input, --max-columns, --output, --parallelism, --report,"
                + " --runner, --verbose] (did you mean \"output\"?). Beam pipeline options go after a bare --."));
  }

  @Test
  void maxColumnsDefaultsToTenThousandAndTakesAPositiveInteger() throws UsageException {
    assertThat(CommandLine.parse("run", "j.toml").maxColumns(), is(10_000));
    assertThat(CommandLine.parse("run", "j.toml", "--max-columns=50000").maxColumns(), is(50_000));
    UsageException e =
        assertThrows(
            UsageException.class, () -> CommandLine.parse("run", "j.toml", "--max-columns", "0"));
    assertThat(e.getMessage(), startsWith("option --max-columns must be a positive integer."));
  }

  @Test
  void optionOfAnotherCommandIsRejected() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> CommandLine.parse("validate", "j.toml", "--output", "x.csv"));
    assertThat(e.getMessage(), containsString("unknown option --output for validate."));
  }

  @Test
  void missingValueIsReported() {
    UsageException e =
        assertThrows(UsageException.class, () -> CommandLine.parse("run", "j.toml", "--output"));
    assertThat(
        e.getMessage(),
        equalTo("option --output needs a value, e.g. --output " + "out/clean.parquet."));
  }

  @Test
  void missingJobFileIsReported() {
    UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse("validate"));
    assertThat(
        e.getMessage(),
        equalTo(
            "validate needs a job file, e.g. industryts validate "
                + "examples/configs/quickstart.toml."));
  }

  @Test
  void helpAfterCommandNeedsNoJobFile() throws Exception {
    CommandLine cl = CommandLine.parse("run", "--help");
    assertThat(cl.command(), is(Command.RUN));
    assertThat(cl.isHelp(), is(true));
  }

  @Test
  void helpBeforeCommandIsHelpOfThatCommand() throws Exception {
    CommandLine cl = CommandLine.parse("-h", "explain");
    assertThat(cl.command(), is(Command.EXPLAIN));
    assertThat(cl.isHelp(), is(true));
  }

  @Test
  void unknownCommandSuggestsTheClosest() {
    UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse("valdate"));
    assertThat(
        e.getMessage(),
        equalTo(
            "unknown command \"valdate\". Expected one of: run, "
                + "validate, explain, ops, help (did you mean \"validate\"?)."));
  }

  @Test
  void opsTakesAnOptionalType() throws Exception {
    assertThat(CommandLine.parse("ops").opsType(), equalTo(Optional.empty()));
    assertThat(CommandLine.parse("ops", "resample").opsType(), equalTo(Optional.of("resample")));
  }

  @Test
  void extraPositionalIsRejected() {
    UsageException e =
        assertThrows(UsageException.class, () -> CommandLine.parse("run", "a.toml", "b.toml"));
    assertThat(
        e.getMessage(),
        equalTo(
            "unexpected argument \"b.toml\" for run. It takes one "
                + "argument; options start with --."));
  }

  @Test
  void flagRejectsAValue() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> CommandLine.parse("run", "a.toml", "--verbose=yes"));
    assertThat(e.getMessage(), equalTo("option --verbose takes no value. Got \"--verbose=yes\"."));
  }

  @Test
  void benchKeepsItsOptions() throws Exception {
    CommandLine cl =
        CommandLine.parse(
            "bench",
            "--mode",
            "full",
            "--input",
            "/d/s.csv",
            "--output",
            "/o/industryts_1000",
            "--threads",
            "2");
    assertThat(cl.benchOption("mode"), equalTo(Optional.of("full")));
    assertThat(cl.benchOption("input"), equalTo(Optional.of("/d/s.csv")));
    assertThat(cl.benchOption("output"), equalTo(Optional.of("/o/industryts_1000")));
    assertThat(cl.benchOption("threads"), equalTo(Optional.of("2")));
  }

  @Test
  void benchKeepsItsShape() throws Exception {
    CommandLine cl = CommandLine.parse("bench", "--shape", "keyed", "--input", "/d/k.csv");
    assertThat(cl.benchOption("shape"), equalTo(Optional.of("keyed")));
  }

  @Test
  void benchRejectsUnknownShape() {
    UsageException e =
        assertThrows(UsageException.class, () -> CommandLine.parse("bench", "--shape", "long"));
    assertThat(
        e.getMessage(),
        equalTo(
            "option --shape must be single (one wide series) or keyed (one series per tag, long"
                + " format). Got \"long\"."));
  }

  @Test
  void benchRejectsUnknownMode() {
    UsageException e =
        assertThrows(UsageException.class, () -> CommandLine.parse("bench", "--mode", "fast"));
    assertThat(e.getMessage(), equalTo("option --mode must be full or micro. Got \"fast\"."));
  }
}
