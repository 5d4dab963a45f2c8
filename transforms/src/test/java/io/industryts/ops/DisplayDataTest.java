package io.industryts.ops;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesPipeline;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** Beam display data of operations: type, parameters and series options, from the base class. */
class DisplayDataTest {

  /** Display data as key → value text. */
  private static Map<String, String> display(PTransform<?, ?> op) {
    Map<String, String> out = new LinkedHashMap<>();
    for (DisplayData.Item item : DisplayData.from(op).items()) {
      out.put(item.getKey(), String.valueOf(item.getValue()));
    }
    return out;
  }

  @Test
  void resampleShowsRuleAggregationAndColumns() {
    Map<String, String> d =
        display(
            Resample.every(Duration.standardMinutes(5))
                .aggregate(Resample.Agg.MAX)
                .of("temp", "pressure"));
    assertThat(d, hasEntry("type", "resample"));
    assertThat(d, hasEntry("rule", "5min"));
    assertThat(d, hasEntry("aggregation", "max"));
    assertThat(d, hasEntry("columns", "[temp, pressure]"));
  }

  @Test
  void rollingShowsWindowFunctionsAndClosedSide() {
    Map<String, String> d =
        display(Rolling.rows(10, "temp").compute(Rolling.Fn.MEAN, Rolling.Fn.STD));
    assertThat(d, hasEntry("type", "rolling"));
    assertThat(d, hasEntry("window", "10"));
    assertThat(d, hasEntry("functions", "[mean, std]"));
    assertThat(d, hasEntry("columns", "[temp]"));
    assertThat(d, hasEntry("closed", "right"));
  }

  @Test
  void fillNullShowsMethodLimitAndMaxGap() {
    Map<String, String> d =
        display(FillNull.forward("temp").withLimit(3).withMaxGap(Duration.standardHours(1)));
    assertThat(d, hasEntry("method", "forward"));
    assertThat(d, hasEntry("limit", "3"));
    assertThat(d, hasEntry("max_gap", "1h"));
    assertThat(d, not(hasKey("flag")));
  }

  @Test
  void seriesOptionsAreShownWithTheParameters() {
    Map<String, String> d =
        display(Ewm.span(10).of("temp").withTimeColumn("ts").keyedBy("plant", "line"));
    assertThat(d, hasEntry("span", "10"));
    assertThat(d, hasEntry("adjust", "true"));
    assertThat(d, hasEntry("time_column", "ts"));
    assertThat(d, hasEntry("key_columns", "[plant, line]"));
    assertThat(d, hasEntry("time_zone", "UTC"));
  }

  @Test
  void autoDetectedTimeColumnAndNoKeysAreLeftOut() {
    Map<String, String> d = display(Select.columns("temp"));
    assertThat(d, not(hasKey("time_column")));
    assertThat(d, not(hasKey("key_columns")));
    assertThat(d, hasEntry("columns", "[temp]"));
  }

  @Test
  void enumListsUseTheirTomlSpelling() {
    Map<String, String> d =
        display(
            DatetimeFeatures.of(DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.IS_WEEKEND)
                .cyclic(DatetimeFeatures.Feature.HOUR));
    assertThat(d, hasEntry("features", "[hour, is_weekend]"));
    assertThat(d, hasEntry("cyclic", "[hour]"));
  }

  @Test
  void mapParametersStayWhole() {
    Map<String, String> d = display(Rename.of(Map.of("a", "b", "c", "d")));
    assertThat(d, hasEntry("mapping", "{a=b, c=d}"));
    assertEquals(3, d.size(), d.toString());
  }

  @Test
  void pipelineShowsItsOptionsAndEachStepFromTheOperationsParameters() {
    TimeSeriesPipeline p =
        TimeSeriesPipeline.named("plant_a")
            .keyedBy("tag")
            .then(FillNull.forward("temp").withLimit(3))
            .then("lags", Lag.rows(1, 2).of("temp"));
    Map<String, String> top = new LinkedHashMap<>();
    Map<String, String> steps = new LinkedHashMap<>();
    for (DisplayData.Item item : DisplayData.from(p).items()) {
      (item.getPath().getComponents().isEmpty() ? top : steps)
          .put(item.getKey(), String.valueOf(item.getValue()));
    }
    assertThat(top, hasEntry("name", "plant_a"));
    assertThat(top, hasEntry("key_columns", "[tag]"));
    assertThat(top, hasEntry("time_zone", "UTC"));
    assertEquals(
        Map.of(
            "1_fill_null",
            "fill_null{method=forward, columns=[temp], limit=3}",
            "lags",
            "lag{columns=[temp], periods=[1, 2]}"),
        steps);
  }

  @Test
  void renderingAndDisplayDataComeFromTheSameParameters() {
    BoxCox op = BoxCox.mle("flow").emitLambda().withSuffix("_bc");
    assertEquals(
        "box_cox{columns=[flow], lambda=mle, invalid=null, emit_lambda=true, suffix=_bc}",
        op.toString());
    Map<String, String> d = display(op);
    assertThat(d, hasEntry("lambda", "mle"));
    assertThat(d, hasEntry("emit_lambda", "true"));
    assertThat(d, hasEntry("suffix", "_bc"));
  }
}
