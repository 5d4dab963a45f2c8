package io.industryts.runners.pending;

import io.industryts.engine.Engine;

/** Stand-in for {@code io.industryts.config.StepConfig}. */
public final class StepConfig {
  public int index() {
    throw Pending.notYet("StepConfig");
  }

  public String name() {
    throw Pending.notYet("StepConfig");
  }

  public String type() {
    throw Pending.notYet("StepConfig");
  }

  public String id() {
    throw Pending.notYet("StepConfig");
  }

  public ValidatedParams params() {
    throw Pending.notYet("StepConfig");
  }

  public Engine.Step step() {
    throw Pending.notYet("StepConfig");
  }
}
