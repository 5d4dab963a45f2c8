package io.industryts.ops;

import static io.industryts.ops.PandasFixturesTest.assertCell;
import static io.industryts.ops.PandasFixturesTest.fixture;
import static io.industryts.ops.PandasFixturesTest.load;
import static io.industryts.ops.PandasFixturesTest.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.LongColumn;
import io.industryts.engine.spi.ObjectColumn;
import io.industryts.engine.spi.Operation;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * state_intervals and mask_quality against pandas 1.5.3 on the shared datasets (fixtures from
 * {@code scripts/fixtures/make_fixtures.py}, {@code plant_ops}). The NAB machine temperature file
 * has repeated stamps (an out-of-order hour), so ties are exercised on real data; runs are cut into
 * three segments and into segments of 500 rows.
 */
class PandasFixturesPlantTest {
  /** Must equal make_fixtures.py's QUALITY_CODES and QUALITY_WORDS. */
  private static final long[] QUALITY_CODES = {192, 0, 216, 255, 256, 64, 191};

  private static final String[] QUALITY_WORDS = {"Good", "BAD", "good", "Uncertain", "GOOD "};

  private static Chunk machine() throws IOException {
    return load("machine_temperature_system_failure.csv", ",");
  }

  /** The machine file with nulls at positions i % 97 == 0 of the sorted series. */
  private static Chunk machineWithHoles() throws IOException {
    Chunk in = machine();
    boolean[] nulls = ((DoubleColumn) in.column("value")).nulls().clone();
    for (int i = 0; i < nulls.length; i += 97) {
      nulls[i] = true;
    }
    Column[] cols = in.columnsCopy();
    cols[1] = new DoubleColumn(((DoubleColumn) in.column("value")).values(), nulls);
    return in.withColumns(in.layout(), cols);
  }

  /** Runs {@code op} on one segment, three, and segments of 500 rows; all must agree. */
  private static Chunk run(Operation op, Chunk in) {
    Kernel k = op.plan(in.layout(), KernelHarness.plan("fixture"));
    int n = in.size();
    int[][] cuts = {
      {}, {n / 3, 2 * n / 3}, IntStream.range(1, n / 500).map(i -> i * 500).toArray()
    };
    Chunk first = null;
    for (int[] c : cuts) {
      Chunk out = KernelHarness.run(k, in, c, new HashMap<>());
      if (first == null) {
        first = out;
      } else {
        assertEquals(first, out, "cuts " + c.length);
      }
    }
    return first;
  }

  private static void assertIntervals(String fixture, Chunk out, String stateColumn)
      throws IOException {
    List<Map<String, String>> rows = fixture(fixture);
    assertEquals(
        Integer.parseInt(rows.get(rows.size() - 1).get("row")) + 1,
        out.size(),
        fixture + " run count");
    for (Map<String, String> r : rows) {
      int i = Integer.parseInt(r.get("row"));
      String where = fixture + " run " + i;
      Row got = out.row(i);
      assertEquals(time(r.get("t")), out.times()[i], where + " start");
      assertCell(r.get("state"), got.getValue(stateColumn), where + " state");
      assertEquals(time(r.get("end")), got.getDateTime("end").getMillis(), where + " end");
      assertCell(r.get("duration_s"), got.getDouble("duration_s"), where + " duration_s");
      assertEquals(Long.parseLong(r.get("rows")), got.getInt64("rows"), where + " rows");
    }
  }

  @Test
  void stateIntervalsAbove90OnMachineTemperature() throws IOException {
    assertIntervals(
        "state_intervals/machine_above90.csv",
        run(StateIntervals.where("value").above(90.0), machine()),
        "value_state");
  }

  @Test
  void stateIntervalsWithNullRunsAboveOrBelow() throws IOException {
    assertIntervals(
        "state_intervals/machine_nulls_above95_below60.csv",
        run(StateIntervals.where("value").above(95.0).below(60.0), machineWithHoles()),
        "value_state");
  }

  @Test
  void stateIntervalsSkippingNullsWithMaxGapAtTheCadenceAndMinDuration() throws IOException {
    Map<String, Long> counters = new HashMap<>();
    StateIntervals op =
        StateIntervals.where("value")
            .above(90.0)
            .skipNulls()
            .withMaxGap(Duration.standardMinutes(5))
            .withMinDuration(Duration.standardMinutes(30));
    Chunk in = machineWithHoles();
    assertIntervals(
        "state_intervals/machine_skip_above90_maxgap5min_min30min.csv", run(op, in), "value_state");
    KernelHarness.run(op.plan(in.layout(), KernelHarness.plan("f")), in, counters);
    assertEquals(true, counters.get("intervals_short") > 0, "short runs are counted");
  }

  /** ETTh1 with a quality column {@code q} built from the row position (codes or words). */
  private static Chunk etthWithQuality(boolean words) throws IOException {
    Chunk in = load("ETTh1.csv", ",");
    Schema.Builder b = Schema.builder();
    in.schema().getFields().forEach(b::addField);
    b.addNullableField("q", words ? FieldType.STRING : FieldType.INT64);
    ChunkLayout layout = ChunkLayout.of(b.build(), "t", List.of());
    int n = in.size();
    Column[] cols = Arrays.copyOf(in.columnsCopy(), in.columns().length + 1);
    if (words) {
      Object[] q = new Object[n];
      for (int i = 0; i < n; i++) {
        q[i] = i % 13 == 0 ? null : QUALITY_WORDS[i % 5];
      }
      cols[cols.length - 1] = new ObjectColumn(q);
    } else {
      long[] q = new long[n];
      boolean[] nulls = new boolean[n];
      for (int i = 0; i < n; i++) {
        q[i] = QUALITY_CODES[i % 7];
        nulls[i] = i % 13 == 0;
      }
      cols[cols.length - 1] = new LongColumn(q, nulls);
    }
    return new Chunk(layout, in.key(), in.times(), in.seqs(), cols);
  }

  private static void assertMasked(String fixture, Chunk out) throws IOException {
    for (Map<String, String> r : fixture(fixture)) {
      int i = Integer.parseInt(r.get("row"));
      assertEquals(time(r.get("t")), out.times()[i], fixture + " row " + i + " time");
      for (Map.Entry<String, String> e : r.entrySet()) {
        if (!e.getKey().equals("row") && !e.getKey().equals("t")) {
          assertCell(
              e.getValue(),
              out.row(i).getValue(e.getKey()),
              fixture + " row " + i + " " + e.getKey());
        }
      }
    }
  }

  @Test
  void maskQualityOpcDaDefaultOnEtth1() throws IOException {
    Chunk out = run(MaskQuality.by("q").of("HUFL", "OT"), etthWithQuality(false));
    assertEquals(false, out.schema().hasField("q"));
    assertMasked("mask_quality/etth1_opc_da_default.csv", out);
  }

  @Test
  void maskQualityWordsOnEtth1() throws IOException {
    Chunk out =
        run(MaskQuality.by("q").of("OT").withGood("good", "UNCERTAIN"), etthWithQuality(true));
    assertMasked("mask_quality/etth1_words_good_uncertain.csv", out);
  }
}
