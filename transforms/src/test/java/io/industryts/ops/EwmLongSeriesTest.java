package io.industryts.ops;

import static io.industryts.ops.PandasFixturesTest.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.Kernel;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * ewm over a 200,000-row series cut into 200 segments, against pandas 1.5.3 (fixtures {@code
 * ewm/long_*} from {@code scripts/fixtures/make_fixtures.py}, {@code ewm_long}): the carried state
 * must compose exactly across many segments, long null runs and time gaps.
 */
class EwmLongSeriesTest {
  private static final int N = 200_000;
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("x", FieldType.DOUBLE).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  /** The series of {@code long_series()} in the fixture script, by the same integer formula. */
  private static Chunk series() {
    long[] t = new long[N];
    Object[] x = new Object[N];
    for (long i = 0; i < N; i++) {
      t[(int) i] =
          1_700_000_000_000L + i * 60_000 + ((i * 13) % 7) * 1000 + (i / 25_000) * 18_000_000;
      boolean nul = (i * 31) % 17 == 0 || (i % 5000 >= 1000 && i % 5000 < 1150) || i < 3;
      x[(int) i] = nul ? null : 50.0 + ((i * 7919) % 1000) / 10.0 + (i / 1000);
    }
    return KernelHarness.chunk(LAYOUT, t, x);
  }

  private static final Chunk SERIES = series();

  /** Segments of {@code len} rows (the last one shorter). */
  private static int[] cutsEvery(int len) {
    int[] cuts = new int[(N - 1) / len];
    for (int s = 0; s < cuts.length; s++) {
      cuts[s] = (s + 1) * len;
    }
    return cuts;
  }

  private static Chunk run(Ewm op, int[] cuts) {
    Kernel k = op.plan(LAYOUT, KernelHarness.plan("ewm"));
    Chunk out = KernelHarness.run(k, SERIES, cuts, new HashMap<>());
    assertEquals(N, out.size());
    return out;
  }

  /** 137-row segments: 1,460 of them, many starting inside the 150-row null runs. */
  private static Chunk run(Ewm op) {
    return run(op, cutsEvery(137));
  }

  /** Every output cell over 53-row segments equals the one-segment run (pandas' recursion). */
  private static void assertSegmentsAgreeOnEveryRow(Ewm op) {
    Chunk whole = run(op, new int[0]);
    Chunk cut = run(op, cutsEvery(53));
    for (int f = 2; f < whole.schema().getFieldCount(); f++) {
      String name = whole.schema().getField(f).getName();
      DoubleColumn w = (DoubleColumn) whole.column(f);
      DoubleColumn c = (DoubleColumn) cut.column(f);
      for (int i = 0; i < N; i++) {
        assertEquals(w.nulls()[i], c.nulls()[i], name + " null at row " + i);
        if (!w.nulls()[i]) {
          double x = w.values()[i];
          assertEquals(x, c.values()[i], 1e-12 * Math.abs(x) + 1e-12, name + " row " + i);
        }
      }
    }
  }

  @Test
  void everyRowAgreesWithTheUnsegmentedRecursion() {
    assertSegmentsAgreeOnEveryRow(
        Ewm.span(20).withMinPeriods(5).compute(Ewm.Fn.MEAN, Ewm.Fn.VAR).of("x"));
    assertSegmentsAgreeOnEveryRow(
        Ewm.alpha(0.002).adjust(false).compute(Ewm.Fn.MEAN, Ewm.Fn.VAR).of("x"));
    assertSegmentsAgreeOnEveryRow(
        Ewm.alpha(0.002).adjust(false).ignoreNa(true).compute(Ewm.Fn.MEAN, Ewm.Fn.STD).of("x"));
    assertSegmentsAgreeOnEveryRow(
        Ewm.com(400).ignoreNa(true).compute(Ewm.Fn.MEAN, Ewm.Fn.VAR).of("x"));
    assertSegmentsAgreeOnEveryRow(Ewm.halflife(Duration.standardHours(3)).of("x"));
    assertSegmentsAgreeOnEveryRow(Ewm.halflife(Duration.standardHours(3)).ignoreNa(true).of("x"));
  }

  @Test
  void adjustedSpanWithMinPeriodsMatchesPandas() throws IOException {
    assertRows(
        "ewm/long_span20_min5.csv",
        run(Ewm.span(20).withMinPeriods(5).compute(Ewm.Fn.MEAN, Ewm.Fn.STD, Ewm.Fn.VAR).of("x")));
  }

  @Test
  void unadjustedMeanAndVarianceDecayOverNullRuns() throws IOException {
    assertRows(
        "ewm/long_alpha0_05_unadjusted.csv",
        run(Ewm.alpha(0.05).adjust(false).compute(Ewm.Fn.MEAN, Ewm.Fn.VAR).of("x")));
  }

  @Test
  void unadjustedIgnoreNaMatchesPandas() throws IOException {
    assertRows(
        "ewm/long_alpha0_3_unadjusted_ignore_na.csv",
        run(Ewm.alpha(0.3).adjust(false).ignoreNa(true).compute(Ewm.Fn.MEAN, Ewm.Fn.STD).of("x")));
  }

  @Test
  void adjustedIgnoreNaVarianceMatchesPandas() throws IOException {
    assertRows(
        "ewm/long_com9_ignore_na.csv",
        run(Ewm.com(9).ignoreNa(true).compute(Ewm.Fn.MEAN, Ewm.Fn.VAR).of("x")));
  }

  @Test
  void timeAwareHalflifeCarriesAcrossGapsAndSegments() throws IOException {
    assertRows(
        "ewm/long_halflife_30min.csv", run(Ewm.halflife(Duration.standardMinutes(30)).of("x")));
  }

  @Test
  void timeAwareHalflifeWithIgnoreNaMatchesPandas() throws IOException {
    assertRows(
        "ewm/long_halflife_30min_ignore_na.csv",
        run(Ewm.halflife(Duration.standardMinutes(30)).ignoreNa(true).of("x")));
  }

  @Test
  void carryIsTheSameSizeWhateverTheSeriesLength() {
    EwmKernel k =
        (EwmKernel)
            Ewm.span(20)
                .compute(Ewm.Fn.MEAN, Ewm.Fn.VAR)
                .of("x")
                .plan(LAYOUT, KernelHarness.plan("ewm"));
    Ewm.Summary small = k.summarize(SERIES.slice(0, 10));
    Ewm.Summary all = k.combine(small, k.summarize(SERIES.slice(10, N)));
    assertEquals(List.of(1, 1), List.of(small.x1.length, all.x1.length));
    assertEquals(N - countNulls(), all.nobs[0]);
  }

  private static long countNulls() {
    long n = 0;
    for (int i = 0; i < N; i++) {
      n += SERIES.column(1).isNull(i) ? 1 : 0;
    }
    return n;
  }
}
