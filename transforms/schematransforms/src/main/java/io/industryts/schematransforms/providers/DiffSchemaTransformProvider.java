package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code diff} as {@code beam:schematransform:io.industryts:diff:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class DiffSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code diff} provider; the service loader's entry point. */
  public DiffSchemaTransformProvider() {
    super("diff");
  }
}
