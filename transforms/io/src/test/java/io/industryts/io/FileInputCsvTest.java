package io.industryts.io;

import static io.industryts.io.IoTesting.read;
import static io.industryts.io.IoTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.time.TimeParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInputCsvTest {
  @TempDir Path dir;

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static Row row(Schema s, Object... values) {
    return Row.withSchema(s).addValues(values).build();
  }

  // ---------------------------------------------------------------------------------------------
  // Schema

  @Test
  void infersTypesFromTheSample() throws Exception {
    Path f =
        write(
            dir,
            "a.csv",
            "DateTime,n,x,mixed,s,empty,na\n"
                + "2024-01-01T00:00:00,1,1.5,1,a,,NA\n"
                + "2024-01-01T00:00:01,-2,2,2.5,b,,\n"
                + "2024-01-01T00:00:02,,1e3,,c d,,n/a\n");
    FileInput in = FileInput.of(f);
    Schema want =
        Schema.builder()
            .addField("DateTime", FieldType.DATETIME)
            .addNullableField("n", FieldType.INT64)
            .addNullableField("x", FieldType.DOUBLE)
            .addNullableField("mixed", FieldType.DOUBLE)
            .addNullableField("s", FieldType.STRING)
            .addNullableField("empty", FieldType.DOUBLE)
            .addNullableField("na", FieldType.DOUBLE)
            .build();
    assertEquals(want, in.schema());
    assertEquals("DateTime", in.timeColumn().name());
    assertEquals(',', in.resolvedDelimiter());
    assertEquals(
        List.of(
            row(want, t("2024-01-01T00:00:00Z"), 1L, 1.5, 1.0, "a", null, null),
            row(want, t("2024-01-01T00:00:01Z"), -2L, 2.0, 2.5, "b", null, null),
            row(want, t("2024-01-01T00:00:02Z"), null, 1000.0, null, "c d", null, null)),
        read(in).rows());
  }

  @Test
  void typeOverridesReplaceInference() throws Exception {
    Path f =
        write(
            dir,
            "a.csv",
            "time,id,flag,at,small\n"
                + "2024-01-01 00:00,007,true,2024-01-02,5\n"
                + "2024-01-01 00:01,8,FALSE,,-3\n");
    FileInput in =
        FileInput.of(f)
            .withTypes(
                Map.of(
                    "id",
                    FieldType.STRING,
                    "flag",
                    FieldType.BOOLEAN,
                    "at",
                    FieldType.DATETIME,
                    "small",
                    FieldType.INT16));
    Schema s = in.schema();
    assertEquals(FieldType.STRING.withNullable(true), s.getField("id").getType());
    assertEquals(FieldType.INT16.withNullable(true), s.getField("small").getType());
    assertEquals(
        List.of(
            row(s, t("2024-01-01T00:00:00Z"), "007", true, t("2024-01-02T00:00:00Z"), (short) 5),
            row(s, t("2024-01-01T00:01:00Z"), "8", false, null, (short) -3)),
        read(in).rows());
  }

  @Test
  void rejectsOverrideOfAnUnknownColumn() throws Exception {
    Path f = write(dir, "a.csv", "time,v\n2024-01-01,1\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FileInput.of(f).withType("vv", FieldType.DOUBLE).schema());
    assertEquals(
        "FileInput: types sets the type of column \"vv\", which is not in the header of "
            + f
            + ". Available columns: [time, v]. Fix [input.types] / withTypes(...).",
        e.getMessage());
  }

  @Test
  void rejectsNumericFirstFieldAsTime() throws Exception {
    Path f = write(dir, "a.csv", "sensor_id,value\n1,2.5\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileInput.of(f).schema());
    assertEquals(
        "industryts: time column \"sensor_id\" (auto: first field; no field named DateTime,"
            + " tagTime, timestamp, time or date) has type INT64; a numeric first field is not"
            + " taken as epoch times. Set [pipeline].time_column.",
        e.getMessage());
  }

  @Test
  void readsEpochNumbersInANamedTimeColumn() throws Exception {
    Path f = write(dir, "a.csv", "v,timestamp\n1,1704096000\n2,1704096000500\n3,1704096001.25\n");
    FileInput in = FileInput.of(f);
    assertEquals("timestamp", in.timeColumn().name());
    List<Row> rows = read(in).rows();
    assertEquals(t("2024-01-01T08:00:00Z"), rows.get(0).getDateTime("timestamp"));
    assertEquals(t("2024-01-01T08:00:00.500Z"), rows.get(1).getDateTime("timestamp"));
    assertEquals(t("2024-01-01T08:00:01.250Z"), rows.get(2).getDateTime("timestamp"));
  }

  @Test
  void makesHeaderNamesUniqueAndNonEmptyAsPandas() throws Exception {
    Path f = write(dir, "a.csv", "date,v,v,,v\n2024-01-01,1,2,3,4\n");
    assertEquals(
        List.of("date", "v", "v.1", "Unnamed: 3", "v.2"), FileInput.of(f).schema().getFieldNames());
  }

  @Test
  void zoneAndFormatComeFromTheTimeParser() throws Exception {
    Path f = write(dir, "a.csv", "when;v\n31.03.2024 02:30;1\n");
    FileInput in =
        FileInput.of(f)
            .withTimeColumn("when")
            .withTimeParser(
                TimeParser.builder()
                    .zone(ZoneId.of("Europe/Berlin"))
                    .format("dd.MM.yyyy HH:mm")
                    .build());
    assertEquals(t("2024-03-31T01:00:00Z"), read(in).rows().get(0).getDateTime("when"));
    // without a parser, the series options' zone applies
    Path g = write(dir, "b.csv", "time,v\n2024-07-01 12:00,1\n");
    FileInput berlin =
        FileInput.of(g)
            .withSeriesOptions(SeriesOptions.defaults().withTimeZone(ZoneId.of("Europe/Berlin")));
    assertEquals(t("2024-07-01T10:00:00Z"), read(berlin).rows().get(0).getDateTime("time"));
  }

  // ---------------------------------------------------------------------------------------------
  // Dialect

  @Test
  void detectsTheDelimiterFromTheHeader() throws Exception {
    assertEquals(
        ';', FileInput.of(write(dir, "a.csv", "time;a;b\n2024-01-01;1,5;2\n")).resolvedDelimiter());
    assertEquals(
        '\t',
        FileInput.of(write(dir, "b.tsv", "time\ta,b\tc\n2024-01-01\t1\t2\n")).resolvedDelimiter());
    assertEquals(
        '|', FileInput.of(write(dir, "c.csv", "time|a|b\n2024-01-01|1|2\n")).resolvedDelimiter());
    // tie between ; and , goes to ,
    assertEquals(
        ',', FileInput.of(write(dir, "d.csv", "time,a;b\n2024-01-01,1;2\n")).resolvedDelimiter());
    // delimiters inside quotes do not count
    assertEquals(
        ',',
        FileInput.of(write(dir, "e.csv", "\"t;i;m;e\",a\n2024-01-01,1\n")).resolvedDelimiter());
    // a set delimiter wins
    FileInput set =
        FileInput.of(write(dir, "f.csv", "time;a,b\n2024-01-01;1,5\n")).withDelimiter(',');
    assertEquals(List.of("time;a", "b"), set.schema().getFieldNames());
  }

  @Test
  void readsCrlfWithBom() throws Exception {
    byte[] body =
        "\uFEFFdatetime;v\r\n2024-01-01 00:00:00;1.5\r\n2024-01-01 00:00:01;\r\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path f = dir.resolve("bom.csv");
    Files.write(f, body);
    FileInput in = FileInput.of(f);
    assertEquals(List.of("datetime", "v"), in.schema().getFieldNames());
    IoTesting.Read r = read(in);
    assertEquals(
        List.of(
            row(in.schema(), t("2024-01-01T00:00:00Z"), 1.5),
            row(in.schema(), t("2024-01-01T00:00:01Z"), null)),
        r.rows());
    assertEquals(List.of(), r.errors);
  }

  @Test
  void readsQuotedCells() throws Exception {
    Path f =
        write(
            dir,
            "q.csv",
            "time,\"name, full\",v\n"
                + "2024-01-01,\"Smith, J.\",1\n"
                + "2024-01-02,\"say \"\"hi\"\"\",2\n"
                + "2024-01-03,\"two\nlines\",3\n"
                + "2024-01-04,x,oops\n");
    FileInput in = FileInput.of(f).withSampleRows(3);
    assertEquals(List.of("time", "name, full", "v"), in.schema().getFieldNames());
    IoTesting.Read r = read(in);
    List<Row> rows = r.rows();
    assertEquals(
        List.of("Smith, J.", "say \"hi\"", "two\nlines"),
        List.of(rows.get(0).getString(1), rows.get(1).getString(1), rows.get(2).getString(1)));
    // physical line numbers count the line break inside the quoted cell
    assertEquals(
        List.of(
            f
                + ":6: column \"v\" (field 3): \"oops\" is not a number; expected INT64 "
                + "(inferred from the first 3 rows of "
                + f
                + "). Fix: list \"oops\" in [input] na_values to read it as null, or set "
                + "[input.types] v = \"string\" to read the column as text."),
        r.messages());
  }

  @Test
  void naTokensAreNullInNumericAndTextColumns() throws Exception {
    StringBuilder sb = new StringBuilder("time,x,n,s\n");
    int day = 1;
    for (String token : NumberParser.NA_TOKENS) {
      sb.append(String.format("2024-01-%02d,%s,%s,%s%n", day++, token, token, token));
    }
    sb.append(String.format("2024-01-%02d,1.5,2,%s%n", day, "text"));
    sb.append(String.format("2024-01-%02d,2.5,3,%s%n", day + 1, "\"NA\""));
    Path f = write(dir, "na.csv", sb.toString());
    FileInput in = FileInput.of(f);
    assertEquals(FieldType.DOUBLE.withNullable(true), in.schema().getField("x").getType());
    assertEquals(FieldType.INT64.withNullable(true), in.schema().getField("n").getType());
    List<Row> rows = read(in).rows();
    for (int i = 0; i < NumberParser.NA_TOKENS.length; i++) {
      assertNull(rows.get(i).getDouble("x"), NumberParser.NA_TOKENS[i]);
      assertNull(rows.get(i).getInt64("n"), NumberParser.NA_TOKENS[i]);
      assertNull(rows.get(i).getString("s"), NumberParser.NA_TOKENS[i]);
    }
    assertEquals("text", rows.get(NumberParser.NA_TOKENS.length).getString("s"));
    // quoting does not protect a token, as in pandas
    assertNull(rows.get(NumberParser.NA_TOKENS.length + 1).getString("s"));
    // keeping NaN: tokens become NaN in DOUBLE columns, null in integer columns
    List<Row> kept = read(in.withNanAsNull(false)).rows();
    for (int i = 0; i < NumberParser.NA_TOKENS.length; i++) {
      assertTrue(Double.isNaN(kept.get(i).getDouble("x")), NumberParser.NA_TOKENS[i]);
      assertNull(kept.get(i).getInt64("n"));
    }
  }

  @Test
  void emptyCellsAreNullInEveryColumnAndBlankLinesAreSkipped() throws Exception {
    Path f = write(dir, "e.csv", "time,x,s,b\n\n2024-01-01,,,\n\n2024-01-02, 2 ,\" \",\n");
    FileInput in = FileInput.of(f).withType("b", FieldType.BOOLEAN).withType("s", FieldType.STRING);
    IoTesting.Read r = read(in);
    assertEquals(
        List.of(
            row(in.schema(), t("2024-01-01T00:00:00Z"), null, null, null),
            row(in.schema(), t("2024-01-02T00:00:00Z"), 2L, " ", null)),
        r.rows());
  }

  // ---------------------------------------------------------------------------------------------
  // Bad rows

  @Test
  void badRowsBecomeErrorRecordsWithFileLineColumnAndRaw() throws Exception {
    Path f =
        write(
            dir,
            "bad.csv",
            "DateTime,temp,count\r\n"
                + "2024-01-01T00:00:00,1.5,1\r\n"
                + "2024-01-01T00:00:01,abc,2\r\n"
                + "\r\n"
                + "2024-13-01T00:00:00,2.5,3\r\n"
                + ",3.5,4\r\n"
                + "2024-01-01T00:00:04,4.5\r\n"
                + "2024-01-01T00:00:05,5.5,6,7\r\n"
                + "2024-01-01T00:00:06,6.5,7.5\r\n"
                + "2024-01-01T00:00:07,7.5,8\r\n");
    FileInput in = FileInput.of(f).withSampleRows(1);
    IoTesting.Read r = read(in);
    assertEquals(2, r.rows().size());
    String origin = "(inferred from the first 1 rows of " + f + ")";
    String tc =
        "time column \"DateTime\" (auto: first field matching "
            + "[DateTime, tagTime, timestamp, time, date])";
    List<Row> errors = r.sortedErrors();
    assertEquals(
        List.of(
            f
                + ":3: column \"temp\" (field 2): \"abc\" is not a number; expected DOUBLE "
                + origin
                + ". Fix: list \"abc\" in [input] na_values to read it as null, or set "
                + "[input.types] temp = \"string\" to read the column as text.",
            f
                + ":5: "
                + tc
                + ": cannot parse \"2024-13-01T00:00:00\" as a time; expected ISO-8601 "
                + "(2024-01-01T08:00:00, optional .fff and Z / +01:00), \"yyyy-MM-dd HH:mm[:ss]\", "
                + "\"yyyy/MM/dd HH:mm[:ss]\", a date (2024-01-01) or an epoch number",
            f + ":6: " + tc + " is empty; every row needs a time",
            f + ":7: expected 3 fields as in the header, got 2",
            f + ":8: expected 3 fields as in the header, got 4",
            f
                + ":9: column \"count\" (field 3): \"7.5\" is not an integer; expected INT64 "
                + origin
                + ". Fix: set [input.types] count = \"double\"."),
        r.messages());
    assertEquals(
        List.of(
            "non_numeric_cell",
            "unparseable_time",
            "null_time",
            "wrong_field_count",
            "wrong_field_count",
            "non_numeric_cell"),
        errors.stream()
            .map(e -> e.getString("reason"))
            .collect(java.util.stream.Collectors.toList()));
    Row first = errors.get(0);
    assertEquals(f.toString(), first.getString("source"));
    assertEquals(3L, first.getInt64("line"));
    assertEquals("read", first.getString("step"));
    assertEquals("read", first.getString("operation"));
    assertEquals("temp", first.getString("field"));
    assertEquals("2024-01-01T00:00:01,abc,2", first.getString("raw"));
    assertNull(errors.get(3).getString("field"));
    assertEquals("DateTime", errors.get(2).getString("field"));
  }

  @Test
  void dstPoliciesRouteRowsToErrorsWhenStrict() throws Exception {
    Path f =
        write(
            dir,
            "dst.csv",
            "time,v\n2024-03-31 02:30,1\n2024-10-27 02:30,2\n" + "2024-10-27 04:00,3\n");
    FileInput in =
        FileInput.of(f)
            .withTimeParser(
                TimeParser.builder()
                    .zone(ZoneId.of("Europe/Berlin"))
                    .ambiguous(TimeParser.Ambiguous.ERROR)
                    .nonexistent(TimeParser.Nonexistent.ERROR)
                    .build());
    IoTesting.Read r = read(in);
    assertEquals(1, r.rows().size());
    List<Row> errors = r.sortedErrors();
    assertEquals("nonexistent_time", errors.get(0).getString("reason"));
    assertEquals("ambiguous_time", errors.get(1).getString("reason"));
    assertTrue(
        errors
            .get(1)
            .getString("message")
            .startsWith(
                f
                    + ":3: time column \"time\" (auto: first field matching [DateTime, tagTime,"
                    + " timestamp, time, date]): local time 2024-10-27T02:30 occurs twice in"
                    + " Europe/Berlin"),
        errors.get(1).getString("message"));
  }

  @Test
  void outOfRangeAndBooleanCellsAreErrors() throws Exception {
    Path f =
        write(
            dir,
            "r.csv",
            "time,i,b\n2024-01-01,1,true\n2024-01-02,70000,yes\n" + "2024-01-03,2,no\n");
    IoTesting.Read r =
        read(FileInput.of(f).withType("i", FieldType.INT16).withType("b", FieldType.BOOLEAN));
    assertEquals(
        List.of(
            f
                + ":3: column \"i\" (field 2): \"70000\" is out of range for INT16; expected INT16"
                + " (set in [input.types]). Fix: set [input.types] i = \"int64\".",
            f
                + ":4: column \"b\" (field 3): \"no\" is not a boolean (true / false); expected "
                + "BOOLEAN (set in [input.types]). Fix: list \"no\" in [input] na_values to read it"
                + " as null."),
        r.messages());
  }

  @Test
  void unterminatedQuoteIsAnError() throws Exception {
    Path f = write(dir, "u.csv", "time,s\n2024-01-01,ok\n2024-01-02,\"open\n2024-01-03,x\n");
    IoTesting.Read r = read(FileInput.of(f));
    assertEquals(1, r.rows().size());
    assertEquals(
        List.of(f + ":3: a quoted cell is not closed before the end of the file"), r.messages());
    assertEquals("unterminated_quote", r.errors.get(0).getString("reason"));
  }

  // ---------------------------------------------------------------------------------------------
  // Degenerate files and globs

  @Test
  void zeroByteFileIsAnError() throws Exception {
    Path f = write(dir, "empty.csv", "");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileInput.of(f).schema());
    assertEquals("empty file: " + f, e.getMessage());
  }

  @Test
  void headerOnlyFileHasNoRows() throws Exception {
    Path f = write(dir, "h.csv", "DateTime,temp,count\n");
    FileInput in = FileInput.of(f);
    assertEquals(
        Schema.builder()
            .addField("DateTime", FieldType.DATETIME)
            .addNullableField("temp", FieldType.DOUBLE)
            .addNullableField("count", FieldType.DOUBLE)
            .build(),
        in.schema());
    IoTesting.Read r = read(in);
    assertEquals(List.of(), r.rows());
    assertEquals(List.of(), r.errors);
    // no trailing newline, first column not a known name: still the first field, as STRING
    Path g = write(dir, "g.csv", "ts,v");
    assertEquals("ts", FileInput.of(g).timeColumn().name());
    assertEquals(List.of(), read(FileInput.of(g)).rows());
  }

  @Test
  void missingFilesAndGlobsWithoutMatchesAreErrors() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FileInput.of(dir.resolve("nope.csv").toString()).schema());
    assertEquals("FileInput: file not found: " + dir.resolve("nope.csv"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FileInput.of(dir + "/*.csv").schema());
    assertEquals("FileInput: no file matches \"" + dir + "/*.csv\"", e.getMessage());
  }

  @Test
  void globWithDifferentHeadersNamesBothFilesAndTheColumn() throws Exception {
    Path a = write(dir, "part-1.csv", "time,temp,hum\n2024-01-01,1,2\n");
    Path b = write(dir, "part-2.csv", "time,temperature,hum\n2024-01-02,1,2\n");
    String glob = dir + "/part-*.csv";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileInput.of(glob).schema());
    assertEquals(
        "FileInput: files matched by \""
            + glob
            + "\" have different headers: column 2 "
            + "is \"temp\" in "
            + a
            + " but \"temperature\" in "
            + b
            + ". All files of one input must "
            + "share the header (same names, same order).",
        e.getMessage());
    write(dir, "part-2.csv", "time,temp\n2024-01-02,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> FileInput.of(glob).schema());
    assertTrue(
        e.getMessage().contains("column 3 is \"hum\" in " + a + " but missing in " + b),
        e.getMessage());
  }

  @Test
  void globReadsFilesInNameOrderWithIncreasingSeq() throws Exception {
    write(dir, "in/b.csv", "time,v\n2024-01-03,3\n2024-01-04,4\n");
    write(dir, "in/a.csv", "time,v\n2024-01-01,1\n2024-01-02,2\n");
    write(dir, "in/c.txt", "not,csv\n");
    FileInput in = FileInput.of(dir + "/in/*.csv");
    assertEquals(
        List.of(dir.resolve("in/a.csv").toString(), dir.resolve("in/b.csv").toString()),
        in.files());
    IoTesting.Read r = read(in);
    List<Long> values = new ArrayList<>();
    for (Row row : r.rows()) {
      values.add(row.getInt64("v"));
    }
    assertEquals(List.of(1L, 2L, 3L, 4L), values);
    assertEquals(List.of(7L, 20L, (1L << 40) | 7L, (1L << 40) | 20L), r.seqs());
  }

  // ---------------------------------------------------------------------------------------------
  // Series, order, splitting

  @Test
  void eachChunkHoldsOneSeriesInFileOrder() throws Exception {
    Path f =
        write(
            dir,
            "k.csv",
            "tag,time,v\n"
                + "a,2024-01-01T00:00:02,1\nb,2024-01-01T00:00:00,2\na,2024-01-01T00:00:01,3\n"
                + ",2024-01-01T00:00:05,4\nb,2024-01-01T00:00:03,5\nNA,2024-01-01T00:00:06,6\n");
    FileInput in = FileInput.of(f).keyedBy("tag");
    assertEquals(List.of("tag"), in.layout().keyFields());
    IoTesting.Read r = read(in);
    // the empty key and the NA token are both the null key; their rows may come in two chunks
    assertEquals(4, r.chunks.size());
    Set<Object> keys = new HashSet<>();
    int nullKeyRows = 0;
    for (Chunk c : r.chunks) {
      Object key = c.key().getValue(0);
      keys.add(key == null ? "<null>" : key);
      for (int i = 1; i < c.size(); i++) {
        assertTrue(c.seqs()[i] > c.seqs()[i - 1], "file order inside a chunk");
      }
      if ("a".equals(key)) {
        assertEquals(2, c.size());
        assertEquals(t("2024-01-01T00:00:02Z").getMillis(), c.times()[0]);
        assertEquals(t("2024-01-01T00:00:01Z").getMillis(), c.times()[1]);
      }
      if (key == null) {
        nullKeyRows += c.size();
      }
    }
    assertEquals(Set.of("a", "b", "<null>"), keys);
    assertEquals(2, nullKeyRows);
  }

  @Test
  void sequenceColumnOrdersTies() throws Exception {
    Path f = write(dir, "s.csv", "time,seq,v\n2024-01-01,20,1\n2024-01-01,10,2\n2024-01-02,,3\n");
    IoTesting.Read r = read(FileInput.of(f).withSequenceColumn("seq"));
    assertEquals(List.of(10L, 20L), r.seqs());
    assertEquals(
        List.of(f + ":4: sequence column \"seq\" is empty; every row needs a sequence " + "number"),
        r.messages());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FileInput.of(f).withSequenceColumn("v").withType("v", FieldType.DOUBLE).schema());
    assertTrue(
        e.getMessage()
            .startsWith(
                "FileInput: sequence_column \"v\" must be an integer "
                    + "value column. Got type DOUBLE."),
        e.getMessage());
  }

  @Test
  void splitRangesGiveTheSameRowsAsOneRange() throws Exception {
    Random rnd = new Random(3);
    StringBuilder sb = new StringBuilder("tag,DateTime,x,y\n");
    long t0 = t("2024-01-01T00:00:00Z").getMillis();
    for (int i = 0; i < 5000; i++) {
      sb.append("k")
          .append(rnd.nextInt(3))
          .append(',')
          .append(java.time.Instant.ofEpochMilli(t0 + i * 1000L).toString().replace("Z", ""))
          .append(',')
          .append(rnd.nextInt(20) == 0 ? "" : String.format("%.4f", rnd.nextGaussian()))
          .append(',')
          .append(rnd.nextInt(100) == 0 ? "bad" : Integer.toString(rnd.nextInt()))
          .append(rnd.nextBoolean() ? "\n" : "\r\n");
    }
    Path f = write(dir, "big.csv", sb.toString());
    FileInput whole =
        FileInput.of(f).keyedBy("tag").withType("y", FieldType.INT64).withSplitBytes(1 << 30);
    IoTesting.Read one = read(whole);
    IoTesting.Read many = read(whole.withSplitBytes(997).withChunkRows(100));
    assertTrue(many.chunks.size() > 100);
    for (Chunk c : many.chunks) {
      assertTrue(c.size() <= 100);
    }
    assertEquals(one.rows(), many.rows());
    assertEquals(one.seqs(), many.seqs());
    assertEquals(one.messages(), many.messages());
    assertTrue(one.errors.size() > 10);
    assertEquals(5000, one.rows().size() + one.errors.size());
  }

  @Test
  void quotedFilesAreReadAsOneRange() throws Exception {
    StringBuilder sb = new StringBuilder("time,s\n");
    for (int i = 0; i < 200; i++) {
      sb.append("2024-01-01T00:00:")
          .append(String.format("%02d", i % 60))
          .append(i % 10 == 0 ? ",\"a\nb\"\n" : ",x\n");
    }
    Path f = write(dir, "qq.csv", sb.toString());
    FileInput in = FileInput.of(f).withSplitBytes(100);
    assertEquals(1, in.source().split(1, null).size());
    IoTesting.Read r = read(in);
    assertEquals(200, r.rows().size());
    assertEquals(List.of(), r.errors);
    FileInput unquoted =
        FileInput.of(write(dir, "uq.csv", sb.toString().replace("\"a\nb\"", "ab")))
            .withSplitBytes(100);
    assertTrue(unquoted.source().split(1, null).size() > 10);
  }
}
