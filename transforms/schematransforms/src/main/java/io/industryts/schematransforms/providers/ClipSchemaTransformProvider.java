package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code clip} as {@code beam:schematransform:io.industryts:clip:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class ClipSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code clip} provider; the service loader's entry point. */
  public ClipSchemaTransformProvider() {
    super("clip");
  }
}
