package io.industryts.config.ops;

import static io.industryts.config.ops.TomlSteps.assertSame;
import static io.industryts.config.ops.TomlSteps.problems;
import static io.industryts.config.ops.TomlSteps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.ops.MaskQuality;
import io.industryts.ops.StateIntervals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The TOML steps of SEMANTICS §2.8.3 {@code state_intervals} and §2.8.4 {@code mask_quality} build
 * the same operations as their Java factories, and their configuration errors name the keys.
 */
class IndustrialProvidersTest {
  @Test
  void keysAreThoseOfTheSections() {
    assertEquals(
        List.of("name", "column", "above", "below", "nulls", "max_gap", "min_duration"),
        StateIntervalsProvider.DESCRIPTION.validKeys());
    assertEquals(
        List.of("name", "quality_column", "pairs", "columns", "good", "drop_quality"),
        MaskQualityProvider.DESCRIPTION.validKeys());
  }

  @Test
  void stateIntervalsOfAColumnAndOfAThreshold() {
    assertSame(
        StateIntervals.of("status"), step("type = \"state_intervals\"\ncolumn = \"status\"\n"));
    assertSame(
        StateIntervals.where("temp")
            .above(90.0)
            .below(10)
            .skipNulls()
            .withMaxGap(Duration.standardMinutes(15))
            .withMinDuration(Duration.standardMinutes(5)),
        step(
            "type = \"state_intervals\"\ncolumn = \"temp\"\nabove = 90.0\nbelow = 10\n"
                + "nulls = \"skip\"\nmax_gap = \"15min\"\nmin_duration = \"5min\"\n"));
  }

  @Test
  void stateIntervalsNeedsAColumnAndKnownNulls() {
    assertEquals(
        "job.toml:1:1: operations[1] (state_intervals): missing required key \"column\""
            + " (string)",
        problems("type = \"state_intervals\"\n").lines().findFirst().orElseThrow());
    assertEquals(
        "job.toml:4:1: operations[1] (state_intervals): nulls \"drop\" is not one of"
            + " [state, skip]",
        problems("type = \"state_intervals\"\ncolumn = \"s\"\nnulls = \"drop\"\n"));
  }

  @Test
  void maskQualityWithOneQualityColumnCodesOrWords() {
    assertSame(
        MaskQuality.by("quality"), step("type = \"mask_quality\"\nquality_column = \"quality\"\n"));
    assertSame(
        MaskQuality.by("q").of("flow", "temp").withGood(0L).keepQuality(),
        step(
            "type = \"mask_quality\"\nquality_column = \"q\"\ncolumns = [\"flow\", \"temp\"]\n"
                + "good = [0]\ndrop_quality = false\n"));
    assertSame(
        MaskQuality.by("q").withGood("Good", "Uncertain"),
        step(
            "type = \"mask_quality\"\nquality_column = \"q\"\n"
                + "good = [\"Good\", \"Uncertain\"]\n"));
  }

  @Test
  void maskQualityWithPairs() {
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("flow", "flow_q");
    pairs.put("temp", "temp_q");
    assertSame(
        MaskQuality.pairs(pairs),
        step("type = \"mask_quality\"\npairs = { flow = \"flow_q\", temp = \"temp_q\" }\n"));
  }

  @Test
  void maskQualityConfigErrors() {
    assertEquals(
        "job.toml:1:1: operations[1] (mask_quality): set exactly one of quality_column,"
            + " pairs. Got none.",
        problems("type = \"mask_quality\"\n"));
    assertEquals(
        "job.toml:3:1: operations[1] (mask_quality): set exactly one of quality_column,"
            + " pairs. Got quality_column and pairs.",
        problems("type = \"mask_quality\"\nquality_column = \"q\"\npairs = { a = \"a_q\" }\n"));
    assertEquals(
        "job.toml:4:1: operations[1] (mask_quality): good must be [int] | [string], all"
            + " integers or all strings. Got \"good\" (string) as element 2 after integers.",
        problems("type = \"mask_quality\"\nquality_column = \"q\"\ngood = [192, \"good\"]\n"));
    assertEquals(
        "job.toml:4:1: operations[1] (mask_quality): good must list at least one code or"
            + " word. Got []; expected e.g. [192] or [\"Good\"], or leave it unset for the"
            + " defaults.",
        problems("type = \"mask_quality\"\nquality_column = \"q\"\ngood = []\n"));
  }
}
