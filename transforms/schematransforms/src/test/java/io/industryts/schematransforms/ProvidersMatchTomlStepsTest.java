package io.industryts.schematransforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.industryts.config.IndustryPipeline;
import io.industryts.config.JobConfig;
import io.industryts.testing.BeamPipelineExtension;
import io.industryts.testing.TimeSeriesRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionRowTuple;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every operation type: the provider built from a configuration {@code Row} gives exactly the
 * rows of the same step loaded from TOML. Each case is written once, as TOML key lines; the
 * configuration row holds the same values in the provider's configuration schema.
 */
@ExtendWith(BeamPipelineExtension.class)
class ProvidersMatchTomlStepsTest {
  static final String SERIES = "time_column = \"time\"\nkey_columns = [\"tag\"]\n";

  /** type, then the step's keys. Several cases per type exercise the two-typed keys. */
  static final List<String[]> CASES =
      List.of(
          c("asof_join", "right = \"weather\"\nby = [\"tag\"]\ntolerance = \"30min\""),
          c("box_cox", "columns = [\"flow\"]\nemit_lambda = true"),
          c("cast", "types = { level = \"double\" }"),
          c("clip", "lower = 10\nupper = 20.5"),
          c(
              "cumulative",
              "functions = [\"cumsum\", \"cummax\"]\ncolumns = [\"energy\"]\nreset_every = \"1h\""),
          c("datetime_features", "features = [\"hour\", \"dayofweek\"]\ncyclic = [\"hour\"]"),
          c("diff", "periods = [1, 2]\ncolumns = [\"flow\"]"),
          c("drop_columns", "columns = [\"status\"]"),
          c("drop_duplicates", "keep = \"last\""),
          c("drop_null", "columns = [\"temp\"]"),
          c("ewm", "span = 4\nfunctions = [\"mean\", \"std\"]\ncolumns = [\"flow\"]"),
          c("ewm", "halflife = 2.5\ncolumns = [\"flow\"]"),
          c("fill_null", "method = \"constant\"\nvalue = 0\ncolumns = [\"temp\"]"),
          c("fill_null", "method = \"forward\"\nmax_gap = \"10min\"\nflag = true"),
          c("filter_time", "start = \"2024-01-01 01:00\"\nend = \"2024-01-01 02:00\""),
          c(
              "group_by_time",
              "every = \"1h\"\naggregations = { flow = [\"mean\", \"max\"] }\nby = [\"status\"]"),
          c("interpolate", "max_gap = \"10min\"\ncolumns = [\"temp\"]"),
          c("lag", "columns = [\"temp\"]\nperiods = [1, 2]"),
          c("lag", "columns = [\"temp\"]\nperiods = [\"10min\"]\ntolerance = \"5min\""),
          c("lead", "columns = [\"flow\"]\nperiods = 1"),
          c("log", "method = \"log1p\"\ncolumns = [\"flow\"]"),
          c("normalize", "columns = [\"temp\"]"),
          c(
              "outliers",
              "method = \"zscore\"\nthreshold = 1.5\naction = \"clip\"\ncolumns = [\"flow\"]"),
          c("outliers", "method = \"hampel\"\nwindow = 5\ncolumns = [\"flow\"]"),
          c("pct_change", "periods = 1\ncolumns = [\"flow\"]"),
          c(
              "regularize",
              "rule = \"1min\"\nfill = \"linear\"\nmax_gap = \"10min\"\ncolumns = [\"flow\"]"),
          c("rename", "mapping = { flow = \"flow_rate\" }"),
          c("resample", "rule = \"1h\"\naggregation = \"mean\"\ncolumns = [\"flow\", \"temp\"]"),
          c("rolling", "window = 3\nfunctions = [\"mean\", \"max\"]\ncolumns = [\"flow\"]"),
          c("rolling", "window = \"30min\"\nfunctions = \"sum\"\ncolumns = [\"flow\"]"),
          c("scale", "method = \"minmax\"\nfeature_range = [0.0, 2.0]\ncolumns = [\"flow\"]"),
          c("select", "columns = [\"flow\", \"temp\"]"),
          c("snap_time", "freq = \"10min\""),
          c("yeo_johnson", "columns = [\"temp\"]"),
          c("counter", "columns = [\"energy\"]\nrollover = 1000.0\nrate_unit = \"1min\""),
          c("state_intervals", "column = \"status\""),
          c("state_intervals", "column = \"flow\"\nabove = 15.0\nmax_gap = \"2h\""),
          c("mask_quality", "quality_column = \"level\"\ncolumns = [\"flow\"]\ngood = [1, 2]"),
          c("mask_quality", "quality_column = \"status\"\ncolumns = [\"temp\"]\ngood = [\"ok\"]"),
          c("downsample_lttb", "column = \"flow\"\npoints = 3"),
          c(
              "resample",
              "rule = \"1h\"\naggregation = \"twa\"\ninterpolation = \"linear\"\ncolumns = [\"flow\"]"));

  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("time")
          .addNullableField("flow", FieldType.DOUBLE)
          .addNullableField("temp", FieldType.DOUBLE)
          .addNullableField("level", FieldType.INT64)
          .addNullableField("status", FieldType.STRING)
          .addNullableField("energy", FieldType.DOUBLE)
          .build();

  static final Schema WEATHER =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("time")
          .addDoubleField("humidity")
          .build();

  static final long T0 = Instant.parse("2024-01-01T00:00:00Z").getMillis();

  /** Captured outputs, by case and path; the DirectRunner runs in this JVM. */
  static final Map<String, List<Row>> OUTPUTS = new ConcurrentHashMap<>();

  private static String[] c(String type, String keys) {
    return new String[] {type, keys};
  }

  static Stream<String[]> cases() {
    return CASES.stream();
  }

  /** Two series, 7 minutes apart, with nulls, a duplicate time and gaps. */
  static List<Row> readings() {
    List<Row> rows = new ArrayList<>();
    for (String tag : List.of("a", "b")) {
      int shift = tag.equals("a") ? 0 : 3;
      for (int i = 0; i < 30; i++) {
        if (i % 11 == 7) {
          continue; // a gap
        }
        long t = T0 + (7L * i + shift) * 60_000;
        Double flow = i % 9 == 4 ? null : 5.0 + (i * 37 % 17) + (tag.equals("b") ? 0.25 : 0);
        Double temp = i % 6 == 2 ? null : 15.0 + Math.sin(i) * 4;
        rows.add(
            Row.withSchema(SCHEMA)
                .addValues(
                    tag,
                    new Instant(t),
                    flow,
                    temp,
                    (long) (i % 5),
                    i % 2 == 0 ? "on" : "off",
                    1.0 + i % 3)
                .build());
        if (i == 12) { // a second reading at the same time
          rows.add(
              Row.withSchema(SCHEMA)
                  .addValues(tag, new Instant(t), 9.0, 16.0, 2L, "on", 2.0)
                  .build());
        }
      }
    }
    return rows;
  }

  static List<Row> weather() {
    List<Row> rows = new ArrayList<>();
    for (String tag : List.of("a", "b")) {
      for (int i = 0; i < 8; i++) {
        rows.add(
            Row.withSchema(WEATHER)
                .addValues(
                    tag, new Instant(T0 + i * 30 * 60_000L), 40.0 + i + (tag.equals("b") ? 5 : 0))
                .build());
      }
    }
    return rows;
  }

  @Test
  void everyRegisteredOperationTypeHasACase() {
    Set<String> types = new TreeSet<>(OperationSchemaTransformProvider.registry().types());
    Set<String> covered =
        CASES.stream().map(k -> k[0]).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(types, covered, "add a case for each new operation type");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void providerRowsEqualTomlStepRows(String type, String keys, TestPipeline p) {
    OperationSchemaTransformProvider provider = provider(type);
    Row config = ConfigRows.of(provider.configurationSchema(), SERIES + keys);
    String id = type + "|" + keys;

    PCollection<Row> input = p.apply("readings", Create.of(readings()).withRowSchema(SCHEMA));
    PCollection<Row> weather = p.apply("weather", Create.of(weather()).withRowSchema(WEATHER));

    PCollection<Row> fromToml =
        input.apply(
            "toml",
            IndustryPipeline.of(
                    JobConfig.parse(
                        "[pipeline]\n"
                            + SERIES
                            + "\n[[operations]]\ntype = \""
                            + type
                            + "\"\n"
                            + keys,
                        "step.toml",
                        OperationSchemaTransformProvider.registry(),
                        Set.of("weather")))
                .withInputs(Map.of("weather", weather)));
    PCollection<Row> fromProvider =
        PCollectionRowTuple.of(OperationSchemaTransformProvider.INPUT, input, "weather", weather)
            .apply("provider", provider.from(config))
            .get(OperationSchemaTransformProvider.OUTPUT);

    assertEquals(fromToml.getSchema(), fromProvider.getSchema());
    PAssert.that("capture toml", fromToml).satisfies(capture(id + "|toml"));
    PAssert.that("capture provider", fromProvider).satisfies(capture(id + "|provider"));
    p.run().waitUntilFinish();

    List<Row> toml = OUTPUTS.remove(id + "|toml");
    List<Row> fromRow = OUTPUTS.remove(id + "|provider");
    assertFalse(toml.isEmpty(), "the TOML step produced no rows; the case tests nothing");
    List<String> keyFields =
        Stream.of("tag").filter(toml.get(0).getSchema()::hasField).collect(Collectors.toList());
    TimeSeriesRows.equalTo(toml)
        .keyedBy(keyFields.toArray(new String[0]))
        .withTimeColumn("time")
        .check(fromRow);
  }

  static OperationSchemaTransformProvider provider(String type) {
    for (SchemaTransformProvider p : ServiceLoader.load(SchemaTransformProvider.class)) {
      if (p.identifier().equals("beam:schematransform:io.industryts:" + type + ":v1")) {
        return (OperationSchemaTransformProvider) p;
      }
    }
    throw new AssertionError("no provider registered for " + type);
  }

  private static SerializableFunction<Iterable<Row>, Void> capture(String key) {
    return rows -> {
      List<Row> list = new ArrayList<>();
      rows.forEach(list::add);
      OUTPUTS.put(key, list);
      return null;
    };
  }
}
