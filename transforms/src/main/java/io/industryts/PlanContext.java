package io.industryts;

import java.io.Serializable;
import java.time.ZoneId;

/** What an operation knows when it plans its kernel: its step name and the series options. */
public final class PlanContext implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String stepName;
  private final SeriesOptions options;

  public PlanContext(String stepName, SeriesOptions options) {
    this.stepName = stepName;
    this.options = options;
  }

  /** Step name for counters and messages (SEMANTICS §1.1 {@code name}). */
  public String stepName() {
    return stepName;
  }

  public SeriesOptions options() {
    return options;
  }

  public ZoneId timeZone() {
    return options.timeZone();
  }
}
