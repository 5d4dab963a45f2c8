package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code interpolate} as {@code beam:schematransform:io.industryts:interpolate:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class InterpolateSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code interpolate} provider; the service loader's entry point. */
  public InterpolateSchemaTransformProvider() {
    super("interpolate");
  }
}
