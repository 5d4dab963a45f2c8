package io.industryts.ops;

import static io.industryts.ops.PandasFixturesTest.assertCell;
import static io.industryts.ops.PandasFixturesTest.fixture;
import static io.industryts.ops.PandasFixturesTest.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.EngineTuningOptions;
import io.industryts.engine.PlanResult;
import io.industryts.engine.RunPlan;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.io.FileInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue acceptance: series in long format ({@code key_columns = [plant, sensor]}) run through the
 * standard pipeline of SEMANTICS §4 on the keyed engine give, series by series and cell by cell,
 * what pandas {@code groupby} gives (fixtures {@code many_series/} from {@code
 * scripts/fixtures/make_fixtures.py}, {@code many_series}: 1,000 series, 152,000 rows). The input
 * has duplicates, nulls, spikes, gaps, uneven lengths, a one-row and a two-row series and all-null
 * {@code w} columns, in a shuffled file order; series are cut into segments of 64 rows. The
 * DirectRunner runs as the launcher sets it up (no re-encoding of every element).
 *
 * <p>All 1,000 series run (about 3,000 segments): the engine's grouping gathers keys into shards on
 * the DirectRunner (see {@code KeyGroups}), without which each key cost the runner ~30 ms per
 * grouping and this test took ten minutes.
 */
class ManySeriesPipelineTest {
  private static final List<String> KEYS = List.of("plant", "sensor");

  @TempDir Path dir;

  /** The input file, keeping the series of the given plants (all when none is given). */
  private Path input(Set<String> plants) throws IOException {
    Path csv = dir.resolve("many_series.csv");
    try (InputStream in =
        new GZIPInputStream(
            ManySeriesPipelineTest.class.getResourceAsStream(
                "/fixtures/many_series/input.csv.gz"))) {
      List<String> kept = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (kept.isEmpty() || plants.isEmpty() || plants.contains(line.split(",", 2)[0])) {
          kept.add(line);
        }
      }
      Files.write(csv, kept);
    }
    return csv;
  }

  private static TimeSeriesPipeline standardPipeline() {
    return TimeSeriesPipeline.named("standard_per_series")
        .keyedBy("plant", "sensor")
        .then(DropDuplicates.keepFirst())
        .then(FillNull.forward())
        .then(FillNull.backward())
        .then(Outliers.zscore(3.0).withAction(Outliers.Action.CLIP))
        .then(Resample.every(Duration.standardMinutes(1)).aggregate(Resample.Agg.MEAN))
        .then(Lag.rows(1, 2, 3).of())
        .then(Rolling.rows(10).compute(Rolling.Fn.MEAN, Rolling.Fn.STD))
        .then(Diff.periods(1).of())
        .then(
            DatetimeFeatures.of(DatetimeFeatures.Feature.HOUR, DatetimeFeatures.Feature.DAYOFWEEK)
                .cyclic(DatetimeFeatures.Feature.HOUR))
        .then(Scale.standard());
  }

  private static Pipeline pipeline() {
    DirectOptions o = PipelineOptionsFactory.as(DirectOptions.class);
    o.setRunner(DirectRunner.class);
    o.setEnforceImmutability(false);
    o.setEnforceEncodability(false);
    o.setTargetParallelism(2);
    return Pipeline.create(o);
  }

  /**
   * The keyed engine over the series of {@code plants} (all 1,000 when empty), compared with the
   * pandas result of the same series.
   */
  private void assertMatchesPandas(Set<String> plants, int series) throws IOException {
    assertMatchesPandas(plants, series, pipeline());
  }

  /** As {@link #assertMatchesPandas(Set, int)} on pipeline {@code p}. */
  private void assertMatchesPandas(Set<String> plants, int series, Pipeline p) throws IOException {
    FileInput read = FileInput.of(input(plants)).keyedBy("plant", "sensor");
    ChunkLayout layout = read.layout();
    SeriesOptions options =
        SeriesOptions.defaults().withTimeColumn(read.timeColumn().name()).withKeyColumns(KEYS);
    PlanResult result =
        read.read(p)
            .chunks()
            .apply("RunPlan", RunPlan.of(layout, options, standardPipeline().steps(), Map.of()));
    PCollection<Row> out = result.rows();
    PAssert.that(result.errors()).empty();
    PAssert.that(out).satisfies(new MatchesPandas(plants, series));
    p.run().waitUntilFinish();
  }

  @Test
  void thousandSeriesMatchPandasGroupbyCellByCell() throws IOException {
    Pipeline p = pipeline();
    p.getOptions()
        .as(EngineTuningOptions.class)
        .setSegmentRows(64); // 3,000 segments through the passes
    assertMatchesPandas(Set.of(), 1000, p);
  }

  @Test
  void thousandSeriesOnTheWholeSeriesRouteMatchPandasGroupby() throws IOException {
    // default segment size: every series fits in one segment and runs all steps in one step
    assertMatchesPandas(Set.of(), 1000);
  }

  /** Compares the output rows with the expected fixture. */
  static final class MatchesPandas
      implements org.apache.beam.sdk.transforms.SerializableFunction<Iterable<Row>, Void>,
          Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<String> plants;
    private final int series;

    MatchesPandas(Set<String> plants, int series) {
      this.plants = plants;
      this.series = series;
    }

    @Override
    public Void apply(Iterable<Row> rows) {
      Map<String, Map<String, String>> expected = new HashMap<>();
      try {
        for (Map<String, String> r : fixture("many_series/standard_pipeline.csv.gz")) {
          if (!plants.isEmpty() && !plants.contains(r.get("plant"))) {
            continue;
          }
          expected.put(r.get("plant") + "|" + r.get("sensor") + "|" + time(r.get("time")), r);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Map<String, List<Row>> bySeries = new HashMap<>();
      int n = 0;
      for (Row row : rows) {
        n++;
        String series = row.getString("plant") + "|" + row.getString("sensor");
        String where = series + "|" + row.getDateTime("time").getMillis();
        Map<String, String> want = expected.get(where);
        assertNotNull(want, "unexpected output row " + where);
        for (Map.Entry<String, String> e : want.entrySet()) {
          if (!KEYS.contains(e.getKey()) && !e.getKey().equals("time")) {
            assertCell(e.getValue(), row.getValue(e.getKey()), where + " " + e.getKey());
          }
        }
        bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(row);
      }
      assertEquals(expected.size(), n, "output rows");
      assertEquals(series, bySeries.size(), "series");
      for (List<Row> s : bySeries.values()) {
        s.sort(Comparator.comparing(r -> r.getDateTime("time").getMillis()));
        assertShiftedLagsAndCyclicHour(s);
      }
      return null;
    }

    /**
     * lag2/lag3 are lag1 one and two rows earlier; hour_sin/cos follow hour (left out of the file).
     */
    private static void assertShiftedLagsAndCyclicHour(List<Row> s) {
      for (int i = 0; i < s.size(); i++) {
        Row r = s.get(i);
        String where = r.getString("plant") + "|" + r.getString("sensor") + " row " + i;
        for (String c : List.of("v", "w")) {
          Object lag2 = i >= 1 ? s.get(i - 1).getValue(c + "_lag1") : null;
          Object lag3 = i >= 2 ? s.get(i - 2).getValue(c + "_lag1") : null;
          assertEquals(lag2, r.getValue(c + "_lag2"), where + " " + c + "_lag2");
          assertEquals(lag3, r.getValue(c + "_lag3"), where + " " + c + "_lag3");
        }
        double hour = ((Number) r.getValue("hour")).doubleValue();
        assertCell(
            String.valueOf(Math.sin(2 * Math.PI * hour / 24)),
            r.getValue("hour_sin"),
            where + " hour_sin");
        assertCell(
            String.valueOf(Math.cos(2 * Math.PI * hour / 24)),
            r.getValue("hour_cos"),
            where + " hour_cos");
      }
    }
  }
}
