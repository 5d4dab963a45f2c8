package io.industryts.ops;

import static io.industryts.ops.KernelHarness.chunk;
import static io.industryts.ops.KernelHarness.values;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.ops.DatetimeFeatures.Feature;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.junit.jupiter.api.Test;

class DatetimeFeaturesTest {
  private static final Schema SCHEMA = Schema.builder().addDateTimeField("t").build();
  private static final ChunkLayout LAYOUT = KernelHarness.layout(SCHEMA, "t");

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void semanticsExampleRows() {
    Chunk in =
        chunk(
            LAYOUT,
            new long[] {
              at("2024-01-01T00:00:00Z"),
              at("2024-06-15T13:45:10Z"),
              at("2024-12-30T00:00:00Z"),
              at("2021-01-03T00:00:00Z")
            });
    Kernel k =
        DatetimeFeatures.of(
                Feature.DAYOFWEEK,
                Feature.WEEKOFYEAR,
                Feature.DAYOFYEAR,
                Feature.QUARTER,
                Feature.IS_WEEKEND)
            .cyclic(Feature.HOUR)
            .plan(LAYOUT, KernelHarness.plan("9_datetime_features"));
    Chunk out = KernelHarness.run(k, in);
    assertEquals(
        List.of(
            "t",
            "dayofweek",
            "weekofyear",
            "dayofyear",
            "quarter",
            "is_weekend",
            "hour_sin",
            "hour_cos"),
        out.schema().getFieldNames());
    assertThat(values(out, "dayofweek"), contains(0, 5, 0, 6));
    assertThat(values(out, "weekofyear"), contains(1, 24, 1, 53));
    assertThat(values(out, "dayofyear"), contains(1, 167, 365, 3));
    assertThat(values(out, "quarter"), contains(1, 2, 4, 1));
    assertThat(values(out, "is_weekend"), contains(false, true, false, true));
    assertThat((Double) values(out, "hour_sin").get(1), closeTo(-0.2588, 1e-4));
    assertThat((Double) values(out, "hour_cos").get(1), closeTo(-0.9659, 1e-4));
    assertEquals(0.0, values(out, "hour_sin").get(0));
    assertEquals(1.0, values(out, "hour_cos").get(0));
  }

  @Test
  void agreesWithJavaTimeInADaylightSavingZone() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Random r = new Random(11);
    long[] t = new long[2000];
    for (int i = 0; i < t.length; i++) {
      t[i] = at("1990-01-01T00:00:00Z") + (long) (r.nextDouble() * 60 * 365.25 * 86_400_000L);
    }
    java.util.Arrays.sort(t);
    Kernel k =
        DatetimeFeatures.of(Feature.values())
            .plan(LAYOUT, new PlanContext("d", SeriesOptions.defaults().withTimeZone(berlin)));
    Chunk out = KernelHarness.run(k, chunk(LAYOUT, t));
    for (int i = 0; i < t.length; i++) {
      ZonedDateTime z = Instant.ofEpochMilli(t[i]).atZone(berlin);
      List<Object> row = out.row(i).getValues();
      assertEquals(
          List.of(
              z.getYear(),
              z.getMonthValue(),
              z.getDayOfMonth(),
              z.getHour(),
              z.getMinute(),
              z.getSecond(),
              z.getDayOfWeek().getValue() - 1,
              z.getDayOfYear(),
              z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
              (z.getMonthValue() - 1) / 3 + 1,
              z.getDayOfWeek().getValue() >= 6),
          row.subList(1, row.size()),
          z.toString());
    }
  }

  @Test
  void prefixIsPrepended() {
    Kernel k =
        DatetimeFeatures.of(Feature.HOUR).withPrefix("ts_").plan(LAYOUT, KernelHarness.plan("d"));
    assertEquals(List.of("t", "ts_hour"), k.outputLayout().schema().getFieldNames());
  }

  @Test
  void rejectsNonCyclicFeature() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DatetimeFeatures.of().cyclic(Feature.YEAR));
    assertEquals(
        "DatetimeFeatures: cyclic \"year\" is not one of [hour, minute, second, dayofweek,"
            + " month, dayofyear].",
        e.getMessage());
  }
}
