package io.industryts.time;

/**
 * A time value that cannot be converted to an instant (SEMANTICS §1.3). {@link #reason()} is the
 * fixed code that error rows carry ({@code unparseable_time}, {@code ambiguous_time}, {@code
 * nonexistent_time}); the message says what was read and what was expected.
 *
 * <p>Bad times are data, not bugs, so the exception carries no stack trace: readers create one per
 * bad cell and route the row to the errors output.
 */
public final class TimeParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The text matches no accepted format, or the value is out of range. */
  public static final String UNPARSEABLE = "unparseable_time";

  /** A zone-less time inside a DST overlap with {@code ambiguous = "error"}. */
  public static final String AMBIGUOUS = "ambiguous_time";

  /** A zone-less time inside a DST gap with {@code nonexistent = "error"}. */
  public static final String NONEXISTENT = "nonexistent_time";

  private final String reason;

  /**
   * A time that cannot be converted, for the given reason.
   *
   * @param reason {@link #UNPARSEABLE}, {@link #AMBIGUOUS} or {@link #NONEXISTENT}
   * @param message what was read (value, and row or field where known) and what was expected
   */
  public TimeParseException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The reason code: {@link #UNPARSEABLE}, {@link #AMBIGUOUS} or {@link #NONEXISTENT}. */
  public String reason() {
    return reason;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
