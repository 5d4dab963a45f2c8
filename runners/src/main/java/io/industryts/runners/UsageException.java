package io.industryts.runners;

/**
 * A command line the launcher cannot act on (unknown command or option, missing or malformed
 * value). The message says what is wrong and how to fix it; the launcher prints it with a pointer
 * to {@code --help} and exits with status 2.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
