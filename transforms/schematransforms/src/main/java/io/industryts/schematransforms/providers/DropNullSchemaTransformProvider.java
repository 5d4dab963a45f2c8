package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code drop_null} as {@code beam:schematransform:io.industryts:drop_null:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class DropNullSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code drop_null} provider; the service loader's entry point. */
  public DropNullSchemaTransformProvider() {
    super("drop_null");
  }
}
