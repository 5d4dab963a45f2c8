package io.industryts.runners.pending;

import java.util.List;

/** Stand-in for {@code io.industryts.config.OutputConfig}. */
public final class OutputConfig {
  public List<String> paths() {
    return List.of();
  }

  public String errors() {
    return null;
  }

  public String timeFormat() {
    return null;
  }

  public String delimiter() {
    return null;
  }
}
