package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code snap_time} as {@code beam:schematransform:io.industryts:snap_time:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class SnapTimeSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code snap_time} provider; the service loader's entry point. */
  public SnapTimeSchemaTransformProvider() {
    super("snap_time");
  }
}
