package io.industryts.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * The engine's group-by-key. On most runners it is Beam's {@link GroupByKey}. On the
 * DirectRunner, every distinct key of a {@code GroupByKey} becomes its own unit of work with a
 * fixed cost in the runner's bookkeeping (measured: about 30 ms per key and grouping on 2 cores,
 * which made 1,000 small series take minutes), so there the keys are first gathered into a few
 * hash shards, grouped once per shard, and split back into per-key groups in memory. The result is
 * the same as {@code GroupByKey} with {@code TimestampCombiner.EARLIEST}: each key's values, in no
 * particular order, stamped with the earliest timestamp among them.
 *
 * <p>The shard count is {@code -Dindustryts.groupShards=N} when set ({@code 0}: plain {@code
 * GroupByKey} on every runner), else four per core on the DirectRunner, at least 8. Shards are the
 * unit of parallel work there, so they must outnumber the cores; a shard's values are held in
 * memory, as the DirectRunner holds every group anyway.
 */
final class KeyGroups {
  private KeyGroups() {}

  /** Groups by key; see the class comment for how. */
  static <K, V> ByKey<K, V> byKey() {
    return new ByKey<>();
  }

  /** The grouping as a transform, a drop-in for {@code GroupByKey.create()}. */
  static final class ByKey<K, V>
      extends PTransform<PCollection<KV<K, V>>, PCollection<KV<K, Iterable<V>>>> {
    @Override
    public PCollection<KV<K, Iterable<V>>> expand(PCollection<KV<K, V>> input) {
      int shards = shards(input.getPipeline().getOptions());
      if (shards == 0) {
        return input.apply("GroupByKey", GroupByKey.create());
      }
      KvCoder<K, V> coder = (KvCoder<K, V>) input.getCoder();
      Coder<KV<KV<K, Long>, V>> stamped =
          KvCoder.of(KvCoder.of(coder.getKeyCoder(), VarLongCoder.of()), coder.getValueCoder());
      return input
          .apply("ToShards", ParDo.of(new ToShardFn<K, V>(shards)))
          .setCoder(KvCoder.of(VarIntCoder.of(), stamped))
          .apply("GroupShards", GroupByKey.create())
          .apply("SplitShards", ParDo.of(new SplitShardFn<K, V>()))
          .setCoder(KvCoder.of(coder.getKeyCoder(), IterableCoder.of(coder.getValueCoder())));
    }
  }

  /** The shard count for a pipeline run with {@code options}: 0 means plain GroupByKey. */
  static int shards(PipelineOptions options) {
    String set = System.getProperty("industryts.groupShards");
    if (set != null) {
      int n = Integer.parseInt(set.trim());
      if (n < 0) {
        throw new IllegalArgumentException("industryts.groupShards must be >= 0. Got " + n
            + ". Use 0 for one group per key, or a shard count such as 4 per core.");
      }
      return n;
    }
    boolean direct = options.getRunner() != null
        && options.getRunner().getSimpleName().equals("DirectRunner");
    return direct ? Math.max(8, 4 * Runtime.getRuntime().availableProcessors()) : 0;
  }

  /** Keys each value by its key's shard; the value keeps its key and its timestamp. */
  static final class ToShardFn<K, V> extends DoFn<KV<K, V>, KV<Integer, KV<KV<K, Long>, V>>> {
    private final int shards;

    ToShardFn(int shards) {
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<K, V> e, @Timestamp Instant ts,
        OutputReceiver<KV<Integer, KV<KV<K, Long>, V>>> out) {
      // keys are Rows and KVs of Rows and longs, whose hash codes are value-based
      int shard = Math.floorMod(e.getKey().hashCode(), shards);
      out.output(KV.of(shard, KV.of(KV.of(e.getKey(), ts.getMillis()), e.getValue())));
    }
  }

  /** Splits one shard into its keys' groups, each stamped with its own earliest timestamp. */
  static final class SplitShardFn<K, V>
      extends DoFn<KV<Integer, Iterable<KV<KV<K, Long>, V>>>, KV<K, Iterable<V>>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<KV<K, Long>, V>>> shard,
        OutputReceiver<KV<K, Iterable<V>>> out) {
      Map<K, List<V>> groups = new LinkedHashMap<>();
      Map<K, Long> earliest = new LinkedHashMap<>();
      for (KV<KV<K, Long>, V> e : shard.getValue()) {
        K key = e.getKey().getKey();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getValue());
        earliest.merge(key, e.getKey().getValue(), Math::min);
      }
      for (Map.Entry<K, List<V>> g : groups.entrySet()) {
        out.outputWithTimestamp(KV.of(g.getKey(), g.getValue()),
            new Instant(earliest.get(g.getKey())));
      }
    }
  }
}
