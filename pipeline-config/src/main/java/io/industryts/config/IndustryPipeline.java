package io.industryts.config;

import java.nio.file.Path;

/**
 * Entry point for TOML jobs inside a Beam pipeline (SEMANTICS §1.1): one composite transform whose
 * steps are the file's {@code [[operations]]}, each built by the same Java factory a Java caller
 * would use.
 *
 * <pre>{@code
 * PCollection<Row> clean = rows.apply("plant_a", IndustryPipeline.fromToml(Path.of("plant.toml")));
 * }</pre>
 *
 * <p>{@code [input]} and {@code [output]} are ignored here (the caller supplies and consumes the
 * {@code PCollection}); the launcher in {@code runners} reads them.
 */
public final class IndustryPipeline {
  private IndustryPipeline() {}

  /**
   * The job's steps as one {@code PTransform<PCollection<Row>, PCollection<Row>>}.
   *
   * @throws ConfigException with every problem of the file
   */
  public static TimeSeriesPipeline fromToml(Path file) {
    return TimeSeriesPipeline.of(JobConfig.load(file));
  }

  /** As {@link #fromToml(Path)} with the operations of {@code registry}. */
  public static TimeSeriesPipeline fromToml(Path file, OperationRegistry registry) {
    return TimeSeriesPipeline.of(JobConfig.load(file, registry));
  }
}
