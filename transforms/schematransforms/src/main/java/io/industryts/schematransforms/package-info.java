/**
 * The operations for Beam YAML and Beam Python: every operation type as a Beam {@code
 * SchemaTransformProvider} ({@link
 * io.industryts.schematransforms.OperationSchemaTransformProvider}, identifiers {@code
 * beam:schematransform:io.industryts:<type>:v1}) whose configuration schema comes from the TOML
 * loader's operation descriptions, and {@link io.industryts.schematransforms.ExpansionServiceMain},
 * which serves them through Beam's expansion service. See docs/beam-yaml.md.
 */
package io.industryts.schematransforms;
