package io.industryts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds undocumented public members, and this module has none. */
class PublicApiJavadocTest {
  @Test
  void everyPublicClassConstructorAndMethodOfThisModuleHasJavadoc() {
    assertEquals(
        List.of(),
        PublicApiJavadoc.undocumented(Paths.get("src", "main", "java")),
        "public classes, constructors and methods without javadoc");
  }

  @Test
  void reportsUndocumentedTypesConstructorsAndMethodsButNotOverridesOrDocumentedOnes(
      @TempDir Path dir) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("a"));
    Files.writeString(pkg.resolve("package-info.java"), "public class NotScanned {}\n");
    Files.writeString(
        pkg.resolve("Foo.java"),
        String.join(
            "\n",
            "package a;",
            "public final class Foo {",
            "  /** Documented. */",
            "  public int documented() { return 1; }",
            "  public static <T> List<T> bare(T t) {",
            "  @Override",
            "  public String toString() { return \"\"; }",
            "  /** Documented, annotated. */",
            "  @Deprecated",
            "  public void annotated() {}",
            "  @Deprecated",
            "  public void annotatedBare() {}",
            "  private void hidden() {}",
            "  public record Pair(int a, int b) {}",
            "  public Foo(int a) {}",
            "  /** Documented constructor. */",
            "  public Foo() {}",
            "}"));
    String foo = pkg.resolve("Foo.java").toString();
    assertEquals(
        List.of(
            foo + ":2: public final class Foo {",
            foo + ":5: public static <T> List<T> bare(T t) {",
            foo + ":12: public void annotatedBare() {}",
            foo + ":14: public record Pair(int a, int b) {}",
            foo + ":15: public Foo(int a) {}"),
        PublicApiJavadoc.undocumented(dir));
  }

  @Test
  void aMissingSourceDirectoryIsAnErrorNamingIt(@TempDir Path dir) {
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> PublicApiJavadoc.undocumented(dir.resolve("nowhere")));
    assertEquals(true, e.getMessage().contains("nowhere"), e.getMessage());
  }
}
