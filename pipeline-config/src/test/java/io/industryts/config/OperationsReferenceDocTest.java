package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/operations.md} is generated from the operation descriptions the loader uses; this
 * test fails when it is stale. Regenerate with {@code mvn -pl pipeline-config -am test
 * -Dtest=OperationsReferenceDocTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dindustryts.writeDocs=true}.
 */
class OperationsReferenceDocTest {
  private static final Path DOC = Path.of("..", "docs", "operations.md");

  @Test
  void docsOperationsMdIsTheGeneratedReference() throws IOException {
    String generated =
        "# Operations reference\n\n"
            + "Generated from the operation descriptions that the TOML loader and `industryts ops` use;\n"
            + "do not edit by hand (see OperationsReferenceDocTest). Semantics: ../shared/SEMANTICS.md.\n\n"
            + OperationDocs.reference(shippedOperations());
    if (Boolean.getBoolean("industryts.writeDocs")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertEquals(
        generated,
        Files.readString(DOC, StandardCharsets.UTF_8),
        "docs/operations.md is stale; regenerate it with -Dindustryts.writeDocs=true");
  }

  /** The registry users get: the test classpath also registers test-only providers. */
  private static OperationRegistry shippedOperations() {
    OperationRegistry all = OperationRegistry.load();
    List<OperationProvider> shipped =
        all.types().stream()
            .map(type -> all.find(type).orElseThrow())
            .filter(provider -> !provider.getClass().getPackageName().endsWith(".testing"))
            .collect(Collectors.toList());
    return OperationRegistry.of(shipped);
  }
}
