package io.industryts.config.ops;

import io.industryts.config.OperationDescription;

/** Placeholder for providers whose operation class is not in the library yet. */
final class Pending {
  private Pending() {}

  static UnsupportedOperationException notYetAvailable(OperationDescription d) {
    return new UnsupportedOperationException(
        d.type() + ": the operation is not implemented yet (" + d.id() + ").");
  }
}
