package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ETTh1 (17,420 hourly rows, no gaps): daily aggregates, rolling statistics, lags and leads, and
 * the standard pipeline example at 1 d, each equal to pandas.
 */
class Etth1RealDataIT {
  @TempDir Path tmp;

  @Test
  void dailyResampleRollingLagsAndLeadEqualPandas() throws IOException {
    Path out = tmp.resolve("etth1_daily.csv");
    String summary =
        RealData.run(RealData.job("etth1_daily.toml"), RealData.file("ETTh1.csv"), out);
    // the gap-free file gains no grid rows (no rows_inserted counter) before the daily buckets
    assertThat(
        summary, matchesPattern(RealData.summaryLine("1_regularize", "17,420", "17,420", "")));
    RealData.assertSameAsPandas("etth1_daily", out);
  }

  @Test
  void standardPipelineExampleAtOneDayEqualsPandas() throws IOException {
    Path out = tmp.resolve("standard.csv");
    RealData.run(RealData.standardPipeline(tmp, "1d"), RealData.file("ETTh1.csv"), out);
    RealData.assertSameAsPandas("standard_etth1_1d", out);
  }
}
