package io.industryts;

import io.industryts.engine.Engine;
import io.industryts.engine.spi.Operation;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.time.TimeParser;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chain of operations run as one fused engine job: the Java equivalent of a TOML pipeline file.
 * Consecutive operations share chunks and segments; no Row is materialized between them, and the
 * whole chain costs one shuffle (plus one per re-gridding that needs it).
 *
 * <pre>{@code
 * PCollection<Row> features = sensors.apply(
 *     TimeSeriesPipeline.named("plant_a")
 *         .keyedBy("tag")
 *         .then(DropDuplicates.keepFirst())
 *         .then(FillNull.forward())
 *         .then(Resample.every(Duration.standardMinutes(1)).aggregate(Agg.MEAN))
 *         .then(Lag.rows(1, 2, 3).of("temp")));
 * }</pre>
 *
 * <p>Steps are named {@code <index>_<type>} (from 1) unless named with {@link #then(String,
 * Operation)}; names appear in counters ({@code industryts:<step>.rows_dropped}) and error records.
 * Series options set on the pipeline (time column, keys, zone) apply to every step. An operation
 * that sets its own keys ({@code .keyedBy}) or time column ({@code .withTimeColumn}) inside a
 * pipeline must agree with the pipeline's: equal, or set where the pipeline sets none (the pipeline
 * then uses them for every step); anything else fails at construction with a message naming the
 * step and the fix. The zone and NaN rule of an operation are the pipeline's.
 *
 * <p>Output schema: each step's, in turn. The time field leaves the pipeline as DATETIME (Joda
 * instants, ms) whatever its input type: INT64 or DOUBLE epoch numbers, STRING times and the
 * logical timestamp types are converted in place by the first step (SEMANTICS §1.3), so a field
 * that came in as INT64 or STRING comes out as DATETIME.
 *
 * <p>Immutable: every method returns a copy.
 */
public final class TimeSeriesPipeline extends PTransform<PCollection<Row>, PCollection<Row>> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesPipeline.class);

  private final String pipelineName;
  private final SeriesOptions options;
  private final List<Engine.Step> steps;
  private final TimeParser timeParser;

  /** Named second inputs for join steps (asof_join with right = name). */
  private final transient Map<String, PCollection<Row>> inputs;

  /** Whether construction messages name TOML keys rather than Java methods. */
  private final boolean tomlNames;

  private TimeSeriesPipeline(
      String name, SeriesOptions options, List<Engine.Step> steps, TimeParser timeParser) {
    this(name, options, steps, timeParser, Map.of());
  }

  private TimeSeriesPipeline(
      String name,
      SeriesOptions options,
      List<Engine.Step> steps,
      TimeParser timeParser,
      Map<String, PCollection<Row>> inputs) {
    this(name, options, steps, timeParser, inputs, false);
  }

  private TimeSeriesPipeline(
      String name,
      SeriesOptions options,
      List<Engine.Step> steps,
      TimeParser timeParser,
      Map<String, PCollection<Row>> inputs,
      boolean tomlNames) {
    super(name);
    this.tomlNames = tomlNames;
    this.pipelineName = name;
    this.options = options;
    this.steps = List.copyOf(steps);
    this.timeParser = timeParser;
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  /**
   * An empty pipeline called {@code name} (SEMANTICS §1.1 {@code [pipeline].name}), the entry point
   * of the Java API:
   *
   * <pre>{@code
   * sensors.apply(TimeSeriesPipeline.named("plant_a").keyedBy("tag")
   *     .then(FillNull.forward())
   *     .then(Lag.rows(1).of("temp")));
   * }</pre>
   */
  public static TimeSeriesPipeline named(String name) {
    return new TimeSeriesPipeline(name, SeriesOptions.defaults(), List.of(), null);
  }

  /** An empty pipeline with the given series options. */
  public static TimeSeriesPipeline of(String name, SeriesOptions options) {
    return new TimeSeriesPipeline(name, options, List.of(), null);
  }

  /** A copy that uses {@code column} as the time column (§1.2). */
  public TimeSeriesPipeline withTimeColumn(String column) {
    return new TimeSeriesPipeline(
        pipelineName, options.withTimeColumn(column), steps, timeParser, inputs, tomlNames);
  }

  /**
   * A copy keyed by {@code keyColumns} (§1.4): every step works per series and never combines rows
   * of different series. With no columns, the input is declared one series.
   */
  public TimeSeriesPipeline keyedBy(String... keyColumns) {
    return new TimeSeriesPipeline(
        pipelineName,
        options.withKeyColumns(Arrays.asList(keyColumns)),
        steps,
        timeParser,
        inputs,
        tomlNames);
  }

  /** A copy reading zone-less times in {@code zone} (§1.3). */
  public TimeSeriesPipeline withTimeZone(ZoneId zone) {
    return new TimeSeriesPipeline(
        pipelineName, options.withTimeZone(zone), steps, timeParser, inputs, tomlNames);
  }

  /** A copy that keeps NaN cells of the input as present values when {@code false} (§1.10). */
  public TimeSeriesPipeline withNanAsNull(boolean nanAsNull) {
    return new TimeSeriesPipeline(
        pipelineName, options.withNanAsNull(nanAsNull), steps, timeParser, inputs, tomlNames);
  }

  /**
   * A copy that, on unbounded input in the global window, accepts rows up to {@code lateness}
   * behind the watermark (default 0); later rows go to the errors output with reason {@code
   * late_row} (docs/streaming.md). For example {@code
   * TimeSeriesPipeline.named("plant").withAllowedLateness(Duration.standardMinutes(1))}.
   */
  public TimeSeriesPipeline withAllowedLateness(org.joda.time.Duration lateness) {
    return new TimeSeriesPipeline(
        pipelineName, options.withAllowedLateness(lateness), steps, timeParser, inputs, tomlNames);
  }

  /** A copy with {@code operation} appended, named {@code <index>_<type>}. */
  public TimeSeriesPipeline then(Operation operation) {
    return then((steps.size() + 1) + "_" + operation.typeName(), operation);
  }

  /**
   * A copy with {@code operation} appended under {@code stepName}.
   *
   * @throws IllegalArgumentException if another step already has that name
   */
  public TimeSeriesPipeline then(String stepName, Operation operation) {
    Set<String> names = new HashSet<>();
    for (Engine.Step s : steps) {
      names.add(s.name());
    }
    if (names.contains(stepName)) {
      throw new IllegalArgumentException(
          "TimeSeriesPipeline: step name \""
              + stepName
              + "\" is used twice. Step names must be unique; pass another name to then(name, op).");
    }
    List<Engine.Step> next = new ArrayList<>(steps);
    next.add(new Engine.Step(stepName, operation));
    return new TimeSeriesPipeline(pipelineName, options, next, timeParser, inputs, tomlNames);
  }

  /**
   * A copy that reads string and number times of the input with {@code parser} (formats, epoch
   * unit, DST rules of SEMANTICS §1.3); by default the built-in formats in the pipeline's zone.
   */
  public TimeSeriesPipeline withTimeParser(TimeParser parser) {
    return new TimeSeriesPipeline(pipelineName, options, steps, parser, inputs, tomlNames);
  }

  /**
   * A copy that supplies the named second input {@code name} (rows with a schema) to the join steps
   * that read it, e.g. {@code AsofJoin.withInput("weather")} or a TOML step with {@code right =
   * "weather"}. Rows get the pipeline's time parsing.
   */
  public TimeSeriesPipeline withInput(String name, PCollection<Row> rows) {
    Map<String, PCollection<Row>> next = new LinkedHashMap<>(inputs);
    next.put(name, rows);
    return new TimeSeriesPipeline(pipelineName, options, steps, timeParser, next, tomlNames);
  }

  /** As {@link #withInput(String, PCollection)} for every entry of {@code named}. */
  public TimeSeriesPipeline withInputs(Map<String, PCollection<Row>> named) {
    Map<String, PCollection<Row>> next = new LinkedHashMap<>(inputs);
    next.putAll(named);
    return new TimeSeriesPipeline(pipelineName, options, steps, timeParser, next, tomlNames);
  }

  /** The named second inputs supplied with {@link #withInput}. */
  public Map<String, PCollection<Row>> inputs() {
    return inputs;
  }

  /**
   * A copy whose construction errors name the TOML keys that fix them ({@code
   * [pipeline].time_column}, {@code [pipeline].key_columns}) instead of the Java methods; used for
   * pipelines built from a TOML file.
   */
  public TimeSeriesPipeline namingTomlKeys() {
    return new TimeSeriesPipeline(pipelineName, options, steps, timeParser, inputs, true);
  }

  private TimeParser timeParser() {
    return timeParser != null ? timeParser : TimeParser.builder().zone(options.timeZone()).build();
  }

  /** The series options set on the pipeline itself (before steps' own settings are merged). */
  public SeriesOptions options() {
    return options;
  }

  /** The steps, in order. */
  public List<Engine.Step> steps() {
    return steps;
  }

  /** Runs the chain; the first bad row fails the pipeline. See {@link #expandWithErrors}. */
  @Override
  public PCollection<Row> expand(PCollection<Row> input) {
    Engine.RowsResult r = expandWithErrors(input);
    Engine.failOnErrors("FailOnBadRows", r.errors());
    return r.rows();
  }

  /** Runs the chain and returns the errors output (SEMANTICS §1.13) instead of failing. */
  public Engine.RowsResult expandWithErrors(PCollection<Row> input) {
    SeriesOptions effective = effectiveOptions();
    if (input.hasSchema()) {
      SeriesChecks.check("TimeSeriesPipeline", input.getSchema(), effective, tomlNames);
      if (!tomlNames) {
        SeriesChecks.unkeyedWarning("TimeSeriesPipeline", input.getSchema(), effective, false)
            .ifPresent(LOG::warn);
      }
    }
    return Engine.runOnRowsWithErrors(input, effective, steps, timeParser(), inputs);
  }

  /**
   * The pipeline's options with the keys and time column that steps set themselves: a step's own
   * setting must equal the pipeline's, or fill one the pipeline leaves open (then all steps that
   * set it must agree).
   *
   * @throws IllegalArgumentException naming the step, both settings and the fix
   */
  SeriesOptions effectiveOptions() {
    SeriesOptions effective = options;
    String keysStep = null;
    String timeStep = null;
    for (Engine.Step step : steps) {
      if (!(step.operation() instanceof TimeSeriesTransform)) {
        continue;
      }
      SeriesOptions own = ((TimeSeriesTransform<?>) step.operation()).options();
      List<String> keys = own.keyColumns();
      if (!keys.isEmpty() && !keys.equals(effective.keyColumns())) {
        if (options.keysDeclared() || keysStep != null) {
          String other =
              keysStep == null
                  ? "the pipeline is keyed by " + effective.keyColumns()
                  : "step \"" + keysStep + "\" is keyed by " + effective.keyColumns();
          throw new IllegalArgumentException(
              "TimeSeriesPipeline: step \""
                  + step.name()
                  + "\" ("
                  + step.operation().typeName()
                  + ") is keyed by "
                  + keys
                  + ", but "
                  + other
                  + ". All steps of a pipeline run on the same series: key the pipeline with"
                  + " TimeSeriesPipeline.keyedBy(...) and remove .keyedBy(...) from the operations.");
        }
        effective = effective.withKeyColumns(keys);
        keysStep = step.name();
      }
      String time = own.timeColumn();
      if (time != null && !time.equals(effective.timeColumn())) {
        if (effective.timeColumn() != null) {
          String other =
              timeStep == null
                  ? "the pipeline's is \"" + effective.timeColumn() + "\""
                  : "step \"" + timeStep + "\" uses \"" + effective.timeColumn() + "\"";
          throw new IllegalArgumentException(
              "TimeSeriesPipeline: step \""
                  + step.name()
                  + "\" ("
                  + step.operation().typeName()
                  + ") sets time column \""
                  + time
                  + "\", but "
                  + other
                  + ". A pipeline has one time column: set it with"
                  + " TimeSeriesPipeline.withTimeColumn(...) and remove .withTimeColumn(...) from the"
                  + " operations.");
        }
        effective = effective.withTimeColumn(time);
        timeStep = step.name();
      }
    }
    return effective;
  }

  /**
   * The pipeline's name, the series options it sets, and under the path {@code steps} one item per
   * step: its name with the operation's rendering, which comes from the operation's parameters
   * ({@code 2_fill_null -> fill_null{method=forward, columns=[temp], limit=3}}).
   */
  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("name", pipelineName).withLabel("Pipeline name"));
    builder.addIfNotNull(
        DisplayData.item("time_column", options.timeColumn()).withLabel("Time column"));
    if (!options.keyColumns().isEmpty()) {
      builder.add(
          DisplayData.item("key_columns", options.keyColumns().toString())
              .withLabel("Key columns"));
    }
    builder.add(DisplayData.item("time_zone", options.timeZone().getId()).withLabel("Time zone"));
    builder.include(
        "steps",
        steps -> {
          for (Engine.Step s : this.steps) {
            steps.add(DisplayData.item(s.name(), String.valueOf(s.operation())).withLabel("Step"));
          }
        });
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("TimeSeriesPipeline{name=" + pipelineName + ", " + options);
    for (Engine.Step s : steps) {
      sb.append(", ").append(s.name()).append('=').append(s.operation());
    }
    return sb.append('}').toString();
  }
}
