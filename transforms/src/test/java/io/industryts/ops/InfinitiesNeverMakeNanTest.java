package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.col;
import static io.industryts.ops.KernelHarness.hms;
import static io.industryts.ops.KernelHarness.plan;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Cumulative.CumFn;
import io.industryts.ops.Resample.Agg;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS §1.10: "our operations never create NaN". Infinities read from input are ordinary
 * values, and every arithmetic that pandas turns into NaN on them ({@code inf − inf}, {@code inf /
 * inf}, {@code 0 · inf}, a mean or variance over {@code +inf} and {@code −inf}) gives null instead.
 */
class InfinitiesNeverMakeNanTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final Schema SCHEMA =
      Schema.builder().addDateTimeField("t").addNullableField("v", FieldType.DOUBLE).build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");
  private static final Duration HOUR = Duration.standardHours(1);

  /** Hourly values with runs of equal and of opposite infinities, and a bucket holding both. */
  private static Chunk input() {
    return chunk(
        LAYOUT,
        hms("00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00", "04:00", "04:30"),
        col(INF, INF, -INF, 1.0, null, INF, 0.0, -INF, 2.0));
  }

  @Test
  void diffOfEqualInfinitiesIsNull() {
    Chunk out = run(Diff.periods(1).of("v"));
    // inf - inf, -inf - inf, 1 - (-inf), ·, ·, ·, 0 - inf, -inf - 0, 2 - (-inf)
    assertThat(
        values(out, "v_diff1"), contains(null, null, -INF, INF, null, null, -INF, -INF, INF));
  }

  @Test
  void pctChangeOfInfinityOverInfinityIsNull() {
    Chunk out = run(PctChange.periods(1).of("v"));
    // inf/inf - 1, -inf/inf - 1, 1/-inf - 1, ·, ·, ·, 0/inf - 1, -inf/0 -> -inf, 2/-inf - 1
    assertThat(
        values(out, "v_pct_change1"),
        contains(null, null, null, -1.0, null, null, -1.0, -INF, -1.0));
  }

  @Test
  void noOperationWritesNanOnInfiniteInput() {
    Map<String, Operation> ops = new LinkedHashMap<>();
    ops.put("diff", Diff.periods(1, 2).of("v"));
    ops.put("pct_change", PctChange.periods(1, 2).of("v"));
    ops.put("rolling rows", Rolling.rows(2, "v").compute(Rolling.Fn.values()));
    ops.put(
        "rolling rows min_periods",
        Rolling.rows(3, "v").withMinPeriods(1).compute(Rolling.Fn.values()));
    ops.put("rolling time", Rolling.over(HOUR, "v").compute(Rolling.Fn.values()));
    ops.put("ewm", Ewm.span(3).of("v").compute(Ewm.Fn.values()));
    ops.put("ewm unadjusted", Ewm.alpha(0.5).of("v").adjust(false).compute(Ewm.Fn.values()));
    ops.put(
        "cumulative",
        Cumulative.of(CumFn.CUMSUM, CumFn.CUMPROD, CumFn.CUMMAX, CumFn.CUMMIN).on("v"));
    ops.put(
        "resample",
        Resample.every(HOUR)
            .aggregate("v", Agg.MEAN, Agg.SUM, Agg.MEDIAN, Agg.STD, Agg.VAR, Agg.MIN, Agg.MAX));
    ops.put(
        "group_by_time",
        GroupByTime.every(HOUR).aggregate("v", Agg.MEAN, Agg.SUM, Agg.MEDIAN, Agg.STD, Agg.VAR));
    ops.put("interpolate", Interpolate.linear("v"));
    ops.put(
        "regularize linear",
        Regularize.every(Duration.standardMinutes(15)).fill(Regularize.Fill.LINEAR).of("v"));
    ops.put("scale standard", Scale.standard("v"));
    ops.put("scale min_max", Scale.minMax("v"));
    ops.put("scale robust", Scale.robust("v"));
    ops.put("scale fixed", Scale.fixed(1.0, 2.0, "v"));
    ops.put("normalize", Normalize.maxAbs("v"));
    ops.put("log", Log.natural("v"));
    ops.put("box_cox fixed", BoxCox.withLambda(0.5, "v"));
    ops.put("box_cox mle", BoxCox.mle("v"));
    ops.put("yeo_johnson fixed", YeoJohnson.withLambda(0.5, "v"));
    ops.put("yeo_johnson mle", YeoJohnson.mle("v"));
    ops.put("fill_null mean", FillNull.mean("v"));
    ops.put("fill_null median", FillNull.median("v"));
    ops.put("clip", Clip.between(-1.0, 1.0, "v"));
    ops.put("outliers zscore", Outliers.zscore("v"));
    ops.put("outliers iqr", Outliers.iqr("v"));
    ops.put("outliers hampel", Outliers.hampel("v"));
    ops.put("drop_duplicates mean", DropDuplicates.mean());
    List<String> withNan = new ArrayList<>();
    for (Map.Entry<String, Operation> op : ops.entrySet()) {
      Chunk out = run(op.getValue());
      for (String field : out.schema().getFieldNames()) {
        if (field.equals("t")) {
          continue;
        }
        for (Object v : values(out, field)) {
          if (v instanceof Double && ((Double) v).isNaN()) {
            withNan.add(op.getKey() + ": " + field);
            break;
          }
        }
      }
    }
    assertTrue(withNan.isEmpty(), "NaN written by " + withNan);
  }

  private static Chunk run(Operation op) {
    Kernel k = op.plan(LAYOUT, plan("s"));
    return Engine.runInMemory(input(), List.of(k));
  }
}
