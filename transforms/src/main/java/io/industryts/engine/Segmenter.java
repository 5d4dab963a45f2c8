package io.industryts.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;

/**
 * Cuts chunks of any order into sorted time segments: per series statistics decide a segment
 * width (about {@link EngineOptions#segmentRows()} rows per segment, a multiple of the grid width
 * when aligned to a grid), every chunk is split at segment edges, one shuffle brings the pieces of
 * a segment together, and a merge sorts them by (time, seq). This is the engine's only shuffle of
 * data; everything after it works on whole segments.
 */
final class Segmenter {
  private Segmenter() {}

  static Segments segment(String name, PCollection<Chunk> chunks, ChunkLayout layout, Grid align,
      EngineOptions options) {
    RowCoder keyCoder = RowCoder.of(layout.keySchema());
    PCollection<KV<Row, SeriesStats>> stats =
        chunks.apply(name + "/SeriesStats", ParDo.of(new StatsFn()))
            .setCoder(KvCoder.of(keyCoder, SerializableCoder.of(SeriesStats.class)));
    Combine.Globally<KV<Row, SeriesStats>, HashMap<Row, SeriesPlan>> combine =
        Combine.globally(new PlanFn(align, options.segmentRows()));
    if (!(chunks.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      combine = combine.withoutDefaults();
    }
    @SuppressWarnings("unchecked")
    Class<HashMap<Row, SeriesPlan>> mapClass = (Class<HashMap<Row, SeriesPlan>>) (Class<?>) HashMap.class;
    PCollectionView<HashMap<Row, SeriesPlan>> plans =
        stats.apply(name + "/Plan", combine)
            .setCoder(SerializableCoder.of(mapClass))
            .apply(name + "/PlanView", View.asSingleton());

    KvCoder<KV<Row, Long>, Chunk> segCoder =
        KvCoder.of(KvCoder.of(keyCoder, VarLongCoder.of()), ChunkCoder.of(layout));
    PCollection<KV<KV<Row, Long>, Chunk>> pieces =
        chunks.apply(name + "/Split", ParDo.of(new SplitFn(plans)).withSideInputs(plans))
            .setCoder(segCoder)
            .apply(name + "/EarliestTimestamp",
                Window.<KV<KV<Row, Long>, Chunk>>configure()
                    .withTimestampCombiner(TimestampCombiner.EARLIEST));
    PCollection<KV<KV<Row, Long>, Chunk>> merged =
        pieces.apply(name + "/Group", GroupByKey.create())
            .apply(name + "/Merge", ParDo.of(new MergeFn()))
            .setCoder(segCoder);
    return new Segments(merged, layout, new SegmentPlanning(align), plans);
  }

  /** Per-chunk first/last/count, keyed by series. */
  static final class StatsFn extends DoFn<Chunk, KV<Row, SeriesStats>> {
    @ProcessElement
    public void process(@Element Chunk chunk, OutputReceiver<KV<Row, SeriesStats>> out) {
      if (chunk.size() == 0) {
        return;
      }
      SeriesStats s = new SeriesStats();
      s.add(chunk.times());
      out.output(KV.of(chunk.key(), s));
    }
  }

  /** Merges per-chunk statistics into one plan per series. */
  static final class PlanFn
      extends Combine.CombineFn<KV<Row, SeriesStats>, HashMap<Row, SeriesStats>, HashMap<Row, SeriesPlan>> {
    private final Grid align;
    private final int segmentRows;

    PlanFn(Grid align, int segmentRows) {
      this.align = align;
      this.segmentRows = segmentRows;
    }

    @Override
    public HashMap<Row, SeriesStats> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public HashMap<Row, SeriesStats> addInput(HashMap<Row, SeriesStats> acc, KV<Row, SeriesStats> in) {
      acc.merge(in.getKey(), in.getValue(), (a, b) -> {
        SeriesStats m = new SeriesStats();
        m.merge(a);
        m.merge(b);
        return m;
      });
      return acc;
    }

    @Override
    public HashMap<Row, SeriesStats> mergeAccumulators(Iterable<HashMap<Row, SeriesStats>> accs) {
      HashMap<Row, SeriesStats> out = new HashMap<>();
      for (HashMap<Row, SeriesStats> a : accs) {
        for (Map.Entry<Row, SeriesStats> e : a.entrySet()) {
          addInput(out, KV.of(e.getKey(), e.getValue()));
        }
      }
      return out;
    }

    @Override
    public HashMap<Row, SeriesPlan> extractOutput(HashMap<Row, SeriesStats> acc) {
      HashMap<Row, SeriesPlan> out = new HashMap<>();
      for (Map.Entry<Row, SeriesStats> e : acc.entrySet()) {
        out.put(e.getKey(), plan(e.getValue()));
      }
      return out;
    }

    private SeriesPlan plan(SeriesStats s) {
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
      }
      return new SeriesPlan(anchor, width, closedRight, s.first, s.last, s.count);
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<HashMap<Row, SeriesPlan>> getDefaultOutputCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<KV<Row, SeriesStats>> inputCoder) {
      @SuppressWarnings("unchecked")
      Class<HashMap<Row, SeriesPlan>> c = (Class<HashMap<Row, SeriesPlan>>) (Class<?>) HashMap.class;
      return SerializableCoder.of(c);
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<HashMap<Row, SeriesStats>> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<KV<Row, SeriesStats>> inputCoder) {
      @SuppressWarnings("unchecked")
      Class<HashMap<Row, SeriesStats>> c = (Class<HashMap<Row, SeriesStats>>) (Class<?>) HashMap.class;
      return SerializableCoder.of(c);
    }
  }

  /** Splits a chunk at the segment edges of its series. */
  static final class SplitFn extends DoFn<Chunk, KV<KV<Row, Long>, Chunk>> {
    private final PCollectionView<HashMap<Row, SeriesPlan>> plans;

    SplitFn(PCollectionView<HashMap<Row, SeriesPlan>> plans) {
      this.plans = plans;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Chunk chunk = c.element();
      if (chunk.size() == 0) {
        return;
      }
      SeriesPlan plan = c.sideInput(plans).get(chunk.key());
      long[] t = chunk.times();
      long firstSeg = plan.segmentOf(t[0]);
      boolean one = true;
      for (int i = 1; i < t.length && one; i++) {
        one = plan.segmentOf(t[i]) == firstSeg;
      }
      if (one) {
        c.output(KV.of(KV.of(chunk.key(), firstSeg), chunk));
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
        c.output(KV.of(KV.of(chunk.key(), e.getKey()), chunk.take(e.getValue(), counts.get(e.getKey()))));
      }
    }
  }

  /** Concatenates the pieces of one segment and sorts them into series order. */
  static final class MergeFn extends DoFn<KV<KV<Row, Long>, Iterable<Chunk>>, KV<KV<Row, Long>, Chunk>> {
    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Iterable<Chunk>> e,
        OutputReceiver<KV<KV<Row, Long>, Chunk>> out) {
      List<Chunk> parts = new ArrayList<>();
      for (Chunk c : e.getValue()) {
        parts.add(c);
      }
      // Pieces arrive in any order; order them by their first row so the merge sort mostly finds runs.
      parts.sort((a, b) -> {
        int byTime = Long.compare(a.times()[0], b.times()[0]);
        return byTime != 0 ? byTime : Long.compare(a.seqs()[0], b.seqs()[0]);
      });
      out.output(KV.of(e.getKey(), Chunk.concat(parts).sorted()));
    }
  }
}
