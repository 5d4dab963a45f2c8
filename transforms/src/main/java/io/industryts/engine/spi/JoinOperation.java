package io.industryts.engine.spi;

import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * An operation that reads a second, named input besides the main one ({@code asof_join}, SEMANTICS
 * §2.2.4, §2.7). The engine plans it with the named input's schema ({@link
 * PlanContext#input(String)}) and feeds it that input's rows; a launcher reads the input from its
 * file, a Java caller binds a {@code PCollection<Row>} (directly in the operation, or by name on a
 * {@link io.industryts.TimeSeriesPipeline}).
 */
public interface JoinOperation extends Operation {

  /** The name of the second input this operation reads. */
  String rightInput();

  /** The right input's time column when set explicitly; empty for auto-detection (§1.2). */
  Optional<String> rightTimeColumn();

  /**
   * Inputs bound in Java, by name ({@link #rightInput()} → rows); empty when the input is only
   * named and must be supplied by the runner or the enclosing pipeline.
   */
  Map<String, PCollection<Row>> boundInputs();
}
