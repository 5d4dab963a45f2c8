package io.industryts.config.ops;

import static io.industryts.config.ops.TomlSteps.assertSame;
import static io.industryts.config.ops.TomlSteps.problems;
import static io.industryts.config.ops.TomlSteps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.config.JobConfig;
import io.industryts.ops.DatetimeFeatures;
import io.industryts.ops.Diff;
import io.industryts.ops.DropDuplicates;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.ops.Lead;
import io.industryts.ops.Outliers;
import io.industryts.ops.PctChange;
import io.industryts.ops.Resample;
import io.industryts.ops.Rolling;
import io.industryts.ops.Scale;
import java.nio.file.Path;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A TOML step builds the same operation as the equivalent Java factory call (compared through the
 * operations' {@code toString}, which reads like the TOML step), through the registry found by
 * {@code ServiceLoader}.
 */
class ProvidersBuildJavaOperationsTest {
  @Test
  void interpolateDefaultsAndEveryOption() {
    assertSame(io.industryts.ops.Interpolate.linear(), step("type = \"interpolate\"\n"));
    assertSame(
        io.industryts.ops.Interpolate.linear(),
        step("type = \"interpolate\"\nmethod = \"time\"\n"));
    assertSame(
        io.industryts.ops.Interpolate.nearest("v")
            .withMaxGap(Duration.standardMinutes(10))
            .withEdges(io.industryts.ops.Interpolate.Edges.BOTH)
            .withFlag(),
        step(
            "type = \"interpolate\"\nmethod = \"nearest\"\ncolumns = [\"v\"]\n"
                + "max_gap = \"10min\"\nedges = \"both\"\nflag = true\n"));
  }

  @Test
  void dropNullAndClip() {
    assertSame(io.industryts.ops.DropNull.any(), step("type = \"drop_null\"\n"));
    assertSame(
        io.industryts.ops.DropNull.all("a", "b"),
        step("type = \"drop_null\"\nhow = \"all\"\ncolumns = [\"a\", \"b\"]\n"));
    assertSame(
        io.industryts.ops.Clip.between(0.0, 100.0, "level"),
        step("type = \"clip\"\nlower = 0\nupper = 100\ncolumns = [\"level\"]\n"));
    assertSame(io.industryts.ops.Clip.atMost(5.5), step("type = \"clip\"\nupper = 5.5\n"));
  }

  @Test
  void filterTimeAndSnapTime() {
    assertSame(
        io.industryts.ops.FilterTime.between(
            Instant.parse("2024-01-01T01:00:00Z"), Instant.parse("2024-01-01T03:00:00Z")),
        step(
            "type = \"filter_time\"\nstart = \"2024-01-01 01:00\"\n"
                + "end = \"2024-01-01T03:00:00Z\"\n"));
    assertSame(
        io.industryts.ops.SnapTime.floor(Duration.standardSeconds(1)),
        step("type = \"snap_time\"\nfreq = \"1s\"\nmode = \"floor\"\n"));
  }

  @Test
  void filterTimeStartNotBeforeEndIsAConstructionError() {
    assertEquals(
        "job.toml:1:1: operations[1] (filter_time): FilterTime: start (2024-02-01T00:00Z) is not"
            + " before end (2024-01-01T00:00Z).",
        problems("type = \"filter_time\"\nstart = \"2024-02-01\"\nend = \"2024-01-01\"\n"));
  }

  @Test
  void regularizeWithEveryOption() {
    assertSame(
        io.industryts.ops.Regularize.every(Duration.standardMinutes(1))
            .fill(io.industryts.ops.Regularize.Fill.LINEAR)
            .of("v")
            .withMaxGap(Duration.standardMinutes(5))
            .withOffset(Duration.standardSeconds(30))
            .between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"))
            .withFlag(),
        step(
            "type = \"regularize\"\nrule = \"1min\"\nfill = \"linear\"\ncolumns = [\"v\"]\n"
                + "max_gap = \"5min\"\noffset = \"30s\"\nstart = \"2024-01-01\"\n"
                + "end = \"2024-01-02\"\nflag = true\n"));
    assertSame(
        io.industryts.ops.Regularize.every(Duration.standardSeconds(1)),
        step("type = \"regularize\"\nrule = \"1s\"\n"));
  }

  @Test
  void ewmParametersAndOptions() {
    assertSame(io.industryts.ops.Ewm.span(10).of(), step("type = \"ewm\"\nspan = 10\n"));
    assertSame(
        io.industryts.ops.Ewm.alpha(0.3)
            .adjust(false)
            .ignoreNa(true)
            .compute(io.industryts.ops.Ewm.Fn.MEAN, io.industryts.ops.Ewm.Fn.STD)
            .withMinPeriods(3)
            .of("temp"),
        step(
            "type = \"ewm\"\nalpha = 0.3\nadjust = false\nignore_na = true\n"
                + "functions = [\"mean\", \"std\"]\nmin_periods = 3\ncolumns = [\"temp\"]\n"));
    assertSame(
        io.industryts.ops.Ewm.halflife(Duration.standardHours(1)).of(),
        step("type = \"ewm\"\nhalflife = \"1h\"\n"));
    assertSame(io.industryts.ops.Ewm.halflife(5).of(), step("type = \"ewm\"\nhalflife = 5\n"));
    assertSame(io.industryts.ops.Ewm.com(2).of(), step("type = \"ewm\"\ncom = 2\n"));
  }

  @Test
  void ewmErrors() {
    assertEquals(
        "job.toml:3:1: operations[1] (ewm): set exactly one of span, alpha, com, halflife. Got"
            + " span and alpha.",
        problems("type = \"ewm\"\nspan = 10\nalpha = 0.5\n"));
    assertEquals(
        "job.toml:1:1: operations[1] (ewm): Ewm: alpha must be in (0, 1]. Got 1.5.",
        problems("type = \"ewm\"\nalpha = 1.5\n"));
    assertEquals(
        "job.toml:1:1: operations[1] (ewm): Ewm: a duration halflife needs adjust = true and"
            + " functions = [\"mean\"].",
        problems("type = \"ewm\"\nhalflife = \"1h\"\nfunctions = [\"std\"]\n"));
  }

  @Test
  void dropDuplicatesDefaultKeepsFirst() {
    assertSame(DropDuplicates.keepFirst(), step("type = \"drop_duplicates\"\n"));
  }

  @Test
  void dropDuplicatesKeepLastAlsoOnColumns() {
    assertSame(
        DropDuplicates.keepLast().alsoOn("status"),
        step("type = \"drop_duplicates\"\nkeep = \"last\"\ncolumns = [\"status\"]\n"));
  }

  @Test
  void fillNullForwardWithEveryOption() {
    assertSame(
        FillNull.forward("flow")
            .withLimit(3)
            .withMaxGap(Duration.standardMinutes(10))
            .withLimitArea(FillNull.LimitArea.INSIDE)
            .withFlag(),
        step(
            "type = \"fill_null\"\nmethod = \"ffill\"\ncolumns = [\"flow\"]\nlimit = 3\n"
                + "max_gap = \"10min\"\nlimit_area = \"inside\"\nflag = true\n"));
  }

  @Test
  void fillNullBackwardOnDefaultColumns() {
    assertSame(FillNull.backward(), step("type = \"fill_null\"\nmethod = \"backward\"\n"));
  }

  @Test
  void fillNullConstant() {
    assertSame(
        FillNull.constant(0.5, "flow"),
        step("type = \"fill_null\"\nmethod = \"constant\"\nvalue = 0.5\ncolumns = [\"flow\"]\n"));
  }

  @Test
  void fillNullMeanMedianZero() {
    assertSame(FillNull.mean(), step("type = \"fill_null\"\nmethod = \"mean\"\n"));
    assertSame(FillNull.median(), step("type = \"fill_null\"\nmethod = \"median\"\n"));
    assertSame(FillNull.zero(), step("type = \"fill_null\"\nmethod = \"zero\"\n"));
  }

  @Test
  void outliersZscoreClipWithIntegerThreshold() {
    assertSame(
        Outliers.zscore(3.0).withAction(Outliers.Action.CLIP),
        step("type = \"outliers\"\nmethod = \"zscore\"\nthreshold = 3\naction = \"clip\"\n"));
  }

  @Test
  void outliersIqrDefaultThreshold() {
    assertSame(
        Outliers.iqr("v").withAction(Outliers.Action.FLAG),
        step("type = \"outliers\"\nmethod = \"iqr\"\ncolumns = [\"v\"]\naction = \"flag\"\n"));
  }

  @Test
  void outliersRangeWithOneBound() {
    assertSame(
        Outliers.range(null, 100.0, "level"),
        step("type = \"outliers\"\nmethod = \"range\"\nupper = 100\ncolumns = [\"level\"]\n"));
  }

  @Test
  void outliersCenteredRowWindow() {
    assertSame(
        Outliers.hampel(3.0, "v").overRows(7).centered().withAction(Outliers.Action.MEDIAN),
        step(
            "type = \"outliers\"\nmethod = \"hampel\"\ncolumns = [\"v\"]\nwindow = 7\n"
                + "center = true\naction = \"median\"\n"));
  }

  @Test
  void outliersDurationWindow() {
    assertSame(
        Outliers.zscore(2.0, "v").over(org.joda.time.Duration.standardMinutes(30)),
        step(
            "type = \"outliers\"\nmethod = \"zscore\"\nthreshold = 2\ncolumns = [\"v\"]\n"
                + "window = \"30min\"\n"));
  }

  @Test
  void lagRows() {
    assertSame(
        Lag.rows(1, 2, 3).of("temp"),
        step("type = \"lag\"\ncolumns = [\"temp\"]\nperiods = [1, 2, 3]\n"));
  }

  @Test
  void lagDefaultIsOneRowOfValueColumns() {
    assertSame(Lag.rows(1).of(), step("type = \"lag\"\n"));
  }

  @Test
  void lagDurationsWithTolerance() {
    assertSame(
        Lag.by(Duration.standardMinutes(90)).of("v").withTolerance(Duration.standardMinutes(5)),
        step("type = \"lag\"\ncolumns = [\"v\"]\nperiods = \"90min\"\ntolerance = \"5min\"\n"));
  }

  @Test
  void lagMixingRowsAndDurationsKeepsTheListOrder() {
    assertSame(
        Lag.rows(1, 24).andBy(Duration.standardDays(1)).of("v"),
        step("type = \"lag\"\ncolumns = [\"v\"]\nperiods = [1, 24, \"1d\"]\n"));
    assertSame(
        Lead.by(Duration.standardMinutes(90))
            .andRows(2)
            .of("v")
            .withTolerance(Duration.standardMinutes(5)),
        step(
            "type = \"lead\"\ncolumns = [\"v\"]\nperiods = [\"90min\", 2]\n"
                + "tolerance = \"5min\"\n"));
  }

  @Test
  void suffixOfShiftsAndRollingIsPassedToTheOperation() {
    assertSame(
        Lag.rows(1).of("v").withSuffix("_raw"),
        step("type = \"lag\"\ncolumns = [\"v\"]\nsuffix = \"_raw\"\n"));
    assertSame(
        Lead.rows(1).of("v").withSuffix("_raw"),
        step("type = \"lead\"\ncolumns = [\"v\"]\nsuffix = \"_raw\"\n"));
    assertSame(
        Diff.periods(1).of("v").withSuffix("_raw"),
        step("type = \"diff\"\ncolumns = [\"v\"]\nsuffix = \"_raw\"\n"));
    assertSame(
        PctChange.periods(1).of("v").withSuffix("_raw"),
        step("type = \"pct_change\"\ncolumns = [\"v\"]\nsuffix = \"_raw\"\n"));
    assertSame(
        Rolling.rows(3, "v").closed(Rolling.Closed.LEFT).withSuffix("_left"),
        step(
            "type = \"rolling\"\nwindow = 3\ncolumns = [\"v\"]\nclosed = \"left\"\n"
                + "suffix = \"_left\"\n"));
  }

  @Test
  void leadRows() {
    assertSame(Lead.rows(2).of("v"), step("type = \"lead\"\ncolumns = [\"v\"]\nperiods = 2\n"));
  }

  @Test
  void diffAndPctChange() {
    assertSame(Diff.periods(1).of(), step("type = \"diff\"\nperiods = 1\n"));
    assertSame(
        PctChange.periods(1, 2).of("v"),
        step("type = \"pct_change\"\nperiods = [1, 2]\ncolumns = [\"v\"]\n"));
  }

  @Test
  void rollingRowsWithEveryOption() {
    assertSame(
        Rolling.rows(10, "temp")
            .compute(Rolling.Fn.MEAN, Rolling.Fn.STD)
            .withMinPeriods(5)
            .closed(Rolling.Closed.RIGHT)
            .centered()
            .withDdof(0),
        step(
            "type = \"rolling\"\nwindow = 10\ncolumns = [\"temp\"]\nfunctions = [\"mean\","
                + " \"std\"]\nmin_periods = 5\nclosed = \"right\"\ncenter = true\nddof = 0\n"));
  }

  @Test
  void rollingOverDurationWithOneFunction() {
    assertSame(
        Rolling.over(Duration.standardMinutes(5))
            .compute(Rolling.Fn.SUM)
            .closed(Rolling.Closed.BOTH),
        step("type = \"rolling\"\nwindow = \"5min\"\nfunctions = \"sum\"\nclosed = \"both\"\n"));
  }

  @Test
  void scaleStandardIsTheDefault() {
    assertSame(Scale.standard(), step("type = \"scale\"\n"));
  }

  @Test
  void scaleMinMaxGlobalWithSuffix() {
    assertSame(
        Scale.minMax("v").withRange(-1, 1).withFit(Scale.Fit.GLOBAL).withSuffix("_mm"),
        step(
            "type = \"scale\"\nmethod = \"minmax\"\ncolumns = [\"v\"]\nfeature_range = [-1, 1]\n"
                + "fit = \"global\"\nsuffix = \"_mm\"\n"));
  }

  @Test
  void scaleFixed() {
    assertSame(
        Scale.fixed(10, 2, "v"),
        step("type = \"scale\"\nmethod = \"fixed\"\ncenter = 10\nscale = 2\ncolumns = [\"v\"]\n"));
  }

  @Test
  void resampleOneAggregationForColumns() {
    assertSame(
        Resample.every(Duration.standardHours(1)).aggregate(Resample.Agg.MAX).of("v"),
        step("type = \"resample\"\nrule = \"1h\"\naggregation = \"max\"\ncolumns = [\"v\"]\n"));
  }

  @Test
  void resampleDefaultIsTheMeanOfValueColumns() {
    assertSame(
        Resample.every(Duration.standardMinutes(1)),
        step("type = \"resample\"\nrule = \"1min\"\n"));
  }

  @Test
  void resampleAggregationsTableStringAndLists() {
    assertSame(
        Resample.every(Duration.standardHours(1))
            .aggregate("v", Resample.Agg.MEAN)
            .aggregateEach("w", java.util.List.of(Resample.Agg.MIN, Resample.Agg.MAX))
            .aggregateEach("x", java.util.List.of(Resample.Agg.COUNT)),
        step(
            "type = \"resample\"\nrule = \"1h\"\n"
                + "aggregations = { v = \"mean\", w = [\"min\", \"max\"], x = [\"count\"] }\n"));
  }

  @Test
  void resampleSidesOriginOffsetEmptyDdof() {
    assertSame(
        Resample.every(Duration.standardHours(1))
            .closed(Resample.Side.RIGHT)
            .label(Resample.Side.RIGHT)
            .withOrigin(Resample.Origin.at(Instant.parse("2024-01-01T00:30:00Z")))
            .withOffset(Duration.standardMinutes(-15))
            .withoutEmptyBuckets()
            .withDdof(0),
        step(
            "type = \"resample\"\nrule = \"1h\"\nclosed = \"right\"\nlabel = \"right\"\n"
                + "origin = \"2024-01-01 00:30\"\noffset = \"-15min\"\nemit_empty = false\n"
                + "ddof = 0\n"));
  }

  @Test
  void resampleOriginStartDay() {
    assertSame(
        Resample.every(Duration.standardDays(1)).withOrigin(Resample.Origin.startDay()),
        step("type = \"resample\"\nrule = \"1d\"\norigin = \"start_day\"\n"));
  }

  @Test
  void resampleBadOriginIsAConfigProblem() {
    assertEquals(
        "job.toml:1:1: operations[1] (resample): origin \"noon\" is not one of [epoch,"
            + " start_day, start] or a time such as \"2024-01-01T00:00:00Z\".",
        problems("type = \"resample\"\nrule = \"1h\"\norigin = \"noon\"\n"));
  }

  @Test
  void datetimeFeaturesWithCyclicAndPrefix() {
    assertSame(
        DatetimeFeatures.of(DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.IS_WEEKEND)
            .cyclic(DatetimeFeatures.Feature.HOUR)
            .withPrefix("dt_"),
        step(
            "type = \"datetime_features\"\nfeatures = [\"hour\", \"is_weekend\"]\n"
                + "cyclic = [\"hour\"]\nprefix = \"dt_\"\n"));
  }

  @Test
  void standardIndustrialPipelineLoadsWithTheRealRegistry() {
    JobConfig job =
        JobConfig.load(
            Path.of("src/test/resources/configs/valid/standard_industrial.toml"),
            TomlSteps.REGISTRY);
    assertEquals(10, job.steps().size());
    assertSame(
        Rolling.rows(10).compute(Rolling.Fn.MEAN, Rolling.Fn.STD), job.steps().get(6).operation());
  }

  @Test
  void factoryErrorsBecomeConfigProblemsAtTheStep() {
    assertEquals(
        "job.toml:1:1: operations[1] (scale): "
            + expectedFactoryMessage(() -> Scale.minMax().withRange(1, 0)),
        problems("type = \"scale\"\nmethod = \"minmax\"\nfeature_range = [1, 0]\n"));
  }

  private static String expectedFactoryMessage(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }
}
