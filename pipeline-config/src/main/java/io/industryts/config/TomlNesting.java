package io.industryts.config;

import java.util.Optional;

/**
 * Finds a TOML value nested deeper than {@value #MAX_DEPTH} arrays or inline tables before the
 * parser sees it: the parser descends once per level on the thread's stack, so a hostile or broken
 * file of thousands of {@code [} would end in a {@code StackOverflowError} instead of a config
 * error. No job needs more than a few levels.
 */
final class TomlNesting {
  /** Deepest nesting of arrays and inline tables accepted in one value. */
  static final int MAX_DEPTH = 64;

  private TomlNesting() {}

  /**
   * The problem at the first bracket or brace that opens level {@value #MAX_DEPTH} + 1, if any.
   * Strings (basic, literal, multi-line) and comments are skipped; table headers ({@code [t]},
   * {@code [[t]]}) count like values, which only ever reach depth 2.
   */
  static Optional<ConfigProblem> check(String text, String file) {
    int depth = 0;
    int line = 1;
    int lineStart = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n':
          line++;
          lineStart = i + 1;
          break;
        case '#':
          while (i + 1 < n && text.charAt(i + 1) != '\n') {
            i++;
          }
          break;
        case '"':
        case '\'':
          {
            boolean multi = text.startsWith(c == '"' ? "\"\"\"" : "'''", i);
            String close = multi ? (c == '"' ? "\"\"\"" : "'''") : String.valueOf(c);
            int j = i + (multi ? 3 : 1);
            while (j < n && !text.startsWith(close, j)) {
              char d = text.charAt(j);
              if (d == '\\' && c == '"') {
                j++;
              } else if (d == '\n') {
                if (!multi) {
                  break; // an unterminated string: the parser reports it
                }
                line++;
                lineStart = j + 1;
              }
              j++;
            }
            i = Math.min(n, j + (j < n && text.startsWith(close, j) ? close.length() : 0)) - 1;
            break;
          }
        case '[':
        case '{':
          depth++;
          if (depth > MAX_DEPTH) {
            return Optional.of(
                new ConfigProblem(
                    file,
                    line,
                    i - lineStart + 1,
                    "",
                    "value nested deeper than "
                        + MAX_DEPTH
                        + " arrays or inline tables. Expected a"
                        + " flat value (a string, a number, an array of them or a small table);"
                        + " check the brackets of this value."));
          }
          break;
        case ']':
        case '}':
          depth = Math.max(0, depth - 1);
          break;
        default:
          break;
      }
    }
    return Optional.empty();
  }
}
