package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code select} as {@code beam:schematransform:io.industryts:select:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class SelectSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code select} provider; the service loader's entry point. */
  public SelectSchemaTransformProvider() {
    super("select");
  }
}
