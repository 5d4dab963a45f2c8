package io.industryts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of the library is documented: every public method of the packages Beam authors
 * call ({@code io.industryts}, {@code io.industryts.ops}, {@code io.industryts.time}) has a javadoc
 * comment (overrides inherit theirs), and every operation's class javadoc states its execution
 * class and what it does with windowed and unbounded input. Scans the sources, so a new method
 * without javadoc fails here.
 */
class PublicApiJavadocTest {
  private static final Path SOURCES = Paths.get("src", "main", "java", "io", "industryts");
  private static final List<Path> PACKAGES =
      List.of(SOURCES, SOURCES.resolve("ops"), SOURCES.resolve("time"));
  private static final Pattern PUBLIC_METHOD =
      Pattern.compile(
          "public\\s+(static\\s+|final\\s+|abstract\\s+|synchronized\\s+|default\\s+|<[^>]+>\\s+)*"
              + "[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\(.*");
  private static final Pattern TYPE =
      Pattern.compile(
          "public\\s+(static\\s+|final\\s+|abstract\\s+)*(class|interface|enum|record|@interface)\\b.*");

  @Test
  void everyPublicMethodHasJavadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path pkg : PACKAGES) {
      for (Path file : javaFiles(pkg)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String s = lines.get(i).trim();
          if (!PUBLIC_METHOD.matcher(s).matches() || TYPE.matcher(s).matches()) {
            continue;
          }
          int j = i - 1;
          boolean override = false;
          while (j >= 0 && lines.get(j).trim().startsWith("@")) {
            override |= lines.get(j).trim().startsWith("@Override");
            j--;
          }
          if (!override && (j < 0 || !lines.get(j).trim().endsWith("*/"))) {
            missing.add(file + ":" + (i + 1) + ": " + s);
          }
        }
      }
    }
    assertEquals(List.of(), missing, "public methods without javadoc");
  }

  @Test
  void everyOperationStatesItsExecutionClassAndWindowedAndUnboundedBehaviour() throws IOException {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Path file : javaFiles(SOURCES.resolve("ops"))) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String name = file.getFileName().toString().replace(".java", "");
      boolean operation =
          Pattern.compile(
                  "public (final |abstract )?class "
                      + name
                      + "\\s+extends\\s+(TimeSeriesTransform|Shift)<")
              .matcher(text)
              .find();
      if (!operation) {
        continue;
      }
      checked++;
      // the class comment as prose: a phrase may be wrapped onto the next " * " line
      String classDoc =
          text.substring(0, text.indexOf("public final class " + name))
              .replaceAll("\\s*\\n\\s*\\*\\s*", " ");
      for (String phrase :
          List.of("Execution class (SEMANTICS §1.14)", "Windowed input", "Unbounded input")) {
        if (!classDoc.contains(phrase)) {
          missing.add(name + ": " + phrase);
        }
      }
    }
    assertEquals(List.of(), missing, "operation class javadocs lacking");
    assertEquals(true, checked >= 29, "operations found: " + checked);
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f ->
                  f.toString().endsWith(".java")
                      && !f.getFileName().toString().equals("package-info.java"))
          .sorted()
          .toList();
    }
  }
}
