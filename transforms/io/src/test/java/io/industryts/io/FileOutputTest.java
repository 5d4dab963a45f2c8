package io.industryts.io;

import static io.industryts.io.IoTesting.read;
import static io.industryts.io.IoTesting.segments;
import static io.industryts.io.IoTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.testing.BeamPipelineExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(BeamPipelineExtension.class)
class FileOutputTest {
  @TempDir Path dir;

  /** Every writable type, keyed by tag. */
  static final Schema WIDE =
      Schema.builder()
          .addNullableField("tag", FieldType.STRING)
          .addField("time", FieldType.DATETIME)
          .addNullableField("x", FieldType.DOUBLE)
          .addNullableField("n", FieldType.INT64)
          .addNullableField("i", FieldType.INT32)
          .addNullableField("h", FieldType.INT16)
          .addNullableField("y", FieldType.BYTE)
          .addNullableField("f", FieldType.FLOAT)
          .addNullableField("b", FieldType.BOOLEAN)
          .addNullableField("s", FieldType.STRING)
          .addNullableField("at", FieldType.DATETIME)
          .build();

  static final ChunkLayout LAYOUT = ChunkLayout.of(WIDE, "time", List.of("tag"));

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  /** One chunk per key, built from rows (time order as given). */
  static List<Chunk> chunks(ChunkLayout layout, List<Row> rows) {
    java.util.Map<Row, ChunkAssembler> by = new java.util.LinkedHashMap<>();
    long seq = 0;
    for (Row r : rows) {
      Row key = layout.keyOf(r);
      ChunkAssembler a = by.computeIfAbsent(key, k -> new ChunkAssembler(layout, k, 1 << 16));
      for (int f = 0; f < layout.schema().getFieldCount(); f++) {
        if (layout.isTimeOrKey(f)) {
          continue;
        }
        Object v = r.getValue(f);
        if (v == null) {
          a.setNull(f);
          continue;
        }
        switch (a.kind(f)) {
          case 'D':
            a.setDouble(f, ((Number) v).doubleValue());
            break;
          case 'L':
            a.setLong(f, ((Number) v).longValue());
            break;
          case 'B':
            a.setBoolean(f, (Boolean) v);
            break;
          default:
            a.setObject(f, v);
        }
      }
      a.setTimeAndSeq(r.getDateTime(layout.timeField()).getMillis(), seq++);
      a.commit();
    }
    List<Chunk> out = new ArrayList<>();
    for (ChunkAssembler a : by.values()) {
      out.add(a.take(false));
    }
    return out;
  }

  static List<Row> wideRows() {
    return List.of(
        Row.withSchema(WIDE)
            .addValues(
                "b",
                t("2024-01-01T00:00:00Z"),
                1.5,
                1L,
                2,
                (short) 3,
                (byte) 4,
                0.1f,
                true,
                "plain",
                t("2024-06-01T12:00:00Z"))
            .build(),
        Row.withSchema(WIDE)
            .addValues(
                "a",
                t("2024-01-01T00:00:00.250Z"),
                1e-4,
                -7L,
                null,
                null,
                null,
                null,
                false,
                "comma, \"quote\"\nline",
                null)
            .build(),
        Row.withSchema(WIDE)
            .addValues(
                "a",
                t("2024-01-01T00:00:01Z"),
                null,
                null,
                -2,
                (short) -3,
                (byte) -4,
                -2.5f,
                null,
                null,
                t("1969-12-31T23:59:59.999Z"))
            .build(),
        Row.withSchema(WIDE)
            .addValues(
                null,
                t("2024-01-01T00:00:02Z"),
                12_345_678.9,
                0L,
                0,
                (short) 0,
                (byte) 0,
                1e10f,
                true,
                "",
                null)
            .build());
  }

  private static String text(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }

  private void writeFile(FileOutput out, ChunkLayout layout, List<Chunk> chunks)
      throws IOException {
    List<KV<KV<Row, Long>, Chunk>> segs = segments(chunks);
    segs.sort(FileOutput.SEGMENT_ORDER);
    List<Chunk> ordered = new ArrayList<>();
    for (KV<KV<Row, Long>, Chunk> s : segs) {
      ordered.add(s.getValue());
    }
    out.writeFile(layout, ordered);
  }

  // ---------------------------------------------------------------------------------------------
  // CSV

  @Test
  void csvCellsFollowTheSpec() throws IOException {
    Path p = dir.resolve("out.csv");
    writeFile(FileOutput.to(p.toString()), LAYOUT, chunks(LAYOUT, wideRows()));
    assertEquals(
        "tag,time,x,n,i,h,y,f,b,s,at\n"
            + "a,2024-01-01T00:00:00.250Z,1.0E-4,-7,,,,,false,\"comma, \"\"quote\"\"\nline\",\n"
            + "a,2024-01-01T00:00:01Z,,,-2,-3,-4,-2.5,,,1969-12-31T23:59:59.999Z\n"
            + "b,2024-01-01T00:00:00Z,1.5,1,2,3,4,0.1,true,plain,2024-06-01T12:00:00Z\n"
            + ",2024-01-01T00:00:02Z,1.23456789E7,0,0,0,0,1.0E10,true,,\n",
        text(p));
  }

  @Test
  void csvDoublesAreShortestRoundTripWithoutExponentInTheUsualRange() throws Exception {
    Schema s =
        Schema.builder()
            .addField("time", FieldType.DATETIME)
            .addNullableField("v", FieldType.DOUBLE)
            .build();
    ChunkLayout layout = ChunkLayout.of(s, "time", List.of());
    double[] values = {
      0.001,
      9_999_999.5,
      0.1 + 0.2,
      -0.0,
      100.0,
      1e7,
      9.99e-4,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      62.0038,
      2.82879384806159E17, // Double.toString of Java 17 writes 2.82879384806159008E17
      1.0E23 // and 9.999999999999999E22
    };
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(Row.withSchema(s).addValues(new Instant(i * 1000L), values[i]).build());
    }
    Path p = dir.resolve("d.csv");
    writeFile(FileOutput.to(p.toString()), layout, chunks(layout, rows));
    List<String> cells =
        Files.readAllLines(p).stream()
            .skip(1)
            .map(l -> l.substring(l.indexOf(',') + 1))
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "0.001",
            "9999999.5",
            "0.30000000000000004",
            "-0.0",
            "100.0",
            "1.0E7",
            "9.99E-4",
            "NaN",
            "inf",
            "-inf",
            "62.0038",
            "2.82879384806159E17",
            "1.0E23"),
        cells);
    // and they read back bit for bit (NaN kept when nan_as_null is off)
    List<Row> back = read(FileInput.of(p).withNanAsNull(false)).rows();
    for (int i = 0; i < values.length; i++) {
      assertEquals(
          Double.doubleToLongBits(values[i]),
          Double.doubleToLongBits(back.get(i).getDouble("v")),
          cells.get(i));
    }
  }

  @Test
  void csvTimeFormatAndDelimiterCanBeSet() throws IOException {
    Path p = dir.resolve("t.csv");
    writeFile(
        FileOutput.to(p.toString())
            .withCsvTimeFormat("yyyy-MM-dd'T'HH:mm:ss")
            .withCsvDelimiter(';'),
        LAYOUT,
        chunks(LAYOUT, wideRows().subList(0, 1)));
    assertEquals(
        "tag;time;x;n;i;h;y;f;b;s;at\n"
            + "b;2024-01-01T00:00:00;1.5;1;2;3;4;0.1;true;plain;2024-06-01T12:00:00\n",
        text(p));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FileOutput.to("x.csv").withCsvTimeFormat("yyyy-MM-dd'T'HH:mm:ss {{"));
    assertTrue(e.getMessage().startsWith("FileOutput: invalid CSV time format"), e.getMessage());
  }

  @Test
  void emptyInputWritesTheHeaderOnly() throws Exception {
    Path p = dir.resolve("h.csv");
    FileOutput.to(p.toString()).writeFile(LAYOUT, List.of());
    assertEquals("tag,time,x,n,i,h,y,f,b,s,at\n", text(p));
    Path q = dir.resolve("h.parquet");
    FileOutput.to(q.toString()).writeFile(LAYOUT, List.of());
    Path a = dir.resolve("h.arrow");
    FileOutput.to(a.toString()).writeFile(LAYOUT, List.of());
    for (Path f : List.of(p, q, a)) {
      FileInput in = FileInput.of(f).keyedBy("tag");
      assertEquals(List.of(), read(in).rows(), f.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Round trips

  private void assertRoundTrip(String name) throws Exception {
    Path p = dir.resolve(name);
    List<Chunk> chunks = chunks(LAYOUT, wideRows());
    writeFile(FileOutput.to(p.toString()), LAYOUT, chunks);
    FileInput in = FileInput.of(p).withTimeColumn("time").keyedBy("tag");
    if (name.endsWith(".csv")) {
      in =
          in.withTypes(
              java.util.Map.of(
                  "i",
                  FieldType.INT32,
                  "h",
                  FieldType.INT16,
                  "y",
                  FieldType.BYTE,
                  "f",
                  FieldType.FLOAT,
                  "b",
                  FieldType.BOOLEAN,
                  "s",
                  FieldType.STRING,
                  "at",
                  FieldType.DATETIME));
    }
    assertEquals(WIDE.withOptions(WIDE.getOptions()).getFieldNames(), in.schema().getFieldNames());
    for (Schema.Field f : WIDE.getFields()) {
      assertEquals(
          f.getType().getTypeName(),
          in.schema().getField(f.getName()).getType().getTypeName(),
          name + ": " + f.getName());
    }
    IoTesting.Read r = read(in);
    assertEquals(List.of(), r.errors);
    List<Row> want = new ArrayList<>(wideRows());
    List<Row> got = r.rows();
    want.sort(java.util.Comparator.comparing(Row::toString));
    got.sort(java.util.Comparator.comparing(Row::toString));
    // CSV cannot tell an empty string from null
    if (name.endsWith(".csv")) {
      want.set(
          want.indexOf(wideRows().get(3)),
          Row.fromRow(wideRows().get(3)).withFieldValue("s", null).build());
      want.sort(java.util.Comparator.comparing(Row::toString));
    }
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      for (int f = 0; f < WIDE.getFieldCount(); f++) {
        Object w = want.get(i).getValue(f);
        Object g = got.get(i).getValue(f);
        if (w instanceof org.joda.time.ReadableInstant) {
          w = ((org.joda.time.ReadableInstant) w).getMillis();
          g = g == null ? null : ((org.joda.time.ReadableInstant) g).getMillis();
        }
        assertEquals(w, g, name + " row " + i + " field " + WIDE.getField(f).getName());
      }
    }
  }

  @Test
  void csvRoundTrip() throws Exception {
    assertRoundTrip("rt.csv");
  }

  @Test
  void parquetRoundTrip() throws Exception {
    assertRoundTrip("rt.parquet");
  }

  @Test
  void arrowRoundTrip() throws Exception {
    assertRoundTrip("rt.arrow");
  }

  @Test
  void parquetSchemaIsOptionalTimestampsAdjustedToUtc() throws Exception {
    Path p = dir.resolve("s.parquet");
    writeFile(FileOutput.to(p.toString()), LAYOUT, chunks(LAYOUT, wideRows()));
    Path m = dir.resolve("ms.parquet");
    writeFile(FileOutput.to(m.toString()).withParquetMillis(), LAYOUT, chunks(LAYOUT, wideRows()));
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p));
        ParquetFileReader rm = ParquetFileReader.open(new LocalInputFile(m))) {
      MessageType type = r.getFooter().getFileMetaData().getSchema();
      assertEquals(
          "message industryts {\n"
              + "  optional binary tag (STRING);\n"
              + "  optional int64 time (TIMESTAMP(MICROS,true));\n"
              + "  optional double x;\n"
              + "  optional int64 n;\n"
              + "  optional int32 i;\n"
              + "  optional int32 h (INTEGER(16,true));\n"
              + "  optional int32 y (INTEGER(8,true));\n"
              + "  optional float f;\n"
              + "  optional boolean b;\n"
              + "  optional binary s (STRING);\n"
              + "  optional int64 at (TIMESTAMP(MICROS,true));\n"
              + "}\n",
          type.toString());
      assertTrue(
          rm.getFooter()
              .getFileMetaData()
              .getSchema()
              .toString()
              .contains("optional int64 time (TIMESTAMP(MILLIS,true));"));
      assertEquals(
          ParquetSink.defaultCodec(),
          r.getFooter().getBlocks().get(0).getColumns().get(0).getCodec());
    }
    assertEquals(
        org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY,
        ParquetSink.defaultCodec(),
        "snappy-java's bundled native library loads here");
  }

  @Test
  void unsupportedTypesAreRejectedBeforeWriting() {
    Schema s =
        Schema.builder()
            .addField("time", FieldType.DATETIME)
            .addNullableField("raw", FieldType.array(FieldType.INT32))
            .build();
    ChunkLayout layout = ChunkLayout.of(s, "time", List.of());
    for (String f : List.of("x.csv", "x.parquet", "x.arrow")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> FileOutput.to(f).validate(layout));
      assertTrue(
          e.getMessage()
              .startsWith("FileOutput: field \"raw\" has type ARRAY<INT32 NOT NULL>, which "),
          e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FileOutput.to("out.json"));
    assertEquals(
        "FileOutput: cannot tell the format of \"out.json\" from its extension. "
            + "Expected .csv, .parquet, .arrow, .ipc or .feather; or call withFormat(...).",
        e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // Atomic writes

  @Test
  void writesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
    Path p = dir.resolve("sub/a.csv");
    Files.createDirectories(p.getParent());
    Files.write(p, "old".getBytes(StandardCharsets.UTF_8));
    IOException boom =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    p,
                    temp -> {
                      Files.write(temp, "half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }));
    assertEquals(
        "cannot write output "
            + p
            + ": the file system of "
            + p.toAbsolutePath().getParent()
            + " is full (disk full). No output was replaced. Free space there or write elsewhere"
            + " (--output, [output] path).",
        boom.getMessage());
    assertEquals("old", text(p));
    writeFile(FileOutput.to(p.toString()), LAYOUT, chunks(LAYOUT, wideRows()));
    assertTrue(text(p).startsWith("tag,time,"));
    try (Stream<Path> s = Files.list(p.getParent())) {
      assertEquals(List.of(p), s.collect(Collectors.toList()));
    }
  }

  @Test
  void oneFailingOutputReplacesNoneOfTheOthersAndLeavesNoTemporaries() throws IOException {
    Path good = dir.resolve("all/good.csv");
    Path alsoGood = dir.resolve("all/good.parquet");
    Path bad = dir.resolve("all/bad.arrow");
    Files.createDirectories(bad.resolve("inside")); // a directory where the file should go
    Files.writeString(good, "old");
    Files.writeString(alsoGood, "old");
    List<Chunk> chunks = chunks(LAYOUT, wideRows());
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                FileOutput.writeConcurrently(
                    LAYOUT,
                    chunks,
                    List.of(FileOutput.to(good), FileOutput.to(alsoGood), FileOutput.to(bad))));
    assertEquals(
        "cannot write output "
            + bad
            + ": it is a directory. No output was replaced."
            + " Give a file name (e.g. "
            + bad.resolve("result.arrow")
            + ") with --output or [output]"
            + " path.",
        e.getMessage());
    assertEquals("old", text(good));
    assertEquals("old", text(alsoGood));
    try (Stream<Path> s = Files.list(good.getParent())) {
      assertEquals(
          List.of("bad.arrow", "good.csv", "good.parquet"),
          s.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  void stagedOutputsWaitForTheirCommit() throws IOException {
    Path out = dir.resolve("st/out.csv");
    String token = StagedFiles.newToken();
    FileOutput.writeConcurrently(
        LAYOUT, chunks(LAYOUT, wideRows()), List.of(FileOutput.to(out).staged(token)));
    assertFalse(Files.exists(out));
    Path temp = StagedFiles.temporary(out, token);
    assertEquals(dir.resolve("st/.out.csv." + token + ".tmp").toAbsolutePath(), temp);
    assertTrue(text(temp).startsWith("tag,time,"));
    StagedFiles.commit(List.of(out), token);
    assertTrue(text(out).startsWith("tag,time,"));
    assertFalse(Files.exists(temp));
  }

  @Test
  void staleTemporariesOfDeadProcessesAreRemovedAndLiveOnesKept() throws IOException {
    Path out = dir.resolve("stale/out.csv");
    Files.createDirectories(out.getParent());
    // process id 0x7ffffff0 is above every Linux pid_max: no such process runs
    Path dead = out.resolveSibling(".out.csv.7ffffff012345678.tmp");
    Path live = StagedFiles.temporary(out, StagedFiles.newToken()); // this process's own id
    Path other = out.resolveSibling(".other.csv.7ffffff012345678.tmp");
    Path notOurs = out.resolveSibling(".out.csv.notatoken.tmp");
    for (Path p : List.of(dead, live, other, notOurs)) {
      Files.writeString(p, "half");
    }
    StagedFiles.Stale stale = StagedFiles.removeStale(out);
    assertEquals(List.of(dead), stale.removed());
    assertEquals(List.of(live), stale.kept());
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(live) && Files.exists(other) && Files.exists(notOurs));
  }

  @Test
  void parquetFooterListsEncodingsInAscendingOrder() throws Exception {
    Path p = dir.resolve("enc.parquet");
    writeFile(FileOutput.to(p.toString()), LAYOUT, chunks(LAYOUT, wideRows()));
    byte[] first = Files.readAllBytes(p);
    org.apache.parquet.format.FileMetaData meta = footer(p);
    int checked = 0;
    for (org.apache.parquet.format.RowGroup g : meta.getRow_groups()) {
      for (org.apache.parquet.format.ColumnChunk c : g.getColumns()) {
        List<Integer> values = new ArrayList<>();
        c.getMeta_data().getEncodings().forEach(e -> values.add(e.getValue()));
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        assertEquals(sorted, values, "encodings of " + c.getMeta_data().getPath_in_schema());
        checked += values.size() > 1 ? 1 : 0;
      }
    }
    assertTrue(checked > 0, "no column has several encodings to order");
    // a footer whose lists are in another order is rewritten to the same bytes
    for (org.apache.parquet.format.RowGroup g : meta.getRow_groups()) {
      for (org.apache.parquet.format.ColumnChunk c : g.getColumns()) {
        List<org.apache.parquet.format.Encoding> reversed =
            new ArrayList<>(c.getMeta_data().getEncodings());
        java.util.Collections.reverse(reversed);
        c.getMeta_data().setEncodings(reversed);
      }
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    org.apache.parquet.format.Util.writeFileMetaData(meta, bytes);
    byte[] scrambled = first.clone();
    System.arraycopy(
        bytes.toByteArray(), 0, scrambled, first.length - 8 - bytes.size(), bytes.size());
    Path q = dir.resolve("scrambled.parquet");
    Files.write(q, scrambled);
    assertFalse(java.util.Arrays.equals(first, scrambled));
    ParquetSink.sortFooterEncodings(q);
    assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(q)));
  }

  private static org.apache.parquet.format.FileMetaData footer(Path p) throws IOException {
    byte[] all = Files.readAllBytes(p);
    int length =
        java.nio.ByteBuffer.wrap(all, all.length - 8, 4)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .getInt();
    return org.apache.parquet.format.Util.readFileMetaData(
        new java.io.ByteArrayInputStream(all, all.length - 8 - length, length));
  }

  // ---------------------------------------------------------------------------------------------
  // In a pipeline

  @Test
  void writesAllOutputsFromOneGatheringInKeyOrder(TestPipeline p) throws IOException {
    Schema s =
        Schema.builder()
            .addNullableField("tag", FieldType.STRING)
            .addField("time", FieldType.DATETIME)
            .addNullableField("v", FieldType.INT64)
            .build();
    ChunkLayout layout = ChunkLayout.of(s, "time", List.of("tag"));
    List<KV<KV<Row, Long>, Chunk>> segs = new ArrayList<>();
    String[] tags = {"b", null, "a"};
    long v = 0;
    for (String tag : tags) {
      for (long seg = 1; seg >= 0; seg--) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          rows.add(
              Row.withSchema(s).addValues(tag, new Instant(seg * 10_000 + i * 1000), v++).build());
        }
        Chunk c = chunks(layout, rows).get(0);
        segs.add(KV.of(KV.of(c.key(), seg), c));
      }
    }
    Path csv = dir.resolve("o/all.csv");
    Path parquet = dir.resolve("o/all.parquet");
    PCollection<String> written =
        FileOutput.writeAll(
            IoTesting.segments(p, layout, segs),
            layout,
            FileOutput.to(csv.toString()),
            FileOutput.to(parquet.toString()));
    PAssert.that(written).containsInAnyOrder(csv.toString(), parquet.toString());
    p.run().waitUntilFinish();
    assertEquals(
        "tag,time,v\n"
            + "a,1970-01-01T00:00:00Z,10\na,1970-01-01T00:00:01Z,11\n"
            + "a,1970-01-01T00:00:10Z,8\na,1970-01-01T00:00:11Z,9\n"
            + "b,1970-01-01T00:00:00Z,2\nb,1970-01-01T00:00:01Z,3\n"
            + "b,1970-01-01T00:00:10Z,0\nb,1970-01-01T00:00:11Z,1\n"
            + ",1970-01-01T00:00:00Z,6\n,1970-01-01T00:00:01Z,7\n"
            + ",1970-01-01T00:00:10Z,4\n,1970-01-01T00:00:11Z,5\n",
        text(csv));
    List<Long> fromParquet = new ArrayList<>();
    try {
      for (Row r : read(FileInput.of(parquet).keyedBy("tag")).rows()) {
        fromParquet.add(r.getInt64("v"));
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertEquals(List.of(10L, 11L, 8L, 9L, 2L, 3L, 0L, 1L, 6L, 7L, 4L, 5L), fromParquet);
  }

  @Test
  void writesHeaderOnlyFileForEmptyInput(TestPipeline p) throws IOException {
    Path csv = dir.resolve("empty.csv");
    PCollection<String> written =
        FileOutput.to(csv.toString()).write(IoTesting.segments(p, LAYOUT, List.of()), LAYOUT);
    PAssert.that(written).containsInAnyOrder(csv.toString());
    p.run().waitUntilFinish();
    assertEquals("tag,time,x,n,i,h,y,f,b,s,at\n", text(csv));
  }

  @Test
  void readsChunksWithTimestampsAndErrorsInAPipeline(TestPipeline p) throws IOException {
    Path f = write(dir, "in.csv", "time,v\n2024-01-01T00:00:05,1\n2024-01-01T00:00:01,2\nbad,3\n");
    String file = f.toString();
    ReadResult r = FileInput.of(f).read(p);
    PAssert.that(r.chunks())
        .satisfies(
            chunks -> {
              int n = 0;
              for (Chunk c : chunks) {
                n += c.size();
              }
              assertEquals(2, n);
              return null;
            });
    PAssert.that(
            IoTesting.rows(r.chunks(), r.layout())
                .apply(org.apache.beam.sdk.transforms.Reify.timestamps()))
        .satisfies(
            rows -> {
              for (org.apache.beam.sdk.values.TimestampedValue<Row> tv : rows) {
                assertEquals(t("2024-01-01T00:00:01Z"), tv.getTimestamp(), "min time of the chunk");
              }
              return null;
            });
    PAssert.that(r.rows().apply("RowTimes", org.apache.beam.sdk.transforms.Reify.timestamps()))
        .satisfies(
            rows -> {
              int n = 0;
              for (org.apache.beam.sdk.values.TimestampedValue<Row> tv : rows) {
                assertEquals(tv.getValue().getDateTime("time"), tv.getTimestamp(), "row time");
                n++;
              }
              assertEquals(2, n);
              return null;
            });
    PAssert.that(r.errors())
        .satisfies(
            errors -> {
              List<String> messages = new ArrayList<>();
              errors.forEach(e -> messages.add(e.getString("message")));
              assertEquals(1, messages.size());
              assertTrue(
                  messages.get(0).startsWith(file + ":4: time column \"time\""), messages.get(0));
              return null;
            });
    Path dead = dir.resolve("dead.jsonl");
    PAssert.that(DeadLetters.write(r.errors(), dead.toString()))
        .containsInAnyOrder(dead.toString());
    p.run().waitUntilFinish();
    String json = text(dead);
    assertTrue(
        json.startsWith(
            "{\"source\": \""
                + f
                + "\", \"line\": 4, \"step\": \"read\", "
                + "\"operation\": \"read\", \"reason\": \"unparseable_time\", \"field\": \"time\", "
                + "\"message\": \""
                + f
                + ":4: time column"),
        json);
    assertTrue(json.endsWith("\"raw\": \"bad,3\"}\n"), json);
  }

  // ---------------------------------------------------------------------------------------------
  // Outputs with the dead-letter file

  /** Two series of two rows each, segment 0 only, values 0..3 in the order b, a. */
  private static List<KV<KV<Row, Long>, Chunk>> twoSeries(Schema s, ChunkLayout layout) {
    List<KV<KV<Row, Long>, Chunk>> segs = new ArrayList<>();
    long v = 0;
    for (String tag : new String[] {"b", "a"}) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        rows.add(Row.withSchema(s).addValues(tag, new Instant(i * 1000), v++).build());
      }
      Chunk c = chunks(layout, rows).get(0);
      segs.add(KV.of(KV.of(c.key(), 0L), c));
    }
    return segs;
  }

  private static final List<Row> TWO_ERRORS =
      List.of(
          io.industryts.engine.spi.ErrorRecords.of(
              "in.csv", 7L, "read", "read", "null_time", "time", "in.csv:7: no time", "x,1"),
          io.industryts.engine.spi.ErrorRecords.of(
              "in.csv", 3L, "read", "read", "wrong_field_count", null, "in.csv:3: 1 field", "x"));

  /** Writes the outputs and dead letters of {@link #twoSeries} staged, commits, returns both. */
  private List<String> writeWithDeadLetters(
      TestPipeline p, boolean inProcess, List<KV<KV<Row, Long>, Chunk>> segs, List<Row> errors)
      throws IOException {
    p.getOptions()
        .as(io.industryts.engine.EngineTuningOptions.class)
        .setWorkersInProcess(inProcess);
    Schema s = segs.isEmpty() ? null : segs.get(0).getValue().layout().schema();
    ChunkLayout layout =
        s == null
            ? ChunkLayout.of(
                Schema.builder()
                    .addNullableField("tag", FieldType.STRING)
                    .addField("time", FieldType.DATETIME)
                    .addNullableField("v", FieldType.INT64)
                    .build(),
                "time",
                List.of("tag"))
            : segs.get(0).getValue().layout();
    Path csv = dir.resolve("o/out.csv");
    Path deadLetters = dir.resolve("o/bad.csv");
    String token = StagedFiles.newToken();
    PCollection<Row> errorRows =
        p.apply(
            "Errors",
            org.apache.beam.sdk.transforms.Create.of(errors)
                .withRowSchema(io.industryts.engine.spi.ErrorRecords.SCHEMA));
    PCollection<String> written =
        FileOutput.writeAll(
            IoTesting.segments(p, layout, segs),
            layout,
            List.of(FileOutput.to(csv.toString()).staged(token)),
            errorRows,
            deadLetters.toString());
    PAssert.that(written).containsInAnyOrder(csv.toString(), deadLetters.toString());
    p.run().waitUntilFinish();
    // staged: nothing is in place before the caller commits
    assertFalse(Files.exists(csv));
    assertFalse(Files.exists(deadLetters));
    StagedFiles.commit(List.of(csv, deadLetters), token);
    return List.of(text(csv), text(deadLetters));
  }

  private static Schema tagTimeV() {
    return Schema.builder()
        .addNullableField("tag", FieldType.STRING)
        .addField("time", FieldType.DATETIME)
        .addNullableField("v", FieldType.INT64)
        .build();
  }

  private static final String TWO_SERIES_CSV =
      "tag,time,v\n"
          + "a,1970-01-01T00:00:00Z,2\na,1970-01-01T00:00:01Z,3\n"
          + "b,1970-01-01T00:00:00Z,0\nb,1970-01-01T00:00:01Z,1\n";

  private static final String TWO_ERRORS_CSV =
      "source,line,step,operation,reason,field,message,raw\n"
          + "in.csv,3,read,read,wrong_field_count,,in.csv:3: 1 field,x\n"
          + "in.csv,7,read,read,null_time,time,in.csv:7: no time,\"x,1\"\n";

  @Test
  void outputsAndDeadLettersFromOneGatheringInProcess(TestPipeline p) throws IOException {
    Schema s = tagTimeV();
    List<String> files =
        writeWithDeadLetters(
            p, true, twoSeries(s, ChunkLayout.of(s, "time", List.of("tag"))), TWO_ERRORS);
    assertEquals(TWO_SERIES_CSV, files.get(0));
    assertEquals(TWO_ERRORS_CSV, files.get(1));
  }

  @Test
  void outputsAndDeadLettersWrittenApartOnOtherRunnersGiveTheSameFiles(TestPipeline p)
      throws IOException {
    Schema s = tagTimeV();
    List<String> files =
        writeWithDeadLetters(
            p, false, twoSeries(s, ChunkLayout.of(s, "time", List.of("tag"))), TWO_ERRORS);
    assertEquals(TWO_SERIES_CSV, files.get(0));
    assertEquals(TWO_ERRORS_CSV, files.get(1));
  }

  @Test
  void noRowsAndNoErrorsStillWriteBothHeaders(TestPipeline p) throws IOException {
    List<String> files = writeWithDeadLetters(p, true, List.of(), List.of());
    assertEquals("tag,time,v\n", files.get(0));
    assertEquals("source,line,step,operation,reason,field,message,raw\n", files.get(1));
  }

  @Test
  void outputsWithDeadLettersMustBeStagedUnderOneToken() {
    org.apache.beam.sdk.Pipeline p = org.apache.beam.sdk.Pipeline.create();
    Schema s = tagTimeV();
    ChunkLayout layout = ChunkLayout.of(s, "time", List.of("tag"));
    PCollection<KV<KV<Row, Long>, Chunk>> segs = IoTesting.segments(p, layout, List.of());
    PCollection<Row> errors =
        p.apply(
            "Errors",
            org.apache.beam.sdk.transforms.Create.empty(
                io.industryts.engine.spi.ErrorRecords.SCHEMA));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FileOutput.writeAll(
                    segs, layout, List.of(FileOutput.to("o/out.csv")), errors, "o/bad.csv"));
    assertEquals(
        "FileOutput: writing outputs with a dead-letter file needs every output staged under one"
            + " token, so that the caller puts all files in place together; FileOutput{o/out.csv,"
            + " CSV, delimiter=','} is not staged. Call staged(token) with the same token on every"
            + " output.",
        e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // Dead letters

  @Test
  void deadLetterCsvHasTheErrorFieldsInOrder() throws Exception {
    Path p = dir.resolve("dl.csv");
    List<Row> rows =
        List.of(
            io.industryts.engine.spi.ErrorRecords.of(
                "b.csv", 2L, "read", "read", "null_time", "t", "b.csv:2: x", "a,\"b\""),
            io.industryts.engine.spi.ErrorRecords.of(
                "a.csv", 9L, "read", "read", "wrong_field_count", null, "a.csv:9: y", "1,2"),
            io.industryts.engine.spi.ErrorRecords.of(
                null, null, "3_log", "log", "invalid_input", "v", "z", "{\"v\": -1}"));
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(DeadLetters.ORDER);
    DeadLetters.writeRows(p, sorted, false);
    assertEquals(
        "source,line,step,operation,reason,field,message,raw\n"
            + "a.csv,9,read,read,wrong_field_count,,a.csv:9: y,\"1,2\"\n"
            + "b.csv,2,read,read,null_time,t,b.csv:2: x,\"a,\"\"b\"\"\"\n"
            + ",,3_log,log,invalid_input,v,z,\"{\"\"v\"\": -1}\"\n",
        text(p));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DeadLetters.to("errors.txt"));
    assertEquals(
        "DeadLetters: cannot tell the format of \"errors.txt\" from its extension. "
            + "Expected .csv or .jsonl. Fix --errors / [output] errors.",
        e.getMessage());
    // the dead letters are themselves a readable CSV
    assertFalse(read(FileInput.of(p).withTimeColumn("line")).rows().isEmpty());
  }
}
