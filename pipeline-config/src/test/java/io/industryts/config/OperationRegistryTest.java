package io.industryts.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.config.testing.EchoProvider;
import io.industryts.config.testing.FakeProvider;
import io.industryts.config.testing.TestRegistries;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationRegistryTest {

  @Test
  void serviceLoaderDiscoversRegisteredProviders() {
    OperationRegistry registry = OperationRegistry.load();
    assertThat(registry.types(), hasItem("test_echo"));
    assertTrue(registry.find("test_echo").get() instanceof EchoProvider);
  }

  @Test
  void serviceLoaderFindsEveryDescribedOperation() {
    assertEquals(
        List.of(
            "asof_join",
            "box_cox",
            "cast",
            "clip",
            "counter",
            "cumulative",
            "datetime_features",
            "diff",
            "downsample_lttb",
            "drop_columns",
            "drop_duplicates",
            "drop_null",
            "ewm",
            "fill_null",
            "filter_time",
            "group_by_time",
            "interpolate",
            "lag",
            "lead",
            "log",
            "mask_quality",
            "normalize",
            "outliers",
            "pct_change",
            "regularize",
            "rename",
            "resample",
            "rolling",
            "scale",
            "select",
            "snap_time",
            "state_intervals",
            "test_echo",
            "yeo_johnson"),
        OperationRegistry.load().types());
  }

  @Test
  void findsProviderByType() {
    OperationRegistry registry = TestRegistries.fakes();
    assertEquals(
        "industryts:resample:v1", registry.find("resample").orElseThrow().description().id());
  }

  @Test
  void unknownTypeIsAbsent() {
    assertFalse(TestRegistries.fakes().find("resampel").isPresent());
  }

  @Test
  void typesAreSorted() {
    assertEquals(
        List.of(
            "asof_join",
            "box_cox",
            "cast",
            "clip",
            "counter",
            "cumulative",
            "datetime_features",
            "diff",
            "downsample_lttb",
            "drop_columns",
            "drop_duplicates",
            "drop_null",
            "ewm",
            "fill_null",
            "filter_time",
            "group_by_time",
            "interpolate",
            "lag",
            "lead",
            "log",
            "mask_quality",
            "normalize",
            "outliers",
            "pct_change",
            "regularize",
            "rename",
            "resample",
            "rolling",
            "scale",
            "select",
            "snap_time",
            "state_intervals",
            "test_echo",
            "yeo_johnson"),
        TestRegistries.fakes().types());
  }

  @Test
  void rejectsDuplicateIdNamingBothProviders() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OperationRegistry.of(
                    List.of(new EchoProvider(), new FakeProvider(EchoProvider.DESCRIPTION))));
    assertEquals(
        "duplicate operation id \"industryts:test_echo:v1\": provided by"
            + " io.industryts.config.testing.EchoProvider and"
            + " io.industryts.config.testing.FakeProvider. Remove one of them from"
            + " META-INF/services/io.industryts.config.OperationProvider.",
        e.getMessage());
  }

  @Test
  void rejectsDuplicateTypeWithDifferentVersions() {
    OperationDescription v2 = OperationDescription.builder("test_echo").version(2).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OperationRegistry.of(List.of(new EchoProvider(), new FakeProvider(v2))));
    assertEquals(
        "duplicate operation type \"test_echo\": industryts:test_echo:v1"
            + " (io.industryts.config.testing.EchoProvider) and industryts:test_echo:v2"
            + " (io.industryts.config.testing.FakeProvider). Remove one of them from"
            + " META-INF/services/io.industryts.config.OperationProvider.",
        e.getMessage());
  }
}
