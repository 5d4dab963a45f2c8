package io.industryts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputNamesTest {
  private enum Fn {
    MEAN,
    PCT_CHANGE,
    CUMCOUNT
  }

  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("DateTime")
          .addNullableField("temp", Schema.FieldType.DOUBLE)
          .addNullableField("temp_lag1", Schema.FieldType.DOUBLE)
          .build();

  @Test
  void rowLagAndLead() {
    assertEquals("temp_lag1", OutputNames.lag("temp", 1));
    assertEquals("temp_lead3", OutputNames.lead("temp", 3));
  }

  @Test
  void sourceColumnIsCopiedVerbatim() {
    assertEquals("Volume Flow RateRMS_lag1", OutputNames.lag("Volume Flow RateRMS", 1));
  }

  @Test
  void durationLagAndLeadUseCanonicalDuration() {
    assertEquals("temp_lag_5min", OutputNames.lag("temp", Duration.standardMinutes(5)));
    assertEquals("v_lead_90min", OutputNames.lead("v", Duration.standardMinutes(90)));
    assertEquals("v_lag_1d", OutputNames.lag("v", Duration.standardHours(24)));
  }

  @Test
  void diffAndPctChange() {
    assertEquals("temp_diff1", OutputNames.diff("temp", 1));
    assertEquals("temp_pct_change2", OutputNames.pctChange("temp", 2));
  }

  @Test
  void rollingRowsAndDuration() {
    assertEquals("temp_rolling_mean_10", OutputNames.rolling("temp", "mean", 10));
    assertEquals(
        "temp_rolling_mean_5min", OutputNames.rolling("temp", "mean", Duration.standardMinutes(5)));
    assertEquals(
        "temp_rolling_std_1500ms", OutputNames.rolling("temp", "std", Duration.millis(1500)));
  }

  @Test
  void enumFunctionsAreLowerSnakeCase() {
    assertEquals("temp_rolling_mean_10", OutputNames.rolling("temp", Fn.MEAN, 10));
    assertEquals("temp_pct_change", OutputNames.aggregate("temp", Fn.PCT_CHANGE));
  }

  @ParameterizedTest(name = "{1}{2} -> {3}")
  @CsvSource({
    "mean, span, 10.0, temp_ewm_mean_span10",
    "mean, alpha, 0.3, temp_ewm_mean_alpha0_3",
    "std, alpha, 0.3, temp_ewm_std_alpha0_3",
    "var, com, 2.0, temp_ewm_var_com2",
    "mean, halflife, 5.0, temp_ewm_mean_halflife5",
    "mean, span, 2.5, temp_ewm_mean_span2_5",
    "mean, alpha, 0.125, temp_ewm_mean_alpha0_125",
    "mean, com, 0.0, temp_ewm_mean_com0",
    "mean, span, 100.0, temp_ewm_mean_span100",
  })
  void ewmNumericParameter(String fn, String param, double v, String expected) {
    assertEquals(expected, OutputNames.ewm("temp", fn, param, v));
  }

  @Test
  void ewmDurationHalflife() {
    assertEquals(
        "temp_ewm_mean_halflife_1h",
        OutputNames.ewmHalflife("temp", "mean", Duration.standardHours(1)));
  }

  @Test
  void numberIsShortestPlainDecimalWithUnderscore() {
    assertEquals("0_3", OutputNames.number(0.3));
    assertEquals("10", OutputNames.number(10.0));
    assertEquals("0_0000001", OutputNames.number(1e-7));
    assertEquals("10000000000", OutputNames.number(1e10));
  }

  @Test
  void cumulativeFunctionsAndCumcount() {
    assertEquals("temp_cumsum", OutputNames.cumulative("temp", "cumsum"));
    assertEquals("cumcount", OutputNames.cumulative("temp", "cumcount"));
    assertEquals("cumcount", OutputNames.cumulative("temp", Fn.CUMCOUNT));
  }

  @Test
  void aggregateListEntry() {
    assertEquals("temp_mean", OutputNames.aggregate("temp", "mean"));
    assertEquals("temp_max", OutputNames.aggregate("temp", "max"));
  }

  @Test
  void flagsAndLambdaColumns() {
    assertEquals("temp_is_filled", OutputNames.isFilled("temp"));
    assertEquals("temp_is_outlier", OutputNames.isOutlier("temp"));
    assertEquals("flow_boxcox_lambda", OutputNames.boxCoxLambda("flow"));
    assertEquals("flow_yeojohnson_lambda", OutputNames.yeoJohnsonLambda("flow"));
  }

  @Test
  void datetimeFeaturesWithPrefix() {
    assertEquals("hour", OutputNames.datetimeFeature("", "hour"));
    assertEquals("dt_hour", OutputNames.datetimeFeature("dt_", "hour"));
    assertEquals("hour_sin", OutputNames.cyclicSin("", "hour"));
    assertEquals("dt_month_cos", OutputNames.cyclicCos("dt_", "month"));
  }

  @Test
  void inPlaceReplacesWithoutSuffixAndAddsWithSuffix() {
    assertEquals("temp", OutputNames.inPlace("temp", ""));
    assertEquals("temp_scaled", OutputNames.inPlace("temp", "_scaled"));
    assertFalse(OutputNames.addsColumn(""));
    assertTrue(OutputNames.addsColumn("_scaled"));
  }

  @Test
  void suffixIsAppendedToGeneratedNames() {
    assertEquals("temp_lag1_b", OutputNames.suffixed(OutputNames.lag("temp", 1), "_b"));
    assertEquals("temp_lag1", OutputNames.suffixed(OutputNames.lag("temp", 1), null));
  }

  @Test
  void clashWithExistingColumnIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OutputNames.checkNoClash("Lag", SCHEMA, List.of("temp_lag2", "temp_lag1")));
    assertEquals(
        "Lag: output column \"temp_lag1\" already exists. Set suffix or rename the"
            + " existing column.",
        e.getMessage());
  }

  @Test
  void clashAmongGeneratedNamesIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OutputNames.checkNoClash("Rolling", SCHEMA, List.of("t_x", "t_x")));
    assertEquals(
        "Rolling: output column \"t_x\" already exists. Set suffix or rename the"
            + " existing column.",
        e.getMessage());
  }

  @Test
  void freshNamesPassTheClashCheck() {
    assertDoesNotThrow(() -> OutputNames.checkNoClash("Lag", SCHEMA, List.of("temp_lag2")));
  }
}
