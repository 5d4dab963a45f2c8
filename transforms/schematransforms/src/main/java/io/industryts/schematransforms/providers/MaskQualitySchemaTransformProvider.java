package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code mask_quality} as {@code beam:schematransform:io.industryts:mask_quality:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class MaskQualitySchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code mask_quality} provider; the service loader's entry point. */
  public MaskQualitySchemaTransformProvider() {
    super("mask_quality");
  }
}
