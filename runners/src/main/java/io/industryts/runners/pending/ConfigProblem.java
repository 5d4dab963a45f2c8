package io.industryts.runners.pending;

/** Stand-in for {@code io.industryts.config.ConfigProblem}. */
public final class ConfigProblem {
  private final String text;

  public ConfigProblem(String file, int line, int column, String scope, String message) {
    this.text = file + ":" + line + ":" + column + ": " + (scope.isEmpty() ? "" : scope + ": ")
        + message;
  }

  @Override
  public String toString() {
    return text;
  }
}
