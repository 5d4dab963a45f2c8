package io.industryts.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the configuration layer knows about one operation type, as data: the TOML {@code
 * type}, its versioned id ({@code industryts:resample:v1}), a one-line doc, its keys ({@link
 * ParamSpec}, in documentation order, starting with the common {@code name}), cross-field rules
 * ({@link ParamRule}) and a TOML example. The loader validates against it and {@code industryts
 * ops} prints it (ARCHITECTURE §4).
 *
 * <pre>{@code
 * OperationDescription d = OperationDescription.builder("diff")
 *     .doc("Differences x[i] - x[i-n] per series.")
 *     .param(CommonParams.columns("value columns"))
 *     .param(ParamSpec.of("periods", ParamType.INT_OR_INT_LIST).defaultsTo(List.of(1)).atLeast(1))
 *     .example("[[operations]]\ntype = \"diff\"\nperiods = 1\n")
 *     .build();
 * d.id();          // "industryts:diff:v1"
 * d.validKeys();   // [name, columns, periods]
 * }</pre>
 */
public final class OperationDescription {
  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

  private final String type;
  private final int version;
  private final String doc;
  private final Map<String, ParamSpec> params;
  private final List<ParamRule> rules;
  private final String example;

  private OperationDescription(Builder b) {
    this.type = b.type;
    this.version = b.version;
    this.doc = b.doc;
    this.params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
    this.rules = List.copyOf(b.rules);
    this.example = b.example;
  }

  /** Starts a description of the operation whose TOML {@code type} is {@code type}. */
  public static Builder builder(String type) {
    return new Builder(type);
  }

  /** The TOML {@code type}, snake_case ({@code "fill_null"}). */
  public String type() {
    return type;
  }

  /** The versioned id {@code industryts:<type>:v<version>}. */
  public String id() {
    return "industryts:" + type + ":v" + version;
  }

  /** One line: what the operation does. */
  public String doc() {
    return doc;
  }

  /** Every key in documentation order, {@code name} first ({@code type} is implicit). */
  public List<ParamSpec> params() {
    return List.copyOf(params.values());
  }

  /** The spec of {@code key}, if the operation has that key. */
  public Optional<ParamSpec> param(String key) {
    return Optional.ofNullable(params.get(key));
  }

  /** The keys a table of this type may contain besides {@code type}, in documentation order. */
  public List<String> validKeys() {
    return List.copyOf(params.keySet());
  }

  /**
   * The rules over several keys (mutually exclusive keys, keys valid only with another key's
   * value), in declaration order; the loader checks them after each key's own type and bounds.
   */
  public List<ParamRule> rules() {
    return rules;
  }

  /** A TOML {@code [[operations]]} table that uses the operation. */
  public String example() {
    return example;
  }

  @Override
  public String toString() {
    return id() + " " + validKeys();
  }

  /** Builds an {@link OperationDescription}; {@code name} is added as the first key. */
  public static final class Builder {
    private final String type;
    private int version = 1;
    private String doc = "";
    private final Map<String, ParamSpec> params = new LinkedHashMap<>();
    private final List<ParamRule> rules = new ArrayList<>();
    private String example;

    private Builder(String type) {
      if (type == null || !SNAKE.matcher(type).matches()) {
        throw new IllegalArgumentException(
            "operation type must be snake_case. Got \"" + type + "\".");
      }
      this.type = type;
      params.put("name", CommonParams.name());
    }

    /** The id's version; 1 unless a key's meaning changed incompatibly. */
    public Builder version(int v) {
      this.version = v;
      return this;
    }

    /**
     * Sets the one-line description printed by {@code industryts ops} and in the docs.
     *
     * @throws NullPointerException if {@code oneLine} is null
     */
    public Builder doc(String oneLine) {
      this.doc = Objects.requireNonNull(oneLine);
      return this;
    }

    /** Adds a key; keys are unique and {@code type} is reserved. */
    public Builder param(ParamSpec spec) {
      if (spec.key().equals("type") || params.containsKey(spec.key())) {
        throw new IllegalArgumentException(
            "operation " + type + ": key \"" + spec.key() + "\" is declared twice or reserved.");
      }
      params.put(spec.key(), spec);
      return this;
    }

    /** Adds a rule over several keys; see {@link ParamRule}. */
    public Builder rule(ParamRule rule) {
      rules.add(rule);
      return this;
    }

    /**
     * Sets the example {@code [[operations]]} table shown in the docs; without one, a table with
     * only {@code type} is shown.
     */
    public Builder example(String toml) {
      this.example = toml;
      return this;
    }

    /** The description with the keys, rules and example added so far. */
    public OperationDescription build() {
      if (example == null) {
        StringBuilder sb = new StringBuilder("[[operations]]\ntype = \"" + type + "\"\n");
        example = sb.toString();
      }
      return new OperationDescription(this);
    }
  }
}
