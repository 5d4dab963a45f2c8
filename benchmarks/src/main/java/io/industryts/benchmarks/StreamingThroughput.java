package io.industryts.benchmarks;

import io.industryts.TimeSeriesPipeline;
import io.industryts.ops.Diff;
import io.industryts.ops.FillNull;
import io.industryts.ops.Lag;
import io.industryts.ops.Resample;
import io.industryts.ops.Rolling;
import io.industryts.runners.RunnerSetup;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.CRC32;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
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
 * would write for the same work, the batch run of the same rows, and the source alone (reading and
 * building the rows: the ceiling of every variant). Prints per run rows/s, wall and CPU time, peak
 * heap and the output's lag behind the watermark, then the streaming run's rows/s ratios, and
 * checks that the streaming rows equal the batch rows (count and an order-independent checksum);
 * exits 1 when they do not.
 *
 * <pre>
 *   export MAVEN_OPTS=-Xmx1g
 *   mvn -B -q -DskipTests -Pflink -pl benchmarks -am package dependency:build-classpath \
 *       -Dmdep.outputFile=/tmp/bench.cp
 *   java -Xmx1g -cp "benchmarks/target/classes:$(cat /tmp/bench.cp)" \
 *       io.industryts.benchmarks.StreamingThroughput 20000 1,100,10000
 *   # Flink (embedded, parallelism 2; the launcher's Flink defaults are added):
 *   java -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED \
 *       --add-opens=java.base/java.util=ALL-UNNAMED -cp ... \
 *       io.industryts.benchmarks.StreamingThroughput 1000000 1,100,10000 --runner=FlinkRunner
 * </pre>
 *
 * <p>Arguments: ROWS per run (default 100,000), the series counts (default {@code 1,100,10000}),
 * optionally the variants to run ({@code streaming,baseline,batch,source}, default all), then Beam
 * options. Row {@code i} belongs to series {@code i % SERIES} at second {@code i / SERIES} (1 s
 * cadence per series, every seventh second's {@code value} missing); the source emits the rows in
 * time order as fast as it is read, with the watermark just behind the last row, and ends with the
 * final watermark so every bucket is emitted.
 *
 * <p>Lag: each source reader notes when its watermark first passes a bucket's last instant; each
 * output bucket row notes the time since every reader had (see {@link WatermarkLag}). It is the
 * processing-time delay from "the input watermark passed the bucket" to "the bucket's row reached
 * the end of the pipeline", backlog included.
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
    int next = 2;
    EnumSet<Variant> variants = EnumSet.allOf(Variant.class);
    if (args.length > next && !args[next].startsWith("--")) {
      variants = EnumSet.noneOf(Variant.class);
      for (String v : args[next].split(",")) {
        variants.add(Variant.valueOf(v.trim().toUpperCase(Locale.ROOT)));
      }
      next++;
    }
    String[] beamArgs =
        args.length > next ? Arrays.copyOfRange(args, next, args.length) : new String[0];
    if (Arrays.asList(beamArgs).contains("--runner=FlinkRunner")) {
      // the launcher's Flink defaults: parallelism 2 unless given, no deep copy of chunks between
      // chained operators, and the small local configuration of an embedded cluster
      beamArgs =
          RunnerSetup.beamArgs("FlinkRunner", 2, "streaming-throughput", Arrays.asList(beamArgs))
              .toArray(new String[0]);
    }
    System.out.printf(
        Locale.ROOT,
        "rows=%d runner args=%s cores=%d max heap=%d MB%n",
        rows,
        Arrays.toString(beamArgs),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "%-7s %-10s %9s %9s %20s %7s %7s %10s %9s %8s %8s %8s%n",
        "series",
        "variant",
        "rows_in",
        "rows_out",
        "checksum",
        "wall_s",
        "cpu_s",
        "rows/s",
        "heap_MB",
        "lag50_s",
        "lag95_s",
        "lagmax_s");
    List<String> failures = new ArrayList<>();
    // a warm-up run (small, not reported) so the first measured run does not pay class loading
    for (Variant v : variants) {
      run(v, Math.min(rows, 20_000), 10, beamArgs);
    }
    for (int series : seriesCounts) {
      Map<Variant, Measured> measured = new EnumMap<>(Variant.class);
      for (Variant v : variants) {
        Measured m = run(v, rows, series, beamArgs);
        print(series, v, rows, m);
        measured.put(v, m);
      }
      Measured streaming = measured.get(Variant.STREAMING);
      Measured baseline = measured.get(Variant.BASELINE);
      Measured batch = measured.get(Variant.BATCH);
      if (streaming != null
          && batch != null
          && (streaming.rowsOut != batch.rowsOut || streaming.checksum != batch.checksum)) {
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
      Measured source = measured.get(Variant.SOURCE);
      if (source != null && source.rowsOut != rows) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%d series: the source gave %d rows of %d",
                series,
                source.rowsOut,
                rows));
      }
      if (streaming != null) {
        // rows/s ratios of the same rows (wall time); the targets are >= 10 and >= 0.33
        System.out.printf(
            Locale.ROOT,
            "  %d series: streaming rows/s = %s the baseline's, %s the batch run's, %s the"
                + " source's alone%n",
            series,
            ratio(streaming, baseline),
            ratio(streaming, batch),
            ratio(streaming, source));
      }
      Measured reference = batch != null ? batch : streaming;
      if (baseline != null && reference != null && baseline.rowsOut != reference.rowsOut) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%d series: the per-element baseline gave %d buckets, the pipeline %d",
                series,
                baseline.rowsOut,
                reference.rowsOut));
      }
    }
    if (!failures.isEmpty()) {
      System.out.println("MISMATCH:");
      failures.forEach(f -> System.out.println("  " + f));
      System.exit(1);
    }
    System.out.println(
        "OK: for every series count the streaming rows equal the batch rows (count and checksum),"
            + " and the baseline emits as many buckets (of the variants run)");
  }

  /** The three ways of running the same rows. */
  enum Variant {
    /** Unbounded source, {@link TimeSeriesPipeline} (the streaming executor). */
    STREAMING,
    /** Unbounded source, a per-element stateful {@code DoFn} with event-time timers. */
    BASELINE,
    /** Bounded source, {@link TimeSeriesPipeline} (the batch executors). */
    BATCH,
    /**
     * Unbounded source and the rows only, no processing: what reading and building the rows cost,
     * the ceiling of any variant's rows/s. Its rows out are the rows in.
     */
    SOURCE
  }

  /** What one run measured. */
  static final class Measured {
    long rowsOut;
    long checksum;
    double wallSeconds;
    double cpuSeconds;
    long peakHeapBytes;

    /** Output lag behind the source's watermark, seconds: median, 95th percentile, maximum. */
    double lag50 = Double.NaN;

    double lag95 = Double.NaN;
    double lagMax = Double.NaN;
  }

  /** {@code a}'s rows/s over {@code b}'s for the same rows, or "-" when b was not run. */
  static String ratio(Measured a, Measured b) {
    return b == null ? "-" : String.format(Locale.ROOT, "%.2fx", b.wallSeconds / a.wallSeconds);
  }

  static void print(int series, Variant variant, long rows, Measured m) {
    System.out.printf(
        Locale.ROOT,
        "%-7d %-10s %9d %9d %20d %7.2f %7.2f %10.0f %9d %8.2f %8.2f %8.2f%n",
        series,
        variant.name().toLowerCase(Locale.ROOT),
        rows,
        m.rowsOut,
        m.checksum,
        m.wallSeconds,
        m.cpuSeconds,
        rows / m.wallSeconds,
        m.peakHeapBytes >> 20,
        m.lag50,
        m.lag95,
        m.lagMax);
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
    if (variant == Variant.SOURCE) {
      output = input;
    } else if (variant == Variant.BASELINE) {
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
    output.apply("Checksum", ParDo.of(new ChecksumFn(variant != Variant.SOURCE)));

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
    WatermarkLag.reset();
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
    List<Long> lags = new ArrayList<>(WatermarkLag.LAGS);
    if (!lags.isEmpty() && variant != Variant.BATCH) {
      Collections.sort(lags);
      m.lag50 = lags.get(lags.size() / 2) / 1e9;
      m.lag95 = lags.get(Math.min(lags.size() - 1, (int) (lags.size() * 0.95))) / 1e9;
      m.lagMax = lags.get(lags.size() - 1) / 1e9;
    }
    if (WatermarkLag.EARLY.get() > 0 && variant != Variant.BATCH) {
      System.out.printf(
          Locale.ROOT,
          "  note: %d output rows reached the end before every reader's watermark passed their"
              + " bucket (no lag recorded for them)%n",
          WatermarkLag.EARLY.get());
    }
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
    private final boolean buckets;

    /** {@code buckets}: the rows are one-minute buckets, so record their lag. */
    ChecksumFn(boolean buckets) {
      this.buckets = buckets;
    }

    @ProcessElement
    public void process(@Element Row row) {
      if (buckets) {
        WatermarkLag.output(row.getDateTime("time").getMillis());
      }
      CRC32 crc = new CRC32();
      crc.update(row.getValues().toString().getBytes(StandardCharsets.UTF_8));
      rowsOut.inc();
      checksum.inc(crc.getValue());
    }
  }

  /**
   * Output lag behind the watermark. Each source reader records (System.nanoTime) when its
   * watermark first passes the last instant of each one-minute bucket; each output row (labelled
   * with its bucket's start) records the time since the last reader did, i.e. since the input
   * watermark of the whole pipeline passed the bucket. Static: the DirectRunner and the embedded
   * Flink cluster run the pipeline in this JVM.
   */
  static final class WatermarkLag {
    private WatermarkLag() {}

    /** Bucket's last instant (millis) → per reader, when its watermark passed it (or UNSET). */
    static final ConcurrentHashMap<Long, AtomicLongArray> PASSED = new ConcurrentHashMap<>();

    /** Per output row, nanoseconds since the watermark passed its bucket. */
    static final ConcurrentLinkedQueue<Long> LAGS = new ConcurrentLinkedQueue<>();

    /** Output rows seen before every reader's watermark had passed their bucket. */
    static final AtomicLong EARLY = new AtomicLong();

    static final long UNSET = Long.MIN_VALUE;

    static void reset() {
      PASSED.clear();
      LAGS.clear();
      EARLY.set(0);
    }

    static void passed(long bucketLast, int split, int splits, long nanos) {
      AtomicLongArray at =
          PASSED.computeIfAbsent(
              bucketLast,
              k -> {
                AtomicLongArray a = new AtomicLongArray(splits);
                for (int i = 0; i < splits; i++) {
                  a.set(i, UNSET);
                }
                return a;
              });
      at.compareAndSet(split, UNSET, nanos);
    }

    static void output(long bucketStart) {
      long now = System.nanoTime();
      AtomicLongArray at = PASSED.get(bucketStart + BUCKET.getMillis() - 1);
      if (at == null) {
        EARLY.incrementAndGet();
        return;
      }
      long last = UNSET;
      for (int i = 0; i < at.length(); i++) {
        long v = at.get(i);
        if (v == UNSET) {
          EARLY.incrementAndGet();
          return;
        }
        last = last == UNSET ? v : Math.max(last, v);
      }
      LAGS.add(now - last);
    }
  }

  /**
   * The stateful {@code DoFn} a Beam author would write for the same work, one element at a time:
   * forward fill, lag 1, the mean over the last 30 s, the difference of that mean, and the
   * one-minute mean of every column emitted at the bucket's end. Rows of one series may reach it in
   * any order (the runner hands two bundles of one key over in either order), so, to be correct, it
   * appends each row to a {@code BagState} and keeps one event-time timer at the end of the
   * earliest open bucket; when the timer fires it sorts the buffered rows and processes those up to
   * the timer one at a time, reading and writing its per-row state ({@code ValueState}s and the
   * rolling window's {@code BagState}) for each row, then emits the buckets that ended.
   */
  static final class PerElementFn extends DoFn<KV<String, Row>, Row> {
    private static final long serialVersionUID = 1L;

    @StateId("pending")
    private final StateSpec<BagState<Row>> pendingSpec = StateSpecs.bag(RowCoder.of(SCHEMA));

    @StateId("timerAt")
    private final StateSpec<ValueState<Long>> timerAtSpec = StateSpecs.value(VarLongCoder.of());

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

    static long bucketLast(long t) {
      return Math.floorDiv(t - START, BUCKET.getMillis()) * BUCKET.getMillis()
          + START
          + BUCKET.getMillis()
          - 1;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Row> element,
        @StateId("pending") BagState<Row> pending,
        @StateId("timerAt") ValueState<Long> timerAt,
        @StateId("tag") ValueState<String> tag,
        @TimerId("bucketEnd") Timer bucketEnd) {
      Row row = element.getValue();
      pending.add(row);
      long at = bucketLast(row.getDateTime("time").getMillis());
      Long current = timerAt.read();
      if (current == null) {
        tag.write(element.getKey());
      }
      // one timer per series, moved only when this row's bucket ends before the one it waits for
      if (current == null || at < current) {
        timerAt.write(at);
        bucketEnd.set(new Instant(at));
      }
    }

    @OnTimer("bucketEnd")
    public void onBucketEnd(
        OnTimerContext context,
        @StateId("pending") BagState<Row> pending,
        @StateId("timerAt") ValueState<Long> timerAt,
        @StateId("last") ValueState<Double> last,
        @StateId("prev") ValueState<Double> prev,
        @StateId("prevMean") ValueState<Double> prevMean,
        @StateId("window") BagState<TimestampedValue<Double>> window,
        @StateId("buckets") ValueState<Buckets> bucketsState,
        @StateId("tag") ValueState<String> tag,
        @TimerId("bucketEnd") Timer bucketEnd) {
      long now = context.timestamp().getMillis();
      List<KV<Long, Row>> held = new ArrayList<>();
      for (Row row : pending.read()) {
        held.add(KV.of(row.getDateTime("time").getMillis(), row));
      }
      held.sort(Comparator.comparingLong(KV::getKey));
      pending.clear();
      long nextAt = Long.MAX_VALUE;
      for (KV<Long, Row> timed : held) {
        long t = timed.getKey();
        Row row = timed.getValue();
        if (t <= now) {
          step(row, t, last, prev, prevMean, window, bucketsState);
        } else {
          pending.add(row);
          nextAt = Math.min(nextAt, bucketLast(t));
        }
      }
      Buckets buckets = bucketsState.read();
      while (buckets != null
          && !buckets.open.isEmpty()
          && buckets.open.firstKey() + BUCKET.getMillis() - 1 <= now) {
        Map.Entry<Long, double[]> b = buckets.open.pollFirstEntry();
        double[] acc = b.getValue();
        Row.Builder out = Row.withSchema(BASELINE_SCHEMA).addValue(new Instant(b.getKey()));
        out.addValue(tag.read());
        for (int c = 0; c < 5; c++) {
          out.addValue(acc[2 * c + 1] == 0 ? null : acc[2 * c] / acc[2 * c + 1]);
        }
        context.output(out.build());
      }
      if (buckets != null) {
        bucketsState.write(buckets);
      }
      if (nextAt == Long.MAX_VALUE) {
        timerAt.clear();
      } else {
        timerAt.write(nextAt);
        bucketEnd.set(new Instant(nextAt));
      }
    }

    /** One row, in time order: its state is read and written as a per-element DoFn does. */
    private static void step(
        Row row,
        long t,
        ValueState<Double> last,
        ValueState<Double> prev,
        ValueState<Double> prevMean,
        BagState<TimestampedValue<Double>> window,
        ValueState<Buckets> bucketsState) {
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
      if (buckets == null) {
        buckets = new Buckets();
      }
      long start = Math.floorDiv(t - START, BUCKET.getMillis()) * BUCKET.getMillis() + START;
      double[] acc = buckets.open.computeIfAbsent(start, s -> new double[10]);
      add(acc, 0, filled);
      add(acc, 1, lag);
      add(acc, 2, mean);
      add(acc, 3, diff);
      add(acc, 4, row.getDouble("value2"));
      bucketsState.write(buckets);
    }

    private static void add(double[] acc, int column, Double v) {
      if (v != null) {
        acc[2 * column] += v;
        acc[2 * column + 1] += 1;
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

      /** The last instant of the first bucket this reader's watermark has not passed yet. */
      private long nextBucketLast = START + BUCKET.getMillis() - 1;

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
        Instant w;
        if (done) {
          w = BoundedWindow.TIMESTAMP_MAX_VALUE;
        } else {
          long index = current < 0 ? next : current;
          w = time(index, source.series).minus(Duration.millis(1));
        }
        long lastBucket = PerElementFn.bucketLast(time(source.end - 1, source.series).getMillis());
        long now = System.nanoTime();
        while (nextBucketLast <= w.getMillis() && nextBucketLast <= lastBucket) {
          WatermarkLag.passed(nextBucketLast, source.split, source.splits, now);
          nextBucketLast += BUCKET.getMillis();
        }
        return w;
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
