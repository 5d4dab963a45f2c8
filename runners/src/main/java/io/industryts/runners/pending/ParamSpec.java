package io.industryts.runners.pending;

import java.util.List;

/** Stand-in for {@code io.industryts.config.ParamSpec}. */
public final class ParamSpec {
  public String key() {
    throw Pending.notYet("ParamSpec");
  }

  public ParamType type() {
    throw Pending.notYet("ParamSpec");
  }

  public boolean isRequired() {
    throw Pending.notYet("ParamSpec");
  }

  public String defaultDisplay() {
    throw Pending.notYet("ParamSpec");
  }

  public List<String> allowedValues() {
    throw Pending.notYet("ParamSpec");
  }

  public Double minimum() {
    throw Pending.notYet("ParamSpec");
  }

  public boolean isMinimumExclusive() {
    throw Pending.notYet("ParamSpec");
  }

  public String doc() {
    throw Pending.notYet("ParamSpec");
  }
}
