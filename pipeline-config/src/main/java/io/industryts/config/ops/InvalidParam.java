package io.industryts.config.ops;

import io.industryts.config.ParamSpec;
import io.industryts.config.ParamType;

/** The shared {@code invalid} key of {@code log}, {@code box_cox} and {@code cast}. */
final class InvalidParam {
  private InvalidParam() {}

  /** {@code invalid = "null" | "error"}; {@code reason} is the errors-output code. */
  static ParamSpec spec(String reason) {
    return ParamSpec.of("invalid", ParamType.STRING)
        .defaultsTo("null")
        .allowed("null", "error")
        .doc(
            "Out-of-domain value: null (counter invalid_input) or error (row to the errors output,"
                + " reason "
                + reason
                + ").");
  }
}
