package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code resample} as {@code beam:schematransform:io.industryts:resample:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class ResampleSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code resample} provider; the service loader's entry point. */
  public ResampleSchemaTransformProvider() {
    super("resample");
  }
}
