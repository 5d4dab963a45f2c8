package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code normalize} as {@code beam:schematransform:io.industryts:normalize:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class NormalizeSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code normalize} provider; the service loader's entry point. */
  public NormalizeSchemaTransformProvider() {
    super("normalize");
  }
}
