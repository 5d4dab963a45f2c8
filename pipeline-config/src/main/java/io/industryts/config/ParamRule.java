package io.industryts.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A rule over several keys of one table (mutually exclusive keys, keys valid only with some method,
 * keys required by another key's value). The loader reports a violated rule at the position of the
 * first of {@link #keys()} that is set, else at the table header.
 *
 * <pre>{@code
 * // message: set aggregation or aggregations, not both
 * ParamRule.notBoth("aggregation", "aggregations");
 * // message: "limit" is only valid with method forward or backward
 * ParamRule.onlyWith("limit", "method", List.of("forward", "ffill", "backward", "bfill"),
 *     "forward or backward");
 * }</pre>
 */
public final class ParamRule implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A check returning the problem's message, or {@code null} when the rule holds. */
  @FunctionalInterface
  public interface Check extends Function<ValidatedParams, String>, Serializable {}

  private final String doc;
  private final List<String> keys;
  private final Check check;

  private ParamRule(String doc, List<String> keys, Check check) {
    this.doc = doc;
    this.keys = List.copyOf(keys);
    this.check = check;
  }

  /** A custom rule; {@code keys} locate the problem, {@code doc} describes it for docs. */
  public static ParamRule of(String doc, List<String> keys, Check check) {
    return new ParamRule(doc, keys, check);
  }

  /** {@code a} and {@code b} exclude each other: {@code set a or b, not both}. */
  public static ParamRule notBoth(String a, String b) {
    String message = "set " + a + " or " + b + ", not both";
    return new ParamRule(message, List.of(b, a), p -> p.isSet(a) && p.isSet(b) ? message : null);
  }

  /**
   * Exactly one of {@code keys} must be set: {@code set exactly one of span, alpha, com, halflife.
   * Got span and alpha.} (or {@code Got none.}).
   */
  public static ParamRule exactlyOne(String... keys) {
    List<String> all = List.of(keys);
    String list = String.join(", ", all);
    return new ParamRule(
        "set exactly one of " + list,
        all,
        p -> {
          List<String> set = new ArrayList<>();
          for (String k : all) {
            if (p.isSet(k)) {
              set.add(k);
            }
          }
          if (set.size() == 1) {
            return null;
          }
          String got = set.isEmpty() ? "none" : String.join(" and ", set);
          return "set exactly one of " + list + ". Got " + got + ".";
        });
  }

  /**
   * {@code key} may be set only when {@code on} (set or defaulted) is one of {@code values}: {@code
   * "limit" is only valid with method forward or backward}.
   *
   * @param phrase how {@code values} are named in the message ({@code "forward or backward"})
   */
  public static ParamRule onlyWith(String key, String on, List<String> values, String phrase) {
    String message = "\"" + key + "\" is only valid with " + on + " " + phrase;
    return new ParamRule(
        message,
        List.of(key),
        p -> {
          if (!p.isSet(key)) {
            return null;
          }
          Object v = p.get(on);
          return v != null && values.contains(v.toString()) ? null : message;
        });
  }

  /**
   * {@code key} is required when {@code on} is one of {@code values}: {@code method "constant"
   * needs value. Got none.}
   */
  public static ParamRule requiredWith(String key, String on, List<String> values) {
    return new ParamRule(
        key + " is required with " + on + " " + String.join(" or ", values),
        List.of(on),
        p -> {
          Object v = p.get(on);
          if (v == null || !values.contains(v.toString()) || p.isSet(key)) {
            return null;
          }
          return on + " \"" + v + "\" needs " + key + ". Got none.";
        });
  }

  /**
   * {@code key}'s value {@code value} cannot be combined with {@code on} = one of {@code values}:
   * {@code action "median" is not valid with method "range"}.
   */
  public static ParamRule valueNotWith(String key, String value, String on, List<String> values) {
    return new ParamRule(
        key + " \"" + value + "\" is not valid with " + on + " " + String.join(" or ", values),
        List.of(key),
        p -> {
          Object v = p.get(key);
          Object o = p.get(on);
          if (v == null
              || !value.equals(v.toString())
              || o == null
              || !values.contains(o.toString())) {
            return null;
          }
          return key + " \"" + value + "\" is not valid with " + on + " \"" + o + "\"";
        });
  }

  /** What the rule requires, in one line. */
  public String doc() {
    return doc;
  }

  /** Keys whose position locates a violation, most specific first. */
  public List<String> keys() {
    return keys;
  }

  /** The violation's message, or {@code null} when the rule holds. */
  public String check(ValidatedParams params) {
    return check.apply(Objects.requireNonNull(params));
  }

  @Override
  public String toString() {
    return doc;
  }
}
