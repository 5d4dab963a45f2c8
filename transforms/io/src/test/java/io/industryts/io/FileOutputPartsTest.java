package io.industryts.io;

import static io.industryts.io.FileOutputTest.chunks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.testing.BeamPipelineExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer that never holds the whole output in one place: each segment goes to a part file, and
 * the outputs are written from the parts in file order. Its files must equal the in-memory
 * writer's, byte for byte, in every format.
 */
@ExtendWith(BeamPipelineExtension.class)
class FileOutputPartsTest {
  @TempDir Path dir;

  static final Schema S =
      Schema.builder()
          .addNullableField("tag", FieldType.STRING)
          .addField("time", FieldType.DATETIME)
          .addNullableField("v", FieldType.INT64)
          .addNullableField("x", FieldType.DOUBLE)
          .addNullableField("s", FieldType.STRING)
          .build();

  static final ChunkLayout KEYED = ChunkLayout.of(S, "time", List.of("tag"));

  /** {@code n} rows of series {@code tag} from second {@code start}; v counts from {@code v0}. */
  private static Chunk series(String tag, long start, int n, long v0) {
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long v = v0 + i;
      rows.add(
          Row.withSchema(S)
              .addValues(
                  tag,
                  new Instant((start + i) * 1000),
                  v % 7 == 3 ? null : v,
                  v % 5 == 1 ? null : v / 8.0,
                  v % 11 == 0 ? "s" + v : null)
              .build());
    }
    return chunks(KEYED, rows).get(0);
  }

  private static KV<KV<Row, Long>, Chunk> segment(Chunk c, long index) {
    return KV.of(KV.of(c.key(), index), c);
  }

  /** A chunk of series {@code tag} with no rows (a segment the engine left empty). */
  private static Chunk empty(String tag) {
    return Chunk.concat(List.of(series(tag, 0, 1, 0))).slice(0, 0);
  }

  /** Runs the in-memory and the in-parts writer on the same segments, each to its own files. */
  private PipelineResult writeBothWays(
      TestPipeline p, List<KV<KV<Row, Long>, Chunk>> segs, String... names) {
    PCollection<KV<KV<Row, Long>, Chunk>> in = IoTesting.segments(p, KEYED, segs);
    List<FileOutput> memory = new ArrayList<>();
    List<FileOutput> parts = new ArrayList<>();
    for (String n : names) {
      memory.add(FileOutput.to(dir.resolve("memory/" + n)));
      parts.add(FileOutput.to(dir.resolve("parts/" + n)));
    }
    in.apply("InMemory", new FileOutput.Write(KEYED, memory, false));
    PCollection<String> b = in.apply("InParts", new FileOutput.Write(KEYED, parts, true));
    List<String> expected = new ArrayList<>();
    parts.forEach(o -> expected.add(o.path()));
    PAssert.that(b).containsInAnyOrder(expected);
    PipelineResult r = p.run();
    r.waitUntilFinish();
    return r;
  }

  private byte[] bytes(String where, String name) throws IOException {
    return Files.readAllBytes(dir.resolve(where + "/" + name));
  }

  private void assertSameBytesBothWays(String... names) throws IOException {
    for (String n : names) {
      assertArrayEquals(bytes("memory", n), bytes("parts", n), n + " differs between the writers");
    }
  }

  /** Only the outputs are left in the directory: no part files, no temporaries. */
  private void assertOnly(Path d, String... names) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      assertEquals(
          List.of(names),
          s.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  private static long rowsWritten(PipelineResult r) {
    long n = 0;
    for (MetricResult<Long> c :
        r.metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(
                        MetricNameFilter.named("industryts", FileOutput.ROWS_WRITTEN_COUNTER))
                    .build())
            .getCounters()) {
      n += c.getAttempted();
    }
    return n;
  }

  @Test
  void keyedSeriesAcrossSeveralPartsWithEmptyOnesAreWrittenInSeriesThenTimeOrder(TestPipeline p)
      throws IOException {
    Chunk b0 = series("b", 0, 2, 0); // v 0, 1
    Chunk b1 = series("b", 10, 2, 2); // v 2, 3 (3 is null)
    Chunk a0 = series("a", 0, 1, 4); // v 4
    Chunk n0 = series(null, 5, 2, 5); // v 5, 6: the null key sorts last
    List<KV<KV<Row, Long>, Chunk>> segs =
        List.of(
            segment(n0, 0),
            segment(b1, 1),
            segment(empty("a"), 1),
            segment(b0, 0),
            segment(empty("c"), 0),
            segment(a0, 0));
    PipelineResult r = writeBothWays(p, segs, "o.csv", "o.parquet", "o.arrow");
    assertEquals(
        "tag,time,v,x,s\n"
            + "a,1970-01-01T00:00:00Z,4,0.5,\n"
            + "b,1970-01-01T00:00:00Z,0,0.0,s0\n"
            + "b,1970-01-01T00:00:01Z,1,,\n"
            + "b,1970-01-01T00:00:10Z,2,0.25,\n"
            + "b,1970-01-01T00:00:11Z,,0.375,\n"
            + ",1970-01-01T00:00:05Z,5,0.625,\n"
            + ",1970-01-01T00:00:06Z,6,,\n",
        new String(bytes("parts", "o.csv"), StandardCharsets.UTF_8));
    assertSameBytesBothWays("o.csv", "o.parquet", "o.arrow");
    List<Long> fromParquet = new ArrayList<>();
    try {
      for (Row row :
          IoTesting.read(FileInput.of(dir.resolve("parts/o.parquet")).keyedBy("tag")).rows()) {
        fromParquet.add(row.getInt64("v"));
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertEquals(java.util.Arrays.asList(4L, 0L, 1L, 2L, null, 5L, 6L), fromParquet);
    // both writers count their rows: 7 each
    assertEquals(14, rowsWritten(r));
    assertOnly(dir.resolve("parts"), "o.arrow", "o.csv", "o.parquet");
  }

  @Test
  void partsLargerThanABatchGiveTheSameBytesAsOneGathering(TestPipeline p) throws IOException {
    // Arrow record batches (65,536 rows) and Parquet pages span the parts' boundaries
    List<KV<KV<Row, Long>, Chunk>> segs = new ArrayList<>();
    segs.add(segment(series("k2", 0, 3, 0), 0));
    segs.add(segment(series("k1", 30_000, 30_000, 30_000), 1));
    segs.add(segment(series("k1", 0, 30_000, 0), 0));
    segs.add(segment(series("k1", 60_000, 10_001, 60_000), 2));
    PipelineResult r = writeBothWays(p, segs, "big.csv", "big.parquet", "big.arrow");
    assertSameBytesBothWays("big.csv", "big.parquet", "big.arrow");
    List<String> lines = Files.readAllLines(dir.resolve("parts/big.csv"));
    assertEquals(1 + 70_004, lines.size());
    assertEquals("k1,1970-01-01T00:00:00Z,0,0.0,s0", lines.get(1));
    assertEquals("k1,1970-01-01T08:20:00Z,30000,3750.0,", lines.get(30_001));
    assertEquals("k1,1970-01-01T19:26:40Z,70000,8750.0,", lines.get(70_001));
    assertEquals("k2,1970-01-01T00:00:00Z,0,0.0,s0", lines.get(70_002));
    assertEquals(2 * 70_004, rowsWritten(r));
  }

  @Test
  void onePartAndNoPartAtAll(TestPipeline p) throws IOException {
    PCollection<KV<KV<Row, Long>, Chunk>> one =
        IoTesting.segments(p, KEYED, List.of(segment(series("a", 0, 2, 10), 0)));
    PCollection<KV<KV<Row, Long>, Chunk>> none =
        p.apply(
            "NoSegments",
            org.apache.beam.sdk.transforms.Create.empty(
                org.apache.beam.sdk.coders.KvCoder.of(
                    org.apache.beam.sdk.coders.KvCoder.of(
                        org.apache.beam.sdk.coders.RowCoder.of(KEYED.keySchema()),
                        org.apache.beam.sdk.coders.VarLongCoder.of()),
                    ChunkCoder.of(KEYED))));
    Path oneCsv = dir.resolve("one/o.csv");
    Path noneCsv = dir.resolve("none/o.csv");
    Path noneArrow = dir.resolve("none/o.arrow");
    one.apply("One", new FileOutput.Write(KEYED, List.of(FileOutput.to(oneCsv)), true));
    none.apply(
        "None",
        new FileOutput.Write(
            KEYED, List.of(FileOutput.to(noneCsv), FileOutput.to(noneArrow)), true));
    p.run().waitUntilFinish();
    assertEquals(
        "tag,time,v,x,s\na,1970-01-01T00:00:00Z,,1.25,\na,1970-01-01T00:00:01Z,11,,s11\n",
        Files.readString(oneCsv));
    assertEquals("tag,time,v,x,s\n", Files.readString(noneCsv));
    // the header-only Arrow file: schema and one empty batch, as the in-memory writer writes it
    Path reference = dir.resolve("reference.arrow");
    FileOutput.to(reference).writeFile(KEYED, List.of());
    assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(noneArrow));
    assertOnly(dir.resolve("none"), "o.arrow", "o.csv");
    assertOnly(dir.resolve("one"), "o.csv");
  }

  @Test
  void stagedPartsWaitInTheStagingDirectoryAndDiscardRemovesThem(TestPipeline p)
      throws IOException {
    String token = StagedFiles.newToken();
    Path out = dir.resolve("st/o.csv");
    IoTesting.segments(p, KEYED, List.of(segment(series("a", 0, 2, 10), 0)))
        .apply(new FileOutput.Write(KEYED, List.of(FileOutput.to(out).staged(token)), true));
    p.run().waitUntilFinish();
    assertFalse(Files.exists(out));
    // the parts are gone once the temporary file is written
    assertOnly(out.getParent(), ".o.csv." + token + ".tmp");
    Files.createDirectories(StagedFiles.parts(out, token));
    Files.writeString(StagedFiles.parts(out, token).resolve("x.part"), "half");
    StagedFiles.discard(List.of(out), token);
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void partsDirectoryIsNamedAfterTheOutputAndStaleOnesAreRemoved() throws IOException {
    Path out = dir.resolve("stale/out.csv");
    assertEquals(
        dir.resolve("stale/.out.csv.0000abcd12345678.parts").toAbsolutePath(),
        StagedFiles.parts(out, "0000abcd12345678"));
    // process id 0x7ffffff0 is above every Linux pid_max: no such process runs
    Path dead = StagedFiles.parts(out, "7ffffff012345678");
    Path live = StagedFiles.parts(out, StagedFiles.newToken());
    for (Path d : List.of(dead, live)) {
      Files.createDirectories(d);
      Files.writeString(d.resolve("p1.part"), "half");
    }
    StagedFiles.Stale stale = StagedFiles.removeStale(out);
    assertEquals(List.of(dead), stale.removed());
    assertEquals(List.of(live), stale.kept());
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(live.resolve("p1.part")));
  }

  @Test
  void partsReadBackOneAtATimeInTheGivenOrder() throws IOException {
    ChunkCoder coder = ChunkCoder.of(KEYED);
    Path d = dir.resolve("p");
    String first = OutputParts.write(d, coder, series("z", 0, 3, 0));
    String second = OutputParts.write(d, coder, series("a", 7, 2, 100));
    Iterable<Chunk> chunks =
        OutputParts.chunks(KEYED, List.of(d.resolve(first), d.resolve(second)));
    for (int pass = 0; pass < 2; pass++) { // every iteration reads the files again
      Iterator<Chunk> it = chunks.iterator();
      Chunk z = it.next();
      assertEquals("z", z.key().getString(0));
      assertEquals(3, z.size());
      assertEquals(2000, z.times()[2]);
      Chunk a = it.next();
      assertEquals("a", a.key().getString(0));
      assertEquals(List.of(7000L, 8000L), List.of(a.times()[0], a.times()[1]));
      assertEquals(100L, a.row(0).getInt64("v"));
      assertEquals(null, a.row(1).getInt64("v")); // 101 % 7 == 3
      assertFalse(it.hasNext());
    }
    Files.delete(d.resolve(second));
    Iterator<Chunk> it = chunks.iterator();
    it.next();
    UncheckedIOException e = assertThrows(UncheckedIOException.class, it::next);
    assertTrue(
        e.getMessage().startsWith("cannot read the part file " + d.resolve(second)),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("and run the job again."), e.getMessage());
  }

  @Test
  void aFailedWriteReplacesNothingAndLeavesNoParts(TestPipeline p) throws IOException {
    Path good = dir.resolve("f/good.csv");
    Path bad = dir.resolve("f/bad.arrow");
    Files.createDirectories(bad.resolve("inside")); // a directory where the file should go
    Files.writeString(good, "old");
    IoTesting.segments(p, KEYED, List.of(segment(series("a", 0, 2, 10), 0)))
        .apply(new FileOutput.Write(KEYED, List.of(FileOutput.to(good), FileOutput.to(bad)), true));
    Exception e = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    assertTrue(
        String.valueOf(e.getMessage())
            .contains("cannot write output " + bad + ": it is a directory"),
        e.getMessage());
    assertEquals("old", Files.readString(good));
    assertOnly(good.getParent(), "bad.arrow", "good.csv");
  }
}
