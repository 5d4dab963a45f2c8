package io.industryts.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the public classes, constructors and methods of a source tree that have no javadoc comment,
 * so a module's test can fail when its public API grows an undocumented member. A declaration
 * counts as documented when the line just above it (and above its annotations) closes a comment
 * ({@code *}{@code /}); a method annotated {@code @Override} inherits its documentation and is not
 * reported. {@code package-info.java} files are skipped. The scan is textual, one declaration per
 * line, which is the code style of the project (google-java-format).
 *
 * <pre>{@code
 * class PublicApiJavadocTest {
 *   @Test
 *   void everyPublicClassConstructorAndMethodHasJavadoc() {
 *     assertEquals(List.of(), PublicApiJavadoc.undocumented(Paths.get("src", "main", "java")),
 *         "public classes, constructors and methods without javadoc");
 *   }
 * }
 * }</pre>
 */
public final class PublicApiJavadoc {
  private static final Pattern PUBLIC_METHOD =
      Pattern.compile(
          "public\\s+(static\\s+|final\\s+|abstract\\s+|synchronized\\s+|default\\s+|<[^>]+>\\s+)*"
              + "[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\(.*");
  private static final Pattern PUBLIC_CONSTRUCTOR =
      Pattern.compile("public\\s+(<[^>]+>\\s+)?[A-Z]\\w*\\s*\\(.*");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "public\\s+(static\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*"
              + "(class|interface|enum|record|@interface)\\b.*");

  private PublicApiJavadoc() {}

  /**
   * Lists every public class, interface, enum, record, constructor and method under {@code
   * sourceRoot} that lacks a javadoc comment, one {@code file:line: declaration} entry each, in
   * file order; empty when the whole tree is documented.
   *
   * @param sourceRoot a source directory such as {@code src/main/java}, relative to the module (the
   *     working directory of surefire) or absolute
   * @throws UncheckedIOException if the tree cannot be read; the message names the directory (run
   *     the test from the module directory, where {@code src/main/java} exists)
   */
  public static List<String> undocumented(Path sourceRoot) {
    List<String> missing = new ArrayList<>();
    for (Path file : javaFiles(sourceRoot)) {
      List<String> lines = readLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String declaration = lines.get(i).trim();
        boolean type = PUBLIC_TYPE.matcher(declaration).matches();
        if (!type
            && !PUBLIC_METHOD.matcher(declaration).matches()
            && !PUBLIC_CONSTRUCTOR.matcher(declaration).matches()) {
          continue;
        }
        int above = i - 1;
        boolean override = false;
        while (above >= 0 && lines.get(above).trim().startsWith("@")) {
          override |= lines.get(above).trim().startsWith("@Override");
          above--;
        }
        boolean documented = above >= 0 && lines.get(above).trim().endsWith("*/");
        if (!documented && (type || !override)) {
          missing.add(file + ":" + (i + 1) + ": " + declaration);
        }
      }
    }
    return missing;
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(
              f ->
                  f.toString().endsWith(".java")
                      && !f.getFileName().toString().equals("package-info.java"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list the Java sources under "
              + root.toAbsolutePath()
              + "; pass the module's source directory, e.g. src/main/java",
          e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
  }
}
