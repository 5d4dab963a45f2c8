package io.industryts.config.ops;

import static io.industryts.config.ops.TomlSteps.assertSame;
import static io.industryts.config.ops.TomlSteps.problems;
import static io.industryts.config.ops.TomlSteps.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.industryts.ops.DownsampleLttb;
import org.junit.jupiter.api.Test;

/** {@code downsample_lttb} in TOML builds the Java factory's operation; both keys are required. */
class DownsampleLttbProviderTest {
  @Test
  void tomlStepIsTheJavaFactorysOperation() {
    assertSame(
        DownsampleLttb.to(500).on("OT"),
        step("type = \"downsample_lttb\"\ncolumn = \"OT\"\npoints = 500\n"));
  }

  @Test
  void columnAndPointsAreRequired() {
    assertThat(
        problems("type = \"downsample_lttb\"\npoints = 500\n"),
        containsString("missing required key \"column\""));
    assertThat(
        problems("type = \"downsample_lttb\"\ncolumn = \"OT\"\n"),
        containsString("missing required key \"points\""));
  }
}
