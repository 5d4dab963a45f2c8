package io.industryts.io;

import static io.industryts.io.IoTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.industryts.engine.spi.Chunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real files in {@code ../shared/data} (SOURCES.md there), found through the {@code
 * industryts.testdata.dir} system property; skipped when the folder is absent. Times are zone-less
 * and read as UTC by convention. Expected sums were computed with pandas 1.5 ({@code
 * sum(df[c].tolist())}, file order).
 */
class SharedDataFilesTest {
  @TempDir Path dir;

  private static Path data(String name) {
    String base = System.getProperty("industryts.testdata.dir");
    assumeTrue(base != null, "industryts.testdata.dir is not set");
    Path p = Paths.get(base, name);
    assumeTrue(Files.isRegularFile(p), p + " is absent (a clone without ../shared/data)");
    return p;
  }

  private static double sum(List<Row> rows, String column) {
    double s = 0;
    for (Row r : rows) {
      s += r.getDouble(column);
    }
    return s;
  }

  @Test
  void skabValveFileIsSemicolonSeparatedWithCrlf() throws Exception {
    Path f = data("skab_valve1_0.csv");
    FileInput in = FileInput.of(f);
    assertEquals(';', in.resolvedDelimiter());
    assertEquals("datetime", in.timeColumn().name());
    assertEquals(
        List.of(
            "datetime",
            "Accelerometer1RMS",
            "Accelerometer2RMS",
            "Current",
            "Pressure",
            "Temperature",
            "Thermocouple",
            "Voltage",
            "Volume Flow RateRMS",
            "anomaly",
            "changepoint"),
        in.schema().getFieldNames());
    for (String c : in.schema().getFieldNames().subList(1, 11)) {
      assertEquals(FieldType.DOUBLE.withNullable(true), in.schema().getField(c).getType(), c);
    }
    IoTesting.Read r = read(in);
    assertEquals(List.of(), r.errors);
    List<Row> rows = r.rows();
    assertEquals(1147, rows.size());
    Row first = rows.get(0);
    assertEquals(Instant.parse("2020-03-09T10:14:33Z"), first.getDateTime("datetime"));
    assertEquals(0.0265878, first.getDouble("Accelerometer1RMS"));
    assertEquals(32.0, first.getDouble("Volume Flow RateRMS"));
    Row last = rows.get(1146);
    assertEquals(Instant.parse("2020-03-09T10:34:32Z"), last.getDateTime("datetime"));
    assertEquals(32.0015, last.getDouble("Volume Flow RateRMS"));
    assertEquals(36730.01310000004, sum(rows, "Volume Flow RateRMS"));
    assertEquals(88819.49619999992, sum(rows, "Temperature"));
    assertEquals(401.0, sum(rows, "anomaly"));
  }

  @Test
  void nabMachineTemperatureKeepsItsDuplicateHour() throws Exception {
    Path f = data("machine_temperature_system_failure.csv");
    FileInput in = FileInput.of(f);
    assertEquals("timestamp", in.timeColumn().name());
    IoTesting.Read r = read(in);
    assertEquals(List.of(), r.errors);
    List<Row> rows = r.rows();
    assertEquals(22_695, rows.size());
    Set<Instant> distinct = new HashSet<>();
    for (Row row : rows) {
      distinct.add(row.getDateTime("timestamp").toInstant());
    }
    assertEquals(22_695 - 12, distinct.size(), "12 repeated timestamps (2014-01-07 02:00-02:55)");
    assertEquals(1950101.8768913809, sum(rows, "value"));
    // the repeated hour is not monotonic in file order: seq keeps the file order
    long notMonotonic = 0;
    for (Chunk c : r.chunks) {
      for (int i = 1; i < c.size(); i++) {
        if (c.times()[i] < c.times()[i - 1]) {
          notMonotonic++;
        }
      }
    }
    assertEquals(1, notMonotonic);
  }

  @Test
  void sharedFilesRoundTripThroughEveryFormat() throws Exception {
    for (String name : List.of("skab_valve1_0.csv", "machine_temperature_system_failure.csv")) {
      FileInput in = FileInput.of(data(name));
      IoTesting.Read r = read(in);
      List<Row> want = r.rows();
      for (String ext : List.of("csv", "parquet", "arrow")) {
        Path out = dir.resolve(name + "." + ext);
        List<Chunk> chunks = new java.util.ArrayList<>();
        IoTesting.segments(r.chunks).forEach(kv -> chunks.add(kv.getValue()));
        FileOutput.to(out.toString()).writeFile(in.layout(), chunks);
        List<Row> back = read(FileInput.of(out)).rows();
        // written in series order (time, then input order), so compare as sorted lists
        List<Row> sortedWant = new java.util.ArrayList<>(want);
        sortedWant.sort(
            java.util.Comparator.comparing(
                (Row x) -> x.getDateTime(in.timeColumn().name()).getMillis()));
        assertEquals(sortedWant, back, name + " via ." + ext);
      }
    }
  }
}
