package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code state_intervals} as {@code beam:schematransform:io.industryts:state_intervals:v1}; see
 * {@link OperationSchemaTransformProvider}.
 */
public final class StateIntervalsSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code state_intervals} provider; the service loader's entry point. */
  public StateIntervalsSchemaTransformProvider() {
    super("state_intervals");
  }
}
