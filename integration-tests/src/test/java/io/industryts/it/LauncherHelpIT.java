package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The jar starts on every JDK without extra flags and explains itself. */
class LauncherHelpIT {

  static List<Path> javas() {
    return Launcher.javas();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void helpListsTheCommandsAndExitsZero(Path java) {
    Launcher.Result r = Launcher.run(java, "--help");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(
        r.out, startsWith("industryts - clean, regularize and enrich industrial time " + "series"));
    assertThat(r.out, containsString("  run JOB.toml       run a job"));
    assertThat(r.out, containsString("  validate JOB.toml  check a job file"));
    assertThat(r.out, containsString("  explain JOB.toml "));
    assertThat(r.out, containsString("  ops [TYPE] "));
    assertThat(r.err, emptyString());
  }

  @ParameterizedTest
  @MethodSource("javas")
  void versionNamesBeamAndTheJavaRunningIt(Path java) {
    Launcher.Result r = Launcher.run(java, "--version");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, startsWith("industryts 0.1.0-SNAPSHOT (Apache Beam 2.62.0, Java "));
  }

  @Test
  void commandHelpDescribesItsOptions() {
    Launcher.Result r = Launcher.run("run", "--help");
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.out, startsWith("Usage: industryts run JOB.toml [options] [-- BEAM_OPTIONS...]"));
    assertThat(r.out, containsString("  --errors PATH "));
    assertThat(
        r.out, containsString("  --runner NAME          DirectRunner (default), FlinkRunner"));
  }

  @Test
  void unknownCommandExitsTwoWithASuggestion() {
    Launcher.Result r = Launcher.run("valdate", "job.toml");
    assertThat(r.exitCode, is(2));
    assertThat(r.out, emptyString());
    assertThat(
        r.err,
        equalTo(
            "industryts: unknown command \"valdate\". Expected one of: run, "
                + "validate, explain, ops, help (did you mean \"validate\"?).\n"
                + "Run industryts --help for usage.\n"));
  }

  @Test
  void missingJobFileExitsTwoWithoutAStackTrace() {
    Launcher.Result r = Launcher.run("run", "no/such/job.toml");
    assertThat(r.exitCode, is(2));
    assertThat(
        r.err,
        startsWith("industryts: job file not found: no/such/job.toml (working " + "directory "));
    assertThat(
        r.err, containsString("Expected a TOML job, e.g. examples/configs/quickstart.toml."));
    assertThat(r.err.contains("\tat "), is(false));
  }

  @Test
  void missingRunnerInTheDefaultJarExitsTwo() {
    Launcher.Result r =
        Launcher.run("run", "examples/configs/quickstart.toml", "--runner=SparkRunner");
    assertThat(r.exitCode, is(2));
    assertThat(r.err, containsString("SparkRunner is not in this jar"));
  }
}
