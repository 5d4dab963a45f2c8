package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  private static final List<String> STEPS = List.of("1_drop_duplicates", "2_resample");

  private static Map<String, Long> counters() {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put(JobPipeline.ROWS_READ, 1000L);
    c.put(JobPipeline.READ_ERRORS, 2L);
    c.put("1_drop_duplicates.rows_in", 1000L);
    c.put("1_drop_duplicates.rows_out", 990L);
    c.put("1_drop_duplicates.rows_dropped", 10L);
    c.put("2_resample.rows_in", 990L);
    c.put("2_resample.rows_out", 17L);
    c.put(JobPipeline.ROWS_WRITTEN, 17L);
    c.put(JobPipeline.DEAD_LETTERED, 2L);
    return c;
  }

  @Test
  void countersAreAllTheRunsCountersByNameAndReadOnly() {
    Map<String, Long> all = RunSummary.of(counters(), STEPS).counters();
    assertThat(all, equalTo(counters()));
    org.junit.jupiter.api.Assertions.assertThrows(
        UnsupportedOperationException.class, () -> all.put("x", 1L));
  }

  @Test
  void consistentCountsHaveNoInconsistency() {
    assertThat(RunSummary.of(counters(), STEPS).inconsistencies(), empty());
  }

  @Test
  void stepInputNotMatchingPreviousOutputIsReported() {
    Map<String, Long> c = counters();
    c.put("2_resample.rows_in", 980L);
    assertThat(
        RunSummary.of(c, STEPS).inconsistencies(),
        contains("2_resample.rows_in = 980 but 1_drop_duplicates.rows_out = 990"));
  }

  @Test
  void errorRecordsMustBeReadPlusStepErrors() {
    Map<String, Long> c = counters();
    c.put("2_resample.errors", 1L);
    assertThat(
        RunSummary.of(c, STEPS).inconsistencies(),
        contains("error records = 2 but read errors + step errors = 3"));
  }

  @Test
  void reportListsEveryStepWithItsOwnCounters() {
    String text = RunSummary.of(counters(), STEPS).format(List.of("out.csv"), "bad.csv", 1.25);
    assertThat(
        text,
        equalTo(
            String.join(
                "\n",
                "industryts: read 1,000 rows (+ 2 bad input rows)",
                "  1_drop_duplicates         1,000 in           990 out  (rows_dropped 10)",
                "  2_resample                  990 in            17 out",
                "industryts: wrote 17 rows to out.csv",
                "industryts: dead-lettered 2 rows to bad.csv",
                "industryts: done in 1.3 s",
                "")));
  }
}
