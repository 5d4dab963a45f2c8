package io.industryts.engine;

import java.io.Serializable;

/**
 * Converts the time field of an incoming Row to epoch milliseconds (SEMANTICS §1.3).
 * Implementations throw {@link BadTimeException} for a value that is not a time.
 */
interface TimeConversion extends Serializable {

  /** Epoch millis of {@code value} (never null: null times are handled by the caller). */
  long toMillis(Object value) throws BadTimeException;

  /** A value that cannot be read as a time; {@link #reason()} is the errors-output code. */
  final class BadTimeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public BadTimeException(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
