package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code scale} as {@code beam:schematransform:io.industryts:scale:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class ScaleSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code scale} provider; the service loader's entry point. */
  public ScaleSchemaTransformProvider() {
    super("scale");
  }
}
