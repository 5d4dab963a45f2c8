package io.industryts.config;

/**
 * The keys shared by operations (SEMANTICS §1.1): {@code name}, {@code columns}, {@code suffix}.
 */
public final class CommonParams {
  private CommonParams() {}

  /** {@code name}: the step name, default {@code "<index>_<type>"}, unique in the file. */
  public static ParamSpec name() {
    return ParamSpec.of("name", ParamType.STRING)
        .defaultsToDescribed("\"<index>_<type>\"")
        .doc("Step name used for the Beam step, messages and counters; unique in the file.");
  }

  /** {@code columns} with the operation's default set described in words. */
  public static ParamSpec columns(String defaultDescription) {
    return ParamSpec.of("columns", ParamType.STRING_LIST)
        .defaultsToDescribed(defaultDescription)
        .doc("Input columns the operation reads.");
  }

  /** {@code suffix}: appended to generated output names (SEMANTICS §1.9). */
  public static ParamSpec suffix() {
    return ParamSpec.of("suffix", ParamType.STRING)
        .defaultsTo("")
        .doc("Appended to generated output names; in-place transforms then write new columns.");
  }
}
