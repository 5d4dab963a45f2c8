package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code cumulative} as {@code beam:schematransform:io.industryts:cumulative:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class CumulativeSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code cumulative} provider; the service loader's entry point. */
  public CumulativeSchemaTransformProvider() {
    super("cumulative");
  }
}
