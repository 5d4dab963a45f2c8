package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code box_cox} as {@code beam:schematransform:io.industryts:box_cox:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class BoxCoxSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code box_cox} provider; the service loader's entry point. */
  public BoxCoxSchemaTransformProvider() {
    super("box_cox");
  }
}
