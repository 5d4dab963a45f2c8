package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code rename} as {@code beam:schematransform:io.industryts:rename:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class RenameSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code rename} provider; the service loader's entry point. */
  public RenameSchemaTransformProvider() {
    super("rename");
  }
}
