package io.industryts.runners.pending;

import java.util.List;

/** Stand-in for {@code io.industryts.config.OperationDescription}. */
public final class OperationDescription {
  public String type() {
    throw Pending.notYet("OperationDescription");
  }

  public String id() {
    throw Pending.notYet("OperationDescription");
  }

  public String doc() {
    throw Pending.notYet("OperationDescription");
  }

  public List<String> validKeys() {
    throw Pending.notYet("OperationDescription");
  }

  public String example() {
    throw Pending.notYet("OperationDescription");
  }
}
