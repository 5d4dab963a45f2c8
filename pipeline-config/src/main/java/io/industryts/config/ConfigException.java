package io.industryts.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem of a job file, reported together (SEMANTICS §1.13): nothing runs until all are
 * fixed. The message has one line per problem, in file order.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * An exception whose message lists {@code problems}, one per line, in the order given.
   *
   * @param problems every problem found in the file, in file order; not empty
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems in file order; never empty. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
