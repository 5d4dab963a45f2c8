package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code drop_duplicates} as {@code beam:schematransform:io.industryts:drop_duplicates:v1}; see
 * {@link OperationSchemaTransformProvider}.
 */
public final class DropDuplicatesSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code drop_duplicates} provider; the service loader's entry point. */
  public DropDuplicatesSchemaTransformProvider() {
    super("drop_duplicates");
  }
}
