package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code ewm} as {@code beam:schematransform:io.industryts:ewm:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class EwmSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code ewm} provider; the service loader's entry point. */
  public EwmSchemaTransformProvider() {
    super("ewm");
  }
}
