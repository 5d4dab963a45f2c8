package io.industryts.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One key of an operation (or of {@code [pipeline]}, {@code [input]}, {@code [output]}): its name,
 * type, default, allowed values, whether it is required, an optional lower bound, and a one-line
 * doc. The loader validates against it and {@code industryts ops} prints it, so the two cannot
 * drift (ARCHITECTURE §4).
 *
 * <pre>{@code
 * ParamSpec method = ParamSpec.of("method", ParamType.STRING)
 *     .required()
 *     .allowed("forward", "ffill", "backward", "bfill", "constant", "mean", "median", "zero")
 *     .doc("How nulls are filled.");
 * }</pre>
 *
 * <p>Immutable; every modifier returns a copy.
 */
public final class ParamSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final ParamType type;
  private final boolean required;
  private final Object defaultValue;
  private final String defaultDoc;
  private final List<String> allowed;
  private final Double min;
  private final boolean minExclusive;
  private final String doc;

  private ParamSpec(
      String key,
      ParamType type,
      boolean required,
      Object defaultValue,
      String defaultDoc,
      List<String> allowed,
      Double min,
      boolean minExclusive,
      String doc) {
    this.key = key;
    this.type = type;
    this.required = required;
    this.defaultValue = defaultValue;
    this.defaultDoc = defaultDoc;
    this.allowed = List.copyOf(allowed);
    this.min = min;
    this.minExclusive = minExclusive;
    this.doc = doc;
  }

  /** An optional key without default, allowed values or doc. */
  public static ParamSpec of(String key, ParamType type) {
    return new ParamSpec(
        Objects.requireNonNull(key),
        Objects.requireNonNull(type),
        false,
        null,
        null,
        List.of(),
        null,
        false,
        "");
  }

  /** A copy that must be present. */
  public ParamSpec required() {
    return new ParamSpec(
        key, type, true, defaultValue, defaultDoc, allowed, min, minExclusive, doc);
  }

  /**
   * A copy whose default is {@code value}, already in the converted Java form of {@link ParamType}
   * (e.g. {@code "mean"}, {@code 1}, {@code 3.0}, {@code true}, a Joda {@code Duration}).
   */
  public ParamSpec defaultsTo(Object value) {
    return new ParamSpec(key, type, required, value, defaultDoc, allowed, min, minExclusive, doc);
  }

  /**
   * A copy whose default depends on the input or on other keys, described in words ({@code "value
   * columns"}, {@code "rows: window; duration: 1"}); the provider applies it.
   */
  public ParamSpec defaultsToDescribed(String description) {
    return new ParamSpec(
        key, type, required, defaultValue, description, allowed, min, minExclusive, doc);
  }

  /** A copy accepting only these strings (for string, string-list and table-of-string types). */
  public ParamSpec allowed(String... values) {
    return new ParamSpec(
        key, type, required, defaultValue, defaultDoc, List.of(values), min, minExclusive, doc);
  }

  /** A copy accepting only these strings. */
  public ParamSpec allowed(List<String> values) {
    return new ParamSpec(
        key, type, required, defaultValue, defaultDoc, values, min, minExclusive, doc);
  }

  /** A copy whose numbers (ints, floats, list elements) must be {@code >= bound}. */
  public ParamSpec atLeast(double bound) {
    return new ParamSpec(key, type, required, defaultValue, defaultDoc, allowed, bound, false, doc);
  }

  /** A copy whose numbers must be {@code > bound}. */
  public ParamSpec greaterThan(double bound) {
    return new ParamSpec(key, type, required, defaultValue, defaultDoc, allowed, bound, true, doc);
  }

  /** A copy with a one-line description. */
  public ParamSpec doc(String oneLine) {
    return new ParamSpec(
        key, type, required, defaultValue, defaultDoc, allowed, min, minExclusive, oneLine);
  }

  /** The snake_case TOML key. */
  public String key() {
    return key;
  }

  /** The value type the key accepts, which also fixes the Java type the provider receives. */
  public ParamType type() {
    return type;
  }

  /** {@code true} if the table must set the key; a required key has no default. */
  public boolean isRequired() {
    return required;
  }

  /** The default in converted Java form, or {@code null} if none or described in words. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** The default as written in docs: the TOML literal, a description, or {@code "none"}. */
  public String defaultDisplay() {
    if (required) {
      return "required";
    }
    if (defaultValue != null) {
      return TomlLiterals.render(defaultValue);
    }
    return defaultDoc != null ? defaultDoc : "none";
  }

  /** Allowed values, empty when any value of the type is accepted. */
  public List<String> allowedValues() {
    return allowed;
  }

  /** Inclusive lower bound on numbers, or {@code null}. */
  public Double minimum() {
    return min;
  }

  /** {@code true} if {@link #minimum()} itself is not allowed. */
  public boolean isMinimumExclusive() {
    return minExclusive;
  }

  /** The one-line description printed by {@code industryts ops} and in the docs. */
  public String doc() {
    return doc;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ParamSpec)) {
      return false;
    }
    ParamSpec p = (ParamSpec) o;
    return key.equals(p.key)
        && type == p.type
        && required == p.required
        && Objects.equals(defaultValue, p.defaultValue)
        && Objects.equals(defaultDoc, p.defaultDoc)
        && allowed.equals(p.allowed)
        && Objects.equals(min, p.min)
        && minExclusive == p.minExclusive
        && doc.equals(p.doc);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        key, type, required, defaultValue, defaultDoc, allowed, min, minExclusive, doc);
  }

  @Override
  public String toString() {
    return key
        + " ("
        + type.display()
        + ", default "
        + defaultDisplay()
        + (allowed.isEmpty() ? "" : ", one of " + allowed)
        + ")";
  }
}
