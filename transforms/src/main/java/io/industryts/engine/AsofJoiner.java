package io.industryts.engine;

import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The engine stage of an as-of join (SEMANTICS §2.2.4): co-segments the right rows with the left
 * segments, so no element ever holds a whole series of either side.
 *
 * <ol>
 *   <li>each left segment reports its first time under its join key (the projection of its series
 *       key on {@code by}); each right chunk gets a random id and reports it under its join key;
 *   <li>one group per join key turns the left first times into bounds: left segment {@code i} owns
 *       the right times in {@code [first_i, first_{i+1})}; the bounds go back to every right chunk
 *       id (a join key without left rows sends nothing, so its right rows stop here);
 *   <li>each right chunk, joined with its bounds under its id, is split into pieces keyed by (left
 *       series, left segment), and summarized per piece: its last row (for backward matches) and
 *       first row (forward);
 *   <li>the summaries of a left series are scanned in segment order: every left segment gets the
 *       last right row before its range and the first after it, however many segments away;
 *   <li>left segment, right pieces and that context meet in one group per (series, segment) and the
 *       kernel joins them.
 * </ol>
 *
 * <p>Bounds come from the left segments' actual first times rather than from the series plan, so
 * the stage is right after any pass (a bucket label may lie on a plan's segment edge). Every join
 * is a Flatten + GroupByKey of tagged {@link JoinPart}s, like the engine's context joins; there are
 * no side inputs.
 *
 * <p>Somewhat over 500 lines on purpose: the five steps above exchange the same facts and parts,
 * and each step's DoFn is short; split apart they would hide the order of the protocol.
 */
final class AsofJoiner {
  private AsofJoiner() {}

  private static final TupleTag<KV<KV<Row, Long>, JoinPart>> RIGHT_CHUNKS =
      new TupleTag<KV<KV<Row, Long>, JoinPart>>() {};
  private static final TupleTag<KV<Row, JoinPart>> RIGHT_IDS = new TupleTag<KV<Row, JoinPart>>() {};
  private static final TupleTag<KV<KV<Row, Long>, JoinPart>> CHUNK_BOUNDS =
      new TupleTag<KV<KV<Row, Long>, JoinPart>>() {};
  private static final TupleTag<KV<Row, JoinPart>> SERIES_BOUNDS =
      new TupleTag<KV<Row, JoinPart>>() {};
  private static final TupleTag<KV<KV<Row, Long>, JoinPart>> PIECES =
      new TupleTag<KV<KV<Row, Long>, JoinPart>>() {};
  private static final TupleTag<KV<Row, JoinPart>> EDGES = new TupleTag<KV<Row, JoinPart>>() {};

  /** The join key schema: the right key fields, all nullable (null = null, §1.4). */
  static Schema joinKeySchema(ChunkLayout right) {
    Schema.Builder b = Schema.builder();
    for (Schema.Field f : right.keySchema().getFields()) {
      b.addField(f.withNullable(true));
    }
    return b.build();
  }

  static Segments join(String name, Segments left, AsofKernel kernel, PCollection<Chunk> rightIn) {
    ChunkLayout leftLayout = left.layout();
    ChunkLayout rightLayout = kernel.rightLayout();
    Schema joinSchema = joinKeySchema(rightLayout);
    RowCoder joinKeyCoder = RowCoder.of(joinSchema);
    RowCoder seriesCoder = RowCoder.of(leftLayout.keySchema());
    JoinPart.JoinPartCoder parts = new JoinPart.JoinPartCoder(leftLayout, rightLayout);
    KvCoder<Row, JoinPart> byJoinKey = KvCoder.of(joinKeyCoder, parts);
    KvCoder<KV<Row, Long>, JoinPart> byChunk =
        KvCoder.of(KvCoder.of(joinKeyCoder, VarLongCoder.of()), parts);
    KvCoder<Row, JoinPart> bySeries = KvCoder.of(seriesCoder, parts);
    KvCoder<KV<Row, Long>, JoinPart> bySegment =
        KvCoder.of(KvCoder.of(seriesCoder, VarLongCoder.of()), parts);
    int[] keyPositions = kernel.leftKeyPositions();

    PCollection<KV<KV<Row, Long>, Chunk>> segs = left.collection();
    PCollection<Chunk> right = Segmenter.earliest(name + "/RightTimestamps", rightIn);

    // 1. left first times and right chunk ids, by join key
    PCollection<KV<Row, JoinPart>> leftFirsts =
        segs.apply(name + "/LeftFirsts", ParDo.of(new LeftFirstFn(joinSchema, keyPositions)))
            .setCoder(byJoinKey);
    PCollectionTuple identified =
        right.apply(
            name + "/IdentifyRight",
            ParDo.of(new IdentifyRightFn(joinSchema))
                .withOutputTags(RIGHT_CHUNKS, TupleTagList.of(RIGHT_IDS)));
    PCollection<KV<KV<Row, Long>, JoinPart>> rightChunks =
        identified.get(RIGHT_CHUNKS).setCoder(byChunk);
    PCollection<KV<Row, JoinPart>> rightIds = identified.get(RIGHT_IDS).setCoder(byJoinKey);

    // 2. bounds per join key, sent to every right chunk and (for step 4) to every left series
    PCollectionTuple bounds =
        PCollectionList.of(leftFirsts)
            .and(rightIds)
            .apply(name + "/FirstsAndIds", Flatten.pCollections())
            .setCoder(byJoinKey)
            .apply(name + "/GroupByJoinKey", KeyGroups.byKey())
            .apply(
                name + "/Bounds",
                ParDo.of(new BoundsFn())
                    .withOutputTags(CHUNK_BOUNDS, TupleTagList.of(SERIES_BOUNDS)));

    // 3. right chunks split into pieces per left segment, with their edge rows
    PCollectionTuple split =
        PCollectionList.of(rightChunks)
            .and(bounds.get(CHUNK_BOUNDS).setCoder(byChunk))
            .apply(name + "/ChunksAndBounds", Flatten.pCollections())
            .setCoder(byChunk)
            .apply(name + "/GroupByChunk", KeyGroups.byKey())
            .apply(
                name + "/SplitRight",
                ParDo.of(new SplitRightFn()).withOutputTags(PIECES, TupleTagList.of(EDGES)));

    // 4. the right row before and after every left segment
    PCollection<KV<KV<Row, Long>, JoinPart>> contexts =
        PCollectionList.of(bounds.get(SERIES_BOUNDS).setCoder(bySeries))
            .and(split.get(EDGES).setCoder(bySeries))
            .apply(name + "/BoundsAndEdges", Flatten.pCollections())
            .setCoder(bySeries)
            .apply(name + "/GroupBySeries", KeyGroups.byKey())
            .apply(name + "/Neighbours", ParDo.of(new NeighboursFn()))
            .setCoder(bySegment);

    // 5. join per (series, segment)
    PCollection<KV<KV<Row, Long>, JoinPart>> leftParts =
        segs.apply(name + "/LeftParts", ParDo.of(new LeftPartFn())).setCoder(bySegment);
    PCollection<KV<KV<Row, Long>, Chunk>> joined =
        PCollectionList.of(leftParts)
            .and(split.get(PIECES).setCoder(bySegment))
            .and(contexts)
            .apply(name + "/SegmentsPiecesContexts", Flatten.pCollections())
            .setCoder(bySegment)
            .apply(name + "/GroupBySegment", KeyGroups.byKey())
            .apply(name, ParDo.of(new JoinFn(kernel)))
            .setCoder(
                KvCoder.of(
                    KvCoder.of(RowCoder.of(kernel.outputLayout().keySchema()), VarLongCoder.of()),
                    ChunkCoder.of(kernel.outputLayout())));
    return left.next(joined, kernel.outputLayout(), left.planning());
  }

  /** The join key row of a left series key: its fields at {@code positions}. */
  static Row project(Schema joinSchema, Row series, int[] positions) {
    Object[] v = new Object[positions.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = series.getValue(positions[i]);
    }
    return Row.withSchema(joinSchema).addValues(v).build();
  }

  /** A left segment's first time, under its join key. */
  static final class LeftFirst implements Serializable {
    private static final long serialVersionUID = 1L;
    final Row series;
    final long segment;
    final long first;

    LeftFirst(Row series, long segment, long first) {
      this.series = series;
      this.segment = segment;
      this.first = first;
    }
  }

  /** A right chunk's id, under its join key. */
  static final class RightId implements Serializable {
    private static final long serialVersionUID = 1L;
    final long id;

    RightId(long id) {
      this.id = id;
    }
  }

  /** One left series' non-empty segments in order and their first times. */
  static final class SeriesBounds implements Serializable {
    private static final long serialVersionUID = 1L;
    final Row series;
    final long[] segments;
    final long[] firsts;

    SeriesBounds(Row series, long[] segments, long[] firsts) {
      this.series = series;
      this.segments = segments;
      this.firsts = firsts;
    }

    /** Position of the segment owning time {@code t}: the last first ≤ t; -1 before the series. */
    int positionOf(long t) {
      int lo = 0;
      int hi = firsts.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (firsts[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo - 1;
    }
  }

  /** The bounds of every left series sharing a join key (sent to each right chunk). */
  static final class ChunkBounds implements Serializable {
    private static final long serialVersionUID = 1L;
    final List<SeriesBounds> series;

    ChunkBounds(List<SeriesBounds> series) {
      this.series = series;
    }
  }

  /** Last and first right row of one piece (position -1: before the left series). */
  static final class Edge implements Serializable {
    private static final long serialVersionUID = 1L;
    final int position;
    final Chunk last;
    final Chunk first;

    Edge(int position, Chunk last, Chunk first) {
      this.position = position;
      this.last = last;
      this.first = first;
    }
  }

  /** The right rows just outside a left segment's range. */
  static final class Neighbours implements Serializable {
    private static final long serialVersionUID = 1L;
    final Chunk before;
    final Chunk after;

    Neighbours(Chunk before, Chunk after) {
      this.before = before;
      this.after = after;
    }
  }

  static final class LeftFirstFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<Row, JoinPart>> {
    private final Schema joinSchema;
    private final int[] positions;

    LeftFirstFn(Schema joinSchema, int[] positions) {
      this.joinSchema = joinSchema;
      this.positions = positions;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<Row, JoinPart>> out) {
      Chunk c = e.getValue();
      if (c.size() == 0) {
        return;
      }
      Row series = e.getKey().getKey();
      out.output(
          KV.of(
              project(joinSchema, series, positions),
              JoinPart.fact(new LeftFirst(series, e.getKey().getValue(), c.times()[0]))));
    }
  }

  static final class IdentifyRightFn extends DoFn<Chunk, KV<KV<Row, Long>, JoinPart>> {
    private final Schema joinSchema;

    IdentifyRightFn(Schema joinSchema) {
      this.joinSchema = joinSchema;
    }

    @ProcessElement
    public void process(@Element Chunk c, MultiOutputReceiver out) {
      if (c.size() == 0) {
        return;
      }
      Row key = Row.withSchema(joinSchema).addValues(c.key().getValues()).build();
      long id = ThreadLocalRandom.current().nextLong();
      out.get(RIGHT_CHUNKS).output(KV.of(KV.of(key, id), JoinPart.right(c)));
      out.get(RIGHT_IDS).output(KV.of(key, JoinPart.fact(new RightId(id))));
    }
  }

  static final class BoundsFn
      extends DoFn<KV<Row, Iterable<JoinPart>>, KV<KV<Row, Long>, JoinPart>> {
    @ProcessElement
    public void process(@Element KV<Row, Iterable<JoinPart>> e, MultiOutputReceiver out) {
      Map<Row, List<LeftFirst>> bySeries = new HashMap<>();
      List<Long> ids = new ArrayList<>();
      for (JoinPart p : e.getValue()) {
        if (p.fact instanceof LeftFirst) {
          LeftFirst f = (LeftFirst) p.fact;
          bySeries.computeIfAbsent(f.series, k -> new ArrayList<>()).add(f);
        } else {
          ids.add(((RightId) p.fact).id);
        }
      }
      if (bySeries.isEmpty() || ids.isEmpty()) {
        return; // right rows without a left series are dropped (left outer join)
      }
      List<SeriesBounds> all = new ArrayList<>();
      for (Map.Entry<Row, List<LeftFirst>> s : bySeries.entrySet()) {
        List<LeftFirst> list = s.getValue();
        list.sort((a, b) -> Long.compare(a.segment, b.segment));
        long[] segments = new long[list.size()];
        long[] firsts = new long[list.size()];
        for (int i = 0; i < segments.length; i++) {
          segments[i] = list.get(i).segment;
          firsts[i] = list.get(i).first;
        }
        SeriesBounds b = new SeriesBounds(s.getKey(), segments, firsts);
        all.add(b);
        out.get(SERIES_BOUNDS).output(KV.of(s.getKey(), JoinPart.fact(b)));
      }
      ChunkBounds bounds = new ChunkBounds(all);
      for (long id : ids) {
        out.get(CHUNK_BOUNDS).output(KV.of(KV.of(e.getKey(), id), JoinPart.fact(bounds)));
      }
    }
  }

  static final class SplitRightFn
      extends DoFn<KV<KV<Row, Long>, Iterable<JoinPart>>, KV<KV<Row, Long>, JoinPart>> {
    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Iterable<JoinPart>> e, MultiOutputReceiver out) {
      ChunkBounds bounds = null;
      Chunk chunk = null;
      for (JoinPart p : e.getValue()) {
        if (p.fact != null) {
          bounds = (ChunkBounds) p.fact;
        } else {
          chunk = p.chunk;
        }
      }
      if (bounds == null || chunk == null) {
        return;
      }
      Chunk sorted = chunk.sorted();
      long[] t = sorted.times();
      for (SeriesBounds b : bounds.series) {
        // sorted rows: each piece is a contiguous run of equal positions
        int from = 0;
        while (from < t.length) {
          int pos = b.positionOf(t[from]);
          int to = from + 1;
          long end = pos + 1 < b.firsts.length ? b.firsts[pos + 1] : Long.MAX_VALUE;
          while (to < t.length && t[to] < end) {
            to++;
          }
          if (pos >= 0) {
            out.get(PIECES)
                .output(
                    KV.of(
                        KV.of(b.series, b.segments[pos]), JoinPart.right(sorted.slice(from, to))));
          }
          out.get(EDGES)
              .output(
                  KV.of(
                      b.series,
                      JoinPart.fact(
                          new Edge(pos, sorted.slice(to - 1, to), sorted.slice(from, from + 1)))));
          from = to;
        }
      }
    }
  }

  /** Whether row {@code a[0]} comes after row {@code b[0]} in series order (time, then seq). */
  static boolean later(Chunk a, Chunk b) {
    long ta = a.times()[0];
    long tb = b.times()[0];
    return ta > tb || (ta == tb && a.seqs()[0] > b.seqs()[0]);
  }

  static final class NeighboursFn
      extends DoFn<KV<Row, Iterable<JoinPart>>, KV<KV<Row, Long>, JoinPart>> {
    @ProcessElement
    public void process(
        @Element KV<Row, Iterable<JoinPart>> e, OutputReceiver<KV<KV<Row, Long>, JoinPart>> out) {
      SeriesBounds bounds = null;
      List<Edge> edges = new ArrayList<>();
      for (JoinPart p : e.getValue()) {
        if (p.fact instanceof SeriesBounds) {
          bounds = (SeriesBounds) p.fact;
        } else {
          edges.add((Edge) p.fact);
        }
      }
      if (bounds == null || edges.isEmpty()) {
        return;
      }
      int m = bounds.segments.length;
      // per position (index 0 is "before the series"): the latest last row and earliest first row
      Chunk[] last = new Chunk[m + 1];
      Chunk[] first = new Chunk[m + 1];
      for (Edge edge : edges) {
        int i = edge.position + 1;
        if (last[i] == null || later(edge.last, last[i])) {
          last[i] = edge.last;
        }
        if (first[i] == null || later(first[i], edge.first)) {
          first[i] = edge.first;
        }
      }
      Chunk[] before = new Chunk[m];
      Chunk running = last[0];
      for (int s = 0; s < m; s++) {
        before[s] = running;
        if (last[s + 1] != null) {
          running = last[s + 1];
        }
      }
      Chunk[] after = new Chunk[m];
      running = null;
      for (int s = m - 1; s >= 0; s--) {
        after[s] = running;
        if (first[s + 1] != null) {
          running = first[s + 1];
        }
      }
      for (int s = 0; s < m; s++) {
        if (before[s] != null || after[s] != null) {
          out.output(
              KV.of(
                  KV.of(e.getKey(), bounds.segments[s]),
                  JoinPart.fact(new Neighbours(before[s], after[s]))));
        }
      }
    }
  }

  static final class LeftPartFn
      extends DoFn<KV<KV<Row, Long>, Chunk>, KV<KV<Row, Long>, JoinPart>> {
    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<KV<Row, Long>, JoinPart>> out) {
      out.output(KV.of(e.getKey(), JoinPart.left(e.getValue())));
    }
  }

  static final class JoinFn
      extends DoFn<KV<KV<Row, Long>, Iterable<JoinPart>>, KV<KV<Row, Long>, Chunk>> {
    private final AsofKernel kernel;
    private transient Map<String, Counter> counters;

    JoinFn(AsofKernel kernel) {
      this.kernel = kernel;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Iterable<JoinPart>> e,
        OutputReceiver<KV<KV<Row, Long>, Chunk>> out) {
      Chunk leftChunk = null;
      List<Chunk> pieces = new ArrayList<>();
      Neighbours n = null;
      for (JoinPart p : e.getValue()) {
        if (p.kind == JoinPart.LEFT) {
          leftChunk = p.chunk;
        } else if (p.kind == JoinPart.RIGHT) {
          pieces.add(p.chunk);
        } else {
          n = (Neighbours) p.fact;
        }
      }
      if (leftChunk == null) {
        return;
      }
      Chunk right;
      if (pieces.isEmpty()) {
        right = Chunk.empty(kernel.rightLayout(), null);
      } else {
        pieces.sort((a, b) -> later(a, b) ? 1 : later(b, a) ? -1 : 0);
        right = Chunk.concat(pieces).sorted();
      }
      counter("rows_in").inc(leftChunk.size());
      Chunk joined =
          kernel.join(
              leftChunk, right, n == null ? null : n.before, n == null ? null : n.after, context());
      counter("rows_out").inc(joined.size());
      out.output(KV.of(e.getKey(), joined));
    }

    Counter counter(String name) {
      if (counters == null) {
        counters = new HashMap<>();
      }
      return counters.computeIfAbsent(
          kernel.stepName() + "." + name, c -> Metrics.counter("industryts", c));
    }

    /**
     * The engine's one context, with no segment facts (a join reads no carry, statistics or series
     * facts) and a sink that counts under the step and rejects bad rows (a join reports none).
     */
    private StageContext context() {
      StageContext c =
          new StageContext(
              new StageContext.Sink() {
                @Override
                public void count(String step, String name, long n) {
                  counter(name).inc(n);
                }

                @Override
                public void rowError(Row record) {
                  throw new IllegalStateException(
                      kernel.stepName() + ": an as-of join reports no bad rows");
                }
              },
              null);
      c.kernel = kernel;
      c.operation = kernel.stepName();
      return c;
    }
  }
}
