package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code downsample_lttb} as {@code beam:schematransform:io.industryts:downsample_lttb:v1}; see
 * {@link OperationSchemaTransformProvider}.
 */
public final class DownsampleLttbSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code downsample_lttb} provider; the service loader's entry point. */
  public DownsampleLttbSchemaTransformProvider() {
    super("downsample_lttb");
  }
}
