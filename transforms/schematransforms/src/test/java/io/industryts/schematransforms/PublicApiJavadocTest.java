package io.industryts.schematransforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.industryts.testing.PublicApiJavadoc;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public class, constructor and method of {@code io.industryts.schematransforms} and its
 * subpackages has a javadoc comment (overrides inherit theirs); a new undocumented one fails here.
 */
class PublicApiJavadocTest {
  @Test
  void everyPublicClassConstructorAndMethodHasJavadoc() {
    assertEquals(
        List.of(),
        PublicApiJavadoc.undocumented(Paths.get("src", "main", "java")),
        "public classes, constructors and methods without javadoc");
  }
}
