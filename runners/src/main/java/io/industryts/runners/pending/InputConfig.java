package io.industryts.runners.pending;

import java.util.Map;

/** Stand-in for {@code io.industryts.config.InputConfig}. */
public final class InputConfig {
  public static final String MAIN = "main";
  private final String name;
  private final String path;

  InputConfig(String name, String path) {
    this.name = name;
    this.path = path;
  }

  public String name() {
    return name;
  }

  public String path() {
    return path;
  }

  public String format() {
    return null;
  }

  public String delimiter() {
    return null;
  }

  public Map<String, String> types() {
    return Map.of();
  }
}
