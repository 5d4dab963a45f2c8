package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SKAB ({@code ;}-separated, CRLF, a header with a space, readings 1–2 s apart), each job equal to
 * pandas: snapping to a grid and resampling on valve1 experiment 0; on the same file the quickstart
 * example, SEMANTICS §4 as written there, and the keyed examples (production_pipeline, tags_long)
 * on its eight sensors unpivoted to a historian's long layout; on the anomaly-free run the standard
 * pipeline example at 1 min and the basic and feature engineering examples with the sample data's
 * column names mapped to SKAB's.
 */
class SkabRealDataIT {
  /** The sample data's columns (examples/scripts/GenerateSampleData.java) as SKAB names them. */
  private static final Map<String, String> SKAB_NAMES =
      Map.of(
          "time_column = \"DateTime\"", "time_column = \"datetime\"",
          "\"temperature\"", "\"Temperature\"",
          "\"pressure\"", "\"Pressure\"",
          "\"flow\"", "\"Volume Flow RateRMS\"",
          "\"vibration\"", "\"Accelerometer1RMS\"");

  @TempDir Path tmp;

  @Test
  void jitteredSemicolonFileSnappedToTwoSecondsAndResampledAsPandas() throws IOException {
    Path out = tmp.resolve("skab_snapped.csv");
    String summary =
        RealData.run(RealData.job("skab_snapped.toml"), RealData.file("skab_valve1_0.csv"), out);
    assertThat(summary, containsString("industryts: read 1,147 rows"));
    RealData.assertSameAsPandas("skab_snapped", out);
  }

  @Test
  void quickstartExampleOnValve1EqualsPandas() throws IOException {
    Path out = tmp.resolve("quickstart.csv");
    RealData.run(
        Launcher.projectDir().resolve("examples/configs/quickstart.toml"),
        RealData.file("skab_valve1_0.csv"),
        out);
    RealData.assertSameAsPandas("quickstart_skab_valve1", out);
  }

  @Test
  void standardPipelineExampleAtOneMinuteOnAnomalyFreeEqualsPandas() throws IOException {
    Path out = tmp.resolve("standard.csv");
    RealData.run(
        RealData.standardPipeline(tmp, "1min"), RealData.file("skab_anomaly-free.csv"), out);
    RealData.assertSameAsPandas("standard_skab_anomaly_free_1min", out);
  }

  /** SEMANTICS §4 verbatim: time column and delimiter auto-detected, datetime_features included. */
  @Test
  void standardIndustrialPipelineOfSemanticsEqualsItsPandasScript() throws IOException {
    Path out = tmp.resolve("standard_industrial.csv");
    RealData.run(RealData.job("standard_industrial.toml"), RealData.file("skab_valve1_0.csv"), out);
    RealData.assertSameAsPandas("standard_industrial_skab_valve1", out);
  }

  @Test
  void productionExampleOnSensorsAsTagsEqualsPandas() throws IOException {
    Path out = tmp.resolve("production.csv");
    RealData.run(
        Launcher.projectDir().resolve("examples/configs/production_pipeline.toml"),
        longLayout(),
        out);
    RealData.assertSameAsPandas("production_skab_long", out);
  }

  @Test
  void tagsLongExampleOnSensorsAsTagsEqualsPandas() throws IOException {
    Path out = tmp.resolve("tags_long.csv");
    RealData.run(
        Launcher.projectDir().resolve("examples/configs/tags_long.toml"), longLayout(), out);
    RealData.assertSameAsPandas("tags_long_skab_long", out);
  }

  /**
   * valve1's eight sensor columns as {@code tag,tagTime,value} rows, time-major in file order,
   * cells copied as written (the layout SOURCES.md suggests for long-format tests; cut at run time,
   * never stored).
   */
  private Path longLayout() throws IOException {
    List<String> lines =
        RealData.lines(
            Files.readString(RealData.file("skab_valve1_0.csv"), StandardCharsets.UTF_8));
    String[] header = lines.get(0).split(";", -1);
    List<String> out = new ArrayList<>();
    out.add("tag,tagTime,value");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(";", -1);
      for (int c = 1; c <= 8; c++) {
        out.add(header[c] + "," + cells[0] + "," + cells[c]);
      }
    }
    assertThat(header[8], equalTo("Volume Flow RateRMS"));
    Path csv = tmp.resolve("skab_valve1_long.csv");
    Files.write(csv, out, StandardCharsets.UTF_8);
    return csv;
  }

  /**
   * Hampel on Pressure: five quantised levels, more than half the readings at the median, so MAD =
   * 0 and nothing is an outlier (SEMANTICS §3 #18), as the pandas expression says.
   */
  @Test
  void basicExampleOnAnomalyFreeEqualsPandas() throws IOException {
    Path out = tmp.resolve("basic.csv");
    String summary =
        RealData.run(
            RealData.example(
                tmp,
                "basic_pipeline.toml",
                Map.of(
                    "time_column = \"DateTime\"",
                    "time_column = \"datetime\"",
                    "\"pressure\"",
                    "\"Pressure\"")),
            RealData.file("skab_anomaly-free.csv"),
            out);
    // no counter in parentheses: no value clipped
    assertThat(summary, matchesPattern(RealData.summaryLine("3_outliers", "9,405", "9,405", "")));
    RealData.assertSameAsPandas("basic_skab_anomaly_free", out);
  }

  @Test
  void featureEngineeringExampleOnAnomalyFreeEqualsPandas() throws IOException {
    Path out = tmp.resolve("features.csv");
    RealData.run(
        RealData.example(tmp, "feature_engineering.toml", SKAB_NAMES),
        RealData.file("skab_anomaly-free.csv"),
        out);
    RealData.assertSameAsPandas("features_skab_anomaly_free", out);
  }
}
