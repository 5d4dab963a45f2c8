package io.industryts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows equal by (key, time) with a tolerance; what a failure says. */
class TimeSeriesRowsTest {
  static final Schema SCHEMA =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("time")
          .addNullableField("v", FieldType.DOUBLE)
          .addNullableField("n", FieldType.INT64)
          .build();

  static Row row(String tag, long millis, Double v, Long n) {
    return Row.withSchema(SCHEMA).addValues(tag, new Instant(millis), v, n).build();
  }

  @Test
  void orderDoesNotMatterAndDoublesMatchWithinTolerance() {
    List<Row> expected =
        List.of(row("a", 0, 1.0, 1L), row("a", 60_000, 2.0, 2L), row("b", 0, 3.0, 3L));
    List<Row> actual =
        List.of(row("b", 0, 3.0 + 1e-10, 3L), row("a", 60_000, 2.0, 2L), row("a", 0, 1.0, 1L));
    TimeSeriesRows.equalTo(expected).keyedBy("tag").withTolerance(1e-9).check(actual);
  }

  @Test
  void valueBeyondToleranceNamesSeriesTimeAndField() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L))
                    .keyedBy("tag")
                    .withTolerance(1e-9)
                    .check(List.of(row("a", 0, 1.001, 1L))));
    assertEquals(
        "1 problem(s) comparing 1 actual with 1 expected rows (identity tag, time, tolerance 1.0E-9):\n"
            + "  tag=a, time=1970-01-01T00:00:00.000Z: field v expected 1.0 but was 1.001",
        e.getMessage());
  }

  @Test
  void relativeToleranceScalesWithTheExpectedValue() {
    TimeSeriesRows.equalTo(row("a", 0, 1e6, 1L))
        .withRelativeTolerance(1e-6)
        .check(List.of(row("a", 0, 1e6 + 0.5, 1L)));
    assertThrows(
        AssertionError.class,
        () ->
            TimeSeriesRows.equalTo(row("a", 0, 1e6, 1L))
                .withRelativeTolerance(1e-6)
                .check(List.of(row("a", 0, 1e6 + 2, 1L))));
  }

  @Test
  void integersAreExactNanMatchesNanAndNullMatchesOnlyNull() {
    TimeSeriesRows.equalTo(row("a", 0, Double.NaN, null))
        .check(List.of(row("a", 0, Double.NaN, null)));
    AssertionError ints =
        assertThrows(
            AssertionError.class,
            () ->
                TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L))
                    .withTolerance(5)
                    .check(List.of(row("a", 0, 1.0, 2L))));
    assertTrue(ints.getMessage().contains("field n expected 1 but was 2"), ints.getMessage());
    AssertionError nulls =
        assertThrows(
            AssertionError.class,
            () ->
                TimeSeriesRows.equalTo(row("a", 0, null, 1L)).check(List.of(row("a", 0, 0.0, 1L))));
    assertTrue(
        nulls.getMessage().contains("field v expected null but was 0.0"), nulls.getMessage());
  }

  @Test
  void missingAndUnexpectedRowsAreListedByIdentity() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L), row("a", 60_000, 2.0, 2L))
                    .keyedBy("tag")
                    .check(List.of(row("a", 0, 1.0, 1L), row("b", 0, 1.0, 1L))));
    assertEquals(
        "2 problem(s) comparing 2 actual with 2 expected rows (identity tag, time, tolerance 0.0):\n"
            + "  tag=a, time=1970-01-01T00:01:00.000Z: missing row [a, 1970-01-01T00:01:00.000Z, 2.0, 2]\n"
            + "  tag=b, time=1970-01-01T00:00:00.000Z: unexpected row [b, 1970-01-01T00:00:00.000Z, 1.0, 1]",
        e.getMessage());
  }

  @Test
  void duplicatesAtOneIdentityAreMatchedAsAMultiset() {
    TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L), row("a", 0, 2.0, 2L))
        .keyedBy("tag")
        .check(List.of(row("a", 0, 2.0, 2L), row("a", 0, 1.0, 1L)));
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L), row("a", 0, 1.0, 1L))
                    .keyedBy("tag")
                    .check(List.of(row("a", 0, 1.0, 1L))));
    assertTrue(e.getMessage().contains("missing row"), e.getMessage());
  }

  @Test
  void schemasMustAgreeIgnoringNullability() {
    Schema nullableTag =
        Schema.builder()
            .addNullableField("tag", FieldType.STRING)
            .addDateTimeField("time")
            .addNullableField("v", FieldType.DOUBLE)
            .addNullableField("n", FieldType.INT64)
            .build();
    Row sameButNullable =
        Row.withSchema(nullableTag).addValues("a", new Instant(0), 1.0, 1L).build();
    TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L)).check(List.of(sameButNullable));

    Schema renamed =
        Schema.builder()
            .addStringField("tag")
            .addDateTimeField("time")
            .addDoubleField("value")
            .build();
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L))
                    .check(
                        List.of(
                            Row.withSchema(renamed).addValues("a", new Instant(0), 1.0).build())));
    assertTrue(e.getMessage().startsWith("schemas differ"), e.getMessage());
  }

  @Test
  void timeFieldIsFoundByNameThenTypeAndAWrongNameIsReported() {
    Schema s =
        Schema.builder().addStringField("tag").addDateTimeField("at").addDoubleField("v").build();
    Row r0 = Row.withSchema(s).addValues("a", new Instant(0), 1.0).build();
    Row r1 = Row.withSchema(s).addValues("a", new Instant(1), 1.0).build();
    AssertionError byType =
        assertThrows(AssertionError.class, () -> TimeSeriesRows.equalTo(r0).check(List.of(r1)));
    assertTrue(byType.getMessage().contains("identity at,"), byType.getMessage());
    AssertionError wrong =
        assertThrows(
            AssertionError.class,
            () -> TimeSeriesRows.equalTo(r0).withTimeColumn("ts").check(List.of(r0)));
    assertEquals(
        "time field \"ts\" is not in the expected rows' schema [tag, at, v]. Fix withTimeColumn(...).",
        wrong.getMessage());
  }

  @Test
  void badArgumentsAreRejectedWithTheFix() {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> TimeSeriesRows.equalTo(List.of()));
    assertTrue(empty.getMessage().contains("PAssert.that(output).empty()"), empty.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> TimeSeriesRows.equalTo(row("a", 0, 1.0, 1L)).withTolerance(-1));
    assertEquals("withTolerance: tolerance must be >= 0. Got -1.0.", negative.getMessage());
  }
}
