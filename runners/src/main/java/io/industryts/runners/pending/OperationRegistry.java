package io.industryts.runners.pending;

import java.util.List;
import java.util.Optional;

/** Stand-in for {@code io.industryts.config.OperationRegistry}: no operations. */
public final class OperationRegistry {
  public static OperationRegistry load() {
    return new OperationRegistry();
  }

  public Optional<Object> find(String type) {
    return Optional.empty();
  }

  public List<String> types() {
    return List.of();
  }

  public List<OperationDescription> descriptions() {
    return List.of();
  }
}
