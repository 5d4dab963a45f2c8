package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code yeo_johnson} as {@code beam:schematransform:io.industryts:yeo_johnson:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class YeoJohnsonSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code yeo_johnson} provider; the service loader's entry point. */
  public YeoJohnsonSchemaTransformProvider() {
    super("yeo_johnson");
  }
}
