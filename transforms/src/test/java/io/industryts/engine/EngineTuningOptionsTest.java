package io.industryts.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** The engine's tuning comes from Beam pipeline options, with defaults fitted to the runner. */
class EngineTuningOptionsTest {

  @Test
  void beamCommandLineSetsEveryOptionThroughTheRegistrar() {
    PipelineOptions options =
        PipelineOptionsFactory.fromArgs(
                "--runner=DirectRunner",
                "--segmentRows=16384",
                "--groupShards=3",
                "--wholeSeries=false")
            .withValidation()
            .create();
    EngineOptions engine = EngineOptions.forPipeline(options);
    assertEquals(16384, engine.segmentRows());
    assertFalse(engine.wholeSeries());
    assertEquals(3, KeyGroups.shards(options));
  }

  @Test
  void defaultsFollowWhetherTheWorkersShareThisJvm() {
    PipelineOptions direct = PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create();
    assertTrue(direct.as(EngineTuningOptions.class).getWorkersInProcess());
    assertEquals(
        EngineOptions.DIRECT_SEGMENT_ROWS, EngineOptions.forPipeline(direct).segmentRows());
    assertTrue(EngineOptions.forPipeline(direct).wholeSeries());

    PipelineOptions elsewhere = PipelineOptionsFactory.create();
    elsewhere.setRunner(null);
    assertFalse(elsewhere.as(EngineTuningOptions.class).getWorkersInProcess());
    assertEquals(
        EngineOptions.DEFAULT_SEGMENT_ROWS, EngineOptions.forPipeline(elsewhere).segmentRows());
    assertEquals(0, KeyGroups.shards(elsewhere));

    // a runner other than the DirectRunner, declared as in process, gets the in-process defaults
    PipelineOptions fresh = PipelineOptionsFactory.create();
    fresh.setRunner(null);
    fresh.as(EngineTuningOptions.class).setWorkersInProcess(true);
    assertEquals(EngineOptions.DIRECT_SEGMENT_ROWS, EngineOptions.forPipeline(fresh).segmentRows());
  }

  @Test
  void impossibleValuesAreRejectedWithTheOptionToFix() {
    PipelineOptions rows = PipelineOptionsFactory.fromArgs("--segmentRows=0").create();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.forPipeline(rows));
    assertThat(e.getMessage(), containsString("segmentRows must be >= 1. Got 0"));
    assertThat(e.getMessage(), containsString("--segmentRows=65536"));

    PipelineOptions shards = PipelineOptionsFactory.fromArgs("--groupShards=-2").create();
    e = assertThrows(IllegalArgumentException.class, () -> KeyGroups.shards(shards));
    assertThat(e.getMessage(), containsString("groupShards must be >= 0. Got -2"));
  }
}
