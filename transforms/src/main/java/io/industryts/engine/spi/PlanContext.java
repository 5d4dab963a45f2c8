package io.industryts.engine.spi;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.schemas.Schema;

/** What an operation knows when it plans its kernel: its step name and the series options. */
public final class PlanContext implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String stepName;
  private final SeriesOptions options;
  private final Map<String, Schema> inputs;

  public PlanContext(String stepName, SeriesOptions options) {
    this(stepName, options, Map.of());
  }

  /**
   * A context that also knows the schemas of the named second inputs (as read, SEMANTICS §2.7), for
   * operations that read one ({@code asof_join}).
   */
  public PlanContext(String stepName, SeriesOptions options, Map<String, Schema> inputs) {
    this.stepName = stepName;
    this.options = options;
    this.inputs = Map.copyOf(inputs);
  }

  /** Step name for counters and messages (SEMANTICS §1.1 {@code name}). */
  public String stepName() {
    return stepName;
  }

  /** The series options the step runs under (resolved time column, keys, zone). */
  public SeriesOptions options() {
    return options;
  }

  /** The schema of the named input {@code name}, if one is registered. */
  public Optional<Schema> input(String name) {
    return Optional.ofNullable(inputs.get(name));
  }

  /** The registered named inputs, sorted. */
  public Set<String> inputNames() {
    return new TreeSet<>(inputs.keySet());
  }

  /** The zone for zone-less times, calendar features and {@code start_day} (§1.3). */
  public ZoneId timeZone() {
    return options.timeZone();
  }
}
