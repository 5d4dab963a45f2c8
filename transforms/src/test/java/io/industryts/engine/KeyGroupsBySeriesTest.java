package io.industryts.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.testing.BeamPipelineExtension;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The grouping by series takes blocks apart: each series' rows from every block and chunk, at the
 * earliest time among them, on the DirectRunner as one chunk built from a series' block pieces.
 */
@ExtendWith(BeamPipelineExtension.class)
class KeyGroupsBySeriesTest {
  private static final Schema SCHEMA =
      Schema.builder()
          .addDateTimeField("t")
          .addStringField("tag")
          .addNullableField("v", Schema.FieldType.DOUBLE)
          .build();
  private static final ChunkLayout LAYOUT = ChunkLayout.of(SCHEMA, "t", List.of("tag"));

  private static Row key(String tag) {
    return Row.withSchema(LAYOUT.keySchema()).addValue(tag).build();
  }

  /** v = seq / 10 for every row. */
  private static Column[] values(long[] seqs) {
    double[] v = new double[seqs.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = seqs[i] / 10.0;
    }
    Column[] cols = new Column[3];
    cols[2] = new DoubleColumn(v, new boolean[v.length]);
    return cols;
  }

  private static Chunk block(Row[] keys, int[] ends, long[] times, long[] seqs) {
    return Chunk.block(LAYOUT, keys, ends, times, seqs, values(seqs), null, null);
  }

  /**
   * Block 1: a at 5 s and 1 s (seqs 1, 2), b at 3 s (seq 3). Block 2: a at 2 s (seq 10), c at 4 s
   * and 6 s (seqs 11, 12). A chunk of b at 7 s (seq 20). Each element at its earliest time.
   */
  private static PCollection<Chunk> input(TestPipeline p) {
    Chunk one =
        block(
            new Row[] {key("a"), key("b")},
            new int[] {2, 3},
            new long[] {5000, 1000, 3000},
            new long[] {1, 2, 3});
    Chunk two =
        block(
            new Row[] {key("a"), key("c")},
            new int[] {1, 3},
            new long[] {2000, 4000, 6000},
            new long[] {10, 11, 12});
    long[] seq = {20};
    Chunk b = new Chunk(LAYOUT, key("b"), new long[] {7000}, seq, values(seq));
    return p.apply(
            Create.timestamped(
                    TimestampedValue.of(one, new Instant(1000)),
                    TimestampedValue.of(two, new Instant(2000)),
                    TimestampedValue.of(b, new Instant(7000)))
                .withCoder(ChunkCoder.of(LAYOUT)))
        .apply(Window.<Chunk>configure().withTimestampCombiner(TimestampCombiner.EARLIEST));
  }

  /** "tag: each chunk's (time s/seq) rows, chunks sorted @ timestamp s". */
  private static PCollection<String> describe(PCollection<KV<Row, Iterable<Chunk>>> groups) {
    return groups
        .apply(
            ParDo.of(
                new DoFn<KV<Row, Iterable<Chunk>>, String>() {
                  @ProcessElement
                  public void process(
                      @Element KV<Row, Iterable<Chunk>> g,
                      @Timestamp Instant ts,
                      OutputReceiver<String> out) {
                    List<String> chunks = new ArrayList<>();
                    for (Chunk c : g.getValue()) {
                      List<String> rows = new ArrayList<>();
                      for (int i = 0; i < c.size(); i++) {
                        double v = ((DoubleColumn) c.column("v")).value(i);
                        rows.add(c.times()[i] / 1000 + "/" + c.seqs()[i] + "=" + v);
                      }
                      chunks.add(rows.toString());
                    }
                    chunks.sort(null);
                    out.output(
                        g.getKey().getString("tag")
                            + ": "
                            + chunks
                            + " @ "
                            + ts.getMillis() / 1000);
                  }
                }))
        .setTypeDescriptor(TypeDescriptors.strings());
  }

  @Test
  void onTheDirectRunnerASeriesComesAsOneChunkOfItsBlockPiecesInOrderOfTheirFirstRows(
      TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setGroupShards(3);
    int before = KeyGroups.Parked.size();
    // a: block 2's piece (first row 2 s) before block 1's (5 s), rows within a piece as read;
    // b: its chunk beside the series built from block 1
    PAssert.that(describe(input(p).apply(KeyGroups.bySeries(LAYOUT, false))))
        .containsInAnyOrder(
            "a: [[2/10=1.0, 5/1=0.1, 1/2=0.2]] @ 1",
            "b: [[3/3=0.3], [7/20=2.0]] @ 3",
            "c: [[4/11=1.1, 6/12=1.2]] @ 4");
    p.run().waitUntilFinish();
    assertThat(KeyGroups.Parked.size(), is(before));
  }

  @Test
  void elsewhereEachBlockBecomesOneChunkPerSeriesBeforeTheGrouping(TestPipeline p) {
    // the path of a runner whose workers do not share a JVM: one chunk per series and block
    p.getOptions().as(EngineTuningOptions.class).setWorkersInProcess(false);
    p.getOptions().as(EngineTuningOptions.class).setGroupShards(3);
    PAssert.that(describe(input(p).apply(KeyGroups.bySeries(LAYOUT, false))))
        .containsInAnyOrder(
            "a: [[2/10=1.0], [5/1=0.1, 1/2=0.2]] @ 1",
            "b: [[3/3=0.3], [7/20=2.0]] @ 3",
            "c: [[4/11=1.1, 6/12=1.2]] @ 4");
    p.run().waitUntilFinish();
  }

  @Test
  void aPlainGroupingGetsTheSameSeries(TestPipeline p) {
    p.getOptions().as(EngineTuningOptions.class).setGroupShards(0);
    PAssert.that(describe(input(p).apply(KeyGroups.bySeries(LAYOUT, false))))
        .containsInAnyOrder(
            "a: [[2/10=1.0], [5/1=0.1, 1/2=0.2]] @ 1",
            "b: [[3/3=0.3], [7/20=2.0]] @ 3",
            "c: [[4/11=1.1, 6/12=1.2]] @ 4");
    p.run().waitUntilFinish();
  }
}
