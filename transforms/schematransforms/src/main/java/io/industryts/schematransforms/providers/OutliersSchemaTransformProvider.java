package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code outliers} as {@code beam:schematransform:io.industryts:outliers:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class OutliersSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code outliers} provider; the service loader's entry point. */
  public OutliersSchemaTransformProvider() {
    super("outliers");
  }
}
