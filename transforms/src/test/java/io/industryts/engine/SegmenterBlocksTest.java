package io.industryts.engine;

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
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Blocks entering the segmentation give the segments their series' chunks give, on the full route
 * (series cut into segments) and on the whole-series route.
 */
@ExtendWith(BeamPipelineExtension.class)
class SegmenterBlocksTest {
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

  private static Column[] values(long[] seqs) {
    double[] v = new double[seqs.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = seqs[i];
    }
    Column[] cols = new Column[3];
    cols[2] = new DoubleColumn(v, new boolean[v.length]);
    return cols;
  }

  /**
   * Block 1: a at 5 s and 1 s (seqs 1, 2), b at 3 s (seq 3); block 2: a at 2 s and 9 s (seqs 10,
   * 13), c at 4 s and 6 s (seqs 11, 12). As blocks, or as one chunk per series and block.
   */
  private static PCollection<Chunk> input(TestPipeline p, boolean blocks) {
    long[] t1 = {5000, 1000, 3000};
    long[] s1 = {1, 2, 3};
    long[] t2 = {2000, 9000, 4000, 6000};
    long[] s2 = {10, 13, 11, 12};
    Chunk one =
        Chunk.block(
            LAYOUT,
            new Row[] {key("a"), key("b")},
            new int[] {2, 3},
            t1,
            s1,
            values(s1),
            null,
            null);
    Chunk two =
        Chunk.block(
            LAYOUT,
            new Row[] {key("a"), key("c")},
            new int[] {2, 4},
            t2,
            s2,
            values(s2),
            null,
            null);
    List<TimestampedValue<Chunk>> in = new ArrayList<>();
    if (blocks) {
      in.add(TimestampedValue.of(one, new Instant(1000)));
      in.add(TimestampedValue.of(two, new Instant(2000)));
    } else {
      for (Chunk b : List.of(one, two)) {
        for (int s = 0; s < b.seriesCount(); s++) {
          Chunk c = b.series(s);
          long min = Long.MAX_VALUE;
          for (long t : c.times()) {
            min = Math.min(min, t);
          }
          in.add(TimestampedValue.of(c, new Instant(min)));
        }
      }
    }
    return p.apply(Create.timestamped(in).withCoder(ChunkCoder.of(LAYOUT)));
  }

  /** "tag/segment: time s/seq ..." per segment. */
  private static PCollection<String> describe(Segments segments) {
    return segments
        .collection()
        .apply(
            MapElements.into(TypeDescriptors.strings())
                .via(
                    (KV<KV<Row, Long>, Chunk> e) -> {
                      Chunk c = e.getValue();
                      StringBuilder sb =
                          new StringBuilder(
                              e.getKey().getKey().getString("tag")
                                  + "/"
                                  + e.getKey().getValue()
                                  + ":");
                      for (int i = 0; i < c.size(); i++) {
                        sb.append(' ').append(c.times()[i] / 1000).append('/').append(c.seqs()[i]);
                      }
                      return sb.toString();
                    }));
  }

  private static void fullRoute(TestPipeline p, boolean blocks) {
    // two rows a segment: a (1, 2, 5, 9 s) plans 2 segments of 4,001 ms from 1 s: 1, 2, 5 | 9
    Segments s =
        Segmenter.segment(
            "Segment", input(p, blocks), LAYOUT, null, EngineOptions.withSegmentRows(2), false);
    PAssert.that(describe(s))
        .containsInAnyOrder("a/0: 1/2 2/10 5/1", "a/1: 9/13", "b/0: 3/3", "c/0: 4/11 6/12");
    p.run().waitUntilFinish();
  }

  private static void wholeRoute(TestPipeline p, boolean blocks) {
    EngineOptions whole = EngineOptions.withSegmentRows(1 << 20).withWholeSeriesOnly();
    Segments s = Segmenter.segment("Segment", input(p, blocks), LAYOUT, null, whole, false);
    PAssert.that(describe(s))
        .containsInAnyOrder("a/0: 1/2 2/10 5/1 9/13", "b/0: 3/3", "c/0: 4/11 6/12");
    p.run().waitUntilFinish();
  }

  @Test
  void blocksOnTheFullRoute(TestPipeline p) {
    fullRoute(p, true);
  }

  @Test
  void chunksOnTheFullRoute(TestPipeline p) {
    fullRoute(p, false);
  }

  @Test
  void blocksOnTheWholeSeriesRoute(TestPipeline p) {
    wholeRoute(p, true);
  }

  @Test
  void chunksOnTheWholeSeriesRoute(TestPipeline p) {
    wholeRoute(p, false);
  }
}
