package io.industryts.config;

import io.industryts.TimeSeriesPipeline;
import io.industryts.engine.Engine;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Entry point for TOML jobs inside a Beam pipeline (SEMANTICS §1.1): one composite {@link
 * TimeSeriesPipeline} whose steps are the file's {@code [[operations]]}, each built by the same
 * Java factory a Java caller would use, so TOML and Java runs produce identical rows.
 *
 * <pre>{@code
 * PCollection<Row> clean = rows.apply("plant_a", IndustryPipeline.fromToml(Path.of("plant.toml")));
 * }</pre>
 *
 * <p>{@code [input]} and {@code [output]} are ignored here (the caller supplies and consumes the
 * {@code PCollection}); the launcher in {@code runners} reads them from {@link JobConfig}. Named
 * second inputs (an {@code asof_join} with {@code right = "weather"}) are supplied the same way, as
 * a map from input name to rows; {@code [inputs.<name>] path} is then not read:
 *
 * <pre>{@code
 * PCollection<Row> joined = sensors.apply(
 *     IndustryPipeline.fromToml(Path.of("plant.toml"), Map.of("weather", weatherRows)));
 * }</pre>
 */
public final class IndustryPipeline {
  private IndustryPipeline() {}

  /**
   * The job's steps as one {@code PTransform<PCollection<Row>, PCollection<Row>>}, named after
   * {@code [pipeline] name} and run under its series options.
   *
   * @throws ConfigException with every problem of the file
   */
  public static TimeSeriesPipeline fromToml(Path file) {
    return of(JobConfig.load(file));
  }

  /**
   * As {@link #fromToml(Path)}, with the named second inputs the steps read ({@code asof_join}
   * {@code right = "<name>"}) as rows; these names count as registered when the file is validated.
   *
   * @throws ConfigException with every problem of the file
   */
  public static TimeSeriesPipeline fromToml(Path file, Map<String, PCollection<Row>> inputs) {
    return of(JobConfig.load(file, OperationRegistry.load(), inputs.keySet())).withInputs(inputs);
  }

  /** As {@link #fromToml(Path)} with the operations of {@code registry}. */
  public static TimeSeriesPipeline fromToml(Path file, OperationRegistry registry) {
    return of(JobConfig.load(file, registry));
  }

  /** The pipeline of an already loaded job. */
  public static TimeSeriesPipeline of(JobConfig job) {
    TimeSeriesPipeline p =
        TimeSeriesPipeline.of(job.pipelineName(), job.seriesOptions())
            .namingTomlKeys()
            .withTimeParser(job.timeSettings().toTimeParser(job.seriesOptions().timeZone()));
    for (Engine.Step s : job.engineSteps()) {
      p = p.then(s.name(), s.operation());
    }
    return p;
  }
}
