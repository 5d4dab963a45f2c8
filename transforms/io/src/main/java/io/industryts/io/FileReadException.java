package io.industryts.io;

/**
 * An input file that cannot be read: truncated, corrupt, or not in the format its name says. The
 * message names the file (in a glob, which one), what is wrong with it and what to do.
 */
public final class FileReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FileReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
