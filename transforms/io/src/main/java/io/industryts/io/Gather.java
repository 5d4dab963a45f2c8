package io.industryts.io;

import io.industryts.engine.KeyGroups;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Brings every element of a collection to one worker, as one group, even when the collection is
 * empty (a writer must still write a header-only file). The group also holds one {@code null}
 * marker, which consumers skip. The group goes through the engine's {@link KeyGroups}, which spares
 * the DirectRunner a copy of every element through its coder.
 */
final class Gather<T> extends PTransform<PCollection<T>, PCollection<KV<Integer, Iterable<T>>>> {
  private static final long serialVersionUID = 1L;

  static <T> Gather<T> all() {
    return new Gather<>();
  }

  @Override
  public PCollection<KV<Integer, Iterable<T>>> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    KvCoder<Integer, T> kv = KvCoder.of(VarIntCoder.of(), NullableCoder.of(coder));
    PCollection<KV<Integer, T>> keyed =
        input
            .apply(
                "GlobalWindow",
                Window.<T>into(new GlobalWindows())
                    .withTimestampCombiner(TimestampCombiner.EARLIEST))
            .apply("KeyByZero", ParDo.of(new KeyByZero<T>()))
            .setCoder(kv);
    PCollection<KV<Integer, T>> marker =
        input.getPipeline().apply("Marker", Create.of(KV.<Integer, T>of(0, null)).withCoder(kv));
    return PCollectionList.of(keyed)
        .and(marker)
        .apply("WithMarker", Flatten.pCollections())
        .apply("ToOneWorker", KeyGroups.byKey());
  }

  private static final class KeyByZero<T> extends DoFn<T, KV<Integer, T>> {
    private static final long serialVersionUID = 1L;

    /** Keys the element by 0, so all of them meet on one worker. */
    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, T>> out) {
      out.output(KV.of(0, element));
    }
  }
}
