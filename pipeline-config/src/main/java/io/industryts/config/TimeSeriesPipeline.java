package io.industryts.config;

import io.industryts.Operation;
import io.industryts.SeriesOptions;
import io.industryts.engine.Engine;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * A chain of operations applied as one composite {@code PTransform}: the engine fuses consecutive
 * kernels and never materializes Rows between steps (ARCHITECTURE §2). The Java face of a TOML job;
 * {@link IndustryPipeline#fromToml} returns the same class.
 *
 * <pre>{@code
 * PCollection<Row> out = rows.apply(TimeSeriesPipeline.create()
 *     .keyedBy("tag")
 *     .then(FillNull.forward().withMaxGap(Duration.standardMinutes(10)))
 *     .then("hourly", Resample.every(Duration.standardHours(1)).aggregate(Agg.MEAN))
 *     .then(Lag.rows(1, 2, 3).of("temp")));
 * }</pre>
 *
 * <p>Steps without a name are named {@code <index>_<type>} (index from 1), as in TOML. The series
 * options of the pipeline apply to every step (an operation's own {@code keyedBy} etc. are ignored
 * inside a pipeline). Immutable: {@code then} and {@code with*} return copies.
 */
public final class TimeSeriesPipeline extends PTransform<PCollection<Row>, PCollection<Row>> {
  private static final long serialVersionUID = 1L;

  private final SeriesOptions options;
  private final List<Engine.Step> steps;

  private TimeSeriesPipeline(String name, SeriesOptions options, List<Engine.Step> steps) {
    super(name);
    this.options = options;
    this.steps = List.copyOf(steps);
  }

  /** An empty pipeline: auto time column, no keys, UTC. */
  public static TimeSeriesPipeline create() {
    return new TimeSeriesPipeline(null, SeriesOptions.defaults(), List.of());
  }

  /** A pipeline of {@code options} and named {@code steps}. */
  public static TimeSeriesPipeline of(SeriesOptions options, List<Engine.Step> steps) {
    TimeSeriesPipeline p = new TimeSeriesPipeline(null, options, List.of());
    for (Engine.Step s : steps) {
      p = p.then(s.name(), s.operation());
    }
    return p;
  }

  /** The pipeline of a loaded TOML job, named after {@code [pipeline] name}. */
  public static TimeSeriesPipeline of(JobConfig job) {
    return new TimeSeriesPipeline(job.pipelineName(), job.seriesOptions(), List.of())
        .thenAll(job.engineSteps());
  }

  private TimeSeriesPipeline thenAll(List<Engine.Step> more) {
    TimeSeriesPipeline p = this;
    for (Engine.Step s : more) {
      p = p.then(s.name(), s.operation());
    }
    return p;
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
    for (Engine.Step s : steps) {
      if (s.name().equals(stepName)) {
        throw new IllegalArgumentException("TimeSeriesPipeline: duplicate step name \"" + stepName
            + "\". Step names must be unique; pass another name to then(name, operation).");
      }
    }
    List<Engine.Step> next = new ArrayList<>(steps);
    next.add(new Engine.Step(stepName, operation));
    return new TimeSeriesPipeline(getName(), options, next);
  }

  /** A copy that uses {@code name} as the time column instead of auto-detection (§1.2). */
  public TimeSeriesPipeline withTimeColumn(String name) {
    return new TimeSeriesPipeline(getName(), options.withTimeColumn(name), steps);
  }

  /** A copy whose series are identified by {@code keyColumns} (§1.4). */
  public TimeSeriesPipeline keyedBy(String... keyColumns) {
    return new TimeSeriesPipeline(getName(), options.withKeyColumns(Arrays.asList(keyColumns)),
        steps);
  }

  /** A copy that reads zone-less times and computes calendar features in {@code zone}. */
  public TimeSeriesPipeline withTimeZone(ZoneId zone) {
    return new TimeSeriesPipeline(getName(), options.withTimeZone(zone), steps);
  }

  /** A copy ordering equal timestamps by {@code column} (§1.4). */
  public TimeSeriesPipeline withSequenceColumn(String column) {
    return new TimeSeriesPipeline(getName(), options.withSequenceColumn(column), steps);
  }

  public SeriesOptions options() {
    return options;
  }

  /** The named steps in order. */
  public List<Engine.Step> steps() {
    return steps;
  }

  /** Step names in order. */
  public List<String> stepNames() {
    return steps.stream().map(Engine.Step::name).toList();
  }

  @Override
  public PCollection<Row> expand(PCollection<Row> input) {
    return Engine.runOnRows(input, options, steps);
  }

  @Override
  public String toString() {
    Set<String> seen = new HashSet<>();
    return "TimeSeriesPipeline" + options + steps.stream()
        .filter(s -> seen.add(s.name()))
        .map(s -> s.name() + "=" + s.operation())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
