package io.industryts.runners;

import io.industryts.config.InputConfig;
import io.industryts.config.JobConfig;
import io.industryts.config.JobPlan;
import io.industryts.config.OutputConfig;
import io.industryts.engine.PlanResult;
import io.industryts.engine.RunPlan;
import io.industryts.io.DeadLetters;
import io.industryts.io.FileInput;
import io.industryts.io.FileOutput;
import io.industryts.io.ReadResult;
import io.industryts.io.StagedFiles;
import io.industryts.io.TypeDecision;
import io.industryts.runners.report.JobReport;
import io.industryts.runners.report.RunCounters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * A TOML job wired into a Beam pipeline from the library's composites: read the inputs ({@link
 * FileInput}), run the job's plan ({@link RunPlan}, through {@link JobPlan}), write every output,
 * and route bad rows to the dead-letter file or fail on the first one (SEMANTICS §2.7).
 *
 * <pre>{@code
 * JobConfig job = JobConfig.load(Path.of("job.toml"), OperationRegistry.load(), Set.of());
 * JobPipeline jp = JobPipeline.build(job, JobPipeline.Overrides.none(), options);
 * jp.pipeline().run().waitUntilFinish();
 * }</pre>
 *
 * <p>Besides the engine's per-step counters, the pipeline counts what enters and leaves it, so the
 * end summary can check that the numbers add up: {@link #ROWS_READ}, {@link #READ_ERRORS}, {@link
 * #ROWS_WRITTEN}, {@link #DEAD_LETTERED} (all in namespace {@code industryts}).
 */
public final class JobPipeline {
  /** Counter: good rows the reader produced ({@link RunCounters#ROWS_READ}). */
  public static final String ROWS_READ = RunCounters.ROWS_READ;

  /** Counter: input lines the reader rejected ({@link RunCounters#READ_ERRORS}). */
  public static final String READ_ERRORS = RunCounters.READ_ERRORS;

  /**
   * Counter: rows of the final result, counted by the writer ({@link RunCounters#ROWS_WRITTEN}).
   */
  public static final String ROWS_WRITTEN = RunCounters.ROWS_WRITTEN;

  /** Counter: error records written to the dead-letter file ({@link RunCounters#DEAD_LETTERED}). */
  public static final String DEAD_LETTERED = RunCounters.DEAD_LETTERED;

  private final Pipeline pipeline;
  private final String name;
  private final String input;
  private final String timeColumn;
  private final String timeColumnReason;
  private final Schema outputSchema;
  private final List<String> stepNames;
  private final List<String> outputs;
  private final String errors;
  private final List<TypeDecision> inputTypes;
  private final JobReport report;
  private final boolean oneWorker;

  private JobPipeline(
      Pipeline pipeline,
      String name,
      String input,
      JobPlan plan,
      List<String> outputs,
      String errors,
      List<TypeDecision> inputTypes,
      JobReport report,
      boolean oneWorker) {
    this.pipeline = pipeline;
    this.name = name;
    this.input = input;
    this.timeColumn = plan.timeColumn();
    this.timeColumnReason = plan.timeColumnReason();
    this.outputSchema = plan.outputSchema();
    this.stepNames = plan.stepNames();
    this.outputs = List.copyOf(outputs);
    this.errors = errors;
    this.inputTypes = List.copyOf(inputTypes);
    this.report = report;
    this.oneWorker = oneWorker;
  }

  /**
   * What the command line replaces in the job file: the main input, named inputs, outputs and the
   * dead-letter path. Command-line paths are taken as given (relative to the working directory);
   * paths in the job file are resolved against the job file's directory.
   */
  public static final class Overrides {
    private final String mainInput;
    private final Map<String, String> namedInputs;
    private final List<String> outputs;
    private final String errors;
    private final String stagingToken;
    private final String report;

    private Overrides(
        String mainInput,
        Map<String, String> namedInputs,
        List<String> outputs,
        String errors,
        String stagingToken,
        String report) {
      this.mainInput = mainInput;
      this.namedInputs = Collections.unmodifiableMap(new LinkedHashMap<>(namedInputs));
      this.outputs = List.copyOf(outputs);
      this.errors = errors;
      this.stagingToken = stagingToken;
      this.report = report;
    }

    /** Nothing replaced. */
    public static Overrides none() {
      return new Overrides(null, Map.of(), List.of(), null, null, null);
    }

    /** The overrides of a parsed command line. */
    public static Overrides from(CommandLine cl) {
      return new Overrides(
          cl.mainInput().orElse(null),
          cl.namedInputs(),
          cl.outputs(),
          cl.errors().orElse(null),
          null,
          cl.report().orElse(null));
    }

    /** A copy reading {@code path} as the main input. */
    public Overrides withInput(String path) {
      return new Overrides(path, namedInputs, outputs, errors, stagingToken, report);
    }

    /**
     * A copy whose pipeline leaves every output and the dead-letter file under its temporary name
     * ({@link StagedFiles#temporary}) for the caller to put in place together once the pipeline has
     * succeeded ({@link StagedFiles#commit}). Without it, the outputs are renamed into place by
     * their writer, the dead-letter file by its own.
     */
    public Overrides withStagingToken(String token) {
      return new Overrides(mainInput, namedInputs, outputs, errors, token, report);
    }

    /** A copy reading {@code path} as the named input {@code name} (replaces its {@code path}). */
    public Overrides withInput(String name, String path) {
      Map<String, String> next = new LinkedHashMap<>(namedInputs);
      next.put(name, path);
      return new Overrides(mainInput, next, outputs, errors, stagingToken, report);
    }

    /** A copy writing these outputs instead of {@code [output] path}. */
    public Overrides withOutputs(List<String> paths) {
      return new Overrides(mainInput, namedInputs, paths, errors, stagingToken, report);
    }

    /** A copy writing dead letters to {@code path}. */
    public Overrides withErrors(String path) {
      return new Overrides(mainInput, namedInputs, outputs, path, stagingToken, report);
    }

    /** A copy writing the job report to {@code path}. */
    public Overrides withReport(String path) {
      return new Overrides(mainInput, namedInputs, outputs, errors, stagingToken, path);
    }
  }

  /**
   * The named inputs after overrides, resolved, by name: {@code [inputs.<name>] path} (against the
   * job file's directory) replaced or completed by {@code --input name=PATH} (as given).
   */
  public static Map<String, String> namedInputPaths(JobConfig job, Overrides overrides) {
    Map<String, String> paths = new LinkedHashMap<>();
    job.extraInputs().forEach((name, c) -> paths.put(name, resolve(job, c.path())));
    paths.putAll(overrides.namedInputs);
    return paths;
  }

  /**
   * The reader of the named input {@code name} for a join reading it with {@code timeColumn} (null:
   * auto-detected) keyed by {@code keys}: the input's own format, delimiter and types, the job's
   * time parsing, and the job's sequence column when the input has that column.
   */
  static FileInput namedReader(
      JobConfig job, String name, String path, String timeColumn, List<String> keys) {
    return JobPlan.forJoin(
        job, Inputs.reader(path, job.extraInputs().get(name), job), timeColumn, keys);
  }

  /**
   * The schemas (as read) of the named inputs the job's join steps read, for planning: each
   * inspected with the first reading step's right time column.
   */
  static Map<String, Schema> namedInputSchemas(JobConfig job, Overrides overrides) {
    Map<String, String> paths = namedInputPaths(job, overrides);
    Map<String, Schema> schemas = new LinkedHashMap<>();
    JobPlan.joinedInputs(job)
        .forEach(
            (name, timeColumn) -> {
              String path = paths.get(name);
              if (path != null) {
                schemas.put(name, namedReader(job, name, path, timeColumn, List.of()).schema());
              }
            });
    return schemas;
  }

  /** The main input's path or glob after overrides, resolved. */
  public static String mainInputPath(JobConfig job, Overrides overrides) {
    if (overrides.mainInput != null) {
      return overrides.mainInput;
    }
    InputConfig c =
        job.input()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "industryts: job \""
                            + job.pipelineName()
                            + "\" has no input. Expected an [input] table "
                            + "with path = \"...\" in the job file, or --input PATH on the command line."));
    return resolve(job, c.path());
  }

  /** The output paths after overrides, resolved. */
  public static List<String> outputs(JobConfig job, Overrides overrides) {
    if (!overrides.outputs.isEmpty()) {
      return overrides.outputs;
    }
    List<String> paths = new ArrayList<>();
    for (String p : job.output().map(OutputConfig::paths).orElse(List.of())) {
      paths.add(resolve(job, p));
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException(
          "industryts: job \""
              + job.pipelineName()
              + "\" has no "
              + "output. Expected [output] path = \"out/result.parquet\" in the job file, or --output "
              + "PATH (.csv, .parquet or .arrow) on the command line.");
    }
    return paths;
  }

  /** The dead-letter path after overrides, resolved, if any. */
  public static Optional<String> errorsPath(JobConfig job, Overrides overrides) {
    if (overrides.errors != null) {
      return Optional.of(overrides.errors);
    }
    return job.output().map(OutputConfig::errors).map(p -> resolve(job, p));
  }

  /** The job report path after overrides ({@code --report}, {@code [output] report}), if any. */
  public static Optional<String> reportPath(JobConfig job, Overrides overrides) {
    if (overrides.report != null) {
      return Optional.of(overrides.report);
    }
    return job.output().map(o -> o.report().path()).map(p -> resolve(job, p));
  }

  /** {@code path} as written in the job file, resolved against the job file's directory. */
  static String resolve(JobConfig job, String path) {
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      return path;
    }
    Path dir = job.source().map(Path::toAbsolutePath).map(Path::getParent).orElse(null);
    return dir == null ? path : dir.resolve(p).normalize().toString();
  }

  /**
   * Builds the job's pipeline. Inspects the input files (header, schema, time column) and plans
   * every step, so configuration errors surface here, before anything runs.
   *
   * @throws IllegalArgumentException with a SEMANTICS §1.13 message when the job does not fit its
   *     input or lacks an input or output
   */
  public static JobPipeline build(JobConfig job, Overrides overrides, PipelineOptions options) {
    String inputPath = mainInputPath(job, overrides);
    List<String> outputPaths = outputs(job, overrides);
    Optional<String> errorsPath = errorsPath(job, overrides);
    FileInput input = Inputs.reader(inputPath, job.input().orElse(null), job);
    Map<String, String> namedPaths = namedInputPaths(job, overrides);
    JobPlan plan = JobPlan.of(job, input, namedInputSchemas(job, overrides));
    RunPlan run = plan.run();
    Map<String, FileInput> rightReaders = new LinkedHashMap<>();
    for (JobPlan.JoinInput join : plan.joins()) {
      FileInput reader =
          namedReader(
              job,
              join.inputName(),
              namedPaths.get(join.inputName()),
              join.timeColumn(),
              join.keyColumns());
      plan.requirePlannedLayout(join, reader);
      rightReaders.put(join.stepName(), reader);
    }

    Pipeline p = Pipeline.create(options);
    // rows carry their file and line only when a step may reject rows (the plan drops them after);
    // keyed rows arrive as blocks of many series, which the plan's grouping by series takes apart
    ReadResult read =
        input
            .withProvenance(run.reportsRowErrors())
            .withSeriesBlocks(true)
            .withRowsCounter(ROWS_READ)
            .withErrorsCounter(READ_ERRORS)
            .read(p);
    Map<String, ReadResult> rightReads = new LinkedHashMap<>();
    List<PCollection<Row>> rightErrors = new ArrayList<>();
    for (Map.Entry<String, FileInput> r : rightReaders.entrySet()) {
      ReadResult rr =
          p.apply("ReadRight_" + r.getKey(), r.getValue().withErrorsCounter(READ_ERRORS));
      rightReads.put(r.getKey(), rr);
      rightErrors.add(rr.errors());
    }
    PlanResult result = plan.applyTo(read, rightReads);
    JobReport report = null;
    Optional<String> reportPath = reportPath(job, overrides);
    if (reportPath.isPresent()) {
      report =
          JobReport.plan(
              reportPath.get(),
              job.output().map(OutputConfig::report).orElse(OutputConfig.Report.none()),
              new JobReport.Columns(plan.inputSchema(), plan.timeColumn(), plan.keyColumns()),
              new JobReport.Columns(
                  plan.outputSchema(), plan.outputTimeField(), plan.outputKeyFields()),
              run.keepsRowTimes(),
              run.operationTypes());
      report.collect(result);
    }
    String timeFormat = job.output().map(OutputConfig::timeFormat).orElse(null);
    String delimiter = job.output().map(OutputConfig::delimiter).orElse(null);
    List<FileOutput> files = new ArrayList<>();
    for (String path : outputPaths) {
      FileOutput out = FileOutput.to(path);
      if (timeFormat != null) {
        out = out.withCsvTimeFormat(timeFormat);
      }
      if (delimiter != null) {
        out = out.withCsvDelimiter(Inputs.delimiter(delimiter));
      }
      if (overrides.stagingToken != null) {
        out = out.staged(overrides.stagingToken);
      }
      files.add(out);
    }
    PCollection<Row> allErrors = allErrors(read, result, rightErrors);
    if (errorsPath.isPresent() && overrides.stagingToken != null) {
      // every file is put in place by the launcher: the outputs and the dead letters can be
      // written from one gathering (on the DirectRunner, one grouping instead of two)
      FileOutput.writeAll(result.segments(), result.layout(), files, allErrors, errorsPath.get());
    } else if (errorsPath.isPresent()) {
      plan.write(result, files);
      DeadLetters.write(allErrors, errorsPath.get());
    } else {
      plan.write(result, files);
      DeadLetters.failOnFirst(allErrors);
    }
    return new JobPipeline(
        p,
        job.pipelineName(),
        inputPath,
        plan,
        outputPaths,
        errorsPath.orElse(null),
        input.typeDecisions(),
        report,
        rightReaders.isEmpty() && readInOnePiece(input));
  }

  /**
   * Whether {@code input} is one series read from CSV in one piece: no key columns, and its files
   * together at most one split ({@link FileInput#splitBytes()}), so the reader emits it as one
   * bundle. Every step of such a job then runs on one series after the other, and a second worker
   * thread would find nothing to do in parallel.
   */
  static boolean readInOnePiece(FileInput input) {
    if (input.format() != FileInput.Format.CSV || !input.layout().keyFields().isEmpty()) {
      return false;
    }
    long bytes = 0;
    for (String file : input.files()) {
      try {
        bytes += Files.size(Path.of(file));
      } catch (IOException e) {
        return false; // the read reports the file; the default parallelism stays
      }
    }
    return bytes <= input.splitBytes();
  }

  /**
   * The reader's errors, the steps' errors and {@code more} (e.g. the second inputs' readers') as
   * one errors output, in the reader's error schema.
   */
  static PCollection<Row> allErrors(
      ReadResult read, PlanResult result, List<PCollection<Row>> more) {
    return PCollectionList.of(read.errors())
        .and(result.errors())
        .and(more)
        .apply("AllErrors", Flatten.pCollections())
        .setRowSchema(read.errors().getSchema());
  }

  /** The pipeline, ready to run. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** {@code [pipeline] name}. */
  public String name() {
    return name;
  }

  /** The main input's path or glob, resolved. */
  public String input() {
    return input;
  }

  /** The resolved time column. */
  public String timeColumn() {
    return timeColumn;
  }

  /** Why {@link #timeColumn()} was chosen (named in the job, or how it was detected). */
  public String timeColumnReason() {
    return timeColumnReason;
  }

  /** How each column of the main input got its type (for the run summary). */
  public List<TypeDecision> inputTypes() {
    return inputTypes;
  }

  /** The schema of the written rows. */
  public Schema outputSchema() {
    return outputSchema;
  }

  /** Step names in order (the counters' prefixes). */
  public List<String> stepNames() {
    return stepNames;
  }

  /** Output paths, resolved. */
  public List<String> outputs() {
    return outputs;
  }

  /** The dead-letter path, if bad rows are kept rather than failing the job. */
  public Optional<String> errorsPath() {
    return Optional.ofNullable(errors);
  }

  /** What the job report says of this job: names, paths, the time column and the steps. */
  public JobReport.Job reportJob() {
    return new JobReport.Job(name, input, timeColumn, timeColumnReason, outputs, errors, stepNames);
  }

  /**
   * Whether one worker thread runs this job as fast as several: the main input is one series read
   * from CSV in one piece (no key columns; its files together at most one split) and no step reads
   * a second input. Every stage then holds one bundle at a time, so a second thread of the
   * DirectRunner would only poll its scheduler (a busy loop costing a core while the job runs).
   */
  public boolean runsOnOneWorker() {
    return oneWorker;
  }

  /** The job report to write after the run, if one was asked for. */
  public Optional<JobReport> report() {
    return Optional.ofNullable(report);
  }
}
