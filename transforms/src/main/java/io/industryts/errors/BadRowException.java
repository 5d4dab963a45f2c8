package io.industryts.errors;

/**
 * A bad row met where no errors output is attached (SEMANTICS §1.13): the run fails with it. The
 * message says what and where ({@code file:line: message}); the accessors give the same facts one
 * by one, so a caller can react without parsing the message.
 *
 * <pre>{@code
 * try {
 *   p.run().waitUntilFinish();
 * } catch (Pipeline.PipelineExecutionException e) {
 *   if (e.getCause() instanceof BadRowException bad) {
 *     System.err.println(bad.file() + " line " + bad.line() + ": " + bad.reason());
 *   }
 * }
 * }</pre>
 */
public class BadRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final Long line;
  private final String column;
  private final String reason;

  /**
   * A bad row.
   *
   * @param message what is wrong and where, as the launcher prints it
   * @param file the file the row was read from, or null (rows not read from a file)
   * @param line the row's line in {@code file} (1 = the first line), or null
   * @param column the column whose value is bad, or null when the row as a whole is
   * @param reason the kind of error, one of the errors output's {@code reason} values (e.g. {@code
   *     unparseable_time}); null when unknown
   */
  public BadRowException(String message, String file, Long line, String column, String reason) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The file the row was read from, or null. */
  public String file() {
    return file;
  }

  /** The row's line in {@link #file()} (1 = the first line), or null. */
  public Long line() {
    return line;
  }

  /** The column whose value is bad, or null when the row as a whole is. */
  public String column() {
    return column;
  }

  /**
   * The kind of error (the errors output's {@code reason}, e.g. {@code unparseable_time}), or null.
   */
  public String reason() {
    return reason;
  }
}
