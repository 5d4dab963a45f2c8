package io.industryts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.SeriesOptions;
import io.industryts.ops.Diff;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.testing.BeamPipelineExtension;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Series options a Java caller can get wrong without noticing: keys set on an operation inside a
 * pipeline, keys forgotten on a lone operation, a missing key or time column.
 */
@ExtendWith(BeamPipelineExtension.class)
class SeriesOptionsFootgunsTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("time")
          .addNullableField("v", FieldType.DOUBLE)
          .build();

  private static Row row(String tag, long minute, Double v) {
    return Row.withSchema(SCHEMA).addValues(tag, new Instant(minute * 60_000L), v).build();
  }

  /** Two interleaved series: a = 1, 2 and b = 10, 20 at minutes 0 and 1. */
  private static PCollection<Row> twoSeries(TestPipeline p) {
    return p.apply(
        Create.of(row("a", 0, 1.0), row("b", 0, 10.0), row("a", 1, 2.0), row("b", 1, 20.0))
            .withRowSchema(SCHEMA));
  }

  @Test
  void keysOfAnOperationInsideAnUnkeyedPipelineKeyEveryStep(TestPipeline p) {
    PCollection<Row> out =
        twoSeries(p)
            .apply(
                TimeSeriesPipeline.named("p")
                    .then(Lag.rows(1).of("v").keyedBy("tag"))
                    .then(Diff.periods(1).of("v")));
    Schema s = out.getSchema();
    PAssert.that(out)
        .containsInAnyOrder(
            Row.withSchema(s).addValues("a", new Instant(0), 1.0, null, null).build(),
            Row.withSchema(s).addValues("a", new Instant(60_000), 2.0, 1.0, 1.0).build(),
            Row.withSchema(s).addValues("b", new Instant(0), 10.0, null, null).build(),
            Row.withSchema(s).addValues("b", new Instant(60_000), 20.0, 10.0, 10.0).build());
    p.run();
  }

  @Test
  void keysOfAnOperationThatDisagreeWithThePipelineFailAtConstruction(TestPipeline p) {
    PCollection<Row> in = twoSeries(p);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                in.apply(
                    TimeSeriesPipeline.named("p")
                        .keyedBy("tag")
                        .then(Lag.rows(1).of("v").keyedBy("v"))));
    assertEquals(
        "TimeSeriesPipeline: step \"1_lag\" (lag) is keyed by [v], but the pipeline is"
            + " keyed by [tag]. All steps of a pipeline run on the same series: key the pipeline with"
            + " TimeSeriesPipeline.keyedBy(...) and remove .keyedBy(...) from the operations.",
        e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void twoStepsKeyedDifferentlyFailAtConstruction() {
    TimeSeriesPipeline pipeline =
        TimeSeriesPipeline.named("p")
            .then(Lag.rows(1).keyedBy("tag"))
            .then("second", Diff.periods(1).keyedBy("site"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, pipeline::effectiveOptions);
    assertEquals(
        "TimeSeriesPipeline: step \"second\" (diff) is keyed by [site], but step"
            + " \"1_lag\" is keyed by [tag]. All steps of a pipeline run on the same series: key the"
            + " pipeline with TimeSeriesPipeline.keyedBy(...) and remove .keyedBy(...) from the"
            + " operations.",
        e.getMessage());
  }

  @Test
  void equalKeysAndTimeColumnOnAStepAreAccepted() {
    TimeSeriesPipeline pipeline =
        TimeSeriesPipeline.named("p")
            .keyedBy("tag")
            .withTimeColumn("t")
            .then(Lag.rows(1).keyedBy("tag").withTimeColumn("t"));
    assertEquals(List.of("tag"), pipeline.effectiveOptions().keyColumns());
    assertEquals("t", pipeline.effectiveOptions().timeColumn());
  }

  @Test
  void aStepsTimeColumnThatDisagreesWithThePipelineFails() {
    TimeSeriesPipeline pipeline =
        TimeSeriesPipeline.named("p").withTimeColumn("t").then(Lag.rows(1).withTimeColumn("ts"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, pipeline::effectiveOptions);
    assertTrue(
        e.getMessage()
            .startsWith(
                "TimeSeriesPipeline: step \"1_lag\" (lag) sets time"
                    + " column \"ts\", but the pipeline's is \"t\"."),
        e.getMessage());
  }

  @Test
  void aLoneOperationWithoutKeysOnAnInputWithATagFieldIsWarnedAbout() {
    Optional<String> w = SeriesChecks.unkeyedWarning("Lag", SCHEMA, Lag.rows(1).options(), false);
    assertEquals(
        Optional.of(
            "Lag: no key columns are set, so all rows form one series, but the"
                + " input has a field \"tag\" that looks like a series key. If it identifies series, call"
                + " .keyedBy(\"tag\"); if the input is one series, call .keyedBy() with no columns to say"
                + " so."),
        w);
  }

  @Test
  void declaredKeysOrNoLikelyKeySilenceTheWarning() {
    assertEquals(
        Optional.empty(),
        SeriesChecks.unkeyedWarning("Lag", SCHEMA, Lag.rows(1).keyedBy().options(), false));
    assertEquals(
        Optional.empty(),
        SeriesChecks.unkeyedWarning("Lag", SCHEMA, Lag.rows(1).keyedBy("tag").options(), false));
    Schema noKey = Schema.builder().addStringField("status").addDateTimeField("t").build();
    assertEquals(
        Optional.empty(), SeriesChecks.unkeyedWarning("Lag", noKey, Lag.rows(1).options(), false));
  }

  @Test
  void aMissingKeyColumnNamesTheOperationAndTheFix(TestPipeline p) {
    PCollection<Row> in = twoSeries(p);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> in.apply(FillNull.forward().keyedBy("asset")));
    assertEquals(
        "FillNull: key column \"asset\" not found. Available fields: [tag, time, v]. Fix the"
            + " names given to .keyedBy(...).",
        e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void aMissingTimeColumnNamesTheJavaMethodToAJavaCaller(TestPipeline p) {
    PCollection<Row> in = twoSeries(p);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> in.apply(Lag.rows(1).withTimeColumn("ts")));
    assertEquals(
        "Lag: time column \"ts\" (set by withTimeColumn) not found. Available fields:"
            + " [tag, time, v]. Set it with .withTimeColumn(\"<field>\").",
        e.getMessage());
    p.enableAbandonedNodeEnforcement(false);
  }

  @Test
  void aMissingTimeColumnNamesTheTomlKeyToATomlPipeline() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SeriesChecks.check(
                    "TimeSeriesPipeline",
                    SCHEMA,
                    SeriesOptions.defaults().withTimeColumn("ts"),
                    true));
    assertTrue(e.getMessage().endsWith("Fix [pipeline].time_column."), e.getMessage());
  }
}
