package io.industryts.ops;

/**
 * What an operation does with a value outside its domain (TOML {@code invalid}): {@code log} of a
 * non-positive number, {@code box_cox} of {@code x ≤ 0}, a {@code cast} that does not parse.
 *
 * <ul>
 *   <li>{@link #NULL}: the cell becomes null and the counter {@code invalid_input} counts it;
 *   <li>{@link #ERROR}: the whole row goes to the errors output (SEMANTICS §1.13) with the
 *       operation's reason code, and is left out of the output.
 * </ul>
 */
public enum Invalid {
  NULL,
  ERROR
}
