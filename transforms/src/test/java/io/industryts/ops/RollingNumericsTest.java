package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The hard numerics of {@code rolling} (SEMANTICS §1.11, §2.7): sums and variances within 1e-9 of
 * the exact value (computed here with BigDecimal), exactly 0 for equal values, and results that do
 * not depend on how the series is cut into segments; checked against a from-scratch reference on
 * long random series.
 */
class RollingNumericsTest {
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.DOUBLE).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");
  private static final Rolling.Fn[] ALL = Rolling.Fn.values();

  private static long[] seconds(long... s) {
    long[] t = new long[s.length];
    for (int i = 0; i < s.length; i++) {
      t[i] = KernelHarness.DAY0 + s[i] * 1000L;
    }
    return t;
  }

  private static long[] everySecond(int n) {
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = i;
    }
    return seconds(s);
  }

  private static Chunk series(long[] t, Double[] v) {
    return chunk(LAYOUT, t, (Object[]) v);
  }

  private static Chunk run(Rolling op, Chunk in) {
    return KernelHarness.run(op.plan(LAYOUT, plan("r")), in);
  }

  // --- large offsets, tiny variance ---

  @Test
  void varianceOfLargeOffsetPlusTinyNoiseIsExactOverRowWindows() {
    Double[] v = offsetNoise(2000, 1e9, 1e-4, 7);
    Chunk out =
        run(
            Rolling.rows(10, "v").compute(Rolling.Fn.VAR, Rolling.Fn.MEAN),
            series(everySecond(v.length), v));
    assertAgreesWithExact(
        v,
        windowsByRows(v.length, 10, Rolling.Closed.RIGHT, false),
        10,
        1,
        values(out, "v_rolling_var_10"),
        Rolling.Fn.VAR);
    assertAgreesWithExact(
        v,
        windowsByRows(v.length, 10, Rolling.Closed.RIGHT, false),
        10,
        1,
        values(out, "v_rolling_mean_10"),
        Rolling.Fn.MEAN);
  }

  @Test
  void varianceOfLargeOffsetPlusTinyNoiseIsExactOverDurationWindows() {
    Double[] v = offsetNoise(2000, 1e9, 1e-4, 8);
    long[] t = irregular(v.length, 9);
    Chunk out =
        run(
            Rolling.over(Duration.standardSeconds(30), "v").compute(Rolling.Fn.VAR, Rolling.Fn.SUM),
            series(t, v));
    int[][] w = windowsByTime(t, 30_000, Rolling.Closed.RIGHT);
    assertAgreesWithExact(v, w, 1, 1, values(out, "v_rolling_var_30s"), Rolling.Fn.VAR);
    assertAgreesWithExact(v, w, 1, 1, values(out, "v_rolling_sum_30s"), Rolling.Fn.SUM);
  }

  @Test
  void spikeLeavingTheWindowLeavesNoTrace() {
    Double[] v = {1.0, 2.0, 1e12, 3.0, 5.0, 1e-3, 2e-3, 4e-3, 1e-3};
    long[] t = everySecond(v.length);
    Chunk rows = run(Rolling.rows(3, "v").compute(Rolling.Fn.STD), series(t, v));
    Chunk time =
        run(Rolling.over(Duration.standardSeconds(3), "v").compute(Rolling.Fn.STD), series(t, v));
    // rows 5..8 hold only the small values; hand-computed sample std over 3 of them
    double expected =
        Math.sqrt(
            ((1e-3 - 7e-3 / 3) * (1e-3 - 7e-3 / 3)
                    + (2e-3 - 7e-3 / 3) * (2e-3 - 7e-3 / 3)
                    + (4e-3 - 7e-3 / 3) * (4e-3 - 7e-3 / 3))
                / 2);
    assertClose(expected, (Double) values(rows, "v_rolling_std_3").get(7), 1e-12);
    assertClose(expected, (Double) values(time, "v_rolling_std_3s").get(7), 1e-12);
  }

  // --- equal values ---

  @Test
  void windowOfEqualValuesHasExactlyZeroVarianceAfterOtherValuesLeft() {
    Double[] v = {1.3, 7.1, 0.1, 0.1, 0.1, 0.1};
    Chunk out =
        run(
            Rolling.rows(3, "v").compute(Rolling.Fn.VAR, Rolling.Fn.STD, Rolling.Fn.MEAN),
            series(everySecond(v.length), v));
    assertThat(values(out, "v_rolling_var_3").subList(4, 6), contains(0.0, 0.0));
    assertThat(values(out, "v_rolling_std_3").subList(4, 6), contains(0.0, 0.0));
  }

  @Test
  void equalValuesAroundNullsHaveExactlyZeroVarianceOverDurations() {
    Double[] v = {2.0, 1e9 + 0.1, null, 1e9 + 0.1, null, 1e9 + 0.1};
    Chunk out =
        run(
            Rolling.over(Duration.standardSeconds(5), "v").compute(Rolling.Fn.VAR),
            series(seconds(0, 3, 4, 6, 7, 9), v));
    List<Object> var = values(out, "v_rolling_var_5s");
    assertNull(var.get(0));
    assertClose(0.5 * (1e9 + 0.1 - 2) * (1e9 + 0.1 - 2), (Double) var.get(1), 1e-15);
    assertClose(0.5 * (1e9 + 0.1 - 2) * (1e9 + 0.1 - 2), (Double) var.get(2), 1e-15);
    // from 00:06 the window holds only 1e9 + 0.1 (and nulls)
    assertThat(var.subList(3, 6), contains(0.0, 0.0, 0.0));
  }

  // --- nulls entering and leaving ---

  @Test
  void nullsEnteringAndLeavingARowWindowAreSkipped() {
    Double[] v = {1.0, null, 3.0, null, null, 6.0, 7.0};
    Chunk out =
        run(
            Rolling.rows(3, "v")
                .withMinPeriods(1)
                .compute(
                    Rolling.Fn.SUM,
                    Rolling.Fn.COUNT,
                    Rolling.Fn.MIN,
                    Rolling.Fn.MAX,
                    Rolling.Fn.MEDIAN),
            series(everySecond(v.length), v));
    assertThat(values(out, "v_rolling_sum_3"), contains(1.0, 1.0, 4.0, 3.0, 3.0, 6.0, 13.0));
    assertThat(values(out, "v_rolling_count_3"), contains(1L, 1L, 2L, 1L, 1L, 1L, 2L));
    assertThat(values(out, "v_rolling_min_3"), contains(1.0, 1.0, 1.0, 3.0, 3.0, 6.0, 6.0));
    assertThat(values(out, "v_rolling_max_3"), contains(1.0, 1.0, 3.0, 3.0, 3.0, 6.0, 7.0));
    assertThat(values(out, "v_rolling_median_3"), contains(1.0, 1.0, 2.0, 3.0, 3.0, 6.0, 6.5));
  }

  @Test
  void windowOfOnlyNullsGivesNullButCountsZero() {
    Double[] v = {4.0, null, null, 5.0};
    Chunk out =
        run(
            Rolling.rows(2, "v").withMinPeriods(1).compute(Rolling.Fn.MEAN, Rolling.Fn.COUNT),
            series(everySecond(v.length), v));
    assertThat(values(out, "v_rolling_mean_2"), contains(4.0, 4.0, null, 5.0));
    assertThat(values(out, "v_rolling_count_2"), contains(1L, 1L, 0L, 1L));
  }

  @Test
  void nanInTheWindowGivesNullExceptCountAsBefore() {
    Double[] v = {1.0, Double.NaN, 3.0, 4.0};
    Chunk out =
        run(
            Rolling.rows(2, "v")
                .withMinPeriods(1)
                .compute(Rolling.Fn.SUM, Rolling.Fn.MAX, Rolling.Fn.COUNT),
            series(everySecond(v.length), v));
    assertThat(values(out, "v_rolling_sum_2"), contains(1.0, null, null, 7.0));
    assertThat(values(out, "v_rolling_max_2"), contains(1.0, null, null, 4.0));
    assertThat(values(out, "v_rolling_count_2"), contains(1L, 2L, 2L, 2L));
  }

  @Test
  void infinityInTheWindowSumsToInfinityAndHasNoStd() {
    Double[] v = {1.0, Double.POSITIVE_INFINITY, 3.0, 4.0};
    Chunk out =
        run(
            Rolling.over(Duration.standardSeconds(2), "v")
                .compute(Rolling.Fn.MEAN, Rolling.Fn.STD, Rolling.Fn.MAX),
            series(everySecond(v.length), v));
    double inf = Double.POSITIVE_INFINITY;
    assertThat(values(out, "v_rolling_mean_2s"), contains(1.0, inf, inf, 3.5));
    assertThat(values(out, "v_rolling_std_2s"), contains(null, null, null, Math.sqrt(0.5)));
    assertThat(values(out, "v_rolling_max_2s"), contains(1.0, inf, inf, 4.0));
  }

  // --- min_periods ---

  @Test
  void minPeriodsCountsNonNullValuesInDurationWindows() {
    Double[] v = {1.0, null, 2.0, 4.0, null};
    Chunk out =
        run(
            Rolling.over(Duration.standardSeconds(3), "v")
                .withMinPeriods(2)
                .compute(Rolling.Fn.MEAN, Rolling.Fn.COUNT),
            series(seconds(0, 1, 2, 3, 4), v));
    assertThat(values(out, "v_rolling_mean_3s"), contains(null, null, 1.5, 3.0, 3.0));
    // count is null only when the window holds fewer than 2 rows
    assertThat(values(out, "v_rolling_count_3s"), contains(null, 1L, 2L, 2L, 2L));
  }

  // --- closed and center ---

  @Test
  void closedVariantsOverIrregularDurations() {
    Double[] v = {1.0, 2.0, 4.0, 8.0, 16.0};
    long[] t = seconds(0, 2, 3, 5, 9);
    Chunk in = series(t, v);
    Duration d = Duration.standardSeconds(3);
    assertThat(
        values(run(Rolling.over(d, "v").compute(Rolling.Fn.SUM), in), "v_rolling_sum_3s"),
        contains(1.0, 3.0, 6.0, 12.0, 16.0));
    assertThat(
        values(
            run(Rolling.over(d, "v").closed(Rolling.Closed.BOTH).compute(Rolling.Fn.SUM), in),
            "v_rolling_sum_3s"),
        contains(1.0, 3.0, 7.0, 14.0, 16.0));
    assertThat(
        values(
            run(Rolling.over(d, "v").closed(Rolling.Closed.LEFT).compute(Rolling.Fn.SUM), in),
            "v_rolling_sum_3s"),
        contains(null, 1.0, 3.0, 6.0, null));
    assertThat(
        values(
            run(Rolling.over(d, "v").closed(Rolling.Closed.NEITHER).compute(Rolling.Fn.SUM), in),
            "v_rolling_sum_3s"),
        contains(null, 1.0, 2.0, 4.0, null));
  }

  @Test
  void centeredAndClosedRowWindowsOfMaxAndStd() {
    Double[] v = {3.0, 1.0, 4.0, 1.0, 5.0};
    Chunk in = series(everySecond(v.length), v);
    assertThat(
        values(
            run(Rolling.rows(3, "v").centered().withMinPeriods(1).compute(Rolling.Fn.MAX), in),
            "v_rolling_max_3"),
        contains(3.0, 4.0, 4.0, 5.0, 5.0));
    assertThat(
        values(
            run(Rolling.rows(2, "v").closed(Rolling.Closed.BOTH).compute(Rolling.Fn.MIN), in),
            "v_rolling_min_2"),
        contains(null, 1.0, 1.0, 1.0, 1.0));
    // neither over 3 rows: the two rows before each row, i.e. [i-2, i-1]
    assertThat(
        values(
            run(
                Rolling.rows(3, "v")
                    .closed(Rolling.Closed.NEITHER)
                    .withMinPeriods(2)
                    .compute(Rolling.Fn.STD),
                in),
            "v_rolling_std_3"),
        contains(null, null, Math.sqrt(2), Math.sqrt(4.5), Math.sqrt(4.5)));
  }

  // --- against the from-scratch reference ---

  @Test
  void agreesWithFromScratchOnLongRandomRowSeries() {
    Random r = new Random(42);
    for (int trial = 0; trial < 16; trial++) {
      int n = 1500;
      Double[] v = randomValues(n, r);
      long[] t = irregular(n, r.nextLong());
      int w = 1 + r.nextInt(trial < 8 ? 12 : 100);
      Rolling.Closed closed = Rolling.Closed.values()[r.nextInt(4)];
      boolean center = closed == Rolling.Closed.RIGHT && r.nextBoolean();
      int mp = 1 + r.nextInt(w);
      int ddof = r.nextInt(2);
      Rolling op =
          Rolling.rows(w, "v").compute(ALL).withMinPeriods(mp).closed(closed).withDdof(ddof);
      op = center ? op.centered() : op;
      checkAgainstReference(op, "_" + w, t, v, windowsByRows(n, w, closed, center), mp, ddof, r);
    }
  }

  @Test
  void agreesWithFromScratchOnLongRandomDurationSeries() {
    Random r = new Random(43);
    for (int trial = 0; trial < 16; trial++) {
      int n = 1500;
      Double[] v = randomValues(n, r);
      long[] t = irregular(n, r.nextLong());
      long d = 1000L * (1 + r.nextInt(trial < 8 ? 10 : 300)) + (r.nextBoolean() ? 0 : 250);
      Rolling.Closed closed = Rolling.Closed.values()[r.nextInt(4)];
      int mp = 1 + r.nextInt(5);
      int ddof = r.nextInt(2);
      Rolling op =
          Rolling.over(Duration.millis(d), "v")
              .compute(ALL)
              .withMinPeriods(mp)
              .closed(closed)
              .withDdof(ddof);
      String suffix = "_" + Names.duration(Duration.millis(d));
      checkAgainstReference(op, suffix, t, v, windowsByTime(t, d, closed), mp, ddof, r);
    }
  }

  /**
   * Every function over the series, cut at random positions three ways: the same bits each time,
   * and each value equal to the reference (count, min, max, median exactly; sum, mean, var, std
   * within 1e-9 of the exact value).
   */
  private static void checkAgainstReference(
      Rolling op,
      String suffix,
      long[] t,
      Double[] v,
      int[][] windows,
      int mp,
      int ddof,
      Random r) {
    Kernel k = op.plan(LAYOUT, plan("r"));
    Chunk in = series(t, v);
    int n = v.length;
    int[][] cuts = {{}, randomCuts(n, 3, r), randomCuts(n, 40, r)};
    Exact[] exact = exact(v, windows);
    List<Chunk> outs = new ArrayList<>();
    for (int[] c : cuts) {
      outs.add(KernelHarness.run(k, in, c, new HashMap<>()));
    }
    for (Rolling.Fn fn : ALL) {
      String field = "v" + "_rolling_" + Names.lower(fn) + suffix;
      List<Object> got = values(outs.get(0), field);
      for (int c = 1; c < cuts.length; c++) {
        assertEquals(
            got, values(outs.get(c), field), op + " " + fn + " cut at " + Arrays.toString(cuts[c]));
      }
      if (fn == Rolling.Fn.SUM
          || fn == Rolling.Fn.MEAN
          || fn == Rolling.Fn.VAR
          || fn == Rolling.Fn.STD) {
        assertAgreesWithExact(exact, mp, ddof, got, fn);
      } else {
        assertEquals(reference(v, windows, mp, fn), got, op + " " + fn);
      }
    }
  }

  // --- the reference ---

  /** Row window per SEMANTICS §2.2.3 as {@code [from, to)} per row. */
  private static int[][] windowsByRows(int n, int w, Rolling.Closed closed, boolean center) {
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      int a;
      int b;
      if (center) {
        a = i - w / 2;
        b = i + (w + 1) / 2 - 1;
      } else {
        a = closed == Rolling.Closed.RIGHT || closed == Rolling.Closed.NEITHER ? i - w + 1 : i - w;
        b = closed == Rolling.Closed.RIGHT || closed == Rolling.Closed.BOTH ? i : i - 1;
      }
      a = Math.max(0, a);
      b = Math.min(n - 1, b);
      out[i] = new int[] {a, Math.max(a, b + 1)};
    }
    return out;
  }

  /** Duration window per SEMANTICS §2.2.3: every row j meeting the time and position tests. */
  private static int[][] windowsByTime(long[] t, long d, Rolling.Closed closed) {
    boolean leftEdge = closed == Rolling.Closed.LEFT || closed == Rolling.Closed.BOTH;
    boolean self = closed == Rolling.Closed.RIGHT || closed == Rolling.Closed.BOTH;
    int[][] out = new int[t.length][];
    for (int i = 0; i < t.length; i++) {
      int a = -1;
      int b = -1;
      for (int j = 0; j < t.length; j++) {
        boolean in = (leftEdge ? t[j] >= t[i] - d : t[j] > t[i] - d) && (self ? j <= i : j < i);
        if (in) {
          a = a < 0 ? j : a;
          b = j;
        }
      }
      out[i] = a < 0 ? new int[] {i, i} : new int[] {a, b + 1};
    }
    return out;
  }

  private static List<Object> reference(Double[] v, int[][] windows, int mp, Rolling.Fn fn) {
    List<Object> out = new ArrayList<>();
    for (int[] w : windows) {
      double[] x = nonNull(v, w);
      int rows = w[1] - w[0];
      if (fn == Rolling.Fn.COUNT) {
        out.add(rows >= mp ? (Object) (long) x.length : null);
        continue;
      }
      if (x.length < mp || x.length == 0) {
        out.add(null);
        continue;
      }
      Arrays.sort(x);
      double r =
          fn == Rolling.Fn.MIN
              ? x[0]
              : fn == Rolling.Fn.MAX ? x[x.length - 1] : Stats.quantile(x, 0.5);
      out.add(r);
    }
    return out;
  }

  private static double[] nonNull(Double[] v, int[] w) {
    return Arrays.stream(v, w[0], w[1])
        .filter(x -> x != null)
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  /** Exact sums of one window's non-null values. */
  private static final class Exact {
    int m;
    BigDecimal s = BigDecimal.ZERO;
    BigDecimal q = BigDecimal.ZERO;
    double magnitude;
    boolean equal = true;
  }

  private static Exact[] exact(Double[] v, int[][] windows) {
    Exact[] out = new Exact[windows.length];
    for (int i = 0; i < windows.length; i++) {
      Exact e = new Exact();
      double[] x = nonNull(v, windows[i]);
      e.m = x.length;
      for (double y : x) {
        BigDecimal b = new BigDecimal(y);
        e.s = e.s.add(b);
        e.q = e.q.add(b.multiply(b));
        e.magnitude += Math.abs(y);
        e.equal &= y == x[0];
      }
      out[i] = e;
    }
    return out;
  }

  private static void assertAgreesWithExact(
      Double[] v, int[][] windows, int mp, int ddof, List<Object> got, Rolling.Fn fn) {
    assertAgreesWithExact(exact(v, windows), mp, ddof, got, fn);
  }

  /** sum/mean/var/std from exact sums: within 1e-9 relative (sums: of the values' magnitude). */
  private static void assertAgreesWithExact(
      Exact[] windows, int mp, int ddof, List<Object> got, Rolling.Fn fn) {
    assertEquals(windows.length, got.size());
    MathContext mc = MathContext.DECIMAL128;
    for (int i = 0; i < windows.length; i++) {
      Exact w = windows[i];
      int m = w.m;
      boolean defined =
          m >= mp && m > 0 && (fn == Rolling.Fn.SUM || fn == Rolling.Fn.MEAN || m > ddof);
      if (!defined) {
        assertNull(got.get(i), fn + " row " + i);
        continue;
      }
      BigDecimal bm = BigDecimal.valueOf(m);
      double exact;
      double tol;
      switch (fn) {
        case SUM:
          exact = w.s.doubleValue();
          tol = 1e-9 * Math.abs(exact) + 1e-13 * w.magnitude;
          break;
        case MEAN:
          exact = w.s.divide(bm, mc).doubleValue();
          tol = 1e-9 * Math.abs(exact) + 1e-13 * w.magnitude / m;
          break;
        default:
          BigDecimal var =
              bm.multiply(w.q)
                  .subtract(w.s.multiply(w.s))
                  .divide(bm.multiply(BigDecimal.valueOf(m - ddof)), mc);
          exact = fn == Rolling.Fn.VAR ? var.doubleValue() : Math.sqrt(var.doubleValue());
          tol = 1e-9 * Math.abs(exact);
          if (w.equal) {
            assertEquals(0.0, (Double) got.get(i), fn + " of equal values, row " + i);
          }
      }
      double g = (Double) got.get(i);
      assertThat(
          fn + " row " + i + ": got " + g + ", exact " + exact,
          Math.abs(g - exact),
          lessThanOrEqualTo(tol));
    }
  }

  // --- data ---

  private static Double[] offsetNoise(int n, double offset, double scale, long seed) {
    Random r = new Random(seed);
    Double[] v = new Double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(20) == 0 ? null : offset + scale * r.nextGaussian();
    }
    return v;
  }

  /** Mixed magnitudes, runs of equal values, nulls and offsets. */
  private static Double[] randomValues(int n, Random r) {
    Double[] v = new Double[n];
    double level = 0;
    for (int i = 0; i < n; i++) {
      if (i % 300 == 0) {
        level = r.nextBoolean() ? 0 : 1e9 * r.nextDouble();
      }
      int kind = r.nextInt(20);
      if (kind == 0) {
        v[i] = null;
      } else if (kind <= 3 && i > 0) {
        v[i] = v[i - 1];
      } else if (kind == 4) {
        v[i] = level + 1e6 * r.nextGaussian();
      } else {
        v[i] = level + Math.round(r.nextGaussian() * 1e4) / 1e4;
      }
    }
    return v;
  }

  /** Times with ties and gaps: steps of 0 to 4 s, sometimes with millis. */
  private static long[] irregular(int n, long seed) {
    Random r = new Random(seed);
    long[] t = new long[n];
    long now = KernelHarness.DAY0;
    for (int i = 0; i < n; i++) {
      now += r.nextInt(5) * 1000L + (r.nextInt(4) == 0 ? r.nextInt(1000) : 0);
      t[i] = now;
    }
    return t;
  }

  private static int[] randomCuts(int n, int count, Random r) {
    return r.ints(count, 1, n).distinct().sorted().toArray();
  }

  private static void assertClose(double expected, double got, double rel) {
    assertThat(Math.abs(got - expected), lessThanOrEqualTo(rel * Math.abs(expected)));
  }
}
