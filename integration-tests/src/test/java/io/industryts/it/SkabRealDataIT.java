package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SKAB ({@code ;}-separated, CRLF, a header with a space, readings 1–2 s apart): snapping to a
 * grid and resampling on valve1 experiment 0, the quickstart example on the same file, and the
 * standard pipeline example at 1 min on the anomaly-free run, each equal to pandas.
 */
class SkabRealDataIT {
  @TempDir
  Path tmp;

  @Test
  void jitteredSemicolonFileSnappedToTwoSecondsAndResampledAsPandas() throws IOException {
    Path out = tmp.resolve("skab_snapped.csv");
    String summary = RealData.run(RealData.job("skab_snapped.toml"),
        RealData.file("skab_valve1_0.csv"), out);
    assertThat(summary, containsString("industryts: read 1,147 rows"));
    RealData.assertSameAsPandas("skab_snapped", out);
  }

  @Test
  void quickstartExampleOnValve1EqualsPandas() throws IOException {
    Path out = tmp.resolve("quickstart.csv");
    RealData.run(Launcher.projectDir().resolve("examples/configs/quickstart.toml"),
        RealData.file("skab_valve1_0.csv"), out);
    RealData.assertSameAsPandas("quickstart_skab_valve1", out);
  }

  @Test
  void standardPipelineExampleAtOneMinuteOnAnomalyFreeEqualsPandas() throws IOException {
    Path out = tmp.resolve("standard.csv");
    RealData.run(RealData.standardPipeline(tmp, "datetime", "1min"),
        RealData.file("skab_anomaly-free.csv"), out);
    RealData.assertSameAsPandas("standard_skab_anomaly_free_1min", out);
  }
}
