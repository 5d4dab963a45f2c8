package io.industryts.config;

/**
 * A construction error a provider ties to one of its step's keys, so the loader reports it at that
 * key's {@code file:line:col} rather than at the step's header (SEMANTICS §1.13).
 */
public final class KeyProblem extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String key;

  /**
   * A problem with the value of {@code key}.
   *
   * @param key the TOML key of the step whose value is wrong, e.g. {@code "window"}
   * @param message what is wrong and the fix, as a whole sentence; the loader prefixes the key's
   *     position and the step's scope
   */
  public KeyProblem(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The key whose value is wrong. */
  public String key() {
    return key;
  }
}
