package io.industryts.schematransforms.providers;

import io.industryts.schematransforms.OperationSchemaTransformProvider;

/**
 * {@code group_by_time} as {@code beam:schematransform:io.industryts:group_by_time:v1}; see {@link
 * OperationSchemaTransformProvider}.
 */
public final class GroupByTimeSchemaTransformProvider extends OperationSchemaTransformProvider {
  /** The {@code group_by_time} provider; the service loader's entry point. */
  public GroupByTimeSchemaTransformProvider() {
    super("group_by_time");
  }
}
