/**
 * The operations of SEMANTICS §2: one public class per operation, each a Beam {@code PTransform}
 * over {@code PCollection<Row>} with a kernel on the chunk engine.
 */
package io.industryts.ops;
