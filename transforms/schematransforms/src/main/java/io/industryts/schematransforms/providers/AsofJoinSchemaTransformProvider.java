package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code asof_join} as {@code beam:schematransform:io.industryts:asof_join:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class AsofJoinSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code asof_join} provider; the service loader's entry point. */
  public AsofJoinSchemaTransformProvider() {
    super("asof_join");
  }
}
