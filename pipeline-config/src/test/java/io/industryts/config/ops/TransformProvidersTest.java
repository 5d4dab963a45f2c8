package io.industryts.config.ops;

import static io.industryts.config.ops.TomlSteps.assertSame;
import static io.industryts.config.ops.TomlSteps.problems;
import static io.industryts.config.ops.TomlSteps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.ops.BoxCox;
import io.industryts.ops.Cast;
import io.industryts.ops.Cumulative;
import io.industryts.ops.DropColumns;
import io.industryts.ops.GroupByTime;
import io.industryts.ops.Invalid;
import io.industryts.ops.Log;
import io.industryts.ops.Normalize;
import io.industryts.ops.Rename;
import io.industryts.ops.Resample;
import io.industryts.ops.Select;
import io.industryts.ops.YeoJohnson;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The TOML steps of the transformation, aggregation and utility operations build the same operation
 * as the Java factories (compared through {@code toString}), and their problems are reported at
 * {@code file:line:col}.
 */
class TransformProvidersTest {
  @Test
  void normalizeGlobalWithSuffix() {
    assertSame(
        Normalize.maxAbs("temp").withFit(Normalize.Fit.GLOBAL).withSuffix("_n"),
        step("type = \"normalize\"\ncolumns = [\"temp\"]\nfit = \"global\"\nsuffix = \"_n\"\n"));
  }

  @Test
  void logDefaultsToNaturalWithNullInvalid() {
    assertSame(Log.natural(), step("type = \"log\"\n"));
  }

  @Test
  void log1pWithErrorRows() {
    assertSame(
        Log.log1p("flow").onInvalid(Invalid.ERROR),
        step("type = \"log\"\nmethod = \"log1p\"\ncolumns = [\"flow\"]\ninvalid = \"error\"\n"));
  }

  @Test
  void logUnknownMethodIsAConfigProblem() {
    assertEquals(
        "job.toml:3:1: operations[1] (log): method \"ln\" is not one of [log, log1p, log10]",
        problems("type = \"log\"\nmethod = \"ln\"\n"));
  }

  @Test
  void boxCoxEstimatedWithLambdaColumn() {
    assertSame(
        BoxCox.mle("flow").emitLambda(),
        step("type = \"box_cox\"\ncolumns = [\"flow\"]\nemit_lambda = true\n"));
  }

  @Test
  void boxCoxFixedIntegerLambdaWithErrors() {
    assertSame(
        BoxCox.withLambda(1.0, "flow").onInvalid(Invalid.ERROR).withSuffix("_bc"),
        step(
            "type = \"box_cox\"\ncolumns = [\"flow\"]\nlambda = 1\ninvalid = \"error\"\n"
                + "suffix = \"_bc\"\n"));
  }

  @Test
  void yeoJohnsonFixedAndEstimated() {
    assertSame(YeoJohnson.withLambda(0.5), step("type = \"yeo_johnson\"\nlambda = 0.5\n"));
    assertSame(
        YeoJohnson.mle("x").emitLambda(),
        step("type = \"yeo_johnson\"\ncolumns = [\"x\"]\nemit_lambda = true\n"));
  }

  @Test
  void yeoJohnsonHasNoInvalidKey() {
    assertEquals(
        "job.toml:3:1: operations[1] (yeo_johnson): unknown key \"invalid\". Valid keys: [name,"
            + " columns, lambda, emit_lambda, suffix]",
        problems("type = \"yeo_johnson\"\ninvalid = \"error\"\n"));
  }

  @Test
  void groupByTimeWithByAndEveryOption() {
    assertSame(
        GroupByTime.every(Duration.standardHours(1))
            .aggregate("v", Resample.Agg.MEAN, Resample.Agg.MAX)
            .aggregate("w", Resample.Agg.COUNT)
            .alsoBy("status")
            .closed(Resample.Side.RIGHT)
            .label(Resample.Side.RIGHT)
            .withOrigin(Resample.Origin.start())
            .withOffset(Duration.standardMinutes(-5))
            .withDdof(0),
        step(
            "type = \"group_by_time\"\nevery = \"1h\"\n"
                + "aggregations = { v = [\"mean\", \"max\"], w = \"count\" }\nby = [\"status\"]\n"
                + "closed = \"right\"\nlabel = \"right\"\norigin = \"start\"\n"
                + "offset = \"-5min\"\nddof = 0\n"));
  }

  @Test
  void groupByTimeNeedsAggregations() {
    assertEquals(
        "job.toml:1:1: operations[1] (group_by_time): missing required key \"aggregations\""
            + " (table column -> string | [string])",
        problems("type = \"group_by_time\"\nevery = \"1h\"\n"));
  }

  @Test
  void cumulativeWithResetAndOffset() {
    assertSame(
        Cumulative.of(Cumulative.CumFn.CUMSUM, Cumulative.CumFn.CUMCOUNT)
            .on("energy")
            .resetEvery(Duration.standardDays(1))
            .withOffset(Duration.standardHours(6)),
        step(
            "type = \"cumulative\"\nfunctions = [\"cumsum\", \"cumcount\"]\n"
                + "columns = [\"energy\"]\nreset_every = \"1d\"\noffset = \"6h\"\n"));
  }

  @Test
  void cumulativeUnknownFunction() {
    assertEquals(
        "job.toml:3:1: operations[1] (cumulative): function \"cumavg\" is not one of [cumsum,"
            + " cumprod, cummax, cummin, cumcount]",
        problems("type = \"cumulative\"\nfunctions = [\"cumavg\"]\n"));
  }

  @Test
  void cumulativeEmptyFunctionsIsTheFactoryMessage() {
    assertEquals(
        "job.toml:1:1: operations[1] (cumulative): Cumulative: functions is required. Got [];"
            + " expected one or more of [cumsum, cumprod, cummax, cummin, cumcount].",
        problems("type = \"cumulative\"\nfunctions = []\n"));
  }

  @Test
  void utilities() {
    assertSame(Select.columns("b", "a"), step("type = \"select\"\ncolumns = [\"b\", \"a\"]\n"));
    assertSame(DropColumns.of("c"), step("type = \"drop_columns\"\ncolumns = [\"c\"]\n"));
    assertSame(
        Rename.of(Map.of("Volume Flow RateRMS", "flow", "t", "time")),
        step(
            "type = \"rename\"\nmapping = { \"Volume Flow RateRMS\" = \"flow\", t = \"time\" }\n"));
    assertSame(
        Cast.to(FieldType.DOUBLE, "level").alsoTo(FieldType.INT32, "n").onInvalid(Invalid.ERROR),
        step(
            "type = \"cast\"\ntypes = { level = \"double\", n = \"int32\" }\n"
                + "invalid = \"error\"\n"));
  }

  @Test
  void castUnknownTypeIsAConfigProblem() {
    assertEquals(
        "job.toml:3:1: operations[1] (cast): type \"float64\" is not one of [double, float,"
            + " int64, int32, string, boolean]",
        problems("type = \"cast\"\ntypes = { level = \"float64\" }\n"));
  }

  @Test
  void selectNeedsColumns() {
    assertEquals(
        "job.toml:1:1: operations[1] (select): missing required key \"columns\" ([string])",
        problems("type = \"select\"\n"));
  }
}
