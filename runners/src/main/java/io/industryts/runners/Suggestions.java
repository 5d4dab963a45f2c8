package io.industryts.runners;

import java.util.List;

/** "Did you mean" hints for mistyped commands, options and operation types, in CLI wording. */
final class Suggestions {
  private Suggestions() {}

  /**
   * {@code " (did you mean \"x\"?)"} for the closest candidate within a small edit distance (the
   * job-file loader's rule), else the empty string; meant to be appended to a message.
   */
  static String didYouMean(String word, List<String> candidates) {
    return io.industryts.config.Suggestions.closest(word, candidates)
        .map(c -> " (did you mean \"" + c + "\"?)")
        .orElse("");
  }
}
