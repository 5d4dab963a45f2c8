package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code lead} as {@code beam:schematransform:io.industryts:lead:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class LeadSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code lead} provider; the service loader's entry point. */
  public LeadSchemaTransformProvider() {
    super("lead");
  }
}
