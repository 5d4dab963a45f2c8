package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.Test;

class RunnerSetupTest {

  @Test
  void directRunnerTurnsEnforcementOffAndUsesTheParallelism() throws Exception {
    PipelineOptions o = RunnerSetup.options("DirectRunner", 3, "Plant A", List.of());
    DirectOptions d = o.as(DirectOptions.class);
    assertThat(o.getRunner(), equalTo(DirectRunner.class));
    assertThat(d.getTargetParallelism(), is(3));
    assertThat(d.isEnforceImmutability(), is(false));
    assertThat(d.isEnforceEncodability(), is(false));
    assertThat(o.getJobName(), equalTo("industryts-plant-a"));
  }

  @Test
  void userBeamOptionsWinOverDefaults() throws Exception {
    PipelineOptions o =
        RunnerSetup.options(
            "DirectRunner", 3, "j", List.of("--enforceImmutability=true", "--targetParallelism=7"));
    DirectOptions d = o.as(DirectOptions.class);
    assertThat(d.isEnforceImmutability(), is(true));
    assertThat(d.getTargetParallelism(), is(7));
  }

  @Test
  void oneWorkerJobGetsOneDirectRunnerThreadUnlessAThreadCountWasChosen() throws Exception {
    PipelineOptions o = RunnerSetup.options("DirectRunner", 2, "j", List.of());
    // nobody chose: one thread, set in the options the DirectRunner reads when it runs
    assertThat(RunnerSetup.directThreads(o, 2, false, List.of(), true), is(1));
    assertThat(o.as(DirectOptions.class).getTargetParallelism(), is(1));
    // a job with work for several threads keeps the cores
    PipelineOptions several = RunnerSetup.options("DirectRunner", 2, "j", List.of());
    assertThat(RunnerSetup.directThreads(several, 2, false, List.of(), false), is(2));
    assertThat(several.as(DirectOptions.class).getTargetParallelism(), is(2));
    // --parallelism 2 on the command line
    PipelineOptions chosen = RunnerSetup.options("DirectRunner", 2, "j", List.of());
    assertThat(RunnerSetup.directThreads(chosen, 2, true, List.of(), true), is(2));
    assertThat(chosen.as(DirectOptions.class).getTargetParallelism(), is(2));
    // -- --targetParallelism=3 after the launcher's arguments
    List<String> user = List.of("--targetParallelism=3");
    PipelineOptions beam = RunnerSetup.options("DirectRunner", 2, "j", user);
    assertThat(RunnerSetup.directThreads(beam, 2, false, user, true), is(3));
    assertThat(beam.as(DirectOptions.class).getTargetParallelism(), is(3));
  }

  @Test
  void flinkArgumentsCarryTheParallelism() {
    assertThat(
        RunnerSetup.beamArgs("FlinkRunner", 4, "j", List.of("--flinkMaster=host:8081")),
        contains(
            "--runner=FlinkRunner",
            "--jobName=industryts-j",
            "--parallelism=4",
            "--fasterCopy=true",
            "--flinkMaster=host:8081"));
  }

  @Test
  void localFlinkRunGetsAConfigurationWithoutHadoopDelegationTokens() throws Exception {
    List<String> args = RunnerSetup.beamArgs("FlinkRunner", 2, "j", List.of());
    String confArg = args.get(args.size() - 1);
    assertThat(confArg.startsWith("--flinkConfDir="), is(true));
    Path conf = Path.of(confArg.substring("--flinkConfDir=".length()), "flink-conf.yaml");
    assertThat(
        Files.readAllLines(conf).subList(1, 3),
        contains(
            "security.delegation.tokens.enabled: false", "taskmanager.memory.managed.size: 1g"));
  }

  @Test
  void userFlinkConfDirReplacesTheLaunchersOwn() {
    assertThat(
        RunnerSetup.beamArgs("FlinkRunner", 2, "j", List.of("--flinkConfDir=/etc/flink")),
        contains(
            "--runner=FlinkRunner",
            "--jobName=industryts-j",
            "--parallelism=2",
            "--fasterCopy=true",
            "--flinkConfDir=/etc/flink"));
  }

  @Test
  void sparkArgumentsUseALocalMasterWithTheParallelism() {
    assertThat(
        RunnerSetup.beamArgs("SparkRunner", 2, "j", List.of()),
        contains("--runner=SparkRunner", "--jobName=industryts-j", "--sparkMaster=local[2]"));
  }

  @Test
  void missingRunnerNamesTheProfileToBuild() {
    // a class loader that sees only the JDK: the jar without the runner (the test class path
    // has it when built with -Pspark)
    ClassLoader jdkOnly = new java.net.URLClassLoader(new java.net.URL[0], null);
    UsageException e =
        assertThrows(
            UsageException.class, () -> RunnerSetup.checkAvailable("SparkRunner", jdkOnly));
    assertThat(
        e.getMessage(),
        equalTo(
            "SparkRunner is not in this jar (industryts.jar carries "
                + "only the DirectRunner). Build the jar with it: mvn -B -DskipTests -Pspark -pl runners "
                + "-am package, then run java -jar runners/target/industryts-spark.jar run ... "
                + "--runner=SparkRunner (docs/cluster.md); or use --runner=DirectRunner."));
  }

  @Test
  void unknownBeamOptionIsAUsageError() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> RunnerSetup.options("DirectRunner", 1, "j", List.of("--noSuchOption=1")));
    assertThat(
        e.getMessage().startsWith("Beam rejected the pipeline options [--noSuchOption=1]: "),
        is(true));
  }
}
