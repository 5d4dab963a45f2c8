package io.industryts.runners.report;

import io.industryts.engine.ChunkCoder;
import io.industryts.engine.KeyGroups;
import io.industryts.engine.spi.Chunk;
import io.industryts.engine.spi.ChunkLayout;
import io.industryts.engine.spi.Column;
import io.industryts.engine.spi.DoubleColumn;
import io.industryts.engine.spi.LongColumn;
import io.industryts.runners.report.ColumnSamples.Marker;
import io.industryts.runners.report.ColumnSamples.Points;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;

// Over 500 lines: the report's in-pipeline side — tagging, per-segment profiling, the coders of
// what moves between workers and the atomic write of the data file. The steps exchange the same
// Side, Scratch and Values types and are short each.

/**
 * Collects what the job report needs inside the pipeline, cheaply: the input and the output
 * segments are grouped by segment key (series, segment index; on the DirectRunner only ids move),
 * each segment is reduced to a {@link SegmentProfile} of a few kilobytes (LTTB points, steps,
 * markers), and one worker writes the profiles to a data file that the launcher turns into the page
 * after the run, when the counters are known. No row reaches the launcher.
 */
public final class ReportCollector {
  private ReportCollector() {}

  /** Points kept per segment, side and column; the page thins each plot again to this many. */
  public static final int POINTS = 1000;

  /** Markers kept per segment, column and kind. */
  static final int MARKERS = 400;

  /**
   * Adds the collection to the pipeline of {@code input} (segments of {@code inputLayout}) and
   * {@code output}; the profiles go to {@code dataFile}.
   *
   * @param columns the value columns to sample (numeric; a column missing on one side is sampled on
   *     the other only)
   * @param markers whether to compare values at the same time (off when the steps re-grid or move
   *     times, where "the same time" means nothing)
   */
  public static void collect(
      PCollection<KV<KV<Row, Long>, Chunk>> input,
      ChunkLayout inputLayout,
      PCollection<KV<KV<Row, Long>, Chunk>> output,
      ChunkLayout outputLayout,
      List<String> columns,
      boolean markers,
      String dataFile) {
    KvCoder<Integer, SegmentProfile> profiles = KvCoder.of(VarIntCoder.of(), new ProfileCoder());
    PCollectionList<KV<Integer, SegmentProfile>> parts;
    if (markers) {
      // markers compare both sides of a segment: they must meet
      @SuppressWarnings("unchecked")
      Coder<KV<Row, Long>> keyCoder =
          ((KvCoder<KV<Row, Long>, Chunk>) input.getCoder()).getKeyCoder();
      SideCoder sideCoder = new SideCoder(ChunkCoder.of(inputLayout), ChunkCoder.of(outputLayout));
      KvCoder<KV<Row, Long>, Side> tagged = KvCoder.of(keyCoder, sideCoder);
      PCollection<KV<KV<Row, Long>, Side>> in =
          input.apply("Report/TagInput", ParDo.of(new TagFn(false))).setCoder(tagged);
      PCollection<KV<KV<Row, Long>, Side>> out =
          output.apply("Report/TagOutput", ParDo.of(new TagFn(true))).setCoder(tagged);
      parts =
          PCollectionList.of(
              PCollectionList.of(in)
                  .and(out)
                  .apply("Report/Sides", Flatten.pCollections())
                  .setCoder(tagged)
                  .apply("Report/BySegment", KeyGroups.<KV<Row, Long>, Side>byKey())
                  .apply("Report/Profile", ParDo.of(new ProfileFn(columns, markers)))
                  .setCoder(profiles));
    } else {
      // without markers each side is profiled on its own, as soon as its segment exists: no
      // grouping, and no input segment is held until its output is computed
      parts =
          PCollectionList.of(
                  input
                      .apply("Report/ProfileInput", ParDo.of(new SideProfileFn(columns, false)))
                      .setCoder(profiles))
              .and(
                  output
                      .apply("Report/ProfileOutput", ParDo.of(new SideProfileFn(columns, true)))
                      .setCoder(profiles));
    }
    parts
        .apply("Report/Profiles", Flatten.pCollections())
        .setCoder(profiles)
        .apply("Report/Gather", GroupByKey.create())
        .apply("Report/WriteData", ParDo.of(new WriteDataFn(dataFile)));
  }

  /** The profiles written by a run; empty when the input had no rows (no segment at all). */
  @SuppressWarnings("unchecked")
  static List<SegmentProfile> read(Path dataFile) throws IOException {
    if (!Files.exists(dataFile)) {
      return List.of();
    }
    try (InputStream s = Files.newInputStream(dataFile);
        ObjectInputStream in = new ObjectInputStream(s)) {
      return (List<SegmentProfile>) in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("industryts: report data " + dataFile + " is not readable: " + e, e);
    }
  }

  /** A segment chunk and the side it comes from. */
  static final class Side {
    final boolean output;
    final Chunk chunk;

    Side(boolean output, Chunk chunk) {
      this.output = output;
      this.chunk = chunk;
    }
  }

  /** One byte for the side, then the chunk with that side's coder. */
  static final class SideCoder extends CustomCoder<Side> {
    private static final long serialVersionUID = 1L;
    private final ChunkCoder input;
    private final ChunkCoder output;

    SideCoder(ChunkCoder input, ChunkCoder output) {
      this.input = input;
      this.output = output;
    }

    @Override
    public void encode(Side value, OutputStream out) throws IOException {
      out.write(value.output ? 1 : 0);
      (value.output ? output : input).encode(value.chunk, out);
    }

    @Override
    public Side decode(InputStream in) throws IOException {
      boolean isOutput = in.read() == 1;
      return new Side(isOutput, (isOutput ? output : input).decode(in));
    }
  }

  /**
   * Profiles as Java-serialized bytes with their length first. (Beam's {@code SerializableCoder}
   * would do the same but warns on every run that the class has no {@code equals}; profiles are
   * never compared or used as keys.)
   */
  static final class ProfileCoder extends CustomCoder<SegmentProfile> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(SegmentProfile value, OutputStream out) throws IOException {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
        o.writeObject(value);
      }
      org.apache.beam.sdk.util.VarInt.encode(bytes.size(), out);
      bytes.writeTo(out);
    }

    @Override
    public SegmentProfile decode(InputStream in) throws IOException {
      byte[] bytes = new byte[org.apache.beam.sdk.util.VarInt.decodeInt(in)];
      new java.io.DataInputStream(in).readFully(bytes);
      try (ObjectInputStream o = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
        return (SegmentProfile) o.readObject();
      } catch (ClassNotFoundException e) {
        throw new IOException("industryts: report profile not readable: " + e, e);
      }
    }
  }

  static final class TagFn extends DoFn<KV<KV<Row, Long>, Chunk>, KV<KV<Row, Long>, Side>> {
    private final boolean output;

    TagFn(boolean output) {
      this.output = output;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<KV<Row, Long>, Side>> out) {
      out.output(KV.of(e.getKey(), new Side(output, e.getValue())));
    }
  }

  /** Reduces one segment's input and output chunks to a profile. */
  static final class ProfileFn
      extends DoFn<KV<KV<Row, Long>, Iterable<Side>>, KV<Integer, SegmentProfile>> {
    private final List<String> columns;
    private final boolean markers;
    private transient Scratch scratch;

    ProfileFn(List<String> columns, boolean markers) {
      this.columns = List.copyOf(columns);
      this.markers = markers;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Iterable<Side>> e,
        OutputReceiver<KV<Integer, SegmentProfile>> out) {
      List<Chunk> in = new ArrayList<>();
      List<Chunk> outs = new ArrayList<>();
      for (Side s : e.getValue()) {
        (s.output ? outs : in).add(s.chunk);
      }
      if (scratch == null) {
        scratch = new Scratch();
      }
      out.output(
          KV.of(
              0,
              profile(
                  seriesLabel(e.getKey().getKey()),
                  e.getKey().getValue(),
                  concat(in),
                  concat(outs),
                  columns,
                  markers,
                  scratch)));
    }

    private static Chunk concat(List<Chunk> parts) {
      if (parts.isEmpty()) {
        return null;
      }
      return parts.size() == 1 ? parts.get(0) : Chunk.concat(parts).sorted();
    }
  }

  /**
   * Reduces one segment of one side (input or output) to a profile of that side only; used when
   * there are no markers, so the sides need not meet.
   */
  static final class SideProfileFn
      extends DoFn<KV<KV<Row, Long>, Chunk>, KV<Integer, SegmentProfile>> {
    private final List<String> columns;
    private final boolean output;
    private transient Scratch scratch;

    SideProfileFn(List<String> columns, boolean output) {
      this.columns = List.copyOf(columns);
      this.output = output;
    }

    @ProcessElement
    public void process(
        @Element KV<KV<Row, Long>, Chunk> e, OutputReceiver<KV<Integer, SegmentProfile>> out) {
      if (scratch == null) {
        scratch = new Scratch();
      }
      Chunk c = e.getValue();
      out.output(
          KV.of(
              0,
              profile(
                  seriesLabel(e.getKey().getKey()),
                  e.getKey().getValue(),
                  output ? null : c,
                  output ? c : null,
                  columns,
                  false,
                  scratch)));
    }
  }

  /** Reused buffers of one worker thread for the points with a value of one column. */
  static final class Scratch {
    long[] t = new long[0];
    double[] v = new double[0];

    void ensure(int n) {
      if (t.length < n) {
        t = new long[n];
        v = new double[n];
      }
    }
  }

  /** The series' key values joined with "/" ("" for an unkeyed job). */
  static String seriesLabel(Row key) {
    List<String> parts = new ArrayList<>();
    for (Object v : key.getValues()) {
      parts.add(String.valueOf(v));
    }
    return String.join("/", parts);
  }

  /**
   * The profile of one segment: {@code input} and {@code output} are its sorted chunks (either may
   * be null when a side has no rows there).
   */
  static SegmentProfile profile(
      String series,
      long segment,
      Chunk input,
      Chunk output,
      List<String> columns,
      boolean markers) {
    return profile(series, segment, input, output, columns, markers, new Scratch());
  }

  private static SegmentProfile profile(
      String series,
      long segment,
      Chunk input,
      Chunk output,
      List<String> columns,
      boolean markers,
      Scratch scratch) {
    SegmentProfile p = new SegmentProfile(series, segment);
    if (input != null && input.size() > 0) {
      long[] t = input.times();
      p.inputRows = t.length;
      p.inputFirst = t[0];
      p.inputLast = t[t.length - 1];
      p.steps = TimeSteps.of(t);
    }
    if (output != null && output.size() > 0) {
      long[] t = output.times();
      p.outputRows = t.length;
      p.outputFirst = t[0];
      p.outputLast = t[t.length - 1];
    }
    for (String c : columns) {
      ColumnSamples s = new ColumnSamples();
      Values in = Values.of(input, c);
      Values out = Values.of(output, c);
      if (in != null) {
        s.input = in.lttb(input.times(), POINTS, scratch);
        s.inputNulls = in.nulls();
        s.inputSpread = in.spread;
      }
      if (out != null) {
        s.output = out.lttb(output.times(), POINTS, scratch);
        s.outputNulls = out.nulls();
        s.outputSpread = out.spread;
      }
      if (markers && in != null) {
        compare(input.times(), in, output == null ? new long[0] : output.times(), out, s);
      }
      p.columns.put(c, s);
    }
    return p;
  }

  /**
   * Markers from the input and output rows at the same time, paired in order when several share a
   * time: an input row without a partner was dropped; a pair whose cell went from null to a value
   * was filled, from a value to null masked, from one value to another changed.
   */
  static void compare(long[] ti, Values in, long[] to, Values out, ColumnSamples s) {
    long[][] mt = new long[Marker.values().length][];
    double[][] mv = new double[Marker.values().length][];
    int[] count = new int[Marker.values().length];
    for (int k = 0; k < mt.length; k++) {
      mt[k] = new long[16];
      mv[k] = new double[16];
    }
    int j = 0;
    for (int i = 0; i < ti.length; i++) {
      while (j < to.length && to[j] < ti[i]) {
        j++; // output rows the input did not have (regularize grid rows): no marker
      }
      Marker m = null;
      double v = Double.NaN;
      boolean inNull = in == null || in.isNull(i);
      if (j < to.length && to[j] == ti[i]) {
        boolean outNull = out == null || out.isNull(j);
        if (inNull && !outNull) {
          m = Marker.FILLED;
          v = out.value(j);
        } else if (!inNull && outNull && out != null) {
          m = Marker.MASKED;
          v = in.value(i);
        } else if (!inNull
            && !outNull
            && Double.doubleToLongBits(in.value(i)) != Double.doubleToLongBits(out.value(j))) {
          m = Marker.CHANGED;
          v = out.value(j);
        }
        j++;
      } else {
        m = Marker.DROPPED;
        v = inNull ? Double.NaN : in.value(i);
      }
      if (m != null) {
        int k = m.ordinal();
        if (count[k] == mt[k].length) {
          mt[k] = java.util.Arrays.copyOf(mt[k], count[k] * 2);
          mv[k] = java.util.Arrays.copyOf(mv[k], count[k] * 2);
        }
        mt[k][count[k]] = ti[i];
        mv[k][count[k]++] = v;
      }
    }
    for (int k = 0; k < mt.length; k++) {
      s.markerTotals[k] += count[k];
      s.markers[k] =
          new Points(
                  java.util.Arrays.copyOf(mt[k], count[k]),
                  java.util.Arrays.copyOf(mv[k], count[k]))
              .thin(MARKERS);
    }
  }

  /**
   * A numeric column of a chunk as doubles and nulls (NaN counts as null: plots skip it). A double
   * column's arrays are read in place, not copied.
   */
  static final class Values {
    private final double[] v;
    private final boolean[] nulls;
    private long nullCount = -1;
    private ColumnSamples.Spread spread = ColumnSamples.Spread.EMPTY;

    private Values(double[] v, boolean[] nulls) {
      this.v = v;
      this.nulls = nulls;
    }

    /** The column {@code name} of {@code c}, or null when {@code c} is null or lacks it. */
    static Values of(Chunk c, String name) {
      if (c == null || !c.schema().hasField(name)) {
        return null;
      }
      Column col = c.column(name);
      if (col instanceof DoubleColumn) {
        return new Values(((DoubleColumn) col).values(), ((DoubleColumn) col).nulls());
      }
      int n = col.size();
      double[] v = new double[n];
      if (col instanceof LongColumn) {
        long[] l = ((LongColumn) col).values();
        for (int i = 0; i < n; i++) {
          v[i] = l[i];
        }
        return new Values(v, ((LongColumn) col).nulls());
      }
      boolean[] nulls = new boolean[n];
      for (int i = 0; i < n; i++) {
        if (col.isNull(i)) {
          nulls[i] = true;
        } else {
          Object o = col.get(i);
          v[i] =
              o instanceof Number
                  ? ((Number) o).doubleValue()
                  : o instanceof Boolean ? ((Boolean) o ? 1 : 0) : Double.NaN;
        }
      }
      return new Values(v, nulls);
    }

    boolean isNull(int i) {
      return nulls[i] || Double.isNaN(v[i]);
    }

    double value(int i) {
      return v[i];
    }

    /** The number of nulls (and NaN). */
    long nulls() {
      if (nullCount < 0) {
        long n = 0;
        for (int i = 0; i < v.length; i++) {
          n += isNull(i) ? 1 : 0;
        }
        nullCount = n;
      }
      return nullCount;
    }

    /**
     * The (time, value) points with a value, given the chunk's times, thinned to at most {@code
     * max} by LTTB; counts the nulls and takes the spread in the same pass.
     */
    Points lttb(long[] t, int max, Scratch scratch) {
      scratch.ensure(t.length);
      long[] tt = scratch.t;
      double[] vv = scratch.v;
      int m = 0;
      for (int i = 0; i < t.length; i++) {
        double x = v[i];
        if (!nulls[i] && x == x) {
          tt[m] = t[i];
          vv[m++] = x;
        }
      }
      nullCount = t.length - m;
      spread = ColumnSamples.Spread.of(vv, m);
      if (m <= max) {
        return new Points(java.util.Arrays.copyOf(tt, m), java.util.Arrays.copyOf(vv, m));
      }
      int[] keep = io.industryts.ops.Lttb.select(tt, vv, m, max);
      long[] kt = new long[keep.length];
      double[] kv = new double[keep.length];
      for (int k = 0; k < keep.length; k++) {
        kt[k] = tt[keep[k]];
        kv[k] = vv[keep[k]];
      }
      return new Points(kt, kv);
    }
  }

  /** Writes every profile to the data file (temporary name, then rename). */
  static final class WriteDataFn extends DoFn<KV<Integer, Iterable<SegmentProfile>>, Void> {
    private final String dataFile;

    WriteDataFn(String dataFile) {
      this.dataFile = dataFile;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<SegmentProfile>> e) throws IOException {
      List<SegmentProfile> all = new ArrayList<>();
      e.getValue().forEach(all::add);
      writeAtomically(
          Path.of(dataFile),
          temp -> {
            try (OutputStream s = Files.newOutputStream(temp);
                ObjectOutputStream o = new ObjectOutputStream(s)) {
              o.writeObject(all);
            }
          });
    }
  }

  /** Writes one file's content. */
  interface Body {
    void write(Path temp) throws IOException;
  }

  /** Runs {@code body} on a temporary name next to {@code target}, then renames it over target. */
  static void writeAtomically(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path temp =
        abs.resolveSibling(
            "."
                + abs.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      body.write(temp);
      try {
        Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
