package io.industryts.engine;

import io.industryts.engine.PlanResult.SegmentProfiler;
import io.industryts.engine.PlanResult.SegmentSide;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

/**
 * {@link PlanResult#profileSegments}: hands each segment of a run's input and output to a caller's
 * {@link SegmentProfiler} as plain arrays ({@link SegmentSide}), so a report can reduce segments to
 * small summaries inside the pipeline without reading chunks. Only the profiles leave the stage.
 */
final class SegmentProfiles {
  private SegmentProfiles() {}

  static <P> PCollection<P> apply(
      Segments input,
      Segments output,
      List<String> columns,
      boolean pairSides,
      SegmentProfiler<P> profiler,
      Coder<P> coder) {
    List<String> cols = List.copyOf(columns);
    if (!pairSides) {
      // each side is profiled on its own, as soon as its segment exists: no grouping, and no input
      // segment is held until its output is computed
      return PCollectionList.of(
              input
                  .collection()
                  .apply("Profiles/Input", ParDo.of(new SideFn<>(cols, false, profiler)))
                  .setCoder(coder))
          .and(
              output
                  .collection()
                  .apply("Profiles/Output", ParDo.of(new SideFn<>(cols, true, profiler)))
                  .setCoder(coder))
          .apply("Profiles/Both", Flatten.pCollections())
          .setCoder(coder);
    }
    // both sides of a segment must meet: one grouping by segment key
    @SuppressWarnings("unchecked")
    Coder<KV<Row, Long>> keyCoder =
        ((KvCoder<KV<Row, Long>, Chunk>) input.collection().getCoder()).getKeyCoder();
    KvCoder<KV<Row, Long>, Tagged> tagged =
        KvCoder.of(
            keyCoder,
            new TaggedCoder(ChunkCoder.of(input.layout()), ChunkCoder.of(output.layout())));
    PCollection<KV<KV<Row, Long>, Tagged>> in =
        input.collection().apply("Profiles/TagInput", ParDo.of(new TagFn(false))).setCoder(tagged);
    PCollection<KV<KV<Row, Long>, Tagged>> out =
        output.collection().apply("Profiles/TagOutput", ParDo.of(new TagFn(true))).setCoder(tagged);
    return PCollectionList.of(in)
        .and(out)
        .apply("Profiles/Sides", Flatten.pCollections())
        .setCoder(tagged)
        .apply("Profiles/BySegment", KeyGroups.<KV<Row, Long>, Tagged>byKey())
        .apply("Profiles/Pairs", ParDo.of(new PairFn<>(cols, profiler)))
        .setCoder(coder);
  }

  /**
   * The numeric columns {@code columns} of {@code chunk} as doubles and null masks; columns the
   * chunk lacks are left out. Double columns are handed over in place, not copied; long columns are
   * widened; other columns are read cell by cell (numbers as doubles, booleans as 1 and 0, other
   * values as NaN).
   */
  static SegmentSide side(Chunk chunk, List<String> columns) {
    Map<String, double[]> values = new LinkedHashMap<>();
    Map<String, boolean[]> nulls = new LinkedHashMap<>();
    for (String name : columns) {
      if (!chunk.schema().hasField(name)) {
        continue;
      }
      Column col = chunk.column(name);
      if (col instanceof DoubleColumn) {
        values.put(name, ((DoubleColumn) col).values());
        nulls.put(name, ((DoubleColumn) col).nulls());
        continue;
      }
      int n = col.size();
      double[] v = new double[n];
      if (col instanceof LongColumn) {
        long[] l = ((LongColumn) col).values();
        for (int i = 0; i < n; i++) {
          v[i] = l[i];
        }
        values.put(name, v);
        nulls.put(name, ((LongColumn) col).nulls());
        continue;
      }
      boolean[] isNull = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (col.isNull(i)) {
          isNull[i] = true;
        } else {
          Object o = col.get(i);
          v[i] =
              o instanceof Number
                  ? ((Number) o).doubleValue()
                  : o instanceof Boolean ? ((Boolean) o ? 1 : 0) : Double.NaN;
        }
      }
      values.put(name, v);
      nulls.put(name, isNull);
    }
    return new SegmentSide(chunk.times(), values, nulls);
  }

  /** A segment chunk and the side it comes from. */
  static final class Tagged {
    final boolean output;
    final Chunk chunk;

    Tagged(boolean output, Chunk chunk) {
      this.output = output;
      this.chunk = chunk;
    }
  }

  /** One byte for the side, then the chunk with that side's coder. */
  static final class TaggedCoder extends CustomCoder<Tagged> {
    private static final long serialVersionUID = 1L;
    private final ChunkCoder input;
    private final ChunkCoder output;

    TaggedCoder(ChunkCoder input, ChunkCoder output) {
      this.input = input;
      this.output = output;
    }

    @Override
    public void encode(Tagged value, OutputStream out) throws IOException {
      out.write(value.output ? 1 : 0);
      (value.output ? output : input).encode(value.chunk, out);
    }

    @Override
    public Tagged decode(InputStream in) throws IOException {
      boolean isOutput = in.read() == 1;
      return new Tagged(isOutput, (isOutput ? output : input).decode(in));
    }
  }

  static final class TagFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<KV<Row, Long>, Tagged>> {
    private final boolean output;

    TagFn(boolean output) {
      this.output = output;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<KV<Row, Long>, Tagged>> out) {
      out.output(KV.of(e.getKey(), new Tagged(output, e.getValue())));
    }
  }

  /** Profiles one segment's input and output together. */
  static final class PairFn<P> extends DoFn<KV<KV<Row, Long>, Iterable<Tagged>>, P> {
    private final List<String> columns;
    private final SegmentProfiler<P> profiler;

    PairFn(List<String> columns, SegmentProfiler<P> profiler) {
      this.columns = columns;
      this.profiler = profiler;
    }

    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Iterable<Tagged>> e, OutputReceiver<P> out) {
      List<Chunk> in = new ArrayList<>();
      List<Chunk> outs = new ArrayList<>();
      for (Tagged s : e.getValue()) {
        (s.output ? outs : in).add(s.chunk);
      }
      out.output(
          profiler.profile(e.getKey().getKey(), e.getKey().getValue(), sorted(in), sorted(outs)));
    }

    private SegmentSide sorted(List<Chunk> parts) {
      if (parts.isEmpty()) {
        return null;
      }
      return side(parts.size() == 1 ? parts.get(0) : Chunk.concat(parts).sorted(), columns);
    }
  }

  /** Profiles one side of a segment alone (the other side is null). */
  static final class SideFn<P> extends DoFn<KV<KV<Row, Long>, Chunk>, P> {
    private final List<String> columns;
    private final boolean output;
    private final SegmentProfiler<P> profiler;

    SideFn(List<String> columns, boolean output, SegmentProfiler<P> profiler) {
      this.columns = columns;
      this.output = output;
      this.profiler = profiler;
    }

    @ProcessElement
    public void process(@Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<P> out) {
      SegmentSide s = side(e.getValue(), columns);
      out.output(
          profiler.profile(
              e.getKey().getKey(), e.getKey().getValue(), output ? null : s, output ? s : null));
    }
  }
}
