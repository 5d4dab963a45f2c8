package io.industryts.config.ops;

import io.industryts.config.OperationDescription;

/**
 * For providers whose operation class is not in the library yet: they are described (so docs and
 * validation exist) but not registered in {@code META-INF/services}.
 */
final class Pending {
  private Pending() {}

  static UnsupportedOperationException notYetAvailable(OperationDescription d) {
    return new UnsupportedOperationException(
        d.type() + ": the operation is not implemented yet (" + d.id() + ").");
  }
}
