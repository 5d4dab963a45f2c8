package io.industryts.runners.pending;

/** Stand-in for {@code io.industryts.config.TimeSettings}. */
public final class TimeSettings {
  /** Unit of numeric times. */
  public enum EpochUnit { AUTO, S, MS }

  /** Zone-less time in a DST overlap. */
  public enum Ambiguous { EARLIEST, LATEST, ERROR }

  /** Zone-less time in a DST gap. */
  public enum Nonexistent { SHIFT_FORWARD, ERROR }

  public static TimeSettings defaults() {
    return new TimeSettings();
  }

  public String timeFormat() {
    return null;
  }

  public EpochUnit epochUnit() {
    return EpochUnit.AUTO;
  }

  public Ambiguous ambiguous() {
    return Ambiguous.EARLIEST;
  }

  public Nonexistent nonexistent() {
    return Nonexistent.SHIFT_FORWARD;
  }

  public boolean nanAsNull() {
    return true;
  }
}
