package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code filter_time} as {@code beam:schematransform:io.industryts:filter_time:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class FilterTimeSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code filter_time} provider; the service loader's entry point. */
  public FilterTimeSchemaTransformProvider() {
    super("filter_time");
  }
}
