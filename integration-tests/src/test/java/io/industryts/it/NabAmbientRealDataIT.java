package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAB ambient temperature (1 h): ten gaps from 2 h to 7 d 6 h, 621 missing hours. The hourly grid,
 * interpolation and forward fill limited by {@code max_gap}, and the standard pipeline example at 1
 * h, each equal to pandas.
 */
class NabAmbientRealDataIT {
  private static final String FILE = "ambient_temperature_system_failure.csv";

  @TempDir Path tmp;

  /**
   * Missing hours per gap (SOURCES.md): 1 and 2 (gaps of 2 h, 3 h) are interpolated (max_gap 6h);
   * 14, 29, 31 and 47 (15 h, 30 h, 32 h and 48 h, the last exactly at max_gap 2d) are carried
   * forward; 70, 95, 159 and 173 (2 d 23 h, 4 d, 6 d 16 h, 7 d 6 h) stay empty: 497 cells.
   */
  @Test
  void gapsAreFilledOnlyUpToTheirMaxGapAsPandas() throws IOException {
    Path out = tmp.resolve("ambient_gaps.csv");
    String summary = RealData.run(RealData.job("ambient_gaps.toml"), RealData.file(FILE), out);
    assertThat(summary, containsString("(rows_inserted 621)"));
    assertThat(
        summary,
        matchesPattern(
            RealData.summaryLine("2_interpolate", "7,888", "7,888", "(values_filled 3)")));
    assertThat(
        summary,
        matchesPattern(
            RealData.summaryLine("3_fill_null", "7,888", "7,888", "(values_filled 121)")));
    RealData.assertSameAsPandas("ambient_gaps", out);
    List<String> lines = RealData.read(out);
    int v = RealData.column(lines.get(0), "value");
    long empty = lines.stream().skip(1).filter(l -> RealData.cells(l).get(v).isEmpty()).count();
    assertThat(empty, is(497L));
  }

  @Test
  void standardPipelineExampleAtOneHourEqualsPandas() throws IOException {
    Path out = tmp.resolve("standard.csv");
    RealData.run(RealData.standardPipeline(tmp, "1h"), RealData.file(FILE), out);
    RealData.assertSameAsPandas("standard_ambient_1h", out);
  }
}
