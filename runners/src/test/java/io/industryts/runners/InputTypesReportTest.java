package io.industryts.runners;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} and the run summary say how each input column got its type, and the rows of a
 * historian export with status words add up: read = written + dead-lettered.
 */
class InputTypesReportTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** 20 rows, two of them with a status word instead of a number. */
  private Path historian() throws IOException {
    StringBuilder sb = new StringBuilder("DateTime,v\n");
    for (int i = 0; i < 20; i++) {
      String v = i == 3 ? "Bad Input" : i == 11 ? "Shutdown" : Integer.toString(i);
      sb.append(String.format("2024-01-01T00:%02d:00,%s%n", i, v));
    }
    return Files.writeString(dir.resolve("h.csv"), sb.toString());
  }

  private Path job(String inputExtra) throws IOException {
    return Files.writeString(
        dir.resolve("job.toml"),
        String.join(
            "\n",
            "[pipeline]",
            "name = \"h\"",
            "",
            "[input]",
            "path = \"h.csv\"",
            inputExtra,
            "",
            "[output]",
            "path = \"out.csv\"",
            ""));
  }

  @Test
  void explainSaysWhyEachColumnHasItsType() throws IOException {
    Path csv = historian();
    Path job = job("");
    assertThat(run("explain", job.toString()), is(Main.OK));
    assertThat(
        out.toString(StandardCharsets.UTF_8),
        containsString(
            String.join(
                "\n",
                "input types (why):",
                "  DateTime  DATETIME  auto: first field matching [DateTime, tagTime, timestamp, time,"
                    + " date]",
                "  v         INT64     inferred from 20 sample cells; 2 non-numeric cells (\"Bad Input\","
                    + " \"Shutdown\", first at "
                    + csv
                    + ":5) will be row errors (non_numeric_cell): list"
                    + " them in [input] na_values to read them as null",
                "")));
  }

  @Test
  void runSummaryReportsTypesAndTheRowsAddUp() throws IOException {
    Path csv = historian();
    Path job = job("");
    Path bad = dir.resolve("bad.csv");
    assertThat(run("run", job.toString(), "--errors", bad.toString()), is(Main.OK));
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(
        text,
        containsString(
            "industryts: read 18 rows (+ 2 bad input rows)\n"
                + "industryts: input types: DateTime DATETIME (time column), v INT64 (inferred; 2"
                + " non-numeric sample cells)\n"
                + "industryts: note: v INT64: inferred from 20 sample cells; 2 non-numeric cells (\"Bad"
                + " Input\", \"Shutdown\", first at "
                + csv
                + ":5) will be row errors (non_numeric_cell):"
                + " list them in [input] na_values to read them as null\n"));
    assertThat(text, containsString("industryts: wrote 18 rows to "));
    assertThat(text, containsString("industryts: dead-lettered 2 rows to " + bad));
    // 20 rows read = 18 written + 2 dead-lettered
    assertThat(Files.readAllLines(dir.resolve("out.csv")).size(), is(1 + 18));
    List<String> errors = Files.readAllLines(bad);
    assertThat(errors.size(), is(1 + 2));
    assertThat(errors.get(1), containsString("non_numeric_cell"));
    assertThat(
        errors.get(1),
        containsString(
            csv + ":5: column \"\"v\"\" (field 2): \"\"Bad Input\"\"" + " is not a number"));
  }

  @Test
  void naValuesFromTheJobReadStatusWordsAsNull() throws IOException {
    historian();
    Path job = job("na_values = [\"Bad Input\", \"Shutdown\"]");
    assertThat(run("run", job.toString()), is(Main.OK));
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(
        text,
        containsString(
            "industryts: read 20 rows\n"
                + "industryts: input types: DateTime DATETIME (time column), v INT64 (inferred)\n"));
    List<String> rows = Files.readAllLines(dir.resolve("out.csv"));
    assertThat(rows.size(), is(1 + 20));
    assertThat(rows.get(4), equalTo("2024-01-01T00:03:00Z,"));
  }

  @Test
  void encodingFromTheJobReadsLatin1() throws IOException {
    Files.write(
        dir.resolve("h.csv"),
        "DateTime,state\n2024-01-01T00:00:00,Störung\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(run("run", job("").toString()), is(Main.INVALID));
    assertThat(
        err.toString(StandardCharsets.UTF_8),
        containsString(
            "h.csv:2:23: byte 0xF6 is not"
                + " valid UTF-8, so the file is in another encoding. Set [input] encoding to the file's"
                + " encoding, e.g. encoding = \"latin-1\""));
    assertThat(run("run", job("encoding = \"latin-1\"").toString()), is(Main.OK));
    assertThat(
        Files.readAllLines(dir.resolve("out.csv")).get(1), equalTo("2024-01-01T00:00:00Z,Störung"));
  }
}
