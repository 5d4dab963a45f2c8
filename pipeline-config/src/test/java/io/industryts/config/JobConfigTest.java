package io.industryts.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.config.testing.FakeOperation;
import io.industryts.config.testing.TestRegistries;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.time.TimeParser;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class JobConfigTest {
  private static final Path VALID = Path.of("src/test/resources/configs/valid");

  private static JobConfig load(String name) {
    return JobConfig.load(VALID.resolve(name), TestRegistries.fakes());
  }

  private static JobConfig parse(String toml) {
    return JobConfig.parse(toml, "job.toml", TestRegistries.fakes());
  }

  @Test
  void standardPipelineHasTenStepsWithDefaultNames() {
    JobConfig job = load("standard_industrial.toml");
    assertEquals("standard_industrial", job.pipelineName());
    assertThat(
        job.steps().stream().map(StepConfig::name).toList(),
        contains(
            "1_drop_duplicates",
            "2_fill_null",
            "3_fill_null",
            "4_outliers",
            "5_resample",
            "6_lag",
            "7_rolling",
            "8_diff",
            "9_datetime_features",
            "10_scale"));
  }

  @Test
  void stepsCarryTheirOperationIdAndHeaderPosition() {
    StepConfig resample = load("standard_industrial.toml").steps().get(4);
    assertEquals("industryts:resample:v1", resample.id());
    assertEquals(22, resample.line());
    assertEquals(1, resample.column());
  }

  @Test
  void engineStepsPairNamesWithOperations() {
    JobConfig job = load("standard_industrial.toml");
    assertEquals("6_lag", job.engineSteps().get(5).name());
    assertEquals(
        new FakeOperation("lag", Map.of("periods", List.of(1, 2, 3))),
        job.engineSteps().get(5).operation());
  }

  @Test
  void pipelineDefaultsWhenTableIsAbsent() {
    JobConfig job = parse("[[operations]]\ntype = \"diff\"\n");
    assertEquals("pipeline", job.pipelineName());
    assertEquals(SeriesOptions.defaults(), job.seriesOptions());
    assertEquals(TimeSettings.defaults(), job.timeSettings());
    assertFalse(job.input().isPresent());
    assertFalse(job.output().isPresent());
    assertTrue(job.extraInputs().isEmpty());
  }

  @Test
  void fileWithoutOperationsHasNoSteps() {
    assertTrue(parse("[pipeline]\nname = \"copy\"\n").steps().isEmpty());
  }

  @Test
  void pipelineKeysBecomeSeriesOptions() {
    SeriesOptions o = load("full.toml").seriesOptions();
    assertEquals("tagTime", o.timeColumn());
    assertEquals(List.of("tag", "site"), o.keyColumns());
    assertEquals(ZoneId.of("Europe/Berlin"), o.timeZone());
    assertEquals("seq", o.sequenceColumn());
  }

  @Test
  void pipelineKeysBecomeTimeSettings() {
    TimeSettings t = load("full.toml").timeSettings();
    assertEquals("dd.MM.yyyy HH:mm", t.timeFormat());
    assertEquals(TimeParser.EpochUnit.MS, t.epochUnit());
    assertEquals(TimeParser.Ambiguous.LATEST, t.ambiguous());
    assertEquals(TimeParser.Nonexistent.ERROR, t.nonexistent());
    assertFalse(t.nanAsNull());
  }

  @Test
  void inputTableIsRead() {
    InputConfig in = load("full.toml").input().orElseThrow();
    assertEquals(InputConfig.MAIN, in.name());
    assertEquals("data/plant_*.csv", in.path());
    assertEquals("csv", in.format());
    assertEquals(";", in.delimiter());
    assertEquals(Map.of("flow", "double", "status", "string"), in.types());
  }

  @Test
  void inputNaValuesAndEncodingAreRead() {
    JobConfig job =
        parse(
            "[input]\npath = \"a.csv\"\nna_values = [\"Bad Input\", \"Shutdown\"]\n"
                + "encoding = \"latin-1\"\n\n[inputs.w]\npath = \"w.csv\"\n"
                + "na_values = [\"#VALUE!\"]\n");
    InputConfig in = job.input().orElseThrow();
    assertEquals(List.of("Bad Input", "Shutdown"), in.naValues());
    assertEquals("latin-1", in.encoding());
    assertEquals(List.of("#VALUE!"), job.extraInputs().get("w").naValues());
    assertNull(job.extraInputs().get("w").encoding());
    InputConfig plain = parse("[input]\npath = \"a.csv\"\n").input().orElseThrow();
    assertEquals(List.of(), plain.naValues());
    assertNull(plain.encoding());
  }

  @Test
  void badNaValuesAndEncodingsAreConfigErrorsWithPositions() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                parse(
                    "[input]\npath = \"a.csv\"\nna_values = [\"ok\", \"\"]\n"
                        + "encoding = \"utf-16\"\n"));
    assertEquals(
        "job.toml:3:1: input: na_values must be non-blank texts. Got \"\" in [ok, ]; empty cells"
            + " are null anyway. Fix [input] na_values / withNaValues(...).\n"
            + "job.toml:4:1: input: encoding \"utf-16\" (UTF-16) cannot be read: CSV files are"
            + " split on ASCII delimiters, quotes and line breaks, which needs UTF-8 or a charset"
            + " of one byte per character that keeps ASCII (ISO-8859-*, windows-125*). Convert the"
            + " file to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8.",
        e.getMessage());
  }

  @Test
  void extraInputsAreReadByName() {
    Map<String, InputConfig> extra = load("full.toml").extraInputs();
    assertEquals(List.of("weather"), List.copyOf(extra.keySet()));
    assertEquals("data/weather.parquet", extra.get("weather").path());
    assertNull(extra.get("weather").format());
  }

  @Test
  void outputTableAcceptsAListOfPaths() {
    OutputConfig out = load("full.toml").output().orElseThrow();
    assertEquals(List.of("out/plant.parquet", "out/plant.csv"), out.paths());
    assertEquals("out/errors.jsonl", out.errors());
    assertEquals("yyyy-MM-dd'T'HH:mm:ss", out.timeFormat());
  }

  @Test
  void outputTableAcceptsOnePath() {
    OutputConfig out = parse("[output]\npath = \"o.csv\"\n").output().orElseThrow();
    assertEquals(List.of("o.csv"), out.paths());
    assertNull(out.errors());
  }

  @Test
  void reportKeysAreReadAndDefaulted() {
    OutputConfig.Report r =
        parse(
                "[output]\npath = \"o.csv\"\nreport = \"r.html\"\n"
                    + "report_columns = [\"temp\", \"flow\"]\nreport_max_series = 3\n"
                    + "report_series = [\"FI-1\"]\n")
            .output()
            .orElseThrow()
            .report();
    assertEquals("r.html", r.path());
    assertEquals(List.of("temp", "flow"), r.columns());
    assertEquals(3, r.maxSeries());
    assertEquals(List.of("FI-1"), r.series());
    OutputConfig.Report none =
        parse("[output]\npath = \"o.csv\"\n").output().orElseThrow().report();
    assertEquals(OutputConfig.Report.none(), none);
    assertNull(none.path());
  }

  @Test
  void explicitStepNamesAreKept() {
    assertThat(
        load("full.toml").steps().stream().map(StepConfig::name).toList(),
        contains("fill", "hourly", "3_lag", "4_outliers"));
  }

  @Test
  void durationsAreConvertedToJoda() {
    ValidatedParams fill = load("full.toml").steps().get(0).params();
    assertEquals(Duration.standardMinutes(10), fill.duration("max_gap"));
    assertEquals(3, fill.integer("limit"));
    assertEquals(List.of("flow"), List.of(fill.columns()));
  }

  @Test
  void offsetMayBeNegative() {
    ValidatedParams resample = load("full.toml").steps().get(1).params();
    assertEquals(Duration.standardMinutes(-15), resample.duration("offset"));
  }

  @Test
  void aggregationsTableKeepsOrderStringsAndLists() {
    ValidatedParams resample = load("full.toml").steps().get(1).params();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("flow", "mean");
    expected.put("Volume Flow", List.of("min", "max"));
    assertEquals(expected, resample.table("aggregations"));
    assertEquals(
        List.of("flow", "Volume Flow"), List.copyOf(resample.table("aggregations").keySet()));
  }

  @Test
  void mixedIntAndDurationPeriods() {
    List<Object> periods = load("full.toml").steps().get(2).params().list("periods");
    assertEquals(List.of(1, Duration.standardMinutes(90)), periods);
  }

  @Test
  void tomlIntegerIsAcceptedWhereFloatIsExpected() {
    ValidatedParams outliers = load("full.toml").steps().get(3).params();
    assertThat(outliers.get("threshold"), instanceOf(Double.class));
    assertEquals(3.0, outliers.number("threshold"));
  }

  @Test
  void absentKeysResolveToTheirDefaults() {
    ValidatedParams resample = load("standard_industrial.toml").steps().get(4).params();
    assertFalse(resample.isSet("closed"));
    assertEquals("left", resample.string("closed"));
    assertEquals(Duration.ZERO, resample.duration("offset"));
    assertEquals(true, resample.bool("emit_empty"));
    assertEquals(1, resample.integer("ddof"));
  }

  @Test
  void absentColumnsGiveAnEmptyArray() {
    ValidatedParams lag = load("standard_industrial.toml").steps().get(5).params();
    assertEquals(0, lag.columns().length);
  }

  @Test
  void resolvedParamsShowExplicitValuesAndDefaultsForExplain() {
    ValidatedParams resample = load("standard_industrial.toml").steps().get(4).params();
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("name", "\"<index>_<type>\"");
    expected.put("columns", "value columns");
    expected.put("rule", "\"1min\"");
    expected.put("aggregation", "\"mean\"");
    expected.put("closed", "\"left\"");
    expected.put("label", "\"left\"");
    expected.put("origin", "\"epoch\"");
    expected.put("offset", "\"0s\"");
    expected.put("emit_empty", "true");
    expected.put("ddof", "1");
    expected.put("interpolation", "\"previous\"");
    expected.put("integral_unit", "\"1s\"");
    assertEquals(expected, resample.resolved());
  }

  @Test
  void stepResolvedParamsShowTheActualName() {
    StepConfig lag = load("standard_industrial.toml").steps().get(5);
    assertEquals("\"6_lag\"", lag.resolved().get("name"));
    assertEquals("[1, 2, 3]", lag.resolved().get("periods"));
    assertEquals("\"\"", lag.resolved().get("suffix"));
  }

  @Test
  void commandLineInputNamesAreVisibleToSteps() {
    JobConfig job =
        JobConfig.load(
            VALID.resolve("full.toml"), TestRegistries.fakes(), java.util.Set.of("tides"));
    assertEquals(4, job.steps().size());
  }

  @Test
  void missingFileIsOneProblem() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> JobConfig.load(Path.of("no/such/job.toml"), TestRegistries.fakes()));
    assertEquals(1, e.problems().size());
    assertTrue(
        e.getMessage().startsWith("no/such/job.toml:1:1: cannot read the job file: "),
        e.getMessage());
  }

  @Test
  void allowedLatenessBecomesTheSeriesOptionsLateness() {
    assertEquals(
        30_000L,
        parse("[pipeline]\nallowed_lateness = \"30s\"\n").seriesOptions().allowedLatenessMillis());
    assertEquals(
        300_000L,
        parse("[pipeline]\nallowed_lateness = \"5min\"\n").seriesOptions().allowedLatenessMillis());
    assertEquals(
        90_000L,
        parse("[pipeline]\nallowed_lateness = \"PT1M30S\"\n")
            .seriesOptions()
            .allowedLatenessMillis());
    assertEquals(
        0L,
        parse("[pipeline]\nallowed_lateness = \"0s\"\n").seriesOptions().allowedLatenessMillis());
    // Unset: 0, rows behind what a series already emitted are late at once (docs/streaming.md).
    assertEquals(0L, parse("[pipeline]\nname = \"j\"\n").seriesOptions().allowedLatenessMillis());
  }

  @Test
  void allowedLatenessReachesThePipelineBuiltFromTheFile() {
    JobConfig job = parse("[pipeline]\nname = \"plant\"\nallowed_lateness = \"2min\"\n");
    assertEquals(
        SeriesOptions.defaults().withAllowedLateness(Duration.standardMinutes(2)),
        job.seriesOptions());
  }

  @Test
  void negativeAllowedLatenessIsAConfigErrorNamingTheKeyAndTheFix() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> parse("[pipeline]\nname = \"j\"\nallowed_lateness = \"-30s\"\n"));
    assertEquals(
        "job.toml:3:1: pipeline: allowed_lateness must not be negative. Got \"-30s\"; expected a"
            + " duration of 0 or more such as \"0s\", \"30s\" or \"5min\". Remove the minus sign.",
        e.getMessage());
  }

  @Test
  void invalidAllowedLatenessIsAConfigErrorNamingTheKeyAndTheForms() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> parse("[pipeline]\nallowed_lateness = \"soon\"\nnan_as_null = true\n"));
    assertEquals(
        "job.toml:2:1: pipeline: allowed_lateness \"soon\" is not a duration. Expected pandas"
            + " style such as \"500ms\", \"5min\", \"1h30min\", \"2d\" (units ms, s, min, h, d;"
            + " aliases L, S, T, H, D) or ISO-8601 such as \"PT5M\", \"P1DT2H\".",
        e.getMessage());
    ConfigException number =
        assertThrows(ConfigException.class, () -> parse("[pipeline]\nallowed_lateness = 30\n"));
    assertEquals(
        "job.toml:2:1: pipeline: allowed_lateness must be a duration string of 0 or more. Got 30"
            + " (integer); write it quoted with a unit, e.g. \"30s\" or \"5min\".",
        number.getMessage());
  }
}
