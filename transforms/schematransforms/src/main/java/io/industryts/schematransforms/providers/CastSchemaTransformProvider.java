package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code cast} as {@code beam:schematransform:io.industryts:cast:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class CastSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code cast} provider; the service loader's entry point. */
  public CastSchemaTransformProvider() {
    super("cast");
  }
}
