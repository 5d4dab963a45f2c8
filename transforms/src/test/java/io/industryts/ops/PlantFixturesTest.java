package io.industryts.ops;

import static io.industryts.ops.PandasFixturesTest.assertRows;
import static io.industryts.ops.PandasFixturesTest.fixture;
import static io.industryts.ops.PandasFixturesTest.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Grid;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Resample.Agg;
import io.industryts.ops.Resample.Interpolation;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Conformance of {@code twa} / {@code integral} (SEMANTICS §2.8.1) and {@code counter} (§2.8.2)
 * with the section's reference expressions on the shared datasets, read by path; expected values
 * from {@code scripts/fixtures/make_fixtures.py} ({@code plant_ops}), within 1e-9 relative.
 *
 * <p>NAB machine temperature (5-minute samples, duplicated times) with injected null runs of 1 to
 * 24 rows, hourly, step and linear, with and without {@code max_gap = 15min} (a run of two nulls is
 * a gap of exactly 15 minutes). ETTh1: a totalizer {@code cumsum(|HUFL|)} with two resets, a glitch
 * spike and null rows, and the same totalizer wrapping at 5000. Every run is cut into three
 * segments (on bucket edges for the bucket operations) and must equal the one-segment run.
 */
class PlantFixturesTest {
  private static final Duration HOUR = Duration.standardHours(1);

  /** Machine temperature with the fixture's null rows. */
  private static Chunk machineWithNulls() throws IOException {
    Chunk in = load("machine_temperature_system_failure.csv", ",");
    boolean[] nulls = ((DoubleColumn) in.column("value")).nulls().clone();
    List<Map<String, String>> rows = fixture("plant/machine_nulls.csv");
    assertTrue(rows.size() > 50, "null rows");
    for (Map<String, String> r : rows) {
      nulls[Integer.parseInt(r.get("row"))] = true;
    }
    Column[] cols = in.columnsCopy();
    cols[1] = new DoubleColumn(((DoubleColumn) in.column("value")).values().clone(), nulls);
    return in.withColumns(in.layout(), cols);
  }

  /** One segment, then three cut on bucket edges near a third and two thirds; both must agree. */
  private static Chunk runOnBucketEdges(Operation op, Chunk in) {
    Kernel k = op.plan(in.layout(), KernelHarness.plan("fixture"));
    Grid g = k.context().grid();
    long[] t = in.times();
    long anchor = g.seriesAnchor(t[0]);
    int n = in.size();
    int[] cuts = new int[2];
    for (int j = 0; j < 2; j++) {
      int i = (j + 1) * n / 3;
      while (g.bucketIndex(t[i - 1], anchor) == g.bucketIndex(t[i], anchor)) {
        i++;
      }
      cuts[j] = i;
    }
    Chunk whole = KernelHarness.run(k, in, new int[0], new HashMap<>());
    assertEquals(whole, KernelHarness.run(k, in, cuts, new HashMap<>()), "three segments");
    return whole;
  }

  private static Chunk runCut(Operation op, Chunk in, Map<String, Long> counters) {
    Kernel k = op.plan(in.layout(), KernelHarness.plan("fixture"));
    int n = in.size();
    Chunk whole = KernelHarness.run(k, in, new int[0], counters);
    assertEquals(
        whole,
        KernelHarness.run(k, in, new int[] {n / 3, 2 * n / 3}, new HashMap<>()),
        "three segments");
    return whole;
  }

  private static Resample hourly(Interpolation how) {
    return Resample.every(HOUR)
        .aggregate("value", Agg.TWA, Agg.INTEGRAL)
        .withInterpolation(how)
        .withIntegralUnit(HOUR);
  }

  @Test
  void resampleHourlyStepOnNabMachineTemperature() throws IOException {
    assertRows(
        "plant/machine_resample_1h_previous.csv",
        runOnBucketEdges(hourly(Interpolation.PREVIOUS), machineWithNulls()));
  }

  @Test
  void resampleHourlyLinearOnNabMachineTemperature() throws IOException {
    assertRows(
        "plant/machine_resample_1h_linear.csv",
        runOnBucketEdges(hourly(Interpolation.LINEAR), machineWithNulls()));
  }

  @Test
  void resampleHourlyStepWithMaxGapOnNabMachineTemperature() throws IOException {
    assertRows(
        "plant/machine_resample_1h_previous_maxgap15min.csv",
        runOnBucketEdges(
            hourly(Interpolation.PREVIOUS).withMaxGap(Duration.standardMinutes(15)),
            machineWithNulls()));
  }

  @Test
  void resampleHourlyLinearWithMaxGapOnNabMachineTemperature() throws IOException {
    assertRows(
        "plant/machine_resample_1h_linear_maxgap15min.csv",
        runOnBucketEdges(
            hourly(Interpolation.LINEAR).withMaxGap(Duration.standardMinutes(15)),
            machineWithNulls()));
  }

  @Test
  void groupByTimeHourlyLinearWithMaxGapOnNabMachineTemperature() throws IOException {
    assertRows(
        "plant/machine_group_by_time_1h_linear_maxgap15min.csv",
        runOnBucketEdges(
            GroupByTime.every(HOUR)
                .aggregate("value", Agg.TWA, Agg.INTEGRAL, Agg.COUNT)
                .withInterpolation(Interpolation.LINEAR)
                .withIntegralUnit(HOUR)
                .withMaxGap(Duration.standardMinutes(15)),
            machineWithNulls()));
  }

  /**
   * The fixture's totalizers, rebuilt from ETTh1 as the script builds them: {@code energy =
   * cumsum(|HUFL|)}; {@code meter} restarts at rows 3000 and 9000 and spikes by 1000 at row 12345;
   * {@code wrapped = energy % 5000}; both null where {@code row % 97 == 5}.
   */
  private static Chunk totalizers() throws IOException {
    Chunk ett = load("ETTh1.csv", ",");
    int n = ett.size();
    double[] hufl = ((DoubleColumn) ett.column("HUFL")).values();
    double[] energy = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.abs(hufl[i]);
      energy[i] = sum;
    }
    double[] meter = new double[n];
    double[] wrapped = new double[n];
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      double base = i >= 9000 ? energy[8999] : i >= 3000 ? energy[2999] : 0.0;
      meter[i] = energy[i] - base + (i == 12345 ? 1000.0 : 0.0);
      wrapped[i] = energy[i] % 5000.0;
      nulls[i] = i % 97 == 5;
    }
    Schema s =
        Schema.builder()
            .addDateTimeField("t")
            .addNullableField("meter", FieldType.DOUBLE)
            .addNullableField("wrapped", FieldType.DOUBLE)
            .build();
    ChunkLayout layout = ChunkLayout.of(s, "t", List.of());
    return new Chunk(
        layout,
        ett.key(),
        ett.times(),
        ett.seqs(),
        new Column[] {
          null, new DoubleColumn(meter, nulls.clone()), new DoubleColumn(wrapped, nulls.clone())
        });
  }

  @Test
  void counterWithResetsAndAGlitchOnAnEtth1Totalizer() throws IOException {
    Map<String, Long> counters = new HashMap<>();
    Chunk out =
        runCut(Counter.of("meter").withRateUnit(HOUR).withMaxIncrease(100), totalizers(), counters);
    assertRows("plant/etth1_counter_resets_glitch.csv", out);
    assertEquals(3L, counters.get("counter_resets"), "two resets and the drop after the spike");
    assertEquals(2L, counters.get("counter_glitches"), "the spike and the drop after it");
  }

  @Test
  void counterWithRolloverOnAWrappingEtth1Totalizer() throws IOException {
    Map<String, Long> counters = new HashMap<>();
    Chunk out = runCut(Counter.of("wrapped").withRollover(5000), totalizers(), counters);
    assertRows("plant/etth1_counter_rollover.csv", out);
    assertTrue(counters.get("counter_resets") > 10, "wraps: " + counters);
  }
}
