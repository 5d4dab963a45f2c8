package io.industryts.ops;

import static io.industryts.ops.PandasFixturesTest.assertRows;
import static io.industryts.ops.PandasFixturesTest.fixture;
import static io.industryts.ops.PandasFixturesTest.load;
import static io.industryts.ops.PandasFixturesTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import java.io.IOException;
import java.util.Map;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * interpolate, regularize, ewm and snap_time against pandas 1.5.3 on the shared datasets (fixtures
 * from {@code scripts/fixtures/make_fixtures.py}, {@code more_ops}); runs cut into three segments.
 */
class PandasFixturesMoreOpsTest {

  /** NAB ambient temperature (hourly, real gaps) with the fill_null fixture's nulls injected. */
  private static Chunk ambientWithNulls() throws IOException {
    Chunk in = load("ambient_temperature_system_failure.csv", ",");
    boolean[] nulls = ((DoubleColumn) in.column("value")).nulls().clone();
    for (Map<String, String> r : fixture("fill_null/ambient_nulls.csv")) {
      nulls[Integer.parseInt(r.get("row"))] = true;
    }
    double[] v = ((DoubleColumn) in.column("value")).values().clone();
    Column[] cols = in.columnsCopy();
    cols[1] = new DoubleColumn(v, nulls);
    return in.withColumns(in.layout(), cols);
  }

  @Test
  void interpolateLinearWithMaxGapOnAmbient() throws IOException {
    assertRows(
        "interpolate/ambient_linear_maxgap3h.csv",
        run(
            Interpolate.linear("value").withMaxGap(Duration.standardHours(3)),
            ambientWithNulls(),
            true));
  }

  @Test
  void interpolateNearestWithBothEdgesOnAmbient() throws IOException {
    assertRows(
        "interpolate/ambient_nearest_both.csv",
        run(
            Interpolate.nearest("value").withEdges(Interpolate.Edges.BOTH),
            ambientWithNulls(),
            true));
  }

  @Test
  void interpolateLinearForwardEdgeWithMaxGapOnAmbient() throws IOException {
    assertRows(
        "interpolate/ambient_linear_forward_maxgap5h.csv",
        run(
            Interpolate.linear("value")
                .withEdges(Interpolate.Edges.FORWARD)
                .withMaxGap(Duration.standardHours(5)),
            ambientWithNulls(),
            true));
  }

  @Test
  void regularizeLinearWithMaxGapOnAmbient() throws IOException {
    assertRows(
        "regularize/ambient_20min_linear_maxgap3h.csv",
        run(
            Regularize.every(Duration.standardMinutes(20))
                .fill(Regularize.Fill.LINEAR)
                .withMaxGap(Duration.standardHours(3)),
            ambientWithNulls(),
            true));
  }

  @Test
  void regularizeForwardWithMaxGapOnAmbient() throws IOException {
    assertRows(
        "regularize/ambient_30min_forward_maxgap2h.csv",
        run(
            Regularize.every(Duration.standardMinutes(30)).withMaxGap(Duration.standardHours(2)),
            ambientWithNulls(),
            true));
  }

  @Test
  void regularizeNearestOnAmbient() throws IOException {
    Chunk out =
        run(
            Regularize.every(Duration.standardMinutes(45)).fill(Regularize.Fill.NEAREST),
            load("ambient_temperature_system_failure.csv", ","),
            true);
    assertRows("regularize/ambient_45min_nearest.csv", out);
  }

  @Test
  void ewmSpanMeanAndStdOnEtth1() throws IOException {
    assertRows(
        "ewm/etth1_ot_span24_mean_std.csv",
        run(Ewm.span(24).compute(Ewm.Fn.MEAN, Ewm.Fn.STD).of("OT"), load("ETTh1.csv", ","), true));
  }

  @Test
  void ewmUnadjustedIgnoreNaMeanAndVarOnAmbientWithNulls() throws IOException {
    assertRows(
        "ewm/ambient_alpha0_1_unadjusted_ignore_na.csv",
        run(
            Ewm.alpha(0.1)
                .adjust(false)
                .ignoreNa(true)
                .withMinPeriods(3)
                .compute(Ewm.Fn.MEAN, Ewm.Fn.VAR)
                .of("value"),
            ambientWithNulls(),
            true));
  }

  @Test
  void ewmTimeAwareHalflifeOnAmbientWithGaps() throws IOException {
    assertRows(
        "ewm/ambient_halflife_6h.csv",
        run(Ewm.halflife(Duration.standardHours(6)).of("value"), ambientWithNulls(), true));
  }

  @Test
  void snapRoundToTwoSecondsSendsOddSecondsToEvenOnSkab() throws IOException {
    Chunk out =
        run(SnapTime.round(Duration.standardSeconds(2)), load("skab_valve1_0.csv", ";"), true);
    assertRows("snap_time/skab_round_2s.csv", out);
    assertEquals(0, out.times()[0] % 2000);
  }

  @Test
  void snapCeilToFiveSecondsOnSkab() throws IOException {
    assertRows(
        "snap_time/skab_ceil_5s.csv",
        run(SnapTime.ceil(Duration.standardSeconds(5)), load("skab_valve1_0.csv", ";"), true));
  }
}
