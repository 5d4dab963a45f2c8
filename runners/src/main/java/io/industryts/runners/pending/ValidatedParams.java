package io.industryts.runners.pending;

import java.util.Map;

/** Stand-in for {@code io.industryts.config.ValidatedParams}. */
public final class ValidatedParams {
  /** Every key with its value or default, as TOML literals. */
  public Map<String, String> resolved() {
    throw Pending.notYet("ValidatedParams");
  }
}
