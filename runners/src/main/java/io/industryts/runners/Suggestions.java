package io.industryts.runners;

import java.util.List;
import java.util.Locale;

/** "Did you mean" hints for mistyped commands, options and operation types. */
final class Suggestions {
  private Suggestions() {}

  /**
   * {@code " (did you mean \"x\"?)"} for the closest candidate within a small edit distance, else
   * the empty string; meant to be appended to a message.
   */
  static String didYouMean(String word, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    return best != null && bestDistance <= limit ? " (did you mean \"" + best + "\"?)" : "";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
