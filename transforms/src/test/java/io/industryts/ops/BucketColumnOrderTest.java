package io.industryts.ops;

import static io.industryts.ops.PandasFixturesTest.assertCell;
import static io.industryts.ops.PandasFixturesTest.fixture;
import static io.industryts.ops.PandasFixturesTest.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.spi.Operation;
import io.industryts.ops.Resample.Agg;
import io.industryts.testing.BeamPipelineExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SEMANTICS §2.7 "Column order": operations that build a row per bucket or grid point write keys
 * (in key order), then time, then their columns ({@code group_by_time}: keys, {@code by}, time,
 * aggregates), whatever the input order. Checked against the pandas expressions of §2.2.1, §2.2.2
 * and §2.4.1 ({@code scripts/fixtures/make_fixtures.py}, {@code column_order}) with an input whose
 * time column comes before the keys and one where it comes after them, keyed by {@code tag, site}
 * although {@code site} precedes {@code tag} in both schemas.
 */
@ExtendWith(BeamPipelineExtension.class)
class BucketColumnOrderTest {
  private static final Schema TIME_FIRST =
      Schema.builder()
          .addDateTimeField("t")
          .addStringField("site")
          .addNullableField("v", FieldType.DOUBLE)
          .addStringField("tag")
          .addNullableField("status", FieldType.STRING)
          .build();
  private static final Schema TIME_LAST =
      Schema.builder()
          .addNullableField("v", FieldType.DOUBLE)
          .addStringField("site")
          .addNullableField("status", FieldType.STRING)
          .addStringField("tag")
          .addDateTimeField("t")
          .build();
  private static final Duration HOUR = Duration.standardHours(1);

  @Test
  void resampleWritesKeysThenTimeThenAggregates(TestPipeline p) throws IOException {
    assertOrderAndRows(p, Resample.every(HOUR).aggregate(Agg.MEAN).of("v"), "resample_1h_mean.csv");
  }

  @Test
  void regularizeWritesKeysThenTimeThenColumns(TestPipeline p) throws IOException {
    assertOrderAndRows(
        p,
        Regularize.every(Duration.standardMinutes(30)).of("v", "status"),
        "regularize_30min_forward.csv");
  }

  @Test
  void groupByTimeWritesKeysThenByThenTimeThenAggregates(TestPipeline p) throws IOException {
    assertOrderAndRows(
        p,
        GroupByTime.every(HOUR).aggregate("v", Agg.MEAN, Agg.COUNT).alsoBy("status"),
        "group_by_time_1h_by_status.csv");
  }

  private static void assertOrderAndRows(TestPipeline p, Operation op, String fixture)
      throws IOException {
    String path = "column_order/" + fixture;
    List<String> header = header(path);
    List<Map<String, String>> want = fixture(path);
    for (Schema schema : List.of(TIME_FIRST, TIME_LAST)) {
      PCollection<Row> out =
          p.apply("in " + schema.getFieldNames(), input(schema))
              .apply(
                  "op " + schema.getFieldNames(),
                  TimeSeriesPipeline.named("order")
                      .withTimeColumn("t")
                      .keyedBy("tag", "site")
                      .then(op));
      assertEquals(header, out.getSchema().getFieldNames(), "input " + schema.getFieldNames());
      PAssert.that("rows " + schema.getFieldNames(), out)
          .satisfies(
              rows -> {
                Map<String, Row> byGroup = new HashMap<>();
                int n = 0;
                for (Row r : rows) {
                  byGroup.put(group(r, header), r);
                  n++;
                }
                assertEquals(want.size(), n, fixture + " rows");
                for (Map<String, String> w : want) {
                  String g =
                      w.get("tag")
                          + "|"
                          + w.get("site")
                          + "|"
                          + (groupsByStatus(header) ? w.get("status") : "")
                          + "|"
                          + time(w.get("t"));
                  Row r = byGroup.get(g);
                  assertEquals(true, r != null, fixture + ": no output row " + g);
                  for (String f : header) {
                    String where = fixture + " " + g + " " + f;
                    if (f.equals("t")) {
                      assertEquals(time(w.get(f)), r.getDateTime(f).getMillis(), where);
                    } else if (f.equals("tag") || f.equals("site") || f.equals("status")) {
                      assertEquals(w.get(f).isEmpty() ? null : w.get(f), r.getValue(f), where);
                    } else {
                      assertCell(w.get(f), r.getValue(f), where);
                    }
                  }
                }
                return null;
              });
    }
    p.run();
  }

  private static String group(Row r, List<String> header) {
    String status = groupsByStatus(header) ? r.getString("status") : "";
    return r.getString("tag")
        + "|"
        + r.getString("site")
        + "|"
        + status
        + "|"
        + r.getDateTime("t").getMillis();
  }

  /** group_by_time's {@code by} column sits before the time column. */
  private static boolean groupsByStatus(List<String> header) {
    return header.contains("status") && header.indexOf("status") < header.indexOf("t");
  }

  private static Create.Values<Row> input(Schema schema) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> c : fixture("column_order/input.csv")) {
      Row.Builder b = Row.withSchema(schema);
      for (String f : schema.getFieldNames()) {
        String v = c.get(f);
        b.addValue(
            f.equals("t")
                ? new Instant(time(v))
                : f.equals("v") ? (v.isEmpty() ? null : Double.valueOf(v)) : v);
      }
      rows.add(b.build());
    }
    return Create.of(rows).withRowSchema(schema);
  }

  private static List<String> header(String path) throws IOException {
    try (InputStream in = BucketColumnOrderTest.class.getResourceAsStream("/fixtures/" + path)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return List.of(text.substring(0, text.indexOf('\n')).split(","));
    }
  }
}
