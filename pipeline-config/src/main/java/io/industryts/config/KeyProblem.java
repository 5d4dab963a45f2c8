package io.industryts.config;

/**
 * A construction error a provider ties to one of its step's keys, so the loader reports it at that
 * key's {@code file:line:col} rather than at the step's header (SEMANTICS §1.13).
 */
public final class KeyProblem extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public KeyProblem(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The key whose value is wrong. */
  public String key() {
    return key;
  }
}
