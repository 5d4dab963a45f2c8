package io.industryts.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The operation types a TOML job may use: one {@link OperationProvider} per type, discovered with
 * {@link ServiceLoader}. One table maps the TOML {@code type} to the provider and its versioned id;
 * two providers with the same id or type are rejected, naming both classes, because one would
 * silently shadow the other.
 *
 * <pre>{@code
 * OperationRegistry registry = OperationRegistry.load();
 * registry.find("resample").get().description().id();   // "industryts:resample:v1"
 * registry.types();                                     // [diff, drop_duplicates, fill_null, ...]
 * }</pre>
 */
public final class OperationRegistry {
  private final Map<String, OperationProvider> byType;

  private OperationRegistry(Map<String, OperationProvider> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  /** Every provider on the class path of this class's loader. */
  public static OperationRegistry load() {
    return load(OperationRegistry.class.getClassLoader());
  }

  /** Every provider visible to {@code loader}. */
  public static OperationRegistry load(ClassLoader loader) {
    List<OperationProvider> providers = new ArrayList<>();
    ServiceLoader.load(OperationProvider.class, loader).forEach(providers::add);
    return of(providers);
  }

  /**
   * A registry of exactly these providers.
   *
   * @throws IllegalArgumentException if two providers share an id or a type
   */
  public static OperationRegistry of(List<? extends OperationProvider> providers) {
    Map<String, OperationProvider> byType = new TreeMap<>();
    Map<String, OperationProvider> byId = new TreeMap<>();
    for (OperationProvider p : providers) {
      OperationDescription d = p.description();
      OperationProvider sameId = byId.putIfAbsent(d.id(), p);
      if (sameId != null) {
        throw new IllegalArgumentException(
            String.format(
                "duplicate operation id \"%s\": provided by %s and %s. Remove one of them from"
                    + " META-INF/services/%s.",
                d.id(),
                sameId.getClass().getName(),
                p.getClass().getName(),
                OperationProvider.class.getName()));
      }
      OperationProvider sameType = byType.putIfAbsent(d.type(), p);
      if (sameType != null) {
        throw new IllegalArgumentException(
            String.format(
                "duplicate operation type \"%s\": %s (%s) and %s (%s). Remove one of them from"
                    + " META-INF/services/%s.",
                d.type(),
                sameType.description().id(),
                sameType.getClass().getName(),
                d.id(),
                p.getClass().getName(),
                OperationProvider.class.getName()));
      }
    }
    return new OperationRegistry(byType);
  }

  /** The provider of TOML {@code type}. */
  public Optional<OperationProvider> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** Registered types, sorted. */
  public List<String> types() {
    return List.copyOf(byType.keySet());
  }

  /** Every description, sorted by type. */
  public List<OperationDescription> descriptions() {
    return byType.values().stream().map(OperationProvider::description).toList();
  }

  @Override
  public String toString() {
    return "OperationRegistry" + types();
  }
}
