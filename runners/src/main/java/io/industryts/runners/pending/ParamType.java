package io.industryts.runners.pending;

/** Stand-in for {@code io.industryts.config.ParamType}. */
public enum ParamType {
  STRING;

  public String display() {
    return "string";
  }
}
