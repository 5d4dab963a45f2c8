package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.config.testing.TestRegistries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under {@code configs/invalid} pins its problems in {@code # expect: <line>:<col>: ...}
 * comments; loading it must report exactly those problems, in that order, and nothing else.
 */
class InvalidConfigsTest {
  private static final Path DIR = Path.of("src/test/resources/configs/invalid");

  static Stream<Path> invalidFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".toml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void reportsExactlyThePinnedProblems(Path file) throws IOException {
    List<String> expected =
        Files.readAllLines(file).stream()
            .filter(l -> l.startsWith("# expect: "))
            .map(l -> file + ":" + l.substring("# expect: ".length()))
            .collect(Collectors.toList());
    assertFalse(expected.isEmpty(), "no # expect: line in " + file);

    ConfigException e =
        assertThrows(ConfigException.class, () -> JobConfig.load(file, TestRegistries.fakes()));

    assertEquals(
        expected, e.problems().stream().map(ConfigProblem::toString).collect(Collectors.toList()));
    assertEquals(String.join("\n", expected), e.getMessage());
  }
}
