/**
 * One {@link org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider} per industryts
 * operation type, each a registration of {@link
 * io.industryts.schematransforms.OperationSchemaTransformProvider} for its type (Java's service
 * loader needs one class per identifier). A new operation type needs its class here and a line in
 * {@code META-INF/services/org.apache.beam.sdk.schemas.transforms.SchemaTransformProvider}; {@code
 * SchemaTransformProvidersTest} fails until both exist.
 */
package io.industryts.schematransforms.providers;
