package io.industryts.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.IterableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's grouping equals {@code GroupByKey} with {@code TimestampCombiner.EARLIEST} whether
 * keys are gathered into shards (the DirectRunner default) or grouped one by one.
 */
@ExtendWith(BeamPipelineExtension.class)
class KeyGroupsTest {
  /** Keys k0..k49, three values each at times 3i+2, 3i, 3i+1 seconds. */
  private static PCollection<KV<String, Integer>> input(TestPipeline p) {
    List<TimestampedValue<KV<String, Integer>>> values = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      for (int j : new int[] {2, 0, 1}) {
        values.add(
            TimestampedValue.of(KV.of("k" + i, 10 * i + j), new Instant((3L * i + j) * 1000)));
      }
    }
    return p.apply(
            Create.timestamped(values)
                .withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
        .apply(
            Window.<KV<String, Integer>>configure()
                .withTimestampCombiner(TimestampCombiner.EARLIEST));
  }

  /** "key: sorted values @ timestamp seconds". */
  private static PCollection<String> describe(PCollection<KV<String, Iterable<Integer>>> groups) {
    return groups
        .apply(
            ParDo.of(
                new DoFn<KV<String, Iterable<Integer>>, String>() {
                  @ProcessElement
                  public void process(
                      @Element KV<String, Iterable<Integer>> g,
                      @Timestamp Instant ts,
                      OutputReceiver<String> out) {
                    List<Integer> v = new ArrayList<>();
                    g.getValue().forEach(v::add);
                    v.sort(null);
                    out.output(g.getKey() + ": " + v + " @ " + ts.getMillis() / 1000);
                  }
                }))
        .setTypeDescriptor(TypeDescriptors.strings());
  }

  private static List<String> expected() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      out.add(
          "k" + i + ": [" + (10 * i) + ", " + (10 * i + 1) + ", " + (10 * i + 2) + "] @ " + 3 * i);
    }
    return out;
  }

  @Test
  void shardedGroupsHoldEachKeysValuesAtTheirEarliestTimestamp(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setGroupShards(3);
    PAssert.that(describe(input(p).apply(KeyGroups.byKey()))).containsInAnyOrder(expected());
    p.run().waitUntilFinish();
  }

  @Test
  void onTheDirectRunnerValuesAreParkedAndAllTakenBack(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setGroupShards(3);
    int before = KeyGroups.Parked.size();
    PAssert.that(describe(input(p).apply(KeyGroups.byKey()))).containsInAnyOrder(expected());
    p.run().waitUntilFinish();
    assertThat(KeyGroups.Parked.size(), is(before));
  }

  @Test
  void shardsCarryingTheValuesThemselvesGiveTheSameGroups(TestPipeline p) {
    // the path of a runner other than the DirectRunner with groupShards set: nothing parked
    PCollection<KV<String, Iterable<Integer>>> groups =
        input(p)
            .apply(ParDo.of(new KeyGroups.ToShardFn<String, Integer>(3)))
            .setCoder(
                KvCoder.of(
                    VarIntCoder.of(),
                    KvCoder.of(
                        KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), VarIntCoder.of())))
            .apply(GroupByKey.create())
            .apply(ParDo.of(new KeyGroups.SplitShardFn<String, Integer>()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), IterableCoder.of(VarIntCoder.of())));
    PAssert.that(describe(groups)).containsInAnyOrder(expected());
    p.run().waitUntilFinish();
  }

  @Test
  void parkedBatchesKeepAKeysWindowsApart(TestPipeline p) {
    // one key in two one-minute windows, one value per window, plus a second key in the first:
    // three groups, as GroupByKey gives per key and window
    p.getOptions().as(EngineTuningOptions.class).setGroupShards(3);
    PCollection<KV<String, Integer>> in =
        p.apply(
                Create.timestamped(
                        TimestampedValue.of(KV.of("w", 1), new Instant(5_000)),
                        TimestampedValue.of(KV.of("w", 2), new Instant(65_000)),
                        TimestampedValue.of(KV.of("v", 3), new Instant(7_000)),
                        TimestampedValue.of(KV.of("v", 4), new Instant(6_000)))
                    .withCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())))
            .apply(
                Window.<KV<String, Integer>>into(FixedWindows.of(Duration.standardMinutes(1)))
                    .withTimestampCombiner(TimestampCombiner.EARLIEST));
    int before = KeyGroups.Parked.size();
    PAssert.that(describe(in.apply(KeyGroups.byKey())))
        .containsInAnyOrder("w: [1] @ 5", "w: [2] @ 65", "v: [3, 4] @ 6");
    p.run().waitUntilFinish();
    assertThat(KeyGroups.Parked.size(), is(before));
  }

  @Test
  void aParkedValueIsTakenOnceAndNullSurvives() {
    long id = KeyGroups.Parked.park(null);
    assertThat(KeyGroups.Parked.take(id), is((Object) null));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> KeyGroups.Parked.take(id));
    assertThat(e.getMessage(), containsString("taken twice or never parked"));
  }

  @Test
  void plainGroupByKeyGivesTheSameGroups(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setGroupShards(0);
    PAssert.that(describe(input(p).apply(KeyGroups.byKey()))).containsInAnyOrder(expected());
    p.run().waitUntilFinish();
  }

  @Test
  void directRunnerDefaultsToFourShardsPerCoreOtherRunnersToNone() {
    var direct = PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create();
    assertEquals(
        Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), KeyGroups.shards(direct));
    var other = PipelineOptionsFactory.create();
    other.setRunner(null);
    assertThat(KeyGroups.shards(other), is(0));
    direct.as(EngineTuningOptions.class).setGroupShards(5);
    assertThat(KeyGroups.shards(direct), is(5));
  }
}
