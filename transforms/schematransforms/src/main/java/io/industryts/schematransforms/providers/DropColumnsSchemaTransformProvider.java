package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code drop_columns} as {@code beam:schematransform:io.industryts:drop_columns:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class DropColumnsSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code drop_columns} provider; the service loader's entry point. */
  public DropColumnsSchemaTransformProvider() {
    super("drop_columns");
  }
}
