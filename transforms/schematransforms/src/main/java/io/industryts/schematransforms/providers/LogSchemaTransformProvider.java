package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code log} as {@code beam:schematransform:io.industryts:log:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class LogSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code log} provider; the service loader's entry point. */
  public LogSchemaTransformProvider() {
    super("log");
  }
}
