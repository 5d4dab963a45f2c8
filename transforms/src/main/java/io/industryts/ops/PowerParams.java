package io.industryts.ops;

import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Kernel;
import io.industryts.engine.spi.PlanContext;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The settings {@link BoxCox} and {@link YeoJohnson} share — columns, fixed or estimated λ, invalid
 * handling, λ columns, suffix — with their validation and planning, so both families plan alike.
 */
final class PowerParams implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Power.Family family;
  private final String op;
  private final String lambdaSuffix;
  private final List<String> columns;
  private final Double lambda;
  private final Invalid invalid;
  private final boolean emitLambda;
  private final String suffix;

  private PowerParams(
      Power.Family family,
      String op,
      String lambdaSuffix,
      List<String> columns,
      Double lambda,
      Invalid invalid,
      boolean emitLambda,
      String suffix) {
    this.family = family;
    this.op = op;
    this.lambdaSuffix = lambdaSuffix;
    this.columns = List.copyOf(columns);
    this.lambda = lambda;
    this.invalid = invalid;
    this.emitLambda = emitLambda;
    this.suffix = suffix;
  }

  /** λ estimated per series; {@code op} prefixes messages, {@code lambdaSuffix} names λ columns. */
  static PowerParams mle(Power.Family family, String op, String lambdaSuffix, String... columns) {
    return new PowerParams(
        family, op, lambdaSuffix, Arrays.asList(columns), null, Invalid.NULL, false, "");
  }

  /** A fixed, finite λ for every series. */
  static PowerParams fixed(
      Power.Family family, String op, String lambdaSuffix, double lambda, String... columns) {
    if (!Double.isFinite(lambda)) {
      throw new IllegalArgumentException(
          op + ": lambda must be a finite number. Got " + lambda + ".");
    }
    return new PowerParams(
        family, op, lambdaSuffix, Arrays.asList(columns), lambda, Invalid.NULL, false, "");
  }

  PowerParams withInvalid(Invalid i) {
    return new PowerParams(family, op, lambdaSuffix, columns, lambda, i, emitLambda, suffix);
  }

  PowerParams withEmitLambda() {
    return new PowerParams(family, op, lambdaSuffix, columns, lambda, invalid, true, suffix);
  }

  PowerParams withSuffix(String s) {
    return new PowerParams(
        family, op, lambdaSuffix, columns, lambda, invalid, emitLambda, s == null ? "" : s);
  }

  /** The {@code toString} body after {@code {type}{}: columns, λ, then {@code extra} settings. */
  String render(String typeName, String extra) {
    return typeName
        + "{columns="
        + columns
        + ", lambda="
        + (lambda == null ? "mle" : lambda)
        + extra
        + (emitLambda ? ", emit_lambda" : "")
        + (suffix.isEmpty() ? "" : ", suffix=" + suffix)
        + "}";
  }

  Invalid invalid() {
    return invalid;
  }

  Kernel plan(ChunkLayout input, PlanContext context) {
    List<String> cols = columns.isEmpty() ? OpColumns.valueColumns(input) : columns;
    int[] idx = OpColumns.resolve(op, input, cols, true);
    DoubleOutputs out =
        DoubleOutputs.plan(op, input, idx, suffix, emitLambda ? lambdaSuffix : null);
    return lambda == null
        ? new PowerKernel.Fitted(context.stepName(), out, idx, family, invalid, op)
        : new PowerKernel(context.stepName(), out, idx, family, lambda, invalid, op);
  }
}
