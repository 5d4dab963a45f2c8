package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code regularize} as {@code beam:schematransform:io.industryts:regularize:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class RegularizeSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code regularize} provider; the service loader's entry point. */
  public RegularizeSchemaTransformProvider() {
    super("regularize");
  }
}
