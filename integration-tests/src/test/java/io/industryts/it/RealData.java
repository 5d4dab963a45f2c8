package io.industryts.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs jobs on the real datasets of {@code ../shared/data} through the jar and compares the file it
 * writes with the pandas output committed under {@code realdata/expected} (made by {@code
 * scripts/fixtures/realdata_jobs.py}): same header, same rows in the same order, numbers within
 * 1e-9 relative.
 */
final class RealData {
  private RealData() {}

  /**
   * A file of the shared datasets; skips the calling test when the folder is absent (a clone
   * without {@code ../shared/data}), fails when the folder is there but the file is not.
   */
  static Path file(String name) {
    String dir = System.getProperty("industryts.testdata.dir");
    Assumptions.assumeTrue(
        dir != null && Files.isDirectory(Path.of(dir)),
        "real datasets not found (industryts.testdata.dir = "
            + dir
            + "); these tests need the "
            + "folder ../shared/data described in its SOURCES.md, so they are skipped");
    Path f = Path.of(dir, name);
    assertThat(f + " is missing from the datasets folder", Files.isRegularFile(f), is(true));
    return f;
  }

  /** A job file of src/test/resources/realdata. */
  static Path job(String name) {
    URL url = RealData.class.getResource("/realdata/" + name);
    assertThat("resource realdata/" + name, url != null, is(true));
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * examples/configs/standard_pipeline.toml with only its resample rule changed and its {@code
   * time_column = "DateTime"} (in none of the real files) left out, so the time column is
   * auto-detected as SEMANTICS §4 says (date, timestamp, datetime); written into {@code dir}.
   */
  static Path standardPipeline(Path dir, String rule) throws IOException {
    return example(
        dir,
        "standard_pipeline.toml",
        Map.of(
            "time_column = \"DateTime\"",
            "# time column auto-detected",
            "rule = \"1min\"",
            "rule = \"" + rule + "\""));
  }

  /**
   * An example job of examples/configs with each key of {@code edits} (a text the job must contain,
   * e.g. a quoted column name) replaced by its value, written into {@code dir}: the example itself
   * stays the source of the steps, only names that do not exist in a real file change.
   */
  static Path example(Path dir, String name, Map<String, String> edits) throws IOException {
    String text = Files.readString(Launcher.projectDir().resolve("examples/configs/" + name));
    for (Map.Entry<String, String> e : edits.entrySet()) {
      assertThat(name + " contains " + e.getKey(), text, containsString(e.getKey()));
      text = text.replace(e.getKey(), e.getValue());
    }
    Path job = dir.resolve("real_" + name);
    Files.writeString(job, text);
    return job;
  }

  /**
   * A pattern matching the summary line of {@code step} with its row counts and, after them,
   * exactly {@code counters} (e.g. {@code "(values_filled 3)"}; empty: no counter).
   */
  static String summaryLine(String step, String rowsIn, String rowsOut, String counters) {
    return "(?s).*\\n\\s+"
        + step
        + "\\s+"
        + rowsIn
        + " in\\s+"
        + rowsOut
        + " out"
        + (counters.isEmpty() ? "" : "\\s+" + java.util.regex.Pattern.quote(counters))
        + "\\n.*";
  }

  /** Runs {@code job} on {@code input}; returns the launcher's stderr (its summary). */
  static String run(Path job, Path input, Path out) {
    Path errors = out.resolveSibling(out.getFileName() + ".errors.csv");
    Launcher.Result r =
        launch(
            "run",
            job.toString(),
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--errors",
            errors.toString());
    assertThat(r.toString(), r.exitCode, is(0));
    assertThat(r.err, containsString("industryts: dead-lettered 0 rows"));
    assertThat(r.err, r.err.contains("counts do not add up"), is(false));
    return r.err;
  }

  /**
   * {@code java -XX:TieredStopAtLevel=1 -jar industryts.jar ARGS} in the project directory, as
   * {@link Launcher#run(String...)} otherwise. These jobs take seconds, mostly JIT compilation: the
   * client compiler alone halves their CPU time (3 s instead of 6 s for skab_snapped on 2 cores).
   * Results do not depend on the compiler (Java floating point is strict since 17).
   */
  static Launcher.Result launch(String... args) {
    return Launcher.runJar(
        Launcher.jar(), Launcher.javas().get(0), List.of("-XX:TieredStopAtLevel=1"), args);
  }

  /** The lines of a committed expected output, realdata/expected/NAME.csv.gz. */
  static List<String> expected(String name) throws IOException {
    String resource = "/realdata/expected/" + name + ".csv.gz";
    try (InputStream in = RealData.class.getResourceAsStream(resource)) {
      assertThat(
          "missing " + resource + "; run scripts/fixtures/realdata_jobs.py", in != null, is(true));
      return lines(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\r?\n")));
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  static List<String> read(Path csv) {
    try {
      return lines(Files.readString(csv, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cells of one CSV line; {@code "}-quoting per RFC 4180. */
  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  /** Index of column {@code name} in a header line. */
  static int column(String header, String name) {
    int i = cells(header).indexOf(name);
    assertThat(name + " in " + header, i >= 0, is(true));
    return i;
  }

  /**
   * The written file equals pandas' output cell by cell: same header, same rows in the same order;
   * text cells (times, tags, booleans, empty cells) equal, a time with or without the {@code Z} of
   * the default output format; numbers within 1e-9 relative (1e-12 absolute around zero, where
   * pandas' sums leave round-off).
   */
  static void assertSameAsPandas(String expectedName, Path out) throws IOException {
    List<String> want = expected(expectedName);
    List<String> got = read(out);
    assertThat(out + " header", cells(got.get(0)), equalTo(cells(want.get(0))));
    assertThat(out + " rows", got.size() - 1, is(want.size() - 1));
    List<String> header = cells(want.get(0));
    int mismatches = 0;
    String first = null;
    for (int r = 1; r < want.size(); r++) {
      List<String> w = cells(want.get(r));
      List<String> g = cells(got.get(r));
      assertThat(out + " line " + (r + 1) + " cells", g.size(), is(w.size()));
      for (int c = 0; c < w.size(); c++) {
        if (!sameCell(w.get(c), g.get(c))) {
          mismatches++;
          if (first == null) {
            first =
                "line "
                    + (r + 1)
                    + ", column "
                    + header.get(c)
                    + ": pandas "
                    + w.get(c)
                    + ", industryts "
                    + g.get(c);
          }
        }
      }
    }
    assertThat(
        out
            + ": "
            + mismatches
            + " cells differ from pandas ("
            + expectedName
            + "); first at "
            + first,
        mismatches,
        is(0));
  }

  private static boolean sameCell(String want, String got) {
    if (want.equals(got) || stripZ(want).equals(stripZ(got))) {
      return true;
    }
    double x;
    double y;
    try {
      x = Double.parseDouble(want);
      y = Double.parseDouble(got);
    } catch (NumberFormatException e) {
      return false; // different texts, empty cells, times, tags or booleans
    }
    double d = Math.abs(x - y);
    return d <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) || d < 1e-12;
  }

  private static String stripZ(String time) {
    return time.endsWith("Z") ? time.substring(0, time.length() - 1) : time;
  }
}
