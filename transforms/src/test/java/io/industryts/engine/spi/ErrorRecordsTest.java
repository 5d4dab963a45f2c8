package io.industryts.engine.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorRecordsTest {
  @Test
  void describePrefixesFileAndLine() {
    assertEquals(
        "data.csv:17: column \"temp\": \"abc\" is not a number",
        ErrorRecords.describe(
            ErrorRecords.of(
                "data.csv",
                17L,
                "read",
                "read",
                "non_numeric_cell",
                "temp",
                "column \"temp\": \"abc\" is not a number",
                "x")));
  }

  @Test
  void describeDoesNotRepeatAPositionTheMessageAlreadyHas() {
    assertEquals(
        "data.csv:17: column \"temp\": bad",
        ErrorRecords.describe(
            ErrorRecords.of(
                "data.csv",
                17L,
                "read",
                "read",
                "non_numeric_cell",
                "temp",
                "data.csv:17: column \"temp\": bad",
                "x")));
  }

  @Test
  void describeOfAStepErrorIsItsMessage() {
    assertEquals(
        "Log: -1.0 is outside the domain",
        ErrorRecords.describe(
            ErrorRecords.of(
                null,
                null,
                "3_log",
                "log",
                "log_domain",
                "v",
                "Log: -1.0 is outside the domain",
                "{}")));
  }
}
