package io.industryts.examples;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.industryts.testing.BeamPipelineExtension;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java example is code a reader copies: it must compile against the current API and do
 * what the text says. The test cuts the {@code java} block out of README.md, puts it in a method
 * whose parameter is {@code readings}, compiles it with the JDK's compiler and runs it.
 */
@ExtendWith(BeamPipelineExtension.class)
class ReadmeJavaExampleTest {
  private static final Path README =
      Path.of(System.getProperty("industryts.project.dir", "..")).resolve("README.md");

  private static final Schema READINGS =
      Schema.builder()
          .addStringField("tag")
          .addDateTimeField("tagTime")
          .addNullableField("value", Schema.FieldType.DOUBLE)
          .build();

  @Test
  void readmeJavaExampleCompilesAndResamplesToFiveMinuteBucketsWithLags(
      TestPipeline p, @TempDir Path dir) throws Exception {
    Method example = compile(readmeJavaBlock(), dir);

    // 20 one-minute readings of one tag with a repeated minute: 4 five-minute buckets
    List<Row> rows = new ArrayList<>();
    for (int minute = 0; minute < 20; minute++) {
      rows.add(
          Row.withSchema(READINGS)
              .addValues("a", new Instant(minute * 60_000L), (double) minute)
              .build());
    }
    rows.add(Row.withSchema(READINGS).addValues("a", new Instant(3 * 60_000L), 99.0).build());
    PCollection<Row> readings = p.apply(Create.of(rows).withRowSchema(READINGS));

    @SuppressWarnings("unchecked")
    List<PCollection<Row>> outputs = (List<PCollection<Row>>) example.invoke(null, readings);
    PCollection<Row> features = outputs.get(0);
    PCollection<Row> filled = outputs.get(1);

    assertThat(
        features.getSchema().getFieldNames(),
        contains("tag", "tagTime", "value", "value_lag1", "value_lag2"));
    PAssert.that(features)
        .satisfies(
            out -> {
              List<Double> means = new ArrayList<>();
              List<Double> lag1 = new ArrayList<>();
              for (Row r : sortedByTime(out)) {
                means.add(r.getDouble("value"));
                lag1.add(r.getDouble("value_lag1"));
              }
              // keep-first drops the repeated minute 3 (99.0): bucket means 2, 7, 12, 17
              assertThat(means, contains(2.0, 7.0, 12.0, 17.0));
              assertThat(lag1, contains(null, 2.0, 7.0, 12.0));
              return null;
            });
    PAssert.thatSingleton(filled.apply(Count.globally())).isEqualTo(21L);
    p.run().waitUntilFinish();
  }

  private static List<Row> sortedByTime(Iterable<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    list.sort((a, b) -> a.getDateTime("tagTime").compareTo(b.getDateTime("tagTime")));
    return list;
  }

  /** The first {@code ```java} block of the README, with {@code readings = ...;} removed. */
  private static String readmeJavaBlock() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat("README.md has a ```java block", block.find(), is(true));
    String code = block.group(1);
    String placeholder = "PCollection<Row> readings = ...;";
    assertThat(code, containsString(placeholder));
    return code.lines()
        .filter(line -> !line.contains(placeholder))
        .collect(Collectors.joining("\n"));
  }

  private static Method compile(String body, Path dir) throws Exception {
    String source =
        String.join(
            "\n",
            "package readme;",
            "import io.industryts.*;",
            "import io.industryts.ops.*;",
            "import java.util.List;",
            "import org.apache.beam.sdk.values.PCollection;",
            "import org.apache.beam.sdk.values.Row;",
            "import org.joda.time.Duration;",
            "public final class Example {",
            "  public static List<PCollection<Row>> run(PCollection<Row> readings) {",
            body,
            "    return List.of(features, filled);",
            "  }",
            "}");
    JavaSources.compile("README Java example", "readme.Example", source, dir);
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.toUri().toURL()}, ReadmeJavaExampleTest.class.getClassLoader());
    return loader.loadClass("readme.Example").getMethod("run", PCollection.class);
  }
}
