package io.industryts.engine;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * Tuning of the industryts engine, as Beam pipeline options (like Beam's {@code DirectOptions}):
 * read when the pipeline is built, so every worker sees the same values. Every option has a default
 * fitted to the runner; set one on Beam's command line ({@code --segmentRows=16384}, after the
 * launcher's bare {@code --}) or in Java:
 *
 * <pre>{@code
 * PipelineOptions options = PipelineOptionsFactory.fromArgs("--segmentRows=16384").create();
 * options.as(EngineTuningOptions.class).setWholeSeries(false);
 * Pipeline pipeline = Pipeline.create(options);
 * }</pre>
 */
public interface EngineTuningOptions extends PipelineOptions {

  @Description(
      "Rows per time segment the engine cuts each series into. Default: 1048576 when the "
          + "workers share this JVM (the DirectRunner: bigger segments mean fewer passes' stages), "
          + "65536 elsewhere (big enough to amortize per-element cost, small enough to spread).")
  @Default.InstanceFactory(SegmentRowsFactory.class)
  Integer getSegmentRows();

  void setSegmentRows(Integer rows);

  @Description(
      "Whether series that fit in one segment run all their kernels in one step "
          + "(default true); false sends them through the passes too.")
  @Default.Boolean(true)
  boolean getWholeSeries();

  void setWholeSeries(boolean wholeSeries);

  @Description(
      "Hash shards the engine's groupings gather keys into (0: one plain GroupByKey per "
          + "key). Default: four per core, at least 8, when the workers share this JVM; else 0.")
  @Default.InstanceFactory(GroupShardsFactory.class)
  Integer getGroupShards();

  void setGroupShards(Integer shards);

  @Description(
      "Whether all workers run in this JVM, so grouped values may be parked in memory "
          + "instead of encoded. Default: true on the DirectRunner, false elsewhere.")
  @Default.InstanceFactory(InProcessFactory.class)
  Boolean getWorkersInProcess();

  void setWorkersInProcess(Boolean inProcess);

  /** Whether the runner of {@code options} is Beam's DirectRunner (its workers share one JVM). */
  final class InProcessFactory implements DefaultValueFactory<Boolean> {
    /** Beam's in-process runner; not on the library's compile path, so known by its class name. */
    private static final String DIRECT_RUNNER = "org.apache.beam.runners.direct.DirectRunner";

    @Override
    public Boolean create(PipelineOptions options) {
      return options.getRunner() != null && options.getRunner().getName().equals(DIRECT_RUNNER);
    }
  }

  /** 2^20 rows in process (workers share one JVM), else 65,536. */
  final class SegmentRowsFactory implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return options.as(EngineTuningOptions.class).getWorkersInProcess()
          ? EngineOptions.DIRECT_SEGMENT_ROWS
          : EngineOptions.DEFAULT_SEGMENT_ROWS;
    }
  }

  /** Four shards per core (at least 8) in process, else none. */
  final class GroupShardsFactory implements DefaultValueFactory<Integer> {
    @Override
    public Integer create(PipelineOptions options) {
      return options.as(EngineTuningOptions.class).getWorkersInProcess()
          ? Math.max(8, 4 * Runtime.getRuntime().availableProcessors())
          : 0;
    }
  }

  /**
   * Registers these options with Beam (META-INF/services), so {@code --segmentRows=...} parses on
   * any command line.
   */
  final class Registrar implements PipelineOptionsRegistrar {
    @Override
    public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
      return java.util.List.of(EngineTuningOptions.class);
    }
  }
}
