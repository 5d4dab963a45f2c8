package io.industryts.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * The keys of one {@code [[operations]]} table after validation: values converted to Java types
 * (see {@link ParamType}), with each key's declared default available through {@link #get}. A
 * provider reads them to call the operation's Java factory; {@code explain} prints {@link
 * #resolved()}.
 *
 * <pre>{@code
 * String method = params.string("method");          // default applied when absent
 * if (params.isSet("limit")) { op = op.withLimit(params.integer("limit")); }
 * FillNull.forward(params.columns());                // empty array = the operation's default set
 * }</pre>
 */
public final class ValidatedParams {
  private final OperationDescription description;
  private final Map<String, Object> explicit;

  private ValidatedParams(OperationDescription description, Map<String, Object> explicit) {
    this.description = description;
    this.explicit = Collections.unmodifiableMap(new LinkedHashMap<>(explicit));
  }

  /**
   * Params of {@code description} with {@code explicit} converted values; no validation (the loader
   * validates before building them). Useful in tests and to build steps from Java maps.
   */
  public static ValidatedParams of(OperationDescription description, Map<String, Object> explicit) {
    for (String k : explicit.keySet()) {
      if (description.param(k).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown key \""
                + k
                + "\" for "
                + description.type()
                + ". Valid keys: "
                + description.validKeys());
      }
    }
    return new ValidatedParams(description, explicit);
  }

  /** The operation these params belong to. */
  public OperationDescription description() {
    return description;
  }

  /** {@code true} if the table sets {@code key} explicitly. */
  public boolean isSet(String key) {
    return explicit.containsKey(key);
  }

  /** The explicit value, else the declared default, else {@code null}. */
  public Object get(String key) {
    Object v = explicit.get(key);
    if (v != null) {
      return v;
    }
    return description.param(key).map(ParamSpec::defaultValue).orElse(null);
  }

  /**
   * {@link #get} of a {@code STRING}, {@code ZONE} or {@code TIME_PATTERN} key.
   *
   * @throws ClassCastException if {@code key} is declared with another type
   */
  public String string(String key) {
    return (String) get(key);
  }

  /**
   * {@link #get} of an {@code INT} key; {@code null} when unset without default.
   *
   * @throws ClassCastException if {@code key} is declared with another type
   */
  public Integer integer(String key) {
    return (Integer) get(key);
  }

  /**
   * {@link #get} of a {@code FLOAT} key (TOML integers already converted).
   *
   * @throws ClassCastException if {@code key} is declared with another type
   */
  public Double number(String key) {
    return (Double) get(key);
  }

  /**
   * {@link #get} of a {@code BOOL} key.
   *
   * @throws ClassCastException if {@code key} is declared with another type
   */
  public Boolean bool(String key) {
    return (Boolean) get(key);
  }

  /**
   * {@link #get} of a {@code DURATION} or {@code OFFSET} key.
   *
   * @throws ClassCastException if {@code key} is declared with another type
   */
  public Duration duration(String key) {
    return (Duration) get(key);
  }

  /** A list value ({@code *_LIST} types, {@code FLOAT_PAIR}); empty when unset without default. */
  @SuppressWarnings("unchecked")
  public <T> List<T> list(String key) {
    Object v = get(key);
    return v == null ? List.of() : (List<T>) v;
  }

  /** A table value; empty when unset. */
  @SuppressWarnings("unchecked")
  public <V> Map<String, V> table(String key) {
    Object v = get(key);
    return v == null ? Map.of() : (Map<String, V>) v;
  }

  /** {@code columns} as an array; empty (= the operation's default set) when not set. */
  public String[] columns() {
    return this.<String>list("columns").toArray(new String[0]);
  }

  /** Explicitly set keys and their values, in file order. */
  public Map<String, Object> explicit() {
    return explicit;
  }

  /**
   * Every key with a value, explicit or default, in documentation order; keys whose default depends
   * on the input show that description ({@code "value columns"}).
   */
  public Map<String, String> resolved() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ParamSpec p : description.params()) {
      if (explicit.containsKey(p.key())) {
        out.put(p.key(), TomlLiterals.render(explicit.get(p.key())));
      } else if (!p.isRequired() && !p.defaultDisplay().equals("none")) {
        out.put(p.key(), p.defaultDisplay());
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatedParams
        && description.id().equals(((ValidatedParams) o).description.id())
        && explicit.equals(((ValidatedParams) o).explicit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(description.id(), explicit);
  }

  @Override
  public String toString() {
    return description.type() + explicit;
  }
}
