package io.industryts.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation's class javadoc shows its factories in a {@code <pre>{@code ...}</pre>} example;
 * those examples are what users copy, so they are compiled here against the current API. Each
 * example becomes the body of a method whose parameters are the names the examples use ({@code
 * input}, {@code sensors}, {@code right}: {@code PCollection<Row>}; {@code start}, {@code end}:
 * {@code Instant}).
 */
class JavadocExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("industryts.project.dir", ".."));
  private static final Path OPS = ROOT.resolve("transforms/src/main/java/io/industryts/ops");
  private static final Pattern EXAMPLE =
      Pattern.compile("<pre>\\{@code\\n(.*?)\\}</pre>", Pattern.DOTALL);
  // examples of package-private helpers may use package-private names; users see public types only
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(?m)^public (?:(?:final|abstract|sealed) )*(?:class|interface|enum|record) ");

  @Test
  void everyOperationJavadocExampleCompiles(@TempDir Path dir) throws IOException {
    List<String> methods = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> withoutExample = new ArrayList<>();
    for (Path file : operationSources()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (!PUBLIC_TYPE.matcher(text).find()) {
        continue;
      }
      Matcher m = EXAMPLE.matcher(text);
      if (text.contains("extends TimeSeriesTransform")
          && !text.contains("abstract class")
          && !EXAMPLE.matcher(text).find()) {
        withoutExample.add(file.getFileName().toString());
      }
      while (m.find()) {
        String body =
            m.group(1)
                .lines()
                .map(line -> line.replaceFirst("^\\s*\\* ?", ""))
                .collect(Collectors.joining("\n"));
        String from = file.getFileName().toString();
        sources.add(from);
        methods.add(
            "  // "
                + from
                + "\n  static void example"
                + methods.size()
                + "(PCollection<Row> input, PCollection<Row> sensors, PCollection<Row> right,"
                + " Instant start, Instant end) {\n"
                + body
                + "\n  }\n");
      }
    }
    assertThat("examples found in " + OPS, sources.size(), greaterThanOrEqualTo(25));
    assertThat("operations without a javadoc example", withoutExample, empty());

    String source =
        String.join(
            "\n",
            "package javadoc;",
            "import io.industryts.*;",
            "import io.industryts.ops.*;",
            "import java.util.*;",
            "import org.apache.beam.sdk.schemas.Schema.FieldType;",
            "import org.apache.beam.sdk.values.PCollection;",
            "import org.apache.beam.sdk.values.Row;",
            "import org.joda.time.Duration;",
            "import org.joda.time.Instant;",
            "final class Examples {",
            String.join("\n", methods),
            "}");
    JavaSources.compile(
        "javadoc examples (the comment above each method names its class)",
        "javadoc.Examples",
        source,
        dir);
  }

  private static List<Path> operationSources() throws IOException {
    try (Stream<Path> files = Files.list(OPS)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
