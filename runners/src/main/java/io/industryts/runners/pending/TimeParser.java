package io.industryts.runners.pending;

import java.time.ZoneId;

/** Stand-in for {@code io.industryts.time.TimeParser}. */
public final class TimeParser {
  /** Unit of numeric times. */
  public enum EpochUnit { AUTO, S, MS }

  /** Zone-less time in a DST overlap. */
  public enum Ambiguous { EARLIEST, LATEST, ERROR }

  /** Zone-less time in a DST gap. */
  public enum Nonexistent { SHIFT_FORWARD, ERROR }

  private TimeParser() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TimeParser}. */
  public static final class Builder {
    public Builder zone(ZoneId zone) {
      return this;
    }

    public Builder format(String pattern) {
      return this;
    }

    public Builder epochUnit(EpochUnit unit) {
      return this;
    }

    public Builder ambiguous(Ambiguous policy) {
      return this;
    }

    public Builder nonexistent(Nonexistent policy) {
      return this;
    }

    public TimeParser build() {
      return new TimeParser();
    }
  }
}
