package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code fill_null} as {@code beam:schematransform:io.industryts:fill_null:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class FillNullSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code fill_null} provider; the service loader's entry point. */
  public FillNullSchemaTransformProvider() {
    super("fill_null");
  }
}
