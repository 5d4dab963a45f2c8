package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code datetime_features} as {@code beam:schematransform:io.industryts:datetime_features:v1}; see
 * {@link OperationSchemaTransformProvider}.
 */
public final class DatetimeFeaturesSchemaTransformProvider
    extends OperationSchemaTransformProvider {
  /** The {@code datetime_features} provider; the service loader's entry point. */
  public DatetimeFeaturesSchemaTransformProvider() {
    super("datetime_features");
  }
}
