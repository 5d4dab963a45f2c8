package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * The engine's group-by-key. On most runners it is Beam's {@link GroupByKey}. On the DirectRunner,
 * every distinct key of a {@code GroupByKey} becomes its own unit of work with a fixed cost in the
 * runner's bookkeeping (measured: about 30 ms per key and grouping on 2 cores, which made 1,000
 * small series take minutes), so there the keys are first gathered into a few hash shards, grouped
 * once per shard, and split back into per-key groups in memory. The result is the same as {@code
 * GroupByKey} with {@code TimestampCombiner.EARLIEST}: each key's values, in no particular order,
 * stamped with the earliest timestamp among them, or with the timestamp the runner gave the shard
 * when that is later (a runner may stamp a group later than its earliest value, e.g. when values
 * arrive behind the watermark hold, and output must never be earlier than the element it comes
 * from).
 *
 * <p>The shard count is {@link EngineTuningOptions#getGroupShards()} ({@code --groupShards=N};
 * {@code 0}: plain {@code GroupByKey} on every runner), by default four per core on the
 * DirectRunner, at least 8. Shards are the unit of parallel work there, so they must outnumber the
 * cores; a shard's values are held in memory, as the DirectRunner holds every group anyway.
 *
 * <p>On the DirectRunner the values themselves do not go through the grouping either: its grouping
 * state clones every value buffered for a key through the value's coder each time a new bundle adds
 * to that key (measured: a third of all CPU at 10M rows went to encoding and decoding chunks
 * there). As all of its workers share one JVM, values are parked in memory and only ids are
 * grouped: one id per bundle, shard and window, for the batch of that bundle's values in that shard
 * (with their keys and timestamps), so the grouping's cost per element is paid a few times per
 * bundle, not once per value (many small series: one chunk per series and byte range). A run that
 * fails leaves its parked values referenced until the JVM exits.
 */
public final class KeyGroups {
  private KeyGroups() {}

  /**
   * Groups chunks by series: each series' chunks, keyed by the series, as {@link #byKey()} would
   * group them keyed by {@link Chunk#key()}. Blocks ({@link Chunk#block}) are taken apart here and
   * nowhere before: on the DirectRunner each bundle's blocks are cut into one block per shard, and
   * a shard's series are built straight from those, one chunk per series (its pieces concatenated
   * in the order of their first rows); elsewhere each block is split into one chunk per series
   * before a plain grouping. With {@code dropOrigins} rows lose their origins on the way.
   */
  public static BySeries bySeries(ChunkLayout layout, boolean dropOrigins) {
    return new BySeries(layout, dropOrigins);
  }

  /** The grouping by series; see {@link #bySeries}. */
  public static final class BySeries
      extends PTransform<PCollection<Chunk>, PCollection<KV<Row, Iterable<Chunk>>>> {
    private static final long serialVersionUID = 1L;
    private final ChunkLayout layout;
    private final boolean dropOrigins;

    BySeries(ChunkLayout layout, boolean dropOrigins) {
      this.layout = layout;
      this.dropOrigins = dropOrigins;
    }

    @Override
    public PCollection<KV<Row, Iterable<Chunk>>> expand(PCollection<Chunk> input) {
      PipelineOptions options = input.getPipeline().getOptions();
      int shards = shards(options);
      RowCoder keyCoder = RowCoder.of(layout.keySchema());
      ChunkCoder chunkCoder = ChunkCoder.of(layout);
      if (shards == 0 || !isDirect(options)) {
        return input
            .apply("KeyBySeries", ParDo.of(new KeyBySeriesFn(dropOrigins)))
            .setCoder(KvCoder.of(keyCoder, chunkCoder))
            .apply("Group", byKey());
      }
      return input
          .apply("ToShards", ParDo.of(new SeriesShardBatchFn(shards, dropOrigins)))
          .setCoder(KvCoder.of(VarIntCoder.of(), VarLongCoder.of()))
          // a shard must carry its earliest value's time, not the end of its window
          .apply(
              "EarliestShardTimestamps",
              Window.<KV<Integer, Long>>configure()
                  .withTimestampCombiner(TimestampCombiner.EARLIEST))
          .apply("GroupShards", GroupByKey.create())
          .apply("SplitShards", ParDo.of(new SplitSeriesBatchFn()))
          .setCoder(KvCoder.of(keyCoder, IterableCoder.of(chunkCoder)));
    }
  }

  /**
   * Keys each non-empty chunk by its series; a block becomes one chunk per series, each stamped
   * with its own earliest time (the time a reader gives a chunk of that series alone).
   */
  static final class KeyBySeriesFn extends DoFn<Chunk, KV<Row, Chunk>> {
    private final boolean dropOrigins;

    KeyBySeriesFn(boolean dropOrigins) {
      this.dropOrigins = dropOrigins;
    }

    @ProcessElement
    public void process(@Element Chunk element, OutputReceiver<KV<Row, Chunk>> out) {
      if (element.size() == 0) {
        return;
      }
      Chunk chunk = dropOrigins ? element.withoutOrigins() : element;
      if (!chunk.isBlock()) {
        out.output(KV.of(chunk.key(), chunk));
        return;
      }
      for (int s = 0; s < chunk.seriesCount(); s++) {
        if (chunk.seriesEnd(s) > chunk.seriesStart(s)) {
          out.outputWithTimestamp(
              KV.of(chunk.seriesKey(s), chunk.series(s)), new Instant(minTime(chunk, s)));
        }
      }
    }
  }

  /** The earliest time among the rows of series {@code s} of {@code chunk}. */
  static long minTime(Chunk chunk, int s) {
    long[] t = chunk.times();
    long min = Long.MAX_VALUE;
    for (int i = chunk.seriesStart(s); i < chunk.seriesEnd(s); i++) {
      min = Math.min(min, t[i]);
    }
    return min;
  }

  /** A shard's chunks and blocks of one bundle and window, and their earliest time. */
  static final class ShardBatch {
    final List<Chunk> chunks = new ArrayList<>();
    final List<Long> millis = new ArrayList<>(); // per chunk: its element time; per block: unused
    long earliest = Long.MAX_VALUE;
  }

  /**
   * {@link ToShardBatchFn} for chunks: collects a bundle's chunks by shard and window and parks
   * each batch when the bundle ends. A block is cut into one block per shard holding that shard's
   * series (so the bundle's block is free once the batches are parked, and each shard's rows once
   * that shard is split), never into one chunk per series: with 10,000 small series per byte range
   * that was ~110,000 chunks of ~9 rows for 1M rows, some forty objects each, all alive at once.
   */
  static final class SeriesShardBatchFn extends DoFn<Chunk, KV<Integer, Long>> {
    private final int shards;
    private final boolean dropOrigins;
    private transient Map<KV<Integer, BoundedWindow>, ShardBatch> batches;

    SeriesShardBatchFn(int shards, boolean dropOrigins) {
      this.shards = shards;
      this.dropOrigins = dropOrigins;
    }

    @StartBundle
    public void start() {
      batches = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element Chunk element, @Timestamp Instant ts, BoundedWindow window) {
      if (element.size() == 0) {
        return;
      }
      Chunk chunk = dropOrigins ? element.withoutOrigins() : element;
      if (!chunk.isBlock()) {
        // keys are Rows, whose hash codes are value-based
        ShardBatch b = batch(Math.floorMod(chunk.key().hashCode(), shards), window);
        b.chunks.add(chunk);
        b.millis.add(ts.getMillis());
        b.earliest = Math.min(b.earliest, ts.getMillis());
        return;
      }
      int n = chunk.seriesCount();
      int[] shardOf = new int[n];
      int[] counts = new int[shards];
      for (int s = 0; s < n; s++) {
        shardOf[s] = Math.floorMod(chunk.seriesKey(s).hashCode(), shards);
        counts[shardOf[s]]++;
      }
      for (int shard = 0; shard < shards; shard++) {
        if (counts[shard] == 0) {
          continue;
        }
        Chunk part;
        if (counts[shard] == n) {
          part = chunk;
        } else {
          int[] which = new int[counts[shard]];
          int k = 0;
          for (int s = 0; s < n; s++) {
            if (shardOf[s] == shard) {
              which[k++] = s;
            }
          }
          part = chunk.seriesSubset(which, k);
        }
        ShardBatch b = batch(shard, window);
        b.chunks.add(part);
        b.millis.add(null);
        for (long t : part.times()) {
          b.earliest = Math.min(b.earliest, t);
        }
      }
    }

    private ShardBatch batch(int shard, BoundedWindow window) {
      return batches.computeIfAbsent(KV.of(shard, window), k -> new ShardBatch());
    }

    @FinishBundle
    public void finish(FinishBundleContext out) {
      for (Map.Entry<KV<Integer, BoundedWindow>, ShardBatch> b : batches.entrySet()) {
        out.output(
            KV.of(b.getKey().getKey(), Parked.park(b.getValue())),
            new Instant(b.getValue().earliest),
            b.getKey().getValue());
      }
      batches = null;
    }
  }

  /** A series' pieces in a shard: whole chunks, or series of blocks. */
  static final class SeriesPieces {
    final List<Chunk> chunks = new ArrayList<>(); // whole chunks of the series
    final List<Chunk> blocks = new ArrayList<>(); // blocks holding the series ...
    final List<Integer> indexes = new ArrayList<>(); // ... as their series number
    long earliest = Long.MAX_VALUE;
  }

  /**
   * {@link SplitShardBatchFn} for chunks: splits one shard of parked batches into its series'
   * groups, each stamped with its own earliest time, or the shard's time when that is later. A
   * series found in blocks is emitted as one chunk built from its pieces in the order of their
   * first rows (time, then seq), with any whole chunks of the series beside it.
   */
  static final class SplitSeriesBatchFn
      extends DoFn<KV<Integer, Iterable<Long>>, KV<Row, Iterable<Chunk>>> {
    /**
     * The series' pieces in its blocks as one chunk, copied once: the pieces in the order of their
     * first rows (time, then seq), the order in which the merge of a series' chunks puts them.
     */
    private static Chunk build(Row key, SeriesPieces g) {
      int count = g.blocks.size();
      Chunk[] parts = g.blocks.toArray(new Chunk[0]);
      int[] from = new int[count];
      int[] to = new int[count];
      Integer[] order = new Integer[count];
      for (int i = 0; i < count; i++) {
        int s = g.indexes.get(i);
        from[i] = parts[i].seriesStart(s);
        to[i] = parts[i].seriesEnd(s);
        order[i] = i;
      }
      if (count == 1) {
        return parts[0].series(g.indexes.get(0));
      }
      Arrays.sort(
          order,
          (x, y) -> {
            int byTime = Long.compare(parts[x].times()[from[x]], parts[y].times()[from[y]]);
            return byTime != 0
                ? byTime
                : Long.compare(parts[x].seqs()[from[x]], parts[y].seqs()[from[y]]);
          });
      Chunk[] sortedParts = new Chunk[count];
      int[] sortedFrom = new int[count];
      int[] sortedTo = new int[count];
      for (int i = 0; i < count; i++) {
        sortedParts[i] = parts[order[i]];
        sortedFrom[i] = from[order[i]];
        sortedTo[i] = to[order[i]];
      }
      return Chunk.concatRanges(key, sortedParts, sortedFrom, sortedTo, count);
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<Long>> shard,
        @Timestamp Instant shardTime,
        OutputReceiver<KV<Row, Iterable<Chunk>>> out) {
      Map<Row, SeriesPieces> groups = new LinkedHashMap<>();
      for (Long id : shard.getValue()) {
        ShardBatch batch = Parked.take(id);
        for (int i = 0; i < batch.chunks.size(); i++) {
          Chunk c = batch.chunks.get(i);
          if (!c.isBlock()) {
            SeriesPieces g = groups.computeIfAbsent(c.key(), k -> new SeriesPieces());
            g.chunks.add(c);
            g.earliest = Math.min(g.earliest, batch.millis.get(i));
            continue;
          }
          for (int s = 0; s < c.seriesCount(); s++) {
            if (c.seriesEnd(s) == c.seriesStart(s)) {
              continue;
            }
            SeriesPieces g = groups.computeIfAbsent(c.seriesKey(s), k -> new SeriesPieces());
            g.blocks.add(c);
            g.indexes.add(s);
            g.earliest = Math.min(g.earliest, minTime(c, s));
          }
        }
      }
      for (Map.Entry<Row, SeriesPieces> e : groups.entrySet()) {
        SeriesPieces g = e.getValue();
        List<Chunk> values = g.chunks;
        if (!g.blocks.isEmpty()) {
          values = new ArrayList<>(g.chunks);
          values.add(build(e.getKey(), g));
        }
        out.outputWithTimestamp(
            KV.of(e.getKey(), values), new Instant(Math.max(g.earliest, shardTime.getMillis())));
      }
    }
  }

  /** Groups by key; see the class comment for how. */
  public static <K, V> ByKey<K, V> byKey() {
    return new ByKey<>();
  }

  /** The grouping as a transform, a drop-in for {@code GroupByKey.create()}. */
  public static final class ByKey<K, V>
      extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
      PipelineOptions options = input.getPipeline().getOptions();
      int shards = shards(options);
      if (shards == 0) {
        return input.apply("GroupByKey", GroupByKey.create());
      }
      KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
      return isDirect(options) ? viaParkedBatches(input, shards) : viaShards(input, shards);
    }

    /**
     * Shards whose elements are parked batches: each bundle's values of one shard and window, with
     * their keys and timestamps, travel as one id, so the grouping handles a few elements per
     * bundle instead of one per value.
     */
    private PCollection<KV<K, Iterable<V>>> viaParkedBatches(
        PCollection<KV<K, V>> input, int shards) {
      KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
      return input
          .apply("ToShards", ParDo.of(new ToShardBatchFn<K, V>(shards)))
          .setCoder(KvCoder.of(VarIntCoder.of(), VarLongCoder.of()))
          // a shard must carry its earliest value's time, not the end of its window
          .apply(
              "EarliestShardTimestamps",
              Window.<KV<Integer, Long>>configure()
                  .withTimestampCombiner(TimestampCombiner.EARLIEST))
          .apply("GroupShards", GroupByKey.create())
          .apply("SplitShards", ParDo.of(new SplitShardBatchFn<K, V>()))
          .setCoder(KvCoder.of(coder.getKeyCoder(), IterableCoder.of(coder.getValueCoder())));
    }

    /** Shards carrying the values themselves (runners whose workers do not share a JVM). */
    private PCollection<KV<K, Iterable<V>>> viaShards(PCollection<KV<K, V>> input, int shards) {
      KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
      Coder<KV<KV<K, Long>, V>> stamped =
          KvCoder.of(KvCoder.of(coder.getKeyCoder(), VarLongCoder.of()), coder.getValueCoder());
      return input
          .apply("ToShards", ParDo.of(new ToShardFn<K, V>(shards)))
          .setCoder(KvCoder.of(VarIntCoder.of(), stamped))
          // a shard must carry its earliest value's time, not the end of its window
          .apply(
              "EarliestShardTimestamps",
              Window.<KV<Integer, KV<KV<K, Long>, V>>>configure()
                  .withTimestampCombiner(TimestampCombiner.EARLIEST))
          .apply("GroupShards", GroupByKey.create())
          .apply("SplitShards", ParDo.of(new SplitShardFn<K, V>()))
          .setCoder(KvCoder.of(coder.getKeyCoder(), IterableCoder.of(coder.getValueCoder())));
    }
  }

  /** Whether the workers of a run with {@code options} share this JVM (the DirectRunner). */
  static boolean isDirect(PipelineOptions options) {
    return options.as(EngineTuningOptions.class).getWorkersInProcess();
  }

  /** Batches parked in this JVM between {@link ToShardBatchFn} and {@link SplitShardBatchFn}. */
  static final class Parked {
    private static final Map<Long, Object> VALUES = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final Object NULL = new Object(); // the map holds no nulls

    private Parked() {}

    static long park(Object value) {
      long id = NEXT_ID.incrementAndGet();
      VALUES.put(id, value == null ? NULL : value);
      return id;
    }

    @SuppressWarnings("unchecked")
    static <V> V take(long id) {
      Object value = VALUES.remove(id);
      if (value == null) {
        throw new IllegalStateException(
            "industryts: grouped value "
                + id
                + " was taken twice "
                + "or never parked in this JVM (values are parked only on the DirectRunner, whose "
                + "workers share one JVM). Set --groupShards=0 to group without parking.");
      }
      return value == NULL ? null : (V) value;
    }

    /** Values parked and not yet taken (tests). */
    static int size() {
      return VALUES.size();
    }
  }

  /** The shard count for a pipeline run with {@code options}: 0 means plain GroupByKey. */
  static int shards(PipelineOptions options) {
    int n = options.as(EngineTuningOptions.class).getGroupShards();
    if (n < 0) {
      throw new IllegalArgumentException(
          "industryts: groupShards must be >= 0. Got "
              + n
              + ". Use --groupShards=0 for one group per key, or a shard count such as 4 per core.");
    }
    return n;
  }

  /** Keys each value by its key's shard; the value keeps its key and its timestamp. */
  static final class ToShardFn<K, V> extends DoFn<KV<K, V>, KV<Integer, KV<KV<K, Long>, V>>> {
    private final int shards;

    ToShardFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(
        @Element KV<K, V> e,
        @Timestamp Instant ts,
        OutputReceiver<KV<Integer, KV<KV<K, Long>, V>>> out) {
      // keys are Rows and KVs of Rows and longs, whose hash codes are value-based
      int shard = Math.floorMod(e.getKey().hashCode(), shards);
      out.output(KV.of(shard, KV.of(KV.of(e.getKey(), ts.getMillis()), e.getValue())));
    }
  }

  /**
   * One key's values in a shard and their earliest timestamp. One map entry per key, not a map for
   * the values and another for the timestamps: keys are rows, whose hash is computed from their
   * values on every lookup, and with many small series each key has few values.
   */
  static final class Group<V> {
    final List<V> values = new ArrayList<>();
    long earliest = Long.MAX_VALUE;

    static <K, V> void add(Map<K, Group<V>> groups, K key, long millis, V value) {
      Group<V> g = groups.get(key);
      if (g == null) {
        g = new Group<>();
        groups.put(key, g);
      }
      g.values.add(value);
      g.earliest = Math.min(g.earliest, millis);
    }
  }

  /** One value of a parked batch: its key, its timestamp (millis) and the value. */
  static final class Entry<K, V> {
    final K key;
    final long millis;
    final V value;

    Entry(K key, long millis, V value) {
      this.key = key;
      this.millis = millis;
      this.value = value;
    }
  }

  /**
   * Collects a bundle's values by shard and window and, when the bundle ends, parks each batch and
   * emits its id keyed by the shard, in its window, at the batch's earliest timestamp (the shard's
   * earliest timestamp is then the same as if every value had travelled alone). Keyed input read as
   * one small chunk per series and byte range (1M rows of 10,000 tags: ~110,000 chunks) made each
   * chunk a grouped element of its own, with its key encoded and its bag entry copied by the
   * DirectRunner.
   */
  static final class ToShardBatchFn<K, V> extends DoFn<KV<K, V>, KV<Integer, Long>> {
    private final int shards;
    private transient Map<KV<Integer, BoundedWindow>, List<Entry<K, V>>> batches;

    ToShardBatchFn(int shards) {
      this.shards = shards;
    }

    @StartBundle
    public void start() {
      batches = new HashMap<>();
    }

    @ProcessElement
    public void process(@Element KV<K, V> e, @Timestamp Instant ts, BoundedWindow window) {
      // keys are Rows and KVs of Rows and longs, whose hash codes are value-based
      int shard = Math.floorMod(e.getKey().hashCode(), shards);
      batches
          .computeIfAbsent(KV.of(shard, window), k -> new ArrayList<>())
          .add(new Entry<>(e.getKey(), ts.getMillis(), e.getValue()));
    }

    @FinishBundle
    public void finish(FinishBundleContext out) {
      for (Map.Entry<KV<Integer, BoundedWindow>, List<Entry<K, V>>> b : batches.entrySet()) {
        long earliest = Long.MAX_VALUE;
        for (Entry<K, V> e : b.getValue()) {
          earliest = Math.min(earliest, e.millis);
        }
        out.output(
            KV.of(b.getKey().getKey(), Parked.park(b.getValue())),
            new Instant(earliest),
            b.getKey().getValue());
      }
      batches = null;
    }
  }

  /**
   * Splits one shard of parked batches into its keys' groups, each stamped with its own earliest
   * timestamp, or the shard's timestamp when that is later.
   */
  static final class SplitShardBatchFn<K, V>
      extends DoFn<KV<Integer, Iterable<Long>>, KV<K, Iterable<V>>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<Long>> shard,
        @Timestamp Instant shardTime,
        OutputReceiver<KV<K, Iterable<V>>> out) {
      Map<K, Group<V>> groups = new LinkedHashMap<>();
      for (Long id : shard.getValue()) {
        List<Entry<K, V>> batch = Parked.take(id);
        for (Entry<K, V> e : batch) {
          Group.add(groups, e.key, e.millis, e.value);
        }
      }
      for (Map.Entry<K, Group<V>> g : groups.entrySet()) {
        Group<V> group = g.getValue();
        out.outputWithTimestamp(
            KV.of(g.getKey(), group.values),
            new Instant(Math.max(group.earliest, shardTime.getMillis())));
      }
    }
  }

  /**
   * Splits one shard into its keys' groups, each stamped with its own earliest timestamp, or the
   * shard's timestamp when that is later.
   */
  static final class SplitShardFn<K, V>
      extends DoFn<KV<Integer, Iterable<KV<KV<K, Long>, V>>>, KV<K, Iterable<V>>> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<KV<K, Long>, V>>> shard,
        @Timestamp Instant shardTime,
        OutputReceiver<KV<K, Iterable<V>>> out) {
      Map<K, Group<V>> groups = new LinkedHashMap<>();
      for (KV<KV<K, Long>, V> e : shard.getValue()) {
        Group.add(groups, e.getKey().getKey(), e.getKey().getValue(), e.getValue());
      }
      for (Map.Entry<K, Group<V>> g : groups.entrySet()) {
        Group<V> group = g.getValue();
        out.outputWithTimestamp(
            KV.of(g.getKey(), group.values),
            new Instant(Math.max(group.earliest, shardTime.getMillis())));
      }
    }
  }
}
