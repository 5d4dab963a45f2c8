package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code rolling} as {@code beam:schematransform:io.industryts:rolling:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class RollingSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code rolling} provider; the service loader's entry point. */
  public RollingSchemaTransformProvider() {
    super("rolling");
  }
}
