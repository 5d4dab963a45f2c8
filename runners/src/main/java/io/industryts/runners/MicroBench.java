package io.industryts.runners;

import io.industryts.config.JobConfig;
import io.industryts.config.JobPlan;
import io.industryts.engine.PlanResult;
import io.industryts.engine.RunPlan;
import io.industryts.io.DeadLetters;
import io.industryts.io.FileInput;
import io.industryts.io.ReadResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * {@code industryts bench --mode micro}: times the resample step alone and the rolling step alone
 * on the deduplicated and filled series (steps b+c of the standard pipeline), as the peer
 * benchmark's micro contract asks. A pipeline reads and cleans the input ({@link RunPlan}); then,
 * per series, the two steps run {@code repeats} times each on the whole cleaned series in memory
 * (one thread, no pipeline stages in the timings: the library's benchmark-only {@link
 * PlanResult#timeInMemory}), and the times come back as counters.
 */
final class MicroBench {
  private static final String NAMESPACE = "industryts";
  private static final Set<String> CLEANING = Set.of("drop_duplicates", "fill_null");

  private MicroBench() {}

  /** The micro timings of one run. */
  static final class Timings {
    final long rowsIn;
    final long resampleRows;
    final long rollingRows;
    final double[] resampleSeconds;
    final double[] rollingSeconds;

    Timings(
        long rowsIn,
        long resampleRows,
        long rollingRows,
        double[] resampleSeconds,
        double[] rollingSeconds) {
      this.rowsIn = rowsIn;
      this.resampleRows = resampleRows;
      this.rollingRows = rollingRows;
      this.resampleSeconds = resampleSeconds.clone();
      this.rollingSeconds = rollingSeconds.clone();
    }

    /** The {@code RESULT} json of the micro contract (../shared/bench/README.md). */
    String json(int threads) {
      return String.format(
          Locale.ROOT,
          "{\"tool\": \"industryts\", \"mode\": \"micro\", "
              + "\"rows_in\": %d, \"resample_rows\": %d, \"rolling_rows\": %d, "
              + "\"resample_s_median\": %.6f, \"resample_s_min\": %.6f, "
              + "\"rolling_s_median\": %.6f, \"rolling_s_min\": %.6f, \"repeats\": %d, "
              + "\"threads\": %d, \"scope\": \"kernel on the whole cleaned series in memory, one "
              + "thread\"}",
          rowsIn,
          resampleRows,
          rollingRows,
          median(resampleSeconds),
          min(resampleSeconds),
          median(rollingSeconds),
          min(rollingSeconds),
          resampleSeconds.length,
          threads);
    }
  }

  /**
   * Runs the micro benchmark of {@code job} on {@code csv}.
   *
   * @throws IllegalArgumentException when the job has no resample or no rolling step
   */
  static Timings run(JobConfig job, String csv, int repeats, PipelineOptions options) {
    List<String> cleaning = new ArrayList<>();
    String resample = null;
    String rolling = null;
    for (Map.Entry<String, String> s : JobPlan.operationTypes(job).entrySet()) {
      String type = s.getValue();
      if (CLEANING.contains(type) && resample == null && rolling == null) {
        cleaning.add(s.getKey());
      } else if (type.equals("resample") && resample == null) {
        resample = s.getKey();
      } else if (type.equals("rolling") && rolling == null) {
        rolling = s.getKey();
      }
    }
    if (resample == null || rolling == null) {
      throw new IllegalArgumentException(
          "industryts: bench --mode micro times the job's resample "
              + "and rolling steps, but job \""
              + job.pipelineName()
              + "\" lacks "
              + (resample == null ? "a resample" : "a rolling")
              + " step. Use the standard pipeline "
              + "(drop --job) or a job with both.");
    }
    FileInput input = Inputs.reader(csv, job.input().orElse(null), job);
    JobPlan clean = JobPlan.ofSteps(job, input, cleaning);
    Map<String, String> timed = new LinkedHashMap<>();
    timed.put("resample", resample);
    timed.put("rolling", rolling);

    Pipeline p = Pipeline.create(options);
    ReadResult read = input.read(p);
    PlanResult cleaned = clean.applyTo(read, Map.of());
    DeadLetters.failOnFirst(JobPipeline.allErrors(read, cleaned, List.of()));
    clean.timeInMemory(cleaned, timed, repeats);
    PipelineResult result = p.run();
    result.waitUntilFinish();

    RunSummary counters = RunSummary.of(result.metrics(), List.of());
    double[] resampleSeconds = new double[repeats];
    double[] rollingSeconds = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      resampleSeconds[i] = counters.counter("micro.resample_ns." + i) / 1e9;
      rollingSeconds[i] = counters.counter("micro.rolling_ns." + i) / 1e9;
    }
    return new Timings(
        counters.counter("micro.rows_in"),
        counters.counter("micro.resample_rows"),
        counters.counter("micro.rolling_rows"),
        resampleSeconds,
        rollingSeconds);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }
}
