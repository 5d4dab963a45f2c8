package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code lag} as {@code beam:schematransform:io.industryts:lag:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class LagSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code lag} provider; the service loader's entry point. */
  public LagSchemaTransformProvider() {
    super("lag");
  }
}
