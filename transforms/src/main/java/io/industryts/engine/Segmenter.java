package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Grid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * Cuts chunks of any order into sorted time segments. Per-series statistics decide a segment width
 * (about {@link EngineOptions#segmentRows()} rows per segment, a multiple of the grid width when
 * aligned to a grid); every chunk is joined with its series' plan under its own random id (so no
 * worker ever holds a whole series), split at segment edges, and one shuffle by (series, segment)
 * brings the pieces together for a merge sort by (time, seq).
 *
 * <p>Plans travel through keyed joins, not side inputs: on the DirectRunner a side-input stage
 * costs about 0.7 s of latency, a shuffle stage about 0.07 s (measured on 2 cores).
 */
final class Segmenter {
  private Segmenter() {}

  private static final TupleTag<KV<KV<Row, Long>, Part>> KEYED =
      new TupleTag<KV<KV<Row, Long>, Part>>() {};
  private static final TupleTag<KV<Row, ChunkStats>> STATS = new TupleTag<KV<Row, ChunkStats>>() {};
  private static final TupleTag<KV<Row, SeriesPlan>> PLANS = new TupleTag<KV<Row, SeriesPlan>>() {};
  private static final TupleTag<KV<KV<Row, Long>, Part>> CHUNK_PLANS =
      new TupleTag<KV<KV<Row, Long>, Part>>() {};
  private static final TupleTag<KV<KV<Row, Long>, Chunk>> PIECES =
      new TupleTag<KV<KV<Row, Long>, Chunk>>() {};
  private static final TupleTag<KV<KV<Row, Long>, Chunk>> WHOLE_PIECES =
      new TupleTag<KV<KV<Row, Long>, Chunk>>() {};

  /**
   * Applies {@code TimestampCombiner.EARLIEST}, so grouped output may carry each row's own time.
   * Applied once where chunks enter the engine; every derived collection inherits it.
   */
  static <T> PCollection<T> earliest(String name, PCollection<T> in) {
    return in.apply(name, Window.<T>configure().withTimestampCombiner(TimestampCombiner.EARLIEST));
  }

  static Segments segment(
      String name,
      PCollection<Chunk> input,
      ChunkLayout layout,
      Grid align,
      EngineOptions options) {
    return segment(name, input, layout, align, options, false);
  }

  /**
   * As {@link #segment(String, PCollection, ChunkLayout, Grid, EngineOptions)}; with {@code
   * dropOrigins} the rows lose their origins (file and line) where they enter, before the shuffle
   * and every copy, because no kernel of the plan reports bad rows.
   */
  static Segments segment(
      String name,
      PCollection<Chunk> input,
      ChunkLayout layout,
      Grid align,
      EngineOptions options,
      boolean dropOrigins) {
    RowCoder keyCoder = RowCoder.of(layout.keySchema());
    KvCoder<KV<Row, Long>, Chunk> segCoder =
        KvCoder.of(KvCoder.of(keyCoder, VarLongCoder.of()), ChunkCoder.of(layout));
    KvCoder<KV<Row, Long>, Part> partCoder =
        KvCoder.of(KvCoder.of(keyCoder, VarLongCoder.of()), new Part.PartCoder(layout));
    PCollection<Chunk> chunks = earliest(name + "/EarliestTimestamps", input);
    if (options.wholeSeriesOnly()) {
      return wholeSeries(name, chunks, layout, align, segCoder, dropOrigins);
    }

    PCollectionTuple tagged =
        chunks.apply(
            name + "/Identify",
            ParDo.of(new IdentifyFn(dropOrigins)).withOutputTags(KEYED, TupleTagList.of(STATS)));
    PCollection<KV<KV<Row, Long>, Part>> keyed = tagged.get(KEYED).setCoder(partCoder);
    PCollection<KV<Row, ChunkStats>> stats =
        tagged.get(STATS).setCoder(KvCoder.of(keyCoder, SerializableCoder.of(ChunkStats.class)));

    int segmentRows = options.segmentRows();
    PCollectionTuple planned =
        stats
            .apply(name + "/GroupStats", KeyGroups.byKey())
            .apply(
                name + "/Plan",
                ParDo.of(new PlanFn(align, segmentRows))
                    .withOutputTags(PLANS, TupleTagList.of(CHUNK_PLANS)));
    PCollection<KV<Row, SeriesPlan>> plans =
        planned.get(PLANS).setCoder(KvCoder.of(keyCoder, SerializableCoder.of(SeriesPlan.class)));
    PCollection<KV<KV<Row, Long>, Part>> chunkPlans = planned.get(CHUNK_PLANS).setCoder(partCoder);

    PCollectionTuple pieces =
        PCollectionList.of(keyed)
            .and(chunkPlans)
            .apply(name + "/ChunksAndPlans", Flatten.pCollections())
            .setCoder(partCoder)
            .apply(name + "/JoinPlans", KeyGroups.byKey())
            .apply(
                name + "/Split",
                ParDo.of(new SplitFn()).withOutputTags(PIECES, TupleTagList.of(WHOLE_PIECES)));
    PCollection<KV<KV<Row, Long>, Chunk>> merged =
        pieces
            .get(PIECES)
            .setCoder(segCoder)
            .apply(name + "/Group", KeyGroups.byKey())
            .apply(name + "/Merge", ParDo.of(new MergeFn()))
            .setCoder(segCoder);
    PCollection<KV<KV<Row, Long>, Chunk>> whole =
        pieces
            .get(WHOLE_PIECES)
            .setCoder(segCoder)
            .apply(name + "/GroupWhole", KeyGroups.byKey())
            .apply(name + "/MergeWhole", ParDo.of(new MergeFn()))
            .setCoder(segCoder);
    return new Segments(
        name, merged, whole, layout, new SegmentPlanning(align), plans, segmentRows);
  }

  /**
   * Every series as one segment (the promise of {@link EngineOptions#withWholeSeriesOnly()}): one
   * grouping by series, whose chunks are merged and keyed by the segment of the first row under a
   * plan that does not cut the series (segment size unlimited). No statistics round trip is needed,
   * as nothing is split.
   */
  private static Segments wholeSeries(
      String name,
      PCollection<Chunk> chunks,
      ChunkLayout layout,
      Grid align,
      KvCoder<KV<Row, Long>, Chunk> segCoder,
      boolean dropOrigins) {
    RowCoder keyCoder = RowCoder.of(layout.keySchema());
    PCollectionTuple merged =
        chunks
            .apply(name + "/GroupSeries", KeyGroups.bySeries(layout, dropOrigins))
            .apply(
                name + "/MergeSeries",
                ParDo.of(new MergeSeriesFn(align))
                    .withOutputTags(WHOLE_PIECES, TupleTagList.of(PLANS)));
    PCollection<KV<Row, SeriesPlan>> plans =
        merged.get(PLANS).setCoder(KvCoder.of(keyCoder, SerializableCoder.of(SeriesPlan.class)));
    return new Segments(
        name,
        null,
        merged.get(WHOLE_PIECES).setCoder(segCoder),
        layout,
        new SegmentPlanning(align),
        plans,
        Integer.MAX_VALUE);
  }

  /** Merges all chunks of a series into one sorted segment; emits it and the series' plan. */
  static final class MergeSeriesFn
      extends DoFn<KV<Row, Iterable<Chunk>>, KV<KV<Row, Long>, Chunk>> {
    private final Grid align;

    MergeSeriesFn(Grid align) {
      this.align = align;
    }

    @ProcessElement
    public void process(@Element KV<Row, Iterable<Chunk>> e, MultiOutputReceiver out) {
      Chunk series = merge(e.getValue());
      SeriesStats stats = new SeriesStats();
      stats.add(series.times());
      SeriesPlan plan = plan(stats, align, Integer.MAX_VALUE);
      out.get(WHOLE_PIECES).output(KV.of(KV.of(e.getKey(), plan.segmentOf(plan.first)), series));
      out.get(PLANS).output(KV.of(e.getKey(), plan));
    }
  }

  /**
   * How a series with these statistics is cut: about {@code segmentRows} rows per segment, edges on
   * {@code align} when set. A series that fits in one segment gets a width that puts all of it in
   * one segment whenever its grid cells allow (not when they straddle the anchor).
   */
  static SeriesPlan plan(SeriesStats s, Grid align, int segmentRows) {
    long segments = Math.max(1, (s.count + segmentRows - 1) / segmentRows);
    long span = s.last - s.first + 1;
    long width = Math.max(1, (span + segments - 1) / segments);
    long anchor = s.first;
    boolean closedRight = false;
    if (align != null) {
      long w = align.widthMillis();
      width = Math.max(w, (width + w - 1) / w * w);
      anchor = align.perSeriesOrigin() ? align.seriesAnchor(s.first) : align.seriesAnchor(0);
      closedRight = align.closedRight();
      if (segments == 1) {
        width =
            oneSegmentWidth(
                new SeriesPlan(anchor, w, closedRight, s.first, s.last, s.count), w, width);
      }
    }
    return new SeriesPlan(anchor, width, closedRight, s.first, s.last, s.count);
  }

  /**
   * A multiple of the grid width {@code w} whose segments hold both the first and the last grid
   * cell of {@code cells} (a plan of width {@code w}), or {@code otherwise}. Segment {@code k} of
   * width {@code m·w} holds cells {@code [k·m, (k+1)·m)}.
   */
  private static long oneSegmentWidth(SeriesPlan cells, long w, long otherwise) {
    long c0 = cells.segmentOf(cells.first);
    long c1 = cells.segmentOf(cells.last);
    long m = c0 >= 0 ? c1 + 1 : c1 < 0 ? -c0 : 0;
    if (m <= 0 || m > Long.MAX_VALUE / w) {
      return otherwise;
    }
    return Math.max(otherwise, m * w);
  }

  /** First/last time and count of one chunk, under the chunk's id. */
  static final class ChunkStats implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final long id;
    final SeriesStats stats;

    ChunkStats(long id, SeriesStats stats) {
      this.id = id;
      this.stats = stats;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ChunkStats
          && ((ChunkStats) o).id == id
          && ((ChunkStats) o).stats.equals(stats);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(id);
    }
  }

  /** Gives each chunk a random id; emits it keyed by (series, id) and its statistics by series. */
  static final class IdentifyFn extends DoFn<Chunk, KV<KV<Row, Long>, Part>> {
    private final boolean dropOrigins;

    IdentifyFn(boolean dropOrigins) {
      this.dropOrigins = dropOrigins;
    }

    @ProcessElement
    public void process(@Element Chunk element, MultiOutputReceiver out) {
      if (element.size() == 0) {
        return;
      }
      Chunk chunk = dropOrigins ? element.withoutOrigins() : element;
      if (!chunk.isBlock()) {
        identify(chunk, out, null);
        return;
      }
      // a block's series travel apart from here, each stamped with its own earliest time (the
      // time a reader gives a chunk of that series alone)
      for (int s = 0; s < chunk.seriesCount(); s++) {
        if (chunk.seriesEnd(s) > chunk.seriesStart(s)) {
          identify(chunk.series(s), out, new Instant(KeyGroups.minTime(chunk, s)));
        }
      }
    }

    /**
     * Emits {@code chunk} under a new id and its statistics, at {@code time} (null: the element's).
     */
    private static void identify(Chunk chunk, MultiOutputReceiver out, Instant time) {
      long id = ThreadLocalRandom.current().nextLong();
      SeriesStats s = new SeriesStats();
      s.add(chunk.times());
      KV<KV<Row, Long>, Part> keyed = KV.of(KV.of(chunk.key(), id), Part.ofChunk(chunk));
      KV<Row, ChunkStats> stats = KV.of(chunk.key(), new ChunkStats(id, s));
      if (time == null) {
        out.get(KEYED).output(keyed);
        out.get(STATS).output(stats);
      } else {
        out.get(KEYED).outputWithTimestamp(keyed, time);
        out.get(STATS).outputWithTimestamp(stats, time);
      }
    }
  }

  /** Merges a series' chunk statistics into its plan; sends the plan to every chunk id. */
  static final class PlanFn extends DoFn<KV<Row, Iterable<ChunkStats>>, KV<Row, SeriesPlan>> {
    private final Grid align;
    private final int segmentRows;

    PlanFn(Grid align, int segmentRows) {
      this.align = align;
      this.segmentRows = segmentRows;
    }

    @ProcessElement
    public void process(@Element KV<Row, Iterable<ChunkStats>> e, MultiOutputReceiver out) {
      SeriesStats total = new SeriesStats();
      for (ChunkStats c : e.getValue()) {
        total.merge(c.stats);
      }
      SeriesPlan plan = Segmenter.plan(total, align, segmentRows);
      out.get(PLANS).output(KV.of(e.getKey(), plan));
      for (ChunkStats c : e.getValue()) {
        out.get(CHUNK_PLANS).output(KV.of(KV.of(e.getKey(), c.id), Part.ofFact(null, plan)));
      }
    }
  }

  /**
   * Splits a chunk at the segment edges of its series' plan. Pieces of a series that fits in one
   * segment go to their own output (the engine can run all its kernels there in one step).
   */
  static final class SplitFn
      extends DoFn<KV<KV<Row, Long>, Iterable<Part>>, KV<KV<Row, Long>, Chunk>> {
    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Iterable<Part>> e, MultiOutputReceiver tagged) {
      SeriesPlan plan = null;
      for (Part p : e.getValue()) {
        if (p.fact != null) {
          plan = (SeriesPlan) p.fact;
        }
      }
      Row series = e.getKey().getKey();
      boolean whole = plan.segmentOf(plan.first) == plan.segmentOf(plan.last);
      OutputReceiver<KV<KV<Row, Long>, Chunk>> out = tagged.get(whole ? WHOLE_PIECES : PIECES);
      for (Part p : e.getValue()) {
        if (p.chunk != null) {
          split(series, p.chunk, plan, out);
        }
      }
    }

    private static void split(
        Row series, Chunk chunk, SeriesPlan plan, OutputReceiver<KV<KV<Row, Long>, Chunk>> out) {
      long[] t = chunk.times();
      long firstSeg = plan.segmentOf(t[0]);
      boolean one = true;
      for (int i = 1; i < t.length && one; i++) {
        one = plan.segmentOf(t[i]) == firstSeg;
      }
      if (one) {
        out.output(KV.of(KV.of(series, firstSeg), chunk));
        return;
      }
      Map<Long, int[]> positions = new LinkedHashMap<>();
      Map<Long, Integer> counts = new HashMap<>();
      for (int i = 0; i < t.length; i++) {
        long s = plan.segmentOf(t[i]);
        int[] p = positions.get(s);
        int n = counts.getOrDefault(s, 0);
        if (p == null) {
          p = new int[16];
        } else if (n == p.length) {
          p = java.util.Arrays.copyOf(p, n * 2);
        }
        p[n] = i;
        positions.put(s, p);
        counts.put(s, n + 1);
      }
      for (Map.Entry<Long, int[]> e : positions.entrySet()) {
        out.output(
            KV.of(KV.of(series, e.getKey()), chunk.take(e.getValue(), counts.get(e.getKey()))));
      }
    }
  }

  /** Concatenates the pieces of one segment and sorts them into series order. */
  static final class MergeFn
      extends DoFn<KV<KV<Row, Long>, Iterable<Chunk>>, KV<KV<Row, Long>, Chunk>> {
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Iterable<Chunk>> e,
        OutputReceiver<KV<KV<Row, Long>, Chunk>> out) {
      out.output(KV.of(e.getKey(), merge(e.getValue())));
    }
  }

  /** Pieces of one series in any order, as one chunk in series order. */
  static Chunk merge(Iterable<Chunk> pieces) {
    List<Chunk> parts = new ArrayList<>();
    for (Chunk c : pieces) {
      parts.add(c);
    }
    // Pieces arrive in any order; order them by their first row so the merge sort mostly finds
    // runs.
    parts.sort(
        (a, b) -> {
          int byTime = Long.compare(a.times()[0], b.times()[0]);
          return byTime != 0 ? byTime : Long.compare(a.seqs()[0], b.seqs()[0]);
        });
    return Chunk.concat(parts).sorted();
  }
}
