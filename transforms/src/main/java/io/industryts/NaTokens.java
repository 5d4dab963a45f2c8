package io.industryts;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * pandas' {@code read_csv} NA tokens (SEMANTICS §1.10): text that means "missing" wherever a value
 * is read from text, in the CSV reader and in {@code cast} from STRING.
 *
 * <pre>{@code
 * NaTokens.isNaToken(" n/a ");   // true (blanks around the token are ignored)
 * NaTokens.isNaToken("none");    // false
 * }</pre>
 */
public final class NaTokens {
  /** The tokens, the empty string excluded (an empty cell is missing anyway). */
  private static final String[] TOKENS = {
    "#N/A",
    "#N/A N/A",
    "#NA",
    "-1.#IND",
    "-1.#QNAN",
    "-NaN",
    "-nan",
    "1.#IND",
    "1.#QNAN",
    "<NA>",
    "N/A",
    "NA",
    "NULL",
    "NaN",
    "n/a",
    "nan",
    "null"
  };

  private static final Set<String> SET = new TreeSet<>(Arrays.asList(TOKENS));

  private NaTokens() {}

  /** Whether {@code text}, trimmed, is one of the tokens (case-sensitive, as pandas). */
  public static boolean isNaToken(String text) {
    return SET.contains(text.trim());
  }

  /** The tokens in pandas' order. */
  public static List<String> tokens() {
    return Collections.unmodifiableList(Arrays.asList(TOKENS));
  }
}
