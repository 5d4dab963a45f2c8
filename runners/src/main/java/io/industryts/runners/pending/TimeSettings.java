package io.industryts.runners.pending;

/** Stand-in for {@code io.industryts.config.TimeSettings}. */
public final class TimeSettings {
  public static TimeSettings defaults() {
    return new TimeSettings();
  }

  @Override
  public String toString() {
    return "TimeSettings{format=built-in}";
  }
}
