package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAB machine temperature (5 min): the hour 2014-01-07 02:00–02:55 appears twice, the second copy
 * after the first in the file (lines 10139–10150, then 10151–10162). Duplicates and the backwards
 * step, and the standard pipeline example at 1 h, each equal to pandas.
 */
class NabMachineRealDataIT {
  private static final String FILE = "machine_temperature_system_failure.csv";

  @TempDir Path tmp;

  @Test
  void repeatedHourKeepsTheSecondCopyInTimeOrderAsPandas() throws IOException {
    Path out = tmp.resolve("machine_hourly.csv");
    String summary = RealData.run(RealData.job("machine_hourly.toml"), RealData.file(FILE), out);
    assertThat(summary, containsString("(rows_dropped 12)"));
    RealData.assertSameAsPandas("machine_hourly", out);
    // the 02:00 bucket holds the second copy only: file lines 10151 (02:00) .. 10162 (02:55)
    List<String> lines = RealData.read(out);
    String row =
        lines.stream().filter(l -> l.startsWith("2014-01-07T02:00:00Z,")).findFirst().orElseThrow();
    List<String> cells = RealData.cells(row);
    String header = lines.get(0);
    assertThat(cells.get(RealData.column(header, "value_first")), equalTo("94.13972336"));
    assertThat(cells.get(RealData.column(header, "value_last")), equalTo("93.65604154"));
    assertThat(cells.get(RealData.column(header, "value_count")), equalTo("12"));
  }

  @Test
  void standardPipelineExampleAtOneHourEqualsPandas() throws IOException {
    Path out = tmp.resolve("standard.csv");
    RealData.run(RealData.standardPipeline(tmp, "1h"), RealData.file(FILE), out);
    RealData.assertSameAsPandas("standard_machine_1h", out);
  }
}
