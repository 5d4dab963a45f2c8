package io.industryts.ops;

import io.industryts.OutputNames;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The settings {@link BoxCox} and {@link YeoJohnson} share — columns, fixed or estimated λ, invalid
 * handling, λ columns, suffix — with their validation and planning, so both families plan alike.
 */
final class PowerParams implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Power.Family family;
  private final String op;
  private final List<String> columns;
  private final Double lambda;
  private final Invalid invalid;
  private final boolean emitLambda;
  private final String suffix;

  private PowerParams(
      Power.Family family,
      String op,
      List<String> columns,
      Double lambda,
      Invalid invalid,
      boolean emitLambda,
      String suffix) {
    this.family = family;
    this.op = op;
    this.columns = List.copyOf(columns);
    this.lambda = lambda;
    this.invalid = invalid;
    this.emitLambda = emitLambda;
    this.suffix = suffix;
  }

  /** λ estimated per series; {@code op} prefixes messages. */
  static PowerParams mle(Power.Family family, String op, String... columns) {
    return new PowerParams(family, op, Arrays.asList(columns), null, Invalid.NULL, false, "");
  }

  /** A fixed, finite λ for every series. */
  static PowerParams fixed(Power.Family family, String op, double lambda, String... columns) {
    if (!Double.isFinite(lambda)) {
      throw new IllegalArgumentException(
          op + ": lambda must be a finite number. Got " + lambda + ".");
    }
    return new PowerParams(family, op, Arrays.asList(columns), lambda, Invalid.NULL, false, "");
  }

  PowerParams withInvalid(Invalid i) {
    return new PowerParams(family, op, columns, lambda, i, emitLambda, suffix);
  }

  PowerParams withEmitLambda() {
    return new PowerParams(family, op, columns, lambda, invalid, true, suffix);
  }

  PowerParams withSuffix(String s) {
    return new PowerParams(family, op, columns, lambda, invalid, emitLambda, s == null ? "" : s);
  }

  /**
   * Puts the shared parameters into an operation's map: columns, λ ({@code mle} when estimated),
   * {@code invalid} when given, then {@code emit_lambda} and {@code suffix} when set.
   */
  void putParameters(Map<String, Object> p, String invalidName) {
    p.put("columns", columns);
    p.put("lambda", lambda == null ? "mle" : lambda);
    if (invalidName != null) {
      p.put("invalid", invalidName);
    }
    if (emitLambda) {
      p.put("emit_lambda", true);
    }
    if (!suffix.isEmpty()) {
      p.put("suffix", suffix);
    }
  }

  /**
   * The name of a column's λ column: {@code {c}_boxcox_lambda} or {@code {c}_yeojohnson_lambda}.
   */
  private UnaryOperator<String> lambdaName() {
    return family == Power.Family.BOX_COX
        ? OutputNames::boxCoxLambda
        : OutputNames::yeoJohnsonLambda;
  }

  Invalid invalid() {
    return invalid;
  }

  Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve(op, input, cols, true);
    DoubleOutputs out =
        DoubleOutputs.plan(op, input, idx, suffix, emitLambda ? lambdaName() : null);
    return lambda == null
        ? new PowerKernel.Fitted(context.stepName(), out, idx, family, invalid, op)
        : new PowerKernel(context.stepName(), out, idx, family, lambda, invalid, op);
  }
}
