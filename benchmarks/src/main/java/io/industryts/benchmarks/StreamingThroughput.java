package io.industryts.benchmarks;

import io.industryts.TimeSeriesPipeline;
import io.industryts.ops.Diff;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.ops.Resample;
import io.industryts.ops.Rolling;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Streaming throughput: fill → lag → rolling → diff → resample on an unbounded source at full
 * speed, for 1, 100 and 10,000 series, beside the per-element stateful {@code DoFn} a Beam author
 * would write for the same work and the batch run of the same rows. Prints rows/s, wall and CPU
 * time and heap per run, then checks that the streaming rows equal the batch rows (count and an
 * order-independent checksum) and exits 1 when they do not.
 *
 * <pre>
 *   export MAVEN_OPTS=-Xmx1g
 *   mvn -B -q -DskipTests -pl benchmarks -am package dependency:build-classpath \
 *       -Dmdep.outputFile=/tmp/bench.cp
 *   java -Xmx1g -cp "benchmarks/target/classes:$(cat /tmp/bench.cp)" \
 *       io.industryts.benchmarks.StreamingThroughput 100000 1,100,10000
 *   # Flink (embedded, parallelism 2): build with -Pflink, then add
 *   #   --runner=FlinkRunner --parallelism=2
 * </pre>
 *
 * <p>Arguments: ROWS per run (default 100,000), the series counts (default {@code 1,100,10000}),
 * then Beam options. Row {@code i} belongs to series {@code i % SERIES} at second {@code i /
 * SERIES} (1 s cadence per series, every seventh second's {@code value} missing); the source emits
 * the rows in time order as fast as it is read, with the watermark just behind the last row, and
 * ends with the final watermark so every bucket is emitted.
 */
public final class StreamingThroughput {
  private StreamingThroughput() {}

  /** The rows: a time column, the key column {@code tag} and two value columns. */
  static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("time")
          .addStringField("tag")
          .addNullableField("value", FieldType.DOUBLE)
          .addNullableField("value2", FieldType.DOUBLE)
          .build();

  /** The per-element baseline's output: one row per series and minute. */
  static final Schema BASELINE_SCHEMA =
      Schema.builder()
          .addDateTimeField("time")
          .addStringField("tag")
          .addNullableField("value", FieldType.DOUBLE)
          .addNullableField("value_lag_1", FieldType.DOUBLE)
          .addNullableField("value_mean", FieldType.DOUBLE)
          .addNullableField("value_diff", FieldType.DOUBLE)
          .addNullableField("value2", FieldType.DOUBLE)
          .build();

  static final long START = Instant.parse("2024-01-01T00:00:00Z").getMillis();
  static final Duration ROLLING = Duration.standardSeconds(30);
  static final Duration BUCKET = Duration.standardMinutes(1);

  /**
   * Runs every series count and variant; see the class comment for the arguments.
   *
   * @param args ROWS, the series counts (comma-separated), then Beam options
   * @throws Exception when a pipeline fails
   */
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 100_000L;
    int[] seriesCounts =
        Arrays.stream((args.length > 1 ? args[1] : "1,100,10000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim()))
            .toArray();
    String[] beamArgs = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
    System.out.printf(
        Locale.ROOT,
        "rows=%d runner args=%s cores=%d max heap=%d MB%n",
        rows,
        Arrays.toString(beamArgs),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "%-7s %-10s %9s %9s %20s %7s %7s %10s %9s%n",
        "series",
        "variant",
        "rows_in",
        "rows_out",
        "checksum",
        "wall_s",
        "cpu_s",
        "rows/s",
        "heap_MB");
    List<String> failures = new ArrayList<>();
    // a warm-up run (small, not reported) so the first measured run does not pay class loading
    run(Variant.STREAMING, Math.min(rows, 20_000), 10, beamArgs);
    run(Variant.BASELINE, Math.min(rows, 20_000), 10, beamArgs);
    run(Variant.BATCH, Math.min(rows, 20_000), 10, beamArgs);
    for (int series : seriesCounts) {
      Measured streaming = run(Variant.STREAMING, rows, series, beamArgs);
      print(series, Variant.STREAMING, rows, streaming);
      Measured baseline = run(Variant.BASELINE, rows, series, beamArgs);
      print(series, Variant.BASELINE, rows, baseline);
      Measured batch = run(Variant.BATCH, rows, series, beamArgs);
      print(series, Variant.BATCH, rows, batch);
      if (streaming.rowsOut != batch.rowsOut || streaming.checksum != batch.checksum) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%d series: streaming gave %d rows (checksum %d), batch %d rows (checksum %d)",
                series,
                streaming.rowsOut,
                streaming.checksum,
                batch.rowsOut,
                batch.checksum));
      }
      if (baseline.rowsOut != batch.rowsOut) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%d series: the per-element baseline gave %d buckets, batch %d",
                series,
                baseline.rowsOut,
                batch.rowsOut));
      }
    }
    if (!failures.isEmpty()) {
      System.out.println("MISMATCH:");
      failures.forEach(f -> System.out.println("  " + f));
      System.exit(1);
    }
    System.out.println(
        "OK: for every series count the streaming rows equal the batch rows (count and checksum),"
            + " and the baseline emits as many buckets");
  }

  /** The three ways of running the same rows. */
  enum Variant {
    /** Unbounded source, {@link TimeSeriesPipeline} (the streaming executor). */
    STREAMING,
    /** Unbounded source, a per-element stateful {@code DoFn} with event-time timers. */
    BASELINE,
    /** Bounded source, {@link TimeSeriesPipeline} (the batch executors). */
    BATCH
  }

  /** What one run measured. */
  static final class Measured {
    long rowsOut;
    long checksum;
    double wallSeconds;
    double cpuSeconds;
    long peakHeapBytes;
  }

  static void print(int series, Variant variant, long rows, Measured m) {
    System.out.printf(
        Locale.ROOT,
        "%-7d %-10s %9d %9d %20d %7.2f %7.2f %10.0f %9d%n",
        series,
        variant.name().toLowerCase(Locale.ROOT),
        rows,
        m.rowsOut,
        m.checksum,
        m.wallSeconds,
        m.cpuSeconds,
        rows / m.wallSeconds,
        m.peakHeapBytes >> 20);
  }

  static Measured run(Variant variant, long rows, int series, String[] beamArgs)
      throws InterruptedException {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(beamArgs).create();
    Pipeline p = Pipeline.create(options);
    PCollection<Long> indices =
        variant == Variant.BATCH
            ? p.apply(
                "Sequence", GenerateSequence.from(0).to(rows).withTimestampFn(i -> time(i, series)))
            : p.apply("Sequence", Read.from(new FiniteSequence(0, 1, 0, rows, series)));
    PCollection<Row> input =
        indices.apply("ToRows", MapElements.via(new ToRow(series))).setRowSchema(SCHEMA);
    PCollection<Row> output;
    if (variant == Variant.BASELINE) {
      output =
          input
              .apply(
                  "ByTag",
                  WithKeys.of((Row r) -> r.getString("tag")).withKeyType(TypeDescriptors.strings()))
              .setCoder(KvCoder.of(StringUtf8Coder.of(), input.getCoder()))
              .apply("PerElement", ParDo.of(new PerElementFn()))
              .setRowSchema(BASELINE_SCHEMA);
    } else {
      output =
          TimeSeriesPipeline.named("streaming_throughput")
              .withTimeColumn("time")
              .keyedBy("tag")
              .then(FillNull.forward("value"))
              .then(Lag.rows(1).of("value"))
              .then(Rolling.over(ROLLING, "value").compute(Rolling.Fn.MEAN))
              .then(Diff.periods(1).of("value"))
              .then(Resample.every(BUCKET).aggregate(Resample.Agg.MEAN))
              .expand(input);
    }
    output.apply("Checksum", ParDo.of(new ChecksumFn()));

    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    long cpu0 = processCpuNanos();
    long wall0 = System.nanoTime();
    sampler.start();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    long wall1 = System.nanoTime();
    long cpu1 = processCpuNanos();
    sampler.interrupt();
    sampler.join();

    Measured m = new Measured();
    m.wallSeconds = (wall1 - wall0) / 1e9;
    m.cpuSeconds = (cpu1 - cpu0) / 1e9;
    m.peakHeapBytes = peak.get();
    m.rowsOut = counter(result, "rows_out");
    m.checksum = counter(result, "checksum");
    return m;
  }

  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  static long counter(PipelineResult result, String name) {
    MetricQueryResults q =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(ChecksumFn.class, name))
                    .build());
    long total = 0;
    for (MetricResult<Long> c : q.getCounters()) {
      Long committed = null;
      try {
        committed = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        // runners without committed metrics
      }
      total += committed != null ? committed : c.getAttempted();
    }
    return total;
  }

  static Instant time(long i, int series) {
    return new Instant(START + (i / series) * 1000L);
  }

  /** Row {@code i}: series {@code i % series} at second {@code i / series}. */
  static final class ToRow extends SimpleFunction<Long, Row> {
    private static final long serialVersionUID = 1L;
    private final int series;

    ToRow(int series) {
      this.series = series;
    }

    @Override
    public Row apply(Long i) {
      long second = i / series;
      int tag = (int) (i % series);
      Double value =
          second % 7 == 3 ? null : 20 + 5 * Math.sin(second / 30.0) + tag * 0.001 + (i % 13) * 0.01;
      Double value2 = (double) ((i * 2654435761L) % 1000) / 10.0;
      return Row.withSchema(SCHEMA).addValues(time(i, series), "t" + tag, value, value2).build();
    }
  }

  /**
   * Counts the output rows and sums a CRC32 of each row's values: the same rows in any order give
   * the same sum.
   */
  static final class ChecksumFn extends DoFn<Row, Void> {
    private static final long serialVersionUID = 1L;
    private final Counter rowsOut = Metrics.counter(ChecksumFn.class, "rows_out");
    private final Counter checksum = Metrics.counter(ChecksumFn.class, "checksum");

    @ProcessElement
    public void process(@Element Row row) {
      CRC32 crc = new CRC32();
      crc.update(row.getValues().toString().getBytes(StandardCharsets.UTF_8));
      rowsOut.inc();
      checksum.inc(crc.getValue());
    }
  }

  /**
   * The stateful {@code DoFn} a Beam author would write for the same work, one element at a time:
   * forward fill, lag 1, the mean over the last 30 s, the difference of that mean, and the
   * one-minute mean of every column emitted by an event-time timer at the bucket's end. It assumes
   * each series' rows arrive in time order, as a quick hand-written one does: the source reads each
   * series in order, but the runner may hand two bundles of one key to the {@code DoFn} in either
   * order, so its values can differ from run to run (a correct one would buffer and sort, costing
   * more). Only its bucket count is checked.
   */
  static final class PerElementFn extends DoFn<KV<String, Row>, Row> {
    private static final long serialVersionUID = 1L;

    @StateId("last")
    private final StateSpec<ValueState<Double>> lastSpec = StateSpecs.value(DoubleCoder.of());

    @StateId("prev")
    private final StateSpec<ValueState<Double>> prevSpec = StateSpecs.value(DoubleCoder.of());

    @StateId("prevMean")
    private final StateSpec<ValueState<Double>> prevMeanSpec = StateSpecs.value(DoubleCoder.of());

    @StateId("window")
    private final StateSpec<BagState<TimestampedValue<Double>>> windowSpec =
        StateSpecs.bag(TimestampedValue.TimestampedValueCoder.of(DoubleCoder.of()));

    @StateId("buckets")
    private final StateSpec<ValueState<Buckets>> bucketsSpec =
        StateSpecs.value(SerializableCoder.of(Buckets.class));

    @StateId("tag")
    private final StateSpec<ValueState<String>> tagSpec = StateSpecs.value(StringUtf8Coder.of());

    @TimerId("bucketEnd")
    private final TimerSpec bucketEndSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @ProcessElement
    public void process(
        @Element KV<String, Row> element,
        @Timestamp Instant timestamp,
        @StateId("last") ValueState<Double> last,
        @StateId("prev") ValueState<Double> prev,
        @StateId("prevMean") ValueState<Double> prevMean,
        @StateId("window") BagState<TimestampedValue<Double>> window,
        @StateId("buckets") ValueState<Buckets> bucketsState,
        @StateId("tag") ValueState<String> tag,
        @TimerId("bucketEnd") Timer bucketEnd) {
      Row row = element.getValue();
      long t = row.getDateTime("time").getMillis();
      Double value = row.getDouble("value");
      Double filled = value != null ? value : last.read();
      if (value != null) {
        last.write(value);
      }
      Double lag = prev.read();
      if (filled != null) {
        prev.write(filled);
      } else {
        prev.clear();
      }
      // the rolling window: drop what fell out, add this row, write the bag back
      List<TimestampedValue<Double>> kept = new ArrayList<>();
      double sum = 0;
      for (TimestampedValue<Double> v : window.read()) {
        if (v.getTimestamp().getMillis() > t - ROLLING.getMillis()) {
          kept.add(v);
          sum += v.getValue();
        }
      }
      if (filled != null) {
        kept.add(TimestampedValue.of(filled, new Instant(t)));
        sum += filled;
      }
      window.clear();
      kept.forEach(window::add);
      Double mean = kept.isEmpty() ? null : sum / kept.size();
      Double before = prevMean.read();
      Double diff = mean != null && before != null ? mean - before : null;
      if (mean != null) {
        prevMean.write(mean);
      }
      Buckets buckets = bucketsState.read();
      boolean wasEmpty = buckets == null || buckets.open.isEmpty();
      if (buckets == null) {
        buckets = new Buckets();
        tag.write(element.getKey());
      }
      long start = Math.floorDiv(t - START, BUCKET.getMillis()) * BUCKET.getMillis() + START;
      double[] acc = buckets.open.computeIfAbsent(start, s -> new double[10]);
      add(acc, 0, filled);
      add(acc, 1, lag);
      add(acc, 2, mean);
      add(acc, 3, diff);
      add(acc, 4, row.getDouble("value2"));
      bucketsState.write(buckets);
      if (wasEmpty) {
        bucketEnd.set(new Instant(start + BUCKET.getMillis() - 1));
      }
    }

    private static void add(double[] acc, int column, Double v) {
      if (v != null) {
        acc[2 * column] += v;
        acc[2 * column + 1] += 1;
      }
    }

    @OnTimer("bucketEnd")
    public void onBucketEnd(
        OnTimerContext context,
        @StateId("buckets") ValueState<Buckets> bucketsState,
        @StateId("tag") ValueState<String> tag,
        @TimerId("bucketEnd") Timer bucketEnd) {
      Buckets buckets = bucketsState.read();
      long now = context.timestamp().getMillis();
      while (!buckets.open.isEmpty() && buckets.open.firstKey() + BUCKET.getMillis() - 1 <= now) {
        Map.Entry<Long, double[]> b = buckets.open.pollFirstEntry();
        double[] acc = b.getValue();
        Row.Builder out = Row.withSchema(BASELINE_SCHEMA).addValue(new Instant(b.getKey()));
        out.addValue(tag.read());
        for (int c = 0; c < 5; c++) {
          out.addValue(acc[2 * c + 1] == 0 ? null : acc[2 * c] / acc[2 * c + 1]);
        }
        context.output(out.build());
      }
      bucketsState.write(buckets);
      if (!buckets.open.isEmpty()) {
        bucketEnd.set(new Instant(buckets.open.firstKey() + BUCKET.getMillis() - 1));
      }
    }
  }

  /** The open one-minute buckets of one series: start → (sum, count) per column. */
  static final class Buckets implements Serializable {
    private static final long serialVersionUID = 1L;
    final TreeMap<Long, double[]> open = new TreeMap<>();
  }

  /**
   * An unbounded source of the indices from {@code start} below {@code end}, read as fast as the
   * runner asks, stamped with their row's time; its watermark stays just behind the last index read
   * and becomes the final watermark once all are read, so the pipeline finishes.
   */
  static final class FiniteSequence extends UnboundedSource<Long, FiniteSequence.Mark> {
    private static final long serialVersionUID = 1L;
    private final long start;
    private final int splits;
    private final int split;
    private final long end;
    private final int series;

    /**
     * Reads the indices {@code i} below {@code end} whose series {@code i % series} has {@code (i %
     * series) % splits == split}.
     */
    FiniteSequence(long start, int splits, int split, long end, int series) {
      this.start = start;
      this.splits = splits;
      this.split = split;
      this.end = end;
      this.series = series;
    }

    /** Splits by series, so each series' rows stay in time order within one reader. */
    @Override
    public List<FiniteSequence> split(int desiredNumSplits, PipelineOptions options) {
      int n = Math.max(1, desiredNumSplits);
      List<FiniteSequence> out = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        out.add(new FiniteSequence(start, n, k, end, series));
      }
      return out;
    }

    boolean mine(long i) {
      return (i % series) % splits == split;
    }

    @Override
    public UnboundedReader<Long> createReader(PipelineOptions options, Mark mark) {
      return new Reader(this, mark == null ? start : mark.next);
    }

    @Override
    public Coder<Mark> getCheckpointMarkCoder() {
      return SerializableCoder.of(Mark.class);
    }

    @Override
    public Coder<Long> getOutputCoder() {
      return VarLongCoder.of();
    }

    /** The next index to read. */
    static final class Mark implements UnboundedSource.CheckpointMark, Serializable {
      private static final long serialVersionUID = 1L;
      final long next;

      Mark(long next) {
        this.next = next;
      }

      @Override
      public void finalizeCheckpoint() {}
    }

    static final class Reader extends UnboundedReader<Long> {
      private final FiniteSequence source;
      private long next;
      private long current = -1;
      private boolean done;

      Reader(FiniteSequence source, long next) {
        this.source = source;
        this.next = next;
      }

      @Override
      public boolean start() {
        return advance();
      }

      @Override
      public boolean advance() {
        while (next < source.end && !source.mine(next)) {
          next++;
        }
        if (next >= source.end) {
          done = true;
          return false;
        }
        current = next;
        next++;
        return true;
      }

      @Override
      public Long getCurrent() {
        if (current < 0) {
          throw new NoSuchElementException("FiniteSequence: no index read yet; call start()");
        }
        return current;
      }

      @Override
      public Instant getCurrentTimestamp() {
        return time(getCurrent(), source.series);
      }

      @Override
      public Instant getWatermark() {
        if (done) {
          return BoundedWindow.TIMESTAMP_MAX_VALUE;
        }
        long index = current < 0 ? next : current;
        return time(index, source.series).minus(Duration.millis(1));
      }

      @Override
      public CheckpointMark getCheckpointMark() {
        return new Mark(next);
      }

      @Override
      public FiniteSequence getCurrentSource() {
        return source;
      }

      @Override
      public void close() {}
    }
  }
}
