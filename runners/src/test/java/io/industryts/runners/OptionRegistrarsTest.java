package io.industryts.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;
import org.junit.jupiter.api.Test;

class OptionRegistrarsTest {
  private final ClassLoader parent = OptionRegistrarsTest.class.getClassLoader();

  @Test
  void onlyTheDirectRunnersAndTheEnginesRegistrarsAreSeen() {
    Set<String> seen = new TreeSet<>();
    for (PipelineOptionsRegistrar r :
        ServiceLoader.load(PipelineOptionsRegistrar.class, OptionRegistrars.loader(parent))) {
      seen.add(r.getClass().getName());
    }
    assertEquals(
        new TreeSet<>(
            Set.of(
                "io.industryts.engine.EngineTuningOptions$Registrar",
                "org.apache.beam.runners.direct.DirectRegistrar$Options")),
        seen);
    // without the loader Beam's own default registrar is there too
    Set<String> all = new TreeSet<>();
    ServiceLoader.load(PipelineOptionsRegistrar.class, parent)
        .forEach(r -> all.add(r.getClass().getName()));
    assertTrue(
        all.contains("org.apache.beam.sdk.options.DefaultPipelineOptionsRegistrar"), "" + all);
  }

  @Test
  void otherResourcesComeFromTheParent() throws Exception {
    String other = "META-INF/services/org.apache.beam.sdk.runners.PipelineRunnerRegistrar";
    assertEquals(
        Collections.list(parent.getResources(other)),
        Collections.list(OptionRegistrars.loader(parent).getResources(other)));
  }

  @Test
  void onlyRunsWithTheLaunchersOwnOptionsOnTheDirectRunner() {
    assertTrue(OptionRegistrars.launcherOptionsOnly(new String[] {"run", "job.toml"}));
    assertTrue(
        OptionRegistrars.launcherOptionsOnly(
            new String[] {"run", "job.toml", "--runner", "DirectRunner"}));
    assertFalse(
        OptionRegistrars.launcherOptionsOnly(
            new String[] {"run", "job.toml", "--", "--experiments=x"}));
    assertFalse(
        OptionRegistrars.launcherOptionsOnly(
            new String[] {"run", "job.toml", "--runner", "FlinkRunner"}));
    assertFalse(
        OptionRegistrars.launcherOptionsOnly(new String[] {"run", "--runner=SparkRunner", "j"}));
  }
}
