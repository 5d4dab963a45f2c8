package io.industryts.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS =
      List.of("rule", "aggregation", "aggregations", "closed", "label", "emit_empty");

  @Test
  void levenshteinDistance() {
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
    assertEquals(1, Suggestions.distance("rul", "rule"));
    assertEquals(0, Suggestions.distance("", ""));
  }

  @Test
  void suggestsOneEditForShortWords() {
    assertEquals(Optional.of("rule"), Suggestions.closest("rul", KEYS));
  }

  @Test
  void suggestsTransposedLetters() {
    assertEquals(Optional.of("closed"), Suggestions.closest("colsed", KEYS));
  }

  @Test
  void ignoresCase() {
    assertEquals(Optional.of("label"), Suggestions.closest("LABEL", KEYS));
  }

  @Test
  void noSuggestionForUnrelatedWords() {
    assertEquals(Optional.empty(), Suggestions.closest("frobnicate", KEYS));
  }

  @Test
  void shortWordsGetAtMostOneEdit() {
    assertEquals(Optional.empty(), Suggestions.closest("rx", List.of("rule")));
  }
}
