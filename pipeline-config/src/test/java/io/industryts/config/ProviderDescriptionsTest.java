package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.industryts.config.testing.TestRegistries;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact TOML keys (and ids) of every provider: a renamed or dropped key breaks users'
 * files and must be a deliberate change.
 */
class ProviderDescriptionsTest {

  private static Map<String, List<String>> keysByType() {
    return TestRegistries.realProviders().stream()
        .map(OperationProvider::description)
        .collect(
            Collectors.toMap(
                OperationDescription::type,
                OperationDescription::validKeys,
                (a, b) -> a,
                TreeMap::new));
  }

  @Test
  void keysOfCleaningTimeAndEwmOperations() {
    Map<String, List<String>> k = keysByType();
    assertEquals(
        List.of("name", "method", "columns", "max_gap", "edges", "flag"), k.get("interpolate"));
    assertEquals(List.of("name", "columns", "how"), k.get("drop_null"));
    assertEquals(List.of("name", "columns", "lower", "upper"), k.get("clip"));
    assertEquals(List.of("name", "start", "end"), k.get("filter_time"));
    assertEquals(List.of("name", "freq", "mode"), k.get("snap_time"));
    assertEquals(
        List.of(
            "name", "rule", "fill", "columns", "max_gap", "origin", "offset", "start", "end",
            "flag"),
        k.get("regularize"));
    assertEquals(
        List.of(
            "name",
            "span",
            "alpha",
            "com",
            "halflife",
            "adjust",
            "ignore_na",
            "functions",
            "min_periods",
            "columns"),
        k.get("ewm"));
  }

  @Test
  void dropDuplicatesKeys() {
    assertEquals(List.of("name", "columns", "keep"), keysByType().get("drop_duplicates"));
  }

  @Test
  void fillNullKeys() {
    assertEquals(
        List.of("name", "method", "columns", "value", "limit", "max_gap", "limit_area", "flag"),
        keysByType().get("fill_null"));
  }

  @Test
  void outliersKeys() {
    assertEquals(
        List.of(
            "name",
            "method",
            "columns",
            "threshold",
            "lower",
            "upper",
            "action",
            "window",
            "min_periods",
            "center",
            "ddof"),
        keysByType().get("outliers"));
  }

  @Test
  void resampleKeysMatchTheSpecExamplePlusTheTimeWeightedKeys() {
    assertEquals(
        List.of(
            "name",
            "columns",
            "rule",
            "aggregation",
            "aggregations",
            "closed",
            "label",
            "origin",
            "offset",
            "emit_empty",
            "ddof",
            "interpolation",
            "integral_unit",
            "max_gap"),
        keysByType().get("resample"));
  }

  @Test
  void lagKeys() {
    assertEquals(
        List.of("name", "columns", "periods", "tolerance", "suffix"), keysByType().get("lag"));
  }

  @Test
  void leadKeys() {
    assertEquals(
        List.of("name", "columns", "periods", "tolerance", "suffix"), keysByType().get("lead"));
  }

  @Test
  void pctChangeKeys() {
    assertEquals(List.of("name", "columns", "periods", "suffix"), keysByType().get("pct_change"));
  }

  @Test
  void rollingKeys() {
    assertEquals(
        List.of(
            "name",
            "window",
            "functions",
            "columns",
            "min_periods",
            "closed",
            "center",
            "ddof",
            "suffix"),
        keysByType().get("rolling"));
  }

  @Test
  void diffKeys() {
    assertEquals(List.of("name", "columns", "periods", "suffix"), keysByType().get("diff"));
  }

  @Test
  void scaleKeys() {
    assertEquals(
        List.of(
            "name",
            "method",
            "columns",
            "ddof",
            "feature_range",
            "quantile_range",
            "center",
            "scale",
            "fit",
            "suffix"),
        keysByType().get("scale"));
  }

  @Test
  void downsampleLttbKeysAreBothRequired() {
    assertEquals(List.of("name", "column", "points"), keysByType().get("downsample_lttb"));
  }

  @Test
  void transformationKeys() {
    assertEquals(List.of("name", "columns", "fit", "suffix"), keysByType().get("normalize"));
    assertEquals(
        List.of("name", "method", "columns", "invalid", "suffix"), keysByType().get("log"));
    assertEquals(
        List.of("name", "columns", "lambda", "invalid", "emit_lambda", "suffix"),
        keysByType().get("box_cox"));
    assertEquals(
        List.of("name", "columns", "lambda", "emit_lambda", "suffix"),
        keysByType().get("yeo_johnson"));
  }

  @Test
  void aggregationKeys() {
    assertEquals(
        List.of(
            "name",
            "every",
            "aggregations",
            "by",
            "closed",
            "label",
            "origin",
            "offset",
            "ddof",
            "interpolation",
            "integral_unit",
            "max_gap"),
        keysByType().get("group_by_time"));
    assertEquals(
        List.of("name", "functions", "columns", "reset_every", "offset", "suffix"),
        keysByType().get("cumulative"));
  }

  @Test
  void utilityKeys() {
    assertEquals(List.of("name", "columns"), keysByType().get("select"));
    assertEquals(List.of("name", "columns"), keysByType().get("drop_columns"));
    assertEquals(List.of("name", "mapping"), keysByType().get("rename"));
    assertEquals(List.of("name", "types", "invalid"), keysByType().get("cast"));
  }

  @Test
  void datetimeFeaturesKeys() {
    assertEquals(
        List.of("name", "features", "cyclic", "prefix"), keysByType().get("datetime_features"));
  }

  @Test
  void idsAreVersionedTypes() {
    for (OperationProvider p : TestRegistries.realProviders()) {
      OperationDescription d = p.description();
      assertEquals("industryts:" + d.type() + ":v1", d.id());
    }
  }

  @Test
  void everyKeyHasADoc() {
    for (OperationProvider p : TestRegistries.realProviders()) {
      for (ParamSpec s : p.description().params()) {
        assertFalse(s.doc().isEmpty(), p.description().type() + "." + s.key());
      }
      assertFalse(p.description().doc().isEmpty(), p.description().type());
    }
  }

  @Test
  void everyExampleIsAValidStep() {
    for (OperationProvider p : TestRegistries.realProviders()) {
      JobConfig job =
          JobConfig.parse(
              p.description().example(), p.description().type() + ".toml", TestRegistries.fakes());
      assertEquals(p.description().type(), job.steps().get(0).type());
    }
  }

  @Test
  void defaultsAreRenderedAsTomlForDocs() {
    OperationDescription resample = TestRegistries.fakes().find("resample").get().description();
    assertEquals("required", resample.param("rule").get().defaultDisplay());
    assertEquals("\"mean\"", resample.param("aggregation").get().defaultDisplay());
    assertEquals("\"0s\"", resample.param("offset").get().defaultDisplay());
    assertEquals("value columns", resample.param("columns").get().defaultDisplay());
    assertEquals("none", resample.param("aggregations").get().defaultDisplay());
    assertEquals("duration", resample.param("rule").get().type().display());
  }
}
