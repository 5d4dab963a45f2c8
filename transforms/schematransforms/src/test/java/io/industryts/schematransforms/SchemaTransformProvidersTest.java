package io.industryts.schematransforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.config.OperationDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Registration, identifiers, configuration schemas and configuration errors of the providers. */
class SchemaTransformProvidersTest {

  static List<OperationSchemaTransformProvider> ours() {
    List<OperationSchemaTransformProvider> out = new ArrayList<>();
    for (SchemaTransformProvider p : ServiceLoader.load(SchemaTransformProvider.class)) {
      if (p.identifier().startsWith(OperationSchemaTransformProvider.URN_PREFIX)) {
        out.add((OperationSchemaTransformProvider) p);
      }
    }
    return out;
  }

  @Test
  void everyOperationTypeIsRegisteredOnceUnderItsVersionedIdentifier() {
    Set<String> expected =
        OperationSchemaTransformProvider.registry().descriptions().stream()
            .map(d -> "beam:schematransform:io." + d.id())
            .collect(Collectors.toCollection(TreeSet::new));
    List<String> ids = ours().stream().map(SchemaTransformProvider::identifier).sorted().toList();
    assertEquals(
        List.copyOf(expected),
        ids,
        "each operation type needs a class in io.industryts.schematransforms.providers and a line in"
            + " META-INF/services/org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider");
    assertTrue(ids.contains("beam:schematransform:io.industryts:resample:v1"));
  }

  @Test
  void configurationSchemaIsTheTomlKeysThenTheSeriesKeys() {
    Schema lag = ProvidersMatchTomlStepsTest.provider("lag").configurationSchema();
    assertEquals(
        List.of(
            "name",
            "columns",
            "periods",
            "tolerance",
            "suffix",
            "time_column",
            "key_columns",
            "time_zone",
            "time_format",
            "epoch_unit",
            "ambiguous",
            "nonexistent",
            "nan_as_null",
            "sequence_column",
            "allowed_lateness"),
        lag.getFieldNames());
    assertEquals(
        FieldType.array(FieldType.STRING).withNullable(true), lag.getField("periods").getType());
    assertEquals(
        FieldType.array(FieldType.STRING).withNullable(true), lag.getField("columns").getType());
    assertEquals(FieldType.STRING.withNullable(true), lag.getField("tolerance").getType());
    assertEquals(
        "Appended to generated output names; in-place transforms then write new columns. Type:"
            + " string; default: \"\".",
        lag.getField("suffix").getDescription());

    Schema resample = ProvidersMatchTomlStepsTest.provider("resample").configurationSchema();
    assertEquals(
        FieldType.map(FieldType.STRING, FieldType.array(FieldType.STRING)).withNullable(true),
        resample.getField("aggregations").getType());
    assertTrue(
        resample
            .getField("aggregation")
            .getDescription()
            .endsWith(
                "one of: mean, sum, min, max, first, last, count, median, std, var, twa, integral."),
        resample.getField("aggregation").getDescription());
    assertEquals(FieldType.BOOLEAN.withNullable(true), resample.getField("emit_empty").getType());
    assertEquals(FieldType.INT64.withNullable(true), resample.getField("ddof").getType());
  }

  @Test
  void everyConfigurationFieldIsNullableDescribedAndOfAPortableType() {
    for (OperationSchemaTransformProvider p : ours()) {
      OperationDescription d = p.operation();
      for (Field f : p.configurationSchema().getFields()) {
        assertTrue(f.getType().getNullable(), p + " " + f.getName());
        assertTrue(f.getDescription().contains("Type: "), p + " " + f.getName());
        assertTrue(ConfigRows.isConfigType(f.getType()), p + " " + f.getName() + " " + f.getType());
      }
      assertTrue(p.description().startsWith(d.doc()), p.identifier());
      assertTrue(p.description().contains(d.example()), p.identifier());
      assertEquals(List.of("input"), p.inputCollectionNames());
      assertEquals(List.of("output"), p.outputCollectionNames());
    }
  }

  @Test
  void configurationRowBecomesTheTomlStepItStandsFor() {
    OperationSchemaTransformProvider fill = ProvidersMatchTomlStepsTest.provider("fill_null");
    Row config =
        ConfigRows.of(
            fill.configurationSchema(),
            "method = \"constant\"\nvalue = \"n/a\"\ncolumns = [\"status\"]\nkey_columns = [\"tag\"]");
    assertEquals(
        "[pipeline]\nkey_columns = [\"tag\"]\n\n[[operations]]\ntype = \"fill_null\"\n"
            + "method = \"constant\"\ncolumns = [\"status\"]\nvalue = \"n/a\"\n",
        ConfigurationSchemas.toToml(fill.operation(), config));
    Row numeric = ConfigRows.of(fill.configurationSchema(), "method = \"constant\"\nvalue = 0.5");
    assertTrue(ConfigurationSchemas.toToml(fill.operation(), numeric).contains("\nvalue = 0.5\n"));

    OperationSchemaTransformProvider rolling = ProvidersMatchTomlStepsTest.provider("rolling");
    Row window = ConfigRows.of(rolling.configurationSchema(), "window = \"3\"");
    assertTrue(ConfigurationSchemas.toToml(rolling.operation(), window).contains("\nwindow = 3\n"));
    Row duration = ConfigRows.of(rolling.configurationSchema(), "window = \"10min\"");
    assertTrue(
        ConfigurationSchemas.toToml(rolling.operation(), duration)
            .contains("\nwindow = \"10min\"\n"));
  }

  @Test
  void badConfigurationFailsAtFromWithEveryProblemNamed() {
    OperationSchemaTransformProvider resample = ProvidersMatchTomlStepsTest.provider("resample");
    Row config =
        ConfigRows.of(resample.configurationSchema(), "aggregation = \"avg\"\nclosed = \"middle\"");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> resample.from(config));
    String m = e.getMessage();
    assertTrue(
        m.startsWith("invalid configuration for beam:schematransform:io.industryts:resample:v1:\n"),
        m);
    assertTrue(m.contains("\"rule\""), m);
    assertTrue(m.contains("avg"), m);
    assertTrue(m.contains("middle"), m);
    assertEquals(4, m.split("\n").length, m); // the heading and one line per problem
  }

  @Test
  void missingInputIsNamed() {
    OperationSchemaTransformProvider diff = ProvidersMatchTomlStepsTest.provider("diff");
    Row config = ConfigRows.of(diff.configurationSchema(), "periods = 1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                diff.from(config)
                    .expand(
                        org.apache.beam.sdk.values.PCollectionRowTuple.empty(
                            org.apache.beam.sdk.Pipeline.create())));
    assertEquals(
        "beam:schematransform:io.industryts:diff:v1: no input named \"input\". Got []. Pass the"
            + " time-series rows as \"input\".",
        e.getMessage());
  }
}
