package io.industryts.runners.pending;

/** Stand-in for {@code io.industryts.config.OperationDocs}. */
public final class OperationDocs {
  private OperationDocs() {}

  /** One line per operation: type, id, doc. */
  public static String summary(OperationRegistry registry) {
    return "";
  }

  /** The full description of one operation (Markdown). */
  public static String describe(OperationDescription d) {
    throw Pending.notYet("OperationDocs");
  }
}
