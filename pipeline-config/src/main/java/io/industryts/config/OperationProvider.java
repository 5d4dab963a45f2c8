package io.industryts.config;

import io.industryts.engine.spi.Operation;

/**
 * Makes one operation type available to TOML jobs: describes its keys and builds the operation by
 * calling its Java factory, so TOML and Java build the same object (ARCHITECTURE §1).
 * Implementations are discovered with {@link java.util.ServiceLoader}: list them in {@code
 * META-INF/services/io.industryts.config.OperationProvider}. They need a public no-argument
 * constructor and must be stateless.
 *
 * <pre>{@code
 * public final class DiffProvider implements OperationProvider {
 *   public OperationDescription description() { return DESCRIPTION; }
 *   public Operation create(ValidatedParams p, StepContext context) {
 *     return Diff.periods(ints(p.list("periods"))).of(p.columns());
 *   }
 * }
 * }</pre>
 */
public interface OperationProvider {

  /** The operation's type, id, keys and rules; the same instance on every call. */
  OperationDescription description();

  /**
   * Builds the operation from validated keys (types, allowed values, required keys and {@link
   * ParamRule}s already checked).
   *
   * @throws IllegalArgumentException with a SEMANTICS §1.13 message for problems only the factory
   *     detects; the loader reports it at the step's position
   */
  Operation create(ValidatedParams params, StepContext context);
}
