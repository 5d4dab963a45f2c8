package io.industryts.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a job file, formatted as SEMANTICS §1.13 says: {@code <file>:<line>:<col>:
 * <scope>: <message>}, e.g. {@code plant.toml:14:1: operations[2] (resample): unknown key "rul".
 * Did you mean "rule"? Valid keys: [...]}. The scope is {@code operations[<i>] (<type>)}, {@code
 * pipeline}, {@code input}, {@code output}, {@code inputs.<name>}, or empty for the file itself
 * (syntax errors, unknown top-level tables).
 */
public final class ConfigProblem {
  static final Comparator<ConfigProblem> BY_POSITION =
      Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column);

  private final String file;
  private final int line;
  private final int column;
  private final String scope;
  private final String message;

  /**
   * A problem at {@code file:line:column}.
   *
   * @param file the job file's name as the user gave it, printed first
   * @param line 1-based line
   * @param column 1-based column
   * @param scope the table the problem is in ({@code operations[2] (resample)}, {@code pipeline},
   *     ...); {@code null} or empty for the file itself
   * @param message what is wrong, what was expected and the fix
   */
  public ConfigProblem(String file, int line, int column, String scope, String message) {
    this.file = file;
    this.line = line;
    this.column = column;
    this.scope = scope == null ? "" : scope;
    this.message = Objects.requireNonNull(message);
  }

  /** The job file's name as the user gave it (the first part of {@link #toString()}). */
  public String file() {
    return file;
  }

  /** 1-based line. */
  public int line() {
    return line;
  }

  /** 1-based column. */
  public int column() {
    return column;
  }

  /** {@code operations[2] (resample)}, {@code pipeline}, ... or empty. */
  public String scope() {
    return scope;
  }

  /** What is wrong, what was expected and how to fix it, without the position and scope. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConfigProblem)) {
      return false;
    }
    ConfigProblem p = (ConfigProblem) o;
    return file.equals(p.file)
        && line == p.line
        && column == p.column
        && scope.equals(p.scope)
        && message.equals(p.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, column, scope, message);
  }

  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + (scope.isEmpty() ? "" : scope + ": ")
        + message;
  }
}
