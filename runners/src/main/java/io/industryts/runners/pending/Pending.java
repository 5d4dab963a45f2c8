package io.industryts.runners.pending;

/** The failure every stand-in raises when used. */
final class Pending {
  private Pending() {}

  static UnsupportedOperationException notYet(String what) {
    return new UnsupportedOperationException("industryts: " + what + " is not available in this "
        + "build yet.");
  }
}
