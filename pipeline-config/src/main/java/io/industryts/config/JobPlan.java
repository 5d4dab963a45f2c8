package io.industryts.config;

import io.industryts.engine.Engine;
import io.industryts.engine.PlanResult;
import io.industryts.engine.RunPlan;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.JoinOperation;
import io.industryts.engine.spi.SeriesOptions;
import io.industryts.io.FileInput;
import io.industryts.io.FileOutput;
import io.industryts.io.ReadResult;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.PCollection;

/**
 * A TOML job planned for its input files: the bridge between a {@link JobConfig} and the library's
 * composites ({@link FileInput} → {@link RunPlan} → {@link FileOutput}) that a launcher applies, in
 * plain values (schemas, column names), so the launcher needs none of the engine's layouts, series
 * options or steps.
 *
 * <pre>{@code
 * FileInput input = JobPlan.withSeries(job, FileInput.of("sensors.csv"));
 * JobPlan plan = JobPlan.of(job, input, Map.of());          // plans every step; errors here
 * PlanResult result = plan.applyTo(input.read(p), Map.of());   // join steps: their inputs' reads
 * plan.write(result, List.of(FileOutput.to("out/clean.parquet")));
 * }</pre>
 */
public final class JobPlan {
  /**
   * A second input a join step reads, with the time column and key columns to read it with.
   *
   * @param stepName the join step
   * @param inputName the named input ({@code [inputs.<name>]})
   * @param timeColumn the right input's time column as the join was planned
   * @param keyColumns the right input's key columns as the join was planned
   */
  public record JoinInput(
      String stepName, String inputName, String timeColumn, List<String> keyColumns) {}

  private final JobConfig job;
  private final FileInput input;
  private final SeriesOptions options;
  private final List<Engine.Step> steps;
  private final RunPlan run;

  private JobPlan(
      JobConfig job, FileInput input, SeriesOptions options, List<Engine.Step> steps, RunPlan run) {
    this.job = job;
    this.input = input;
    this.options = options;
    this.steps = steps;
    this.run = run;
  }

  /**
   * {@code reader} under {@code job}'s series options (time column, keys, zone, sequence column)
   * and time parsing ({@code [pipeline]} time settings).
   */
  public static FileInput withSeries(JobConfig job, FileInput reader) {
    TimeSettings t = job.timeSettings();
    return reader
        .withSeriesOptions(job.seriesOptions())
        .withTimeParser(t.toTimeParser(job.seriesOptions().timeZone()))
        .withNanAsNull(t.nanAsNull());
  }

  /**
   * {@code reader} (a named input, already {@link #withSeries}) read as the right side of a join:
   * with {@code timeColumn} (null: detected) and {@code keyColumns}, and with the job's sequence
   * column only when the input has that column.
   */
  public static FileInput forJoin(
      JobConfig job, FileInput reader, String timeColumn, List<String> keyColumns) {
    SeriesOptions o =
        job.seriesOptions()
            .withTimeColumn(timeColumn)
            .withKeyColumns(keyColumns)
            .withSequenceColumn(null);
    FileInput r = reader.withSeriesOptions(o);
    String seq = job.seriesOptions().sequenceColumn();
    if (seq != null && r.schema().hasField(seq)) {
      r = r.withSeriesOptions(o.withSequenceColumn(seq));
    }
    return r;
  }

  /**
   * The named inputs the job's join steps read, in step order, each with the right time column of
   * the first step reading it (null: detected): what to inspect for {@link #of}'s schemas.
   */
  public static Map<String, String> joinedInputs(JobConfig job) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Engine.Step s : job.engineSteps()) {
      if (s.operation() instanceof JoinOperation) {
        JoinOperation join = (JoinOperation) s.operation();
        if (!out.containsKey(join.rightInput())) {
          out.put(join.rightInput(), join.rightTimeColumn().orElse(null));
        }
      }
    }
    return out;
  }

  /** Each step's operation type by step name, in step order ({@code fill_null}, ...). */
  public static Map<String, String> operationTypes(JobConfig job) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Engine.Step s : job.engineSteps()) {
      out.put(s.name(), s.operation().typeName());
    }
    return out;
  }

  /**
   * Plans every step of {@code job} for the chunks of {@code input}, told the estimated size of the
   * input's largest series, with the schemas (as read) of the named inputs join steps read.
   *
   * @throws IllegalArgumentException with a SEMANTICS §1.13 message when a step does not fit
   */
  public static JobPlan of(JobConfig job, FileInput input, Map<String, Schema> namedInputs) {
    return plan(job, input, job.engineSteps(), namedInputs, input.estimatedSeriesRows());
  }

  /**
   * As {@link #of}, with only the steps named {@code stepNames}, in job order, and no size estimate
   * (benchmarks: the passes over segments stay in the pipeline).
   */
  public static JobPlan ofSteps(JobConfig job, FileInput input, Collection<String> stepNames) {
    List<Engine.Step> some = new ArrayList<>();
    for (Engine.Step s : job.engineSteps()) {
      if (stepNames.contains(s.name())) {
        some.add(s);
      }
    }
    return plan(job, input, some, Map.of(), -1);
  }

  private static JobPlan plan(
      JobConfig job,
      FileInput input,
      List<Engine.Step> steps,
      Map<String, Schema> namedInputs,
      long estimatedRows) {
    SeriesOptions resolved = job.seriesOptions().withTimeColumn(input.timeColumn().name());
    RunPlan run =
        RunPlan.of(input.layout(), resolved, steps, namedInputs).withEstimatedRows(estimatedRows);
    return new JobPlan(job, input, resolved, List.copyOf(steps), run);
  }

  /** The composite to apply to the input's chunks. */
  public RunPlan run() {
    return run;
  }

  /**
   * Runs the plan on {@code main}'s chunks (as the step {@code RunPlan}), each join step's second
   * input bound to the chunks of its reader in {@code rightByStep} (join step name → what its
   * reader read; every step of {@link #joins()} needs one).
   *
   * @throws IllegalArgumentException if a join step has no right input
   */
  public PlanResult applyTo(ReadResult main, Map<String, ReadResult> rightByStep) {
    RunPlan bound = run;
    for (JoinInput join : joins()) {
      ReadResult right = rightByStep.get(join.stepName());
      if (right == null) {
        throw new IllegalArgumentException(
            "industryts: join step \""
                + join.stepName()
                + "\" reads input \""
                + join.inputName()
                + "\", but no reader was given for it. Pass the input's ReadResult under the step's"
                + " name.");
      }
      bound = bound.withRightInput(join.stepName(), right.chunks());
    }
    return main.chunks().apply("RunPlan", bound);
  }

  /** The second inputs the join steps read, in step order. */
  public List<JoinInput> joins() {
    List<JoinInput> out = new ArrayList<>();
    for (RunPlan.RightInput r : run.rightInputs()) {
      out.add(
          new JoinInput(
              r.stepName(), r.inputName(), r.layout().timeField(), r.layout().keyFields()));
    }
    return out;
  }

  /**
   * Checks that {@code reader} reads {@code join}'s input as the join was planned.
   *
   * @throws IllegalArgumentException naming the step, the input and both layouts when two join
   *     steps read the same input with different right time columns
   */
  public void requirePlannedLayout(JoinInput join, FileInput reader) {
    ChunkLayout want = null;
    for (RunPlan.RightInput r : run.rightInputs()) {
      if (r.stepName().equals(join.stepName())) {
        want = r.layout();
      }
    }
    if (!reader.layout().equals(want)) {
      throw new IllegalArgumentException(
          join.stepName()
              + ": input \""
              + join.inputName()
              + "\" reads as "
              + reader.layout()
              + " but the join was planned for "
              + want
              + ". Steps joining the same input must use the same right_time_column.");
    }
  }

  /** The input's time column. */
  public String timeColumn() {
    return input.timeColumn().name();
  }

  /** Why that column is the time column (named in the job, or how it was detected). */
  public String timeColumnReason() {
    return input.timeColumn().reason();
  }

  /** The key columns ({@code [pipeline] key_columns}); empty: the input is one series. */
  public List<String> keyColumns() {
    return input.layout().keyFields();
  }

  /** The zone of zone-less times. */
  public ZoneId timeZone() {
    return options.timeZone();
  }

  /** The input's schema as read (the time column as DATETIME). */
  public Schema inputSchema() {
    return input.schema();
  }

  /** The schema of the written rows. */
  public Schema outputSchema() {
    return run.outputLayout().schema();
  }

  /** The time column of the written rows. */
  public String outputTimeField() {
    return run.outputLayout().timeField();
  }

  /** The key columns of the written rows. */
  public List<String> outputKeyFields() {
    return run.outputLayout().keyFields();
  }

  /** The planned steps' names, in order (the counters' prefixes). */
  public List<String> stepNames() {
    List<String> names = new ArrayList<>();
    for (Engine.Step s : steps) {
      names.add(s.name());
    }
    return names;
  }

  /**
   * Writes {@code result} (this plan's output) to every output, from one gathering of the data.
   *
   * @return the written paths, one element per output once all are written
   * @throws IllegalArgumentException if a column type cannot be written in an output's format
   */
  public PCollection<String> write(PlanResult result, List<FileOutput> outputs) {
    return FileOutput.writeAll(result.segments(), result.layout(), outputs);
  }

  /**
   * Benchmark-only: after this plan, times the job's steps named by {@code labels} (label → step
   * name; any step of the job, planned here or not) alone on each whole output series in memory,
   * {@code repeats} times ({@link PlanResult#timeInMemory}); results are counters {@code
   * micro.<label>_ns.<i>}.
   *
   * @throws IllegalArgumentException when a name is not a step of the job
   */
  public void timeInMemory(PlanResult result, Map<String, String> labels, int repeats) {
    Map<String, Engine.Step> byName = new LinkedHashMap<>();
    for (Engine.Step s : job.engineSteps()) {
      byName.put(s.name(), s);
    }
    Map<String, Engine.Step> timed = new LinkedHashMap<>();
    labels.forEach(
        (label, name) -> {
          Engine.Step s = byName.get(name);
          if (s == null) {
            throw new IllegalArgumentException(
                "industryts: no step named \""
                    + name
                    + "\" to time; the job's steps are "
                    + byName.keySet()
                    + ".");
          }
          timed.put(label, s);
        });
    result.timeInMemory(timed, options, repeats);
  }
}
