package io.industryts.config;

import io.industryts.engine.spi.SeriesOptions;
import java.util.List;
import java.util.Set;

/**
 * What a provider may need besides the step's own keys: its position in the file, its name, the
 * pipeline's series options and the names of registered inputs (for operations that read a second
 * input, SEMANTICS §2.7).
 */
public final class StepContext {
  private final int index;
  private final String stepName;
  private final SeriesOptions options;
  private final Set<String> inputNames;

  /**
   * A context for the step at {@code index}.
   *
   * @param index 1-based position of the step in {@code [[operations]]}
   * @param stepName the step's name: its {@code name} key, or {@code <index>_<type>}
   * @param options the pipeline's series options (time and key columns, time zone)
   * @param inputNames the registered input names, {@code main} included
   */
  public StepContext(int index, String stepName, SeriesOptions options, Set<String> inputNames) {
    this.index = index;
    this.stepName = stepName;
    this.options = options;
    this.inputNames = Set.copyOf(inputNames);
  }

  /** A context for building a step outside a file (tests, Java callers). */
  public static StepContext of(String stepName) {
    return new StepContext(1, stepName, SeriesOptions.defaults(), Set.of());
  }

  /** 1-based position of the step in {@code [[operations]]}. */
  public int index() {
    return index;
  }

  /** The step's name: its {@code name} key, or {@code <index>_<type>}; names the Beam step. */
  public String stepName() {
    return stepName;
  }

  /** The pipeline's series options: time column, key columns, time zone, sequence column. */
  public SeriesOptions options() {
    return options;
  }

  /** Registered input names ({@code main} plus {@code [inputs.<name>]}), sorted. */
  public List<String> inputNames() {
    return inputNames.stream().sorted().toList();
  }
}
