package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code counter} as {@code beam:schematransform:io.industryts:counter:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class CounterSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code counter} provider; the service loader's entry point. */
  public CounterSchemaTransformProvider() {
    super("counter");
  }
}
