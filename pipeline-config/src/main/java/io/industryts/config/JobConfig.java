package io.industryts.config;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.SeriesOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;

/**
 * A validated TOML job (SEMANTICS §1.1, §2.7): the {@code [pipeline]} settings, the ordered steps
 * built by their {@link OperationProvider}s, and the optional {@code [input]}, {@code
 * [inputs.<name>]} and {@code [output]} tables.
 *
 * <pre>{@code
 * JobConfig job = JobConfig.load(Path.of("plant.toml"));
 * PCollection<Row> out = rows.apply(IndustryPipeline.of(job));
 * job.steps().get(0).params().resolved();   // {name=..., method="forward", limit=none...}
 * }</pre>
 *
 * <p>Loading collects every problem of the file (syntax, unknown keys with a suggestion, wrong
 * types, bad values, missing keys, rules between keys, duplicate step names, unknown types,
 * construction errors of the operations) and throws them together as one {@link ConfigException},
 * each located {@code <file>:<line>:<col>}.
 */
public final class JobConfig {
  private final Path source;
  private final String pipelineName;
  private final SeriesOptions options;
  private final TimeSettings timeSettings;
  private final List<StepConfig> steps;
  private final InputConfig input;
  private final OutputConfig output;
  private final Map<String, InputConfig> extraInputs;

  JobConfig(
      Path source,
      String pipelineName,
      SeriesOptions options,
      TimeSettings timeSettings,
      List<StepConfig> steps,
      InputConfig input,
      OutputConfig output,
      Map<String, InputConfig> extraInputs) {
    this.source = source;
    this.pipelineName = pipelineName;
    this.options = options;
    this.timeSettings = timeSettings;
    this.steps = List.copyOf(steps);
    this.input = input;
    this.output = output;
    this.extraInputs =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraInputs));
  }

  /**
   * Loads {@code file} with the operations found by {@link OperationRegistry#load()}.
   *
   * @throws ConfigException with every problem of the file, or if it cannot be read
   */
  public static JobConfig load(Path file) {
    return load(file, OperationRegistry.load());
  }

  /** Loads {@code file} with the operations of {@code registry}. */
  public static JobConfig load(Path file, OperationRegistry registry) {
    return load(file, registry, Set.of());
  }

  /**
   * Loads {@code file}; {@code commandLineInputs} are input names registered outside the file
   * ({@code --input name=PATH}) that steps may refer to.
   */
  public static JobConfig load(
      Path file, OperationRegistry registry, Set<String> commandLineInputs) {
    String display = file.toString();
    String text;
    try {
      text = java.nio.file.Files.readString(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      text = null; // the parser reports where the bytes are not UTF-8
    } catch (IOException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(display, 1, 1, "", "cannot read the job file: " + e)));
    }
    try {
      if (text != null) {
        checkNesting(text, display);
      }
      return new TomlLoader(display, registry, commandLineInputs)
          .load(text != null ? parseGuarded(text, display) : Toml.parse(file), file);
    } catch (IOException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(display, 1, 1, "", "cannot read the job file: " + e)));
    }
  }

  private static void checkNesting(String text, String fileName) {
    TomlNesting.check(text, fileName)
        .ifPresent(
            p -> {
              throw new ConfigException(List.of(p));
            });
  }

  /** Parses {@code text}; a parser that still runs out of stack gives a config error. */
  private static org.tomlj.TomlParseResult parseGuarded(String text, String fileName) {
    try {
      return Toml.parse(text);
    } catch (StackOverflowError e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  fileName,
                  1,
                  1,
                  "",
                  "the file is nested too deeply to parse (arrays or inline tables within each other)."
                      + " Expected a flat value; check the brackets.")));
    }
  }

  /**
   * Parses TOML text; {@code fileName} is used in problem positions.
   *
   * @throws ConfigException with every problem of the text
   */
  public static JobConfig parse(String toml, String fileName, OperationRegistry registry) {
    return parse(toml, fileName, registry, Set.of());
  }

  /**
   * As {@link #parse(String, String, OperationRegistry)}, with second inputs supplied by the caller
   * as rows ({@code asof_join} {@code right = "<name>"}); these names count as registered.
   *
   * @throws ConfigException with every problem of the text
   */
  public static JobConfig parse(
      String toml, String fileName, OperationRegistry registry, Set<String> inputNames) {
    checkNesting(toml, fileName);
    return new TomlLoader(fileName, registry, inputNames).load(parseGuarded(toml, fileName), null);
  }

  /** The file this config was loaded from, if any. */
  public Optional<Path> source() {
    return Optional.ofNullable(source);
  }

  /** {@code [pipeline] name}, default {@code "pipeline"}. */
  public String pipelineName() {
    return pipelineName;
  }

  /** Time column (or auto), key columns, time zone and sequence column. */
  public SeriesOptions seriesOptions() {
    return options;
  }

  /** time_format, epoch_unit, ambiguous, nonexistent and nan_as_null. */
  public TimeSettings timeSettings() {
    return timeSettings;
  }

  /** The validated steps in file order, with names, ids, resolved parameters and operations. */
  public List<StepConfig> steps() {
    return steps;
  }

  /** The engine steps in file order. */
  public List<Engine.Step> engineSteps() {
    return steps.stream().map(StepConfig::step).toList();
  }

  /** {@code [input]}, if present (the launcher's {@code --input} may supply it instead). */
  public Optional<InputConfig> input() {
    return Optional.ofNullable(input);
  }

  /** {@code [output]}, if present. */
  public Optional<OutputConfig> output() {
    return Optional.ofNullable(output);
  }

  /** {@code [inputs.<name>]} tables by name, in file order. */
  public Map<String, InputConfig> extraInputs() {
    return extraInputs;
  }

  /** The keys of {@code [pipeline]}, as data for docs. */
  public static List<ParamSpec> pipelineKeys() {
    return TomlLoader.PIPELINE_KEYS;
  }

  /** The keys of {@code [input]} and {@code [inputs.<name>]}. */
  public static List<ParamSpec> inputKeys() {
    return TomlLoader.INPUT_KEYS;
  }

  /** The keys of {@code [output]}. */
  public static List<ParamSpec> outputKeys() {
    return TomlLoader.OUTPUT_KEYS;
  }

  @Override
  public String toString() {
    return "JobConfig{" + pipelineName + ", " + options + ", steps=" + steps + "}";
  }
}
