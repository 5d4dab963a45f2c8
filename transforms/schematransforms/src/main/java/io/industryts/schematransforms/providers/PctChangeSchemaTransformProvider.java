package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code pct_change} as {@code beam:schematransform:io.industryts:pct_change:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class PctChangeSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code pct_change} provider; the service loader's entry point. */
  public PctChangeSchemaTransformProvider() {
    super("pct_change");
  }
}
