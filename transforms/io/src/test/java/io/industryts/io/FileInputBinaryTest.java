package io.industryts.io;

import static io.industryts.io.IoTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.spi.SeriesOptions;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet and Arrow files written by other writers: every supported type, row groups, errors. */
class FileInputBinaryTest {
  @TempDir Path dir;

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  private static final MessageType PARQUET =
      Types.buildMessage()
          .addField(
              Types.optional(PrimitiveTypeName.INT64)
                  .as(
                      LogicalTypeAnnotation.timestampType(
                          false, LogicalTypeAnnotation.TimeUnit.NANOS))
                  .named("ts"))
          .addField(Types.optional(PrimitiveTypeName.INT96).named("legacy"))
          .addField(
              Types.optional(PrimitiveTypeName.INT32)
                  .as(LogicalTypeAnnotation.dateType())
                  .named("day"))
          .addField(
              Types.optional(PrimitiveTypeName.INT64)
                  .as(LogicalTypeAnnotation.decimalType(2, 18))
                  .named("price"))
          .addField(
              Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                  .length(8)
                  .as(LogicalTypeAnnotation.decimalType(3, 18))
                  .named("weight"))
          .addField(
              Types.optional(PrimitiveTypeName.INT32)
                  .as(LogicalTypeAnnotation.intType(8, true))
                  .named("small"))
          .addField(
              Types.optional(PrimitiveTypeName.INT32)
                  .as(LogicalTypeAnnotation.intType(32, false))
                  .named("count"))
          .addField(Types.required(PrimitiveTypeName.BINARY).named("raw_name"))
          .addField(Types.optional(PrimitiveTypeName.DOUBLE).named("v"))
          .named("m");

  private Path writeParquet(String name, int rows, int rowsPerGroup) throws Exception {
    Path p = dir.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(PARQUET);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(p))
            .withType(PARQUET)
            .withRowGroupRowCountLimit(rowsPerGroup)
            .withPageRowCountLimit(10)
            .withConf(new org.apache.parquet.conf.PlainParquetConfiguration())
            .build()) {
      for (int i = 0; i < rows; i++) {
        Group g = groups.newGroup();
        if (i != 3) {
          // local time (isAdjustedToUTC = false), nanoseconds
          g.add(
              "ts",
              (t("2024-07-01T12:00:00Z").getMillis() + i * 1000L) * 1_000_000L + 999_999_999L);
        }
        // 2024-07-01T12:00:00Z as INT96: Julian day 2460493, nanos of day
        g.add("legacy", new NanoTime(2_460_493, 12L * 3600 * 1_000_000_000L));
        g.add("day", 19_905 + i); // 2024-07-01 + i days
        g.add("price", 12_345L + i); // 123.45 + i/100
        g.add("weight", Binary.fromConstantByteArray(new byte[] {0, 0, 0, 0, 0, 0, 0x30, 0x39}));
        g.add("small", -5);
        g.add("count", i);
        g.add("raw_name", "n" + i);
        if (i % 2 == 0) {
          g.add("v", i * 0.5);
        } else if (i == 5) {
          g.add("v", Double.NaN);
        }
        w.write(g);
      }
    }
    return p;
  }

  @Test
  void withoutProvenanceParquetRowsCarryNoOriginAndErrorsKeepTheirRow() throws Exception {
    Path p = writeParquet("plain.parquet", 10, 4);
    FileInput in = FileInput.of(p).withTimeColumn("ts");
    IoTesting.Read with = read(in);
    IoTesting.Read without = read(in.withProvenance(false));
    for (io.industryts.engine.spi.Chunk c : without.chunks) {
      assertEquals(null, c.origins());
    }
    assertEquals(with.rows(), without.rows());
    assertEquals(1, without.errors.size());
    assertEquals(4L, without.errors.get(0).getInt64("line"));
    assertEquals(p.toString(), without.errors.get(0).getString("source"));
  }

  @Test
  void readsEveryParquetTypeAcrossRowGroups() throws Exception {
    Path p = writeParquet("types.parquet", 10, 4);
    FileInput in =
        FileInput.of(p)
            .withTimeColumn("ts")
            .withSeriesOptions(
                SeriesOptions.defaults()
                    .withTimeColumn("ts")
                    .withTimeZone(ZoneId.of("Europe/Berlin")));
    Schema s = in.schema();
    assertEquals(
        Schema.builder()
            .addField("ts", org.apache.beam.sdk.schemas.Schema.FieldType.DATETIME)
            .addNullableField("legacy", org.apache.beam.sdk.schemas.Schema.FieldType.DATETIME)
            .addNullableField("day", org.apache.beam.sdk.schemas.Schema.FieldType.DATETIME)
            .addNullableField("price", org.apache.beam.sdk.schemas.Schema.FieldType.DOUBLE)
            .addNullableField("weight", org.apache.beam.sdk.schemas.Schema.FieldType.DOUBLE)
            .addNullableField("small", org.apache.beam.sdk.schemas.Schema.FieldType.BYTE)
            .addNullableField("count", org.apache.beam.sdk.schemas.Schema.FieldType.INT64)
            .addNullableField("raw_name", org.apache.beam.sdk.schemas.Schema.FieldType.STRING)
            .addNullableField("v", org.apache.beam.sdk.schemas.Schema.FieldType.DOUBLE)
            .build(),
        s);
    assertEquals(3, in.source().split(1, null).size(), "one source per row group");
    IoTesting.Read r = read(in);
    List<Row> rows = r.rows();
    assertEquals(9, rows.size());
    Row first = rows.get(0);
    // local 12:00:00.999999999 in Berlin (CEST) = 10:00:00.999Z, floored to ms
    assertEquals(t("2024-07-01T10:00:00.999Z"), first.getDateTime("ts"));
    assertEquals(t("2024-07-01T12:00:00Z"), first.getDateTime("legacy"));
    assertEquals(t("2024-06-30T22:00:00Z"), first.getDateTime("day"));
    assertEquals(123.45, first.getDouble("price"));
    assertEquals(12.345, first.getDouble("weight"));
    assertEquals((byte) -5, first.getByte("small"));
    assertEquals(0L, first.getInt64("count"));
    assertEquals("n0", first.getString("raw_name"));
    assertEquals(0.0, first.getDouble("v"));
    assertEquals(null, rows.get(1).getDouble("v"));
    assertEquals(null, rows.get(4).getDouble("v"), "NaN read from input becomes null");
    // seq = (file << 40) | row index, row 3 missing
    assertEquals(List.of(0L, 1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L), r.seqs());
    Row error = r.errors.get(0);
    assertEquals("null_time", error.getString("reason"));
    assertEquals(4L, error.getInt64("line"));
    assertEquals(
        p + ": row 4: time column \"ts\" (set by time_column) is null; every row needs " + "a time",
        error.getString("message"));
    assertTrue(
        error.getString("raw").startsWith("{\"ts\": null, \"legacy\": "), error.getString("raw"));
    assertTrue(error.getString("raw").contains("\"raw_name\": \"n3\""), error.getString("raw"));
    // nan_as_null = false keeps the NaN
    assertTrue(Double.isNaN(read(in.withNanAsNull(false)).rows().get(4).getDouble("v")));
    // each row's origin: the file and its 1-based row number (count = row index)
    for (io.industryts.engine.spi.Chunk c : r.chunks) {
      for (int i = 0; i < c.size(); i++) {
        assertEquals(p.toString(), c.source(i));
        assertEquals((Long) c.column("count").get(i) + 1, c.line(i));
      }
    }
  }

  @Test
  void globOfParquetFilesMustShareTheSchema() throws Exception {
    writeParquet("p1.parquet", 2, 100);
    FileOutputTest.class.getName();
    Path other = dir.resolve("p2.parquet");
    FileOutput.to(other.toString()).writeFile(FileOutputTest.LAYOUT, List.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FileInput.of(dir + "/*.parquet").schema());
    assertTrue(
        e.getMessage()
            .startsWith(
                "FileInput: files matched by \""
                    + dir
                    + "/*.parquet\" have different schemas: column 1 is \"ts\" (INT64"
                    + " TIMESTAMP(NANOS,false)) in "
                    + dir.resolve("p1.parquet")
                    + " but \"tag\" (BINARY STRING) in "
                    + other),
        e.getMessage());
  }

  @Test
  void readsArrowStreamsWithDictionariesDecimalsDatesAndLocalTimestamps() throws Exception {
    Path p = dir.resolve("s.arrows");
    try (BufferAllocator alloc = new RootAllocator()) {
      DictionaryEncoding enc = new DictionaryEncoding(1L, false, new ArrowType.Int(32, true));
      VarCharVector dictValues = new VarCharVector("tags", alloc);
      dictValues.allocateNew();
      dictValues.setSafe(0, "pump".getBytes());
      dictValues.setSafe(1, "valve".getBytes());
      dictValues.setValueCount(2);
      Dictionary dict = new Dictionary(dictValues, enc);
      DictionaryProvider.MapDictionaryProvider provider =
          new DictionaryProvider.MapDictionaryProvider(dict);

      TimeStampMicroVector ts = new TimeStampMicroVector("timestamp", alloc);
      DateDayVector day = new DateDayVector("day", alloc);
      DecimalVector dec = new DecimalVector("dec", alloc, 10, 3);
      UInt1Vector u8 = new UInt1Vector("u8", alloc);
      Float8Vector v = new Float8Vector("v", alloc);
      VarCharVector tagPlain = new VarCharVector("tag", alloc);
      for (int i = 0; i < 3; i++) {
        ts.setSafe(i, (t("2024-01-01T00:00:00Z").getMillis() + i) * 1000 + 999);
        day.setSafe(i, 19_723);
        dec.setSafe(i, new BigDecimal("1.250"));
        u8.setSafe(i, 200);
        v.setSafe(i, i + 0.5);
        tagPlain.setSafe(i, (i == 1 ? "valve" : "pump").getBytes());
      }
      for (org.apache.arrow.vector.FieldVector fv : List.of(ts, day, dec, u8, v, tagPlain)) {
        fv.setValueCount(3);
      }
      IntVector tagIdx = (IntVector) DictionaryEncoder.encode(tagPlain, dict);
      Field tagField = new Field("tag", new FieldType(true, ArrowType.Utf8.INSTANCE, enc), null);
      VectorSchemaRoot root =
          new VectorSchemaRoot(
              List.of(
                  ts.getField(),
                  tagField,
                  day.getField(),
                  dec.getField(),
                  u8.getField(),
                  v.getField()),
              List.of(ts, tagIdx, day, dec, u8, v),
              3);
      try (FileChannel ch =
              FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          ArrowStreamWriter w = new ArrowStreamWriter(root, provider, ch)) {
        w.start();
        w.writeBatch();
        w.end();
      }
      root.close();
      tagPlain.close();
      dictValues.close();
    }
    FileInput in = FileInput.of(p).keyedBy("tag");
    Schema s = in.schema();
    assertEquals(List.of("timestamp", "tag", "day", "dec", "u8", "v"), s.getFieldNames());
    assertEquals(
        org.apache.beam.sdk.schemas.Schema.TypeName.INT16,
        s.getField("u8").getType().getTypeName());
    IoTesting.Read r = read(in);
    assertEquals(List.of(), r.errors);
    assertEquals(2, r.chunks.size(), "one chunk per decoded tag");
    List<Row> rows = r.rows();
    assertEquals("pump", rows.get(0).getString("tag"));
    assertEquals("valve", rows.get(1).getString("tag"));
    assertEquals(t("2024-01-01T00:00:00.001Z"), rows.get(1).getDateTime("timestamp"));
    assertEquals(t("2024-01-01T00:00:00Z"), rows.get(0).getDateTime("day"));
    assertEquals(1.25, rows.get(0).getDouble("dec"));
    assertEquals((short) 200, rows.get(0).getInt16("u8"));
  }
}
