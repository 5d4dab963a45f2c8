package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §2.8.3 {@code state_intervals}: the worked example, thresholds, nulls, {@code max_gap}
 * and {@code min_duration} at their limits, ties and edges, each run over many segmentations (a run
 * may start, continue through and end in different segments).
 */
class StateIntervalsTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addNullableField("status", FieldType.STRING)
          .addNullableField("temp", FieldType.DOUBLE)
          .build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  /** Every way to cut a series of up to 8 rows into segments that the tests use. */
  private static final int[][] CUTS = {
    {}, {1}, {2}, {3}, {1, 2}, {2, 3}, {1, 2, 3, 4, 5, 6, 7}, {3, 5}, {4}, {1, 4, 6}
  };

  /**
   * Runs the operation over every segmentation, asserting that all give the same rows and counters;
   * returns the rows as {@code "state start end duration_s rows"} and the counters.
   */
  private static List<String> run(StateIntervals op, Chunk in, Map<String, Long> counters) {
    Kernel k = op.plan(LAYOUT, plan("4_state_intervals"));
    List<String> first = null;
    for (int[] cuts : CUTS) {
      int[] ok = Arrays.stream(cuts).filter(c -> c < in.size()).distinct().toArray();
      Map<String, Long> c = new HashMap<>();
      List<String> got = render(KernelHarness.run(k, in, ok, c));
      if (first == null) {
        first = got;
        counters.putAll(c);
      } else {
        assertEquals(first, got, "cuts " + Arrays.toString(ok));
        assertEquals(counters, c, "counters with cuts " + Arrays.toString(ok));
      }
    }
    return first;
  }

  private static List<String> run(StateIntervals op, Chunk in) {
    return run(op, in, new HashMap<>());
  }

  private static List<String> render(Chunk out) {
    List<String> rows = new ArrayList<>();
    Schema s = out.schema();
    String state = s.getField(0).getName();
    for (int i = 0; i < out.size(); i++) {
      Row r = out.row(i);
      rows.add(
          r.getValue(state)
              + " "
              + hhmmss(r.getDateTime("t").getMillis())
              + " "
              + hhmmss(r.getDateTime("end").getMillis())
              + " "
              + r.getDouble("duration_s")
              + " "
              + r.getInt64("rows"));
    }
    return rows;
  }

  private static String hhmmss(long millis) {
    String iso = new Instant(millis).toString();
    return iso.substring(11, 19);
  }

  private static Chunk statuses(String[] times, Object... status) {
    Object[] temp = new Object[status.length];
    return chunk(LAYOUT, hms(times), status, temp);
  }

  private static Chunk temps(String[] times, Object... temp) {
    Object[] status = new Object[temp.length];
    return chunk(LAYOUT, hms(times), status, temp);
  }

  private static String[] times(String... t) {
    return t;
  }

  @Test
  void workedExampleOfTheSection() {
    Chunk in = statuses(times("00:00", "00:05", "00:10", "00:30"), "on", "on", "off", "on");
    assertEquals(
        List.of(
            "on 00:00:00 00:10:00 600.0 2",
            "off 00:10:00 00:30:00 1200.0 1",
            "on 00:30:00 00:30:00 0.0 1"),
        run(StateIntervals.of("status"), in));
  }

  @Test
  void outputSchemaIsKeysStateTimeEndDurationRows() {
    Schema keyed =
        Schema.builder()
            .addStringField("machine")
            .addDateTimeField("t")
            .addNullableField("temp", FieldType.DOUBLE)
            .build();
    ChunkLayout l = KernelHarness.layout(keyed, "t", "machine");
    Schema out = StateIntervals.where("temp").above(90).plan(l, plan("s")).outputLayout().schema();
    assertEquals(
        List.of("machine", "temp_state", "t", "end", "duration_s", "rows"), out.getFieldNames());
    assertEquals(FieldType.BOOLEAN, out.getField("temp_state").getType().withNullable(false));
    assertEquals(FieldType.DATETIME, out.getField("end").getType());
    assertEquals(FieldType.DOUBLE, out.getField("duration_s").getType());
    assertEquals(FieldType.INT64, out.getField("rows").getType());
    Schema byValue = StateIntervals.of("temp").plan(l, plan("s")).outputLayout().schema();
    assertEquals(
        List.of("machine", "temp", "t", "end", "duration_s", "rows"), byValue.getFieldNames());
    assertEquals(FieldType.DOUBLE, byValue.getField("temp").getType().withNullable(false));
  }

  @Test
  void thresholdStateIsTheComparisonAndNullStaysNull() {
    Chunk in =
        temps(
            times("00:00", "00:01", "00:02", "00:03", "00:04", "00:05", "00:06"),
            85.0,
            91.0,
            90.0,
            null,
            null,
            95.0,
            96.0);
    // 90.0 is not above 90: strict comparison
    assertEquals(
        List.of(
            "false 00:00:00 00:01:00 60.0 1",
            "true 00:01:00 00:02:00 60.0 1",
            "false 00:02:00 00:03:00 60.0 1",
            "null 00:03:00 00:05:00 120.0 2",
            "true 00:05:00 00:06:00 60.0 2"),
        run(StateIntervals.where("temp").above(90.0), in));
  }

  @Test
  void aNanKeptAsAValueIsNeitherAboveNorBelow() {
    Chunk in = temps(times("00:00", "00:01", "00:02"), 95.0, Double.NaN, 5.0);
    assertEquals(
        List.of("true 00:00:00 00:01:00 60.0 1", "false 00:01:00 00:02:00 60.0 2"),
        run(StateIntervals.where("temp").above(90), in));
    assertEquals(
        List.of(
            "true 00:00:00 00:01:00 60.0 1",
            "false 00:01:00 00:02:00 60.0 1",
            "true 00:02:00 00:02:00 0.0 1"),
        run(StateIntervals.where("temp").above(90).below(10), in));
  }

  @Test
  void aboveOrBelowBothSet() {
    Chunk in = temps(times("00:00", "00:01", "00:02", "00:03"), 5.0, 50.0, 99.0, 50.0);
    assertEquals(
        List.of(
            "true 00:00:00 00:01:00 60.0 1",
            "false 00:01:00 00:02:00 60.0 1",
            "true 00:02:00 00:03:00 60.0 1",
            "false 00:03:00 00:03:00 0.0 1"),
        run(StateIntervals.where("temp").above(90).below(10), in));
    assertEquals(
        List.of("true 00:00:00 00:01:00 60.0 1", "false 00:01:00 00:03:00 120.0 3"),
        run(StateIntervals.where("temp").below(10), in));
  }

  @Test
  void skippedNullsDoNotSplitARun() {
    Chunk in =
        statuses(times("00:00", "00:01", "00:02", "00:03", "00:04"), "on", null, "on", null, "off");
    assertEquals(
        List.of("on 00:00:00 00:04:00 240.0 2", "off 00:04:00 00:04:00 0.0 1"),
        run(StateIntervals.of("status").skipNulls(), in));
    assertEquals(
        List.of(
            "on 00:00:00 00:01:00 60.0 1",
            "null 00:01:00 00:02:00 60.0 1",
            "on 00:02:00 00:03:00 60.0 1",
            "null 00:03:00 00:04:00 60.0 1",
            "off 00:04:00 00:04:00 0.0 1"),
        run(StateIntervals.of("status"), in));
  }

  @Test
  void maxGapExactlyAtTheLimitKeepsTheRunAndOneMillisecondLessSplitsIt() {
    Chunk in =
        statuses(times("00:00", "00:10", "00:20", "00:40", "00:45"), "on", "on", "on", "on", "off");
    assertEquals(
        List.of("on 00:00:00 00:45:00 2700.0 4", "off 00:45:00 00:45:00 0.0 1"),
        run(StateIntervals.of("status").withMaxGap(Duration.standardMinutes(20)), in));
    // 20 min - 1 ms: the gap 00:20 → 00:40 ends the first run at its own last row
    assertEquals(
        List.of(
            "on 00:00:00 00:20:00 1200.0 3",
            "on 00:40:00 00:45:00 300.0 1",
            "off 00:45:00 00:45:00 0.0 1"),
        run(
            StateIntervals.of("status")
                .withMaxGap(Duration.standardMinutes(20).minus(Duration.millis(1))),
            in));
  }

  @Test
  void maxGapBeforeAnotherStateEndsTheRunAtItsLastRow() {
    Chunk in = statuses(times("00:00", "00:05", "01:00"), "on", "on", "off");
    assertEquals(
        List.of("on 00:00:00 00:05:00 300.0 2", "off 01:00:00 01:00:00 0.0 1"),
        run(StateIntervals.of("status").withMaxGap(Duration.standardMinutes(10)), in));
  }

  @Test
  void minDurationExactlyAtTheLimitIsEmittedAndShorterRunsAreCounted() {
    Chunk in = statuses(times("00:00", "00:05", "00:10", "00:30"), "on", "on", "off", "on");
    Map<String, Long> counters = new HashMap<>();
    assertEquals(
        List.of("on 00:00:00 00:10:00 600.0 2"),
        run(
            StateIntervals.of("status")
                .withMinDuration(Duration.standardMinutes(10))
                .withMaxGap(Duration.standardMinutes(10)),
            in,
            counters));
    assertEquals(2L, counters.get("intervals_short"));
    counters.clear();
    assertEquals(
        List.of("on 00:00:00 00:10:00 600.0 2", "off 00:10:00 00:30:00 1200.0 1"),
        run(
            StateIntervals.of("status").withMinDuration(Duration.standardMinutes(10)),
            in,
            counters));
    assertEquals(1L, counters.get("intervals_short"));
  }

  @Test
  void oneRunThroughEverySegment() {
    Chunk in =
        statuses(
            times("00:00", "00:01", "00:02", "00:03", "00:04", "00:05", "00:06", "00:07"),
            "on",
            "on",
            "on",
            "on",
            "on",
            "on",
            "on",
            "off");
    assertEquals(
        List.of("on 00:00:00 00:07:00 420.0 7", "off 00:07:00 00:07:00 0.0 1"),
        run(StateIntervals.of("status"), in));
    Chunk all =
        statuses(
            times("00:00", "00:01", "00:02", "00:03", "00:04", "00:05", "00:06", "00:07"),
            "on",
            "on",
            "on",
            "on",
            "on",
            "on",
            "on",
            "on");
    assertEquals(List.of("on 00:00:00 00:07:00 420.0 8"), run(StateIntervals.of("status"), all));
  }

  @Test
  void emptyOneRowAndAllNull() {
    assertEquals(List.of(), run(StateIntervals.of("status"), statuses(times())));
    assertEquals(
        List.of("on 00:00:00 00:00:00 0.0 1"),
        run(StateIntervals.of("status"), statuses(times("00:00"), "on")));
    Chunk nulls = statuses(times("00:00", "00:01", "00:02"), null, null, null);
    assertEquals(
        List.of("null 00:00:00 00:02:00 120.0 3"), run(StateIntervals.of("status"), nulls));
    assertEquals(List.of(), run(StateIntervals.of("status").skipNulls(), nulls));
  }

  @Test
  void tiedTimesKeepInputOrderAndMakeZeroLengthRuns() {
    Chunk in = statuses(times("00:00", "00:00", "00:00", "00:10"), "on", "off", "off", "on");
    assertEquals(
        List.of(
            "on 00:00:00 00:00:00 0.0 1",
            "off 00:00:00 00:10:00 600.0 2",
            "on 00:10:00 00:10:00 0.0 1"),
        run(StateIntervals.of("status"), in));
  }

  @Test
  void numericStatesCompareByValue() {
    Schema s =
        Schema.builder().addDateTimeField("t").addNullableField("mode", FieldType.INT64).build();
    ChunkLayout l = KernelHarness.layout(s, "t");
    Chunk in = chunk(l, hms("00:00", "00:01", "00:02"), col(3L, 3L, 4L));
    Chunk out = KernelHarness.run(StateIntervals.of("mode").plan(l, plan("s")), in);
    assertEquals(Arrays.asList(3L, 4L), KernelHarness.values(out, "mode"));
    assertEquals(Arrays.asList(2L, 1L), KernelHarness.values(out, "rows"));
    assertEquals(true, StateKernel.same(0.0, -0.0));
    assertEquals(true, StateKernel.same(Double.NaN, Double.NaN));
    assertEquals(
        true, StateKernel.same(new java.math.BigDecimal("1.0"), new java.math.BigDecimal("1.00")));
  }

  @Test
  void rowsCarryTheFirstRowsTieOrder() {
    Chunk in = statuses(times("00:00", "00:05", "00:10"), "on", "off", "off");
    Chunk out =
        KernelHarness.run(
            StateIntervals.of("status").plan(LAYOUT, plan("s")),
            in,
            new int[] {2},
            new HashMap<>());
    assertEquals(2, out.size());
    assertEquals(0L, out.seqs()[0]);
    assertEquals(1L, out.seqs()[1]);
  }

  @Test
  void errorsNameTheFix() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StateIntervals.where("status").above(1).plan(LAYOUT, plan("s")));
    assertEquals(
        "StateIntervals: above/below need a numeric column. Got \"status\" (STRING).",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StateIntervals.where("temp").plan(LAYOUT, plan("s")));
    assertEquals(
        "StateIntervals: where(\"temp\") needs a condition. Got no threshold; expected"
            + " above(x) and/or below(x) (TOML keys above, below), or StateIntervals.of(\"temp\") for"
            + " the column's values as states.",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StateIntervals.of("speed").plan(LAYOUT, plan("s")));
    assertEquals(
        "StateIntervals: column \"speed\" not found. Available fields: [t, status, temp]",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StateIntervals.of("status").withMaxGap(Duration.ZERO));
    assertEquals("StateIntervals: max_gap must be a duration > 0. Got PT0S.", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> StateIntervals.where("temp").above(Double.NaN));
    assertEquals("StateIntervals: above must be a finite number. Got NaN.", e.getMessage());
    Schema clash =
        Schema.builder()
            .addStringField("end")
            .addDateTimeField("t")
            .addNullableField("status", FieldType.STRING)
            .build();
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                StateIntervals.of("status")
                    .plan(KernelHarness.layout(clash, "t", "end"), plan("s")));
    assertEquals(
        "StateIntervals: output column \"end\" would clash with the key column of that"
            + " name. Got key columns [end] and time column \"t\"; expected none named [status, end,"
            + " duration_s, rows]. Rename that column first (rename).",
        e.getMessage());
  }
}
