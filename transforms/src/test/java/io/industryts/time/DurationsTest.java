package io.industryts.time;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
    "500ms, 500",
    "5min, 300000",
    "1h30min, 5400000",
    "2d, 172800000",
    "1s, 1000",
    "10L, 10",
    "3S, 3000",
    "15T, 900000",
    "2H, 7200000",
    "1D, 86400000",
    "1d2h3min4s5ms, 93784005",
    "90s, 90000",
  })
  void parsesPandasStyle(String text, long millis) {
    assertEquals(Duration.millis(millis), Durations.parse(text));
  }

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
    "PT5M, 300000",
    "PT0.5S, 500",
    "P1DT2H, 93600000",
    "P1D, 86400000",
    "PT1H30M, 5400000",
    "PT1.25S, 1250",
    "PT0.001S, 1",
    "PT2.500000S, 2500",
  })
  void parsesIso8601(String text, long millis) {
    assertEquals(Duration.millis(millis), Durations.parse(text));
  }

  @Test
  void rejectsMinuteOrMonthM() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5m"));
    assertEquals(
        "\"5m\" is not a duration: unit \"m\" is ambiguous: minutes are \"min\"; months"
            + " are not supported.",
        e.getMessage());
  }

  @Test
  void rejectsCapitalMAsAmbiguous() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1M"));
    assertEquals(
        "\"1M\" is not a duration: unit \"M\" is ambiguous: minutes are \"min\"; months"
            + " are not supported.",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"1W", "1ME", "1MS", "1Q", "1Y", "1A", "2W-SUN"})
  void rejectsCalendarUnitsWithHint(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertEquals(
        "\""
            + text
            + "\" is not a duration: calendar units are not supported; use a fixed"
            + " duration such as \"7d\".",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"P1Y", "P1M", "P2W"})
  void rejectsIsoCalendarDesignators(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertEquals(
        "\""
            + text
            + "\" is not a duration: calendar units are not supported; use a fixed"
            + " duration such as \"7d\".",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"10us", "10U", "5ns", "5N"})
  void rejectsUnitsFinerThanOneMillisecond(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    String unit = text.replaceAll("[0-9]", "");
    assertEquals(
        "\"" + text + "\" is not a duration: unit \"" + unit + "\" is finer than 1 ms.",
        e.getMessage());
  }

  @Test
  void rejectsIsoFractionFinerThanOneMillisecond() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("PT0.0005S"));
    assertEquals(
        "\"PT0.0005S\" is not a duration: the fraction is finer than 1 ms.", e.getMessage());
  }

  @Test
  void rejectsUnknownUnitListingTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5x"));
    assertEquals(
        "\"5x\" is not a duration: unknown unit \"x\". Expected pandas style such as \"500ms\","
            + " \"5min\", \"1h30min\", \"2d\" (units ms, s, min, h, d; aliases L, S, T, H, D) or"
            + " ISO-8601 such as \"PT5M\", \"P1DT2H\".",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"abc", "5 min", "min5", "PT", "P", "PT5", "P1H", "PT1S2M"})
  void rejectsMalformedText(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertThat(e.getMessage().startsWith("\"" + text + "\" is not a duration"), is(true));
  }

  @Test
  void rejectsEmptyText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
    assertThat(
        e.getMessage().startsWith("\"\" is not a duration. Expected pandas style"), is(true));
  }

  @Test
  void rejectsPandasFractionSuggestingSmallerUnit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1.5s"));
    assertEquals(
        "\"1.5s\" is not a duration: fractions are not supported in pandas style; use a"
            + " smaller unit (\"1500ms\", not \"1.5s\").",
        e.getMessage());
  }

  @Test
  void rejectsZeroForPositiveDurations() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("0s"));
    assertEquals("must be > 0. Got PT0S.", e.getMessage());
  }

  @Test
  void rejectsNegativeForPositiveDurations() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5min"));
    assertEquals("must be > 0. Got PT-300S.", e.getMessage());
  }

  @Test
  void rejectsOverflowingDuration() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999999999d"));
    assertEquals("\"99999999999999999d\" is not a duration: too large.", e.getMessage());
  }

  @Test
  void offsetMayBeZero() {
    assertEquals(Duration.ZERO, Durations.parseOffset("0s"));
  }

  @Test
  void offsetMayBeNegativePandasStyle() {
    assertEquals(Duration.millis(-900_000), Durations.parseOffset("-15min"));
  }

  @Test
  void offsetMayBeNegativeIso() {
    assertEquals(Duration.millis(-1_500), Durations.parseOffset("-PT1.5S"));
  }

  @Test
  void offsetStillRejectsCalendarUnits() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Durations.parseOffset("-1W"));
    assertEquals(
        "\"-1W\" is not a duration: calendar units are not supported; use a fixed"
            + " duration such as \"7d\".",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0} ms -> {1}")
  @CsvSource({
    "5400000, 90min",
    "3600000, 1h",
    "129600000, 36h",
    "1500, 1500ms",
    "86400000, 1d",
    "300000, 5min",
    "30000, 30s",
    "172800000, 2d",
    "0, 0s",
    "-900000, -15min",
  })
  void rendersCanonically(long millis, String expected) {
    assertEquals(expected, Durations.canonical(Duration.millis(millis)));
  }

  @Test
  void canonicalOfParsedIsoHourIsOneH() {
    assertEquals("1h", Durations.canonical(Durations.parse("PT1H")));
  }

  @Test
  void canonicalOfParsedSpecIsStable() {
    assertEquals("90min", Durations.canonical(Durations.parse("1h30min")));
  }
}
