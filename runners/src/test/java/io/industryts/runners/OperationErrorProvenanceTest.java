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
 * A row rejected by an operation names the file and physical line it was read from, in the failure
 * message and in its dead-letter record, after steps that sort, shuffle and carry state.
 */
class OperationErrorProvenanceTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path job() throws IOException {
    // rows out of time order and a blank line, so lines are not positions in the output
    Files.writeString(
        dir.resolve("in.csv"),
        String.join(
            "\n",
            "DateTime,level,x",
            "2024-01-01T00:02:00,7,1",
            "",
            "2024-01-01T00:00:00,5,2",
            "2024-01-01T00:01:00,high,",
            "2024-01-01T00:03:00,8,-4",
            ""));
    return Files.writeString(
        dir.resolve("job.toml"),
        String.join(
            "\n",
            "[pipeline]",
            "name = \"p\"",
            "",
            "[input]",
            "path = \"in.csv\"",
            "types = { level = \"string\" }",
            "",
            "[[operations]]",
            "type = \"fill_null\"",
            "method = \"forward\"",
            "columns = [\"x\"]",
            "",
            "[[operations]]",
            "type = \"cast\"",
            "types = { level = \"double\" }",
            "invalid = \"error\"",
            "",
            "[[operations]]",
            "type = \"log\"",
            "columns = [\"x\"]",
            "invalid = \"error\"",
            "",
            "[output]",
            "path = \"out.csv\"",
            ""));
  }

  @Test
  void deadLetterRecordsNameSourceAndLine() throws IOException {
    Path job = job();
    Path bad = dir.resolve("bad.jsonl");
    assertThat(err.toString(), run("run", job.toString(), "--errors", bad.toString()), is(Main.OK));
    List<String> records = Files.readAllLines(bad);
    assertThat(records.size(), is(2));
    Path csv = dir.resolve("in.csv");
    // dead letters are sorted by source and line
    assertThat(
        records.get(0),
        equalTo(
            "{\"source\": \""
                + csv
                + "\", \"line\": 5, \"step\":"
                + " \"2_cast\", \"operation\": \"cast\", \"reason\": \"cast_invalid\", \"field\": \"level\","
                + " \"message\": \"Cast: \\\"level\\\" = \\\"high\\\" cannot be cast to double. Set invalid ="
                + " \\\"null\\\" to write null instead.\", \"raw\": \"{\\\"DateTime\\\":"
                + " \\\"2024-01-01T00:01:00.000Z\\\", \\\"level\\\": \\\"high\\\", \\\"x\\\": 2}\"}"));
    assertThat(
        records.get(1),
        containsString(
            "{\"source\": \""
                + csv
                + "\", \"line\": 6,"
                + " \"step\": \"3_log\", \"operation\": \"log\", \"reason\": \"log_domain\""));
    // 4 rows read = 2 written + 2 dead-lettered
    String summary = err.toString(StandardCharsets.UTF_8);
    assertThat(summary, containsString("industryts: read 4 rows\n"));
    assertThat(summary, containsString("industryts: wrote 2 rows to "));
    assertThat(summary, containsString("industryts: dead-lettered 2 rows to " + bad));
    assertThat(Files.readAllLines(dir.resolve("out.csv")).size(), is(1 + 2));
  }

  @Test
  void withoutDeadLettersTheFailureNamesFileAndLine() throws IOException {
    Path job = job();
    assertThat(run("run", job.toString()), is(Main.FAILED));
    String text = err.toString(StandardCharsets.UTF_8);
    Path csv = dir.resolve("in.csv");
    assertThat(text, containsString(" failed: " + csv + ":"));
    String first = text.substring(text.indexOf(" failed: ") + " failed: ".length());
    first = first.substring(0, first.indexOf('\n'));
    // with parallel steps either bad row may be the first met
    assertThat(first, first.startsWith(csv + ":5: ") || first.startsWith(csv + ":6: "), is(true));
    assertThat(text, containsString("add --errors bad_rows.csv"));
  }
}
