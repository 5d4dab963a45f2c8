package io.industryts.testing;

import static io.industryts.testing.TimeSeriesRowsTest.SCHEMA;
import static io.industryts.testing.TimeSeriesRowsTest.row;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension injects a TestPipeline; TimeSeriesRows works as a PAssert check on it. */
@ExtendWith(BeamPipelineExtension.class)
class BeamPipelineExtensionTest {

  @Test
  void passingComparisonInsideAPipeline(TestPipeline p) {
    PCollection<Row> rows =
        p.apply(Create.of(row("b", 0, 2.0, 2L), row("a", 0, 1.0, 1L)).withRowSchema(SCHEMA));
    PAssert.that(rows)
        .satisfies(
            TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L), row("b", 0, 2.0 + 1e-12, 2L))
                .keyedBy("tag")
                .withTolerance(1e-9));
    p.run();
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0, 2.0})
  void eachParameterizedInvocationGetsItsOwnPipeline(double v, TestPipeline p) {
    PCollection<Row> rows = p.apply(Create.of(row("a", 0, v, 1L)).withRowSchema(SCHEMA));
    PAssert.that(rows).satisfies(TimeSeriesRows.equalTo(row("a", 0, v, 1L)).keyedBy("tag"));
    p.run();
  }

  @Test
  void failingComparisonFailsTheRun(TestPipeline p) {
    PCollection<Row> rows = p.apply(Create.of(row("a", 0, 1.5, 1L)).withRowSchema(SCHEMA));
    PAssert.that(rows).satisfies(TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L)).keyedBy("tag"));
    Throwable e = assertThrows(Throwable.class, p::run);
    Throwable cause = e instanceof PipelineExecutionException ? e.getCause() : e;
    assertTrue(
        String.valueOf(cause.getMessage()).contains("field v expected 1.0 but was 1.5"),
        String.valueOf(cause));
  }
}
