package io.industryts.config;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.Operation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One validated {@code [[operations]]} table: its position, step name, operation description,
 * parameters (with defaults, for {@code explain}) and the operation built by its provider.
 */
public final class StepConfig {
  private final int index;
  private final String name;
  private final ValidatedParams params;
  private final Operation operation;
  private final int line;
  private final int column;

  StepConfig(
      int index, String name, ValidatedParams params, Operation operation, int line, int column) {
    this.index = index;
    this.name = name;
    this.params = params;
    this.operation = operation;
    this.line = line;
    this.column = column;
  }

  /** 1-based position in {@code [[operations]]}. */
  public int index() {
    return index;
  }

  /** The step name: {@code name}, or {@code <index>_<type>}. */
  public String name() {
    return name;
  }

  /** The operation type, the table's {@code type} key ({@code lag}, {@code resample}, ...). */
  public String type() {
    return params.description().type();
  }

  /** The operation's versioned id ({@code industryts:lag:v1}). */
  public String id() {
    return params.description().id();
  }

  /** The table's keys after validation, with defaults available. */
  public ValidatedParams params() {
    return params;
  }

  /**
   * Every key with its value for {@code explain}: explicit values, defaults, and the step's actual
   * name, as TOML literals or default descriptions ({@code columns = value columns}).
   */
  public Map<String, String> resolved() {
    Map<String, String> out = new LinkedHashMap<>(params.resolved());
    out.put("name", TomlLiterals.render(name));
    return Collections.unmodifiableMap(out);
  }

  /** The operation the provider built from the table's keys. */
  public Operation operation() {
    return operation;
  }

  /** The engine step: name and operation. */
  public Engine.Step step() {
    return new Engine.Step(name, operation);
  }

  /** Line of the table's {@code [[operations]]} header. */
  public int line() {
    return line;
  }

  /** Column of the table's {@code [[operations]]} header. */
  public int column() {
    return column;
  }

  @Override
  public String toString() {
    return name + " = " + id() + " " + resolved();
  }
}
